#include "i18n_command.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>
#include <thread>

#include "base/disk.h"
#include "base/terminal.h"
#include "build/site_loader.h"
#include "i18n/git_history.h"
#include "i18n/i18n_dashboard.h"
#include "i18n/i18n_report.h"
#include "i18n/translation_status.h"

namespace skiff {
namespace {

namespace fs = std::filesystem;

// "site/pages/es/a.md" (as given) → "pages/es/a.md" (site-relative).
std::string site_relative(const fs::path& site, const std::string& file) {
  std::error_code ec;
  fs::path relative = fs::weakly_canonical(file, ec).lexically_relative(fs::weakly_canonical(site, ec));
  std::string s = relative.generic_string();
  return s.empty() || s.starts_with("..") ? file : s;
}

// Writes `i18nSourceHash: HASH` into translation `file`'s frontmatter
// (replacing an old value), atomically.
bool mark_translation(const LoadedSite& site, const std::string& file, std::string& message) {
  std::string relative = site_relative(site.root, file);
  int translation = -1;
  for (std::size_t i = 0; i < site.pages.pages().size(); ++i) {
    if (site.pages.pages()[i].display_path == relative) translation = static_cast<int>(i);
  }
  if (translation < 0) {
    message = file + ": not a page of this site";
    return false;
  }
  const PageSource& page = site.pages.pages()[static_cast<std::size_t>(translation)];
  if (page.locale == site.config.default_locale) {
    message = file + ": a " + page.locale + " page is a source, not a translation";
    return false;
  }
  int source = site.pages.find(site.config.default_locale, page.slug);
  if (source < 0) {
    message = file + ": no " + site.config.default_locale + " page at `" + page.slug + "`";
    return false;
  }
  std::string error;
  auto source_text = read_file(site.pages.pages()[static_cast<std::size_t>(source)].file, error);
  auto text = read_file(page.file, error);
  if (!source_text || !text) {
    message = error;
    return false;
  }
  if (!text->starts_with("---\n") && !text->starts_with("---\r\n")) {
    message = file + ": no frontmatter to write " + std::string(kSourceHashKey) + " into";
    return false;
  }
  const std::string line_end = text->starts_with("---\r\n") ? "\r\n" : "\n";
  const std::string entry = std::string(kSourceHashKey) + ": " + source_hash(*source_text);
  // Replace the key's line if there is one, else add it after `---`.
  std::size_t key = text->find(line_end + std::string(kSourceHashKey) + ":");
  std::size_t close = text->find(line_end + "---", 3);
  if (key != std::string::npos && close != std::string::npos && key < close) {
    std::size_t end = text->find(line_end, key + line_end.size());
    text->replace(key + line_end.size(), end - key - line_end.size(), entry);
  } else {
    text->insert(3 + line_end.size(), entry + line_end);
  }
  if (!replace_file(page.file, *text, error)) {
    message = error;
    return false;
  }
  message = relative + ": " + entry;
  return true;
}

}  // namespace

int run_i18n_command(const I18nCommandOptions& options) {
  const std::set<std::string> formats = {"text", "json", "markdown", "html"};
  if (formats.count(options.format) == 0) {
    std::fprintf(stderr, "skiff i18n: unknown format `%s` (text, json, markdown or html)\n", options.format.c_str());
    return 2;
  }
  if (!fs::is_directory(options.site)) {
    std::fprintf(stderr, "skiff i18n: %s is not a folder\n", options.site.c_str());
    return 2;
  }
  LoadedSite site;
  site.root = options.site;
  Diagnostics diagnostics;
  load_site(site, diagnostics);
  read_frontmatter(site, static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  bool config_error = false;
  for (const Diagnostic& d : diagnostics.all()) {
    if (d.severity == Severity::Error && !d.file.starts_with("pages/")) config_error = true;
    std::fprintf(stderr, "%s\n", format_diagnostic(d, use_colour(stderr)).c_str());
  }
  if (config_error) return 2;

  if (!options.mark.empty()) {
    int failed = 0;
    for (const std::string& file : options.mark) {
      std::string message;
      bool ok = mark_translation(site, file, message);
      std::fprintf(ok ? stdout : stderr, "%s%s\n", ok ? "marked " : "skiff i18n: ", message.c_str());
      failed += ok ? 0 : 1;
    }
    return failed > 0 ? 2 : 0;
  }

  GitHistory history = read_git_history(site.root, {"pages", "locales"}, site.root / ".skiff-cache" / "git-history");
  I18nStatus status = compute_i18n_status(site, history, site.root / ".skiff-cache" / "i18n-digests");
  I18nReportOptions report;
  report.colour = options.format == "text" && options.out.empty() && use_colour(stdout);
  for (const std::string& f : options.changed_files) report.changed_files.insert(site_relative(site.root, f));
  std::string out = options.format == "json"       ? i18n_json(status, site.config)
                    : options.format == "markdown" ? i18n_markdown(status, site.config, report)
                    : options.format == "html"     ? i18n_dashboard_html(status, site.config)
                                                   : i18n_text(status, site.config, report);
  if (!options.out.empty()) {
    std::string error;
    if (!replace_file(options.out, out, error)) {
      std::fprintf(stderr, "skiff i18n: %s\n", error.c_str());
      return 2;
    }
    std::fprintf(stderr, "wrote %s\n", options.out.c_str());
  } else {
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  if (options.fail_under >= 0) {
    for (const LocaleSummary& s : status.summaries) {
      if (s.percent_done() < options.fail_under) {
        std::fprintf(stderr, "skiff i18n: %s is %d%% done, under --fail-under %d\n", s.locale.c_str(),
                     s.percent_done(), options.fail_under);
        return 1;
      }
    }
  }
  return 0;
}

}  // namespace skiff
