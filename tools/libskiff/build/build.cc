#include "build/build.h"

#include <algorithm>
#include <atomic>
#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <thread>
#include <utility>
#include <vector>

#include "base/disk.h"
#include "base/fnv1a.h"
#include "base/html_escape.h"
#include "base/output_dir.h"
#include "base/source_text.h"
#include "build/layout.h"
#include "build/process_pool.h"
#include "build/site_loader.h"
#include "build/site_page.h"
#include "build/sitemap.h"
#include "i18n/git_history.h"
#include "i18n/i18n_dashboard.h"
#include "i18n/translation_status.h"
#include "render/code_block.h"
#include "render/component.h"
#include "render/page_renderer.h"
#include "render/site_component.h"
#include "site/frontmatter.h"
#include "site/locale_catalog.h"
#include "site/page_index.h"
#include "site/site_config.h"

namespace skiff {
namespace {

// What every built page links or inlines: the stylesheet and script of
// code blocks and built-in components, and the <head> script.
struct ClientAssets {
  std::string css;          // _skiff/skiff.css
  std::string js;           // _skiff/skiff.js (deferred)
  std::string head_script;  // inlined in each page's <head>
  std::string head_html;    // the <script> element for the layout's head slot
};

// The loaded site plus what the build adds to every page.
struct Site : LoadedSite {
  ClientAssets assets;
  // Translations `skiff i18n` finds outdated: page index → the date the
  // translation last changed ("YYYY-MM-DD", or "" when unknown).
  std::map<int, std::string> outdated;
};

// The translation dashboard's path in the output (SiteConfig::i18n_dashboard):
// under _skiff/, beside the other generated files, where no page or locale
// can be (locale codes and page folders never start with '_').
constexpr const char* kDashboardFile = "_skiff/i18n/index.html";

// One HTML file to write: a page in its own locale, or a default-locale
// page shown in a locale that lacks it (a fallback).
struct OutputPage {
  int source = 0;  // index into Site::pages
  std::string locale;
  bool fallback = false;
};

std::vector<OutputPage> plan_outputs(const Site& site) {
  std::vector<OutputPage> outputs;
  const auto& pages = site.pages.pages();
  for (std::size_t i = 0; i < pages.size(); ++i) {
    outputs.push_back({static_cast<int>(i), pages[i].locale, false});
  }
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (pages[i].locale != site.config.default_locale) continue;
    for (const std::string& locale : site.config.locales) {
      if (locale != site.config.default_locale && site.pages.find(locale, pages[i].slug) < 0) {
        outputs.push_back({static_cast<int>(i), locale, true});
      }
    }
  }
  return outputs;
}

std::string output_file(const std::string& locale, const std::string& slug) {
  return slug.empty() ? locale + "/index.html" : locale + "/" + slug + "/index.html";
}

// Which of `shards` parts (1-based) output file `file` belongs to: FNV-1a of
// its path, so every machine deals pages the same way.
int shard_of(std::string_view file, int shards) {
  return static_cast<int>(fnv1a(file) % static_cast<std::uint64_t>(shards)) + 1;
}

// Whether this build is the part that writes the shared files.
bool writes_shared_files(const Site& site, const BuildOptions& options) {
  bool default_locale = options.locales.empty() ||
                        std::find(options.locales.begin(), options.locales.end(), site.config.default_locale) !=
                            options.locales.end();
  return default_locale && options.shard == 1;
}

// The outputs of this part of the build (all of them when not split).
std::vector<OutputPage> part_of(const Site& site, std::vector<OutputPage> outputs, const BuildOptions& options) {
  std::erase_if(outputs, [&](const OutputPage& o) {
    if (!options.locales.empty() &&
        std::find(options.locales.begin(), options.locales.end(), o.locale) == options.locales.end()) {
      return true;
    }
    const std::string& slug = site.pages.pages()[static_cast<std::size_t>(o.source)].slug;
    return options.shards > 1 && shard_of(output_file(o.locale, slug), options.shards) != options.shard;
  });
  return outputs;
}

// Phase 3, per page: read, scan, resolve, render, lay out, write.
void render_one(const Site& site, const OutputPage& output, const std::filesystem::path& staging,
                const MarkdownOptions& markdown, Diagnostics& diagnostics) {
  const PageSource& page = site.pages.pages()[static_cast<std::size_t>(output.source)];
  const Frontmatter& fm = site.frontmatter[static_cast<std::size_t>(output.source)];
  // Problems in the source are reported once, with the page itself, not
  // again for every locale that falls back to it.
  Diagnostics quiet;
  Diagnostics& report = output.fallback ? quiet : diagnostics;
  std::string error;
  auto bytes = read_file(page.file, error);
  if (!bytes) {
    report.error(page.display_path, {}, error);
    return;
  }
  SourceText source(page.display_path, std::move(*bytes));
  PageBody body = render_site_page(site, output.source, source, {output.locale, markdown, true}, report);
  const HtmlTemplate* layout = site.layouts.find(fm.layout, page.display_path, site.config, error);
  if (layout == nullptr) {
    auto key = fm.key_positions.find("layout");
    report.error(page.display_path, key == fm.key_positions.end() ? Position{1, 1} : key->second, error);
    return;
  }
  LayoutPage shell{output.locale, page.slug, &fm, &body, page.locale, output.fallback, false, ""};
  if (auto it = site.outdated.find(output.source); it != site.outdated.end() && !output.fallback) {
    shell.outdated = true;
    shell.outdated_date = it->second;
  }
  SiteMapView view{&site.config, &site.catalog, &site.pages, &site.titles, site.assets.head_html};
  std::string html = render_layout(*layout, shell, view);
  if (!write_file(staging / output_file(output.locale, page.slug), html, error)) {
    diagnostics.error(page.display_path, {}, error);
  }
}


// Phase 2b: the translation status of every page, from one `git log` of
// pages/ (see i18n/translation_status.h), for the outdated notices
// (Site::outdated) and the dashboard. Outside git there is no history: no
// notice from git, and no message; when git fails, a note.
std::optional<I18nStatus> translation_status(Site& site, BuildResult& result) {
  if (site.config.locales.size() < 2 && !site.config.i18n_dashboard) return std::nullopt;
  // The caches `skiff i18n` keeps (same folders, so the same history cache).
  const std::filesystem::path cache = site.root / ".skiff-cache";
  GitHistory history = read_git_history(site.root, {"pages", "locales"}, cache / "git-history");
  if (history.state == GitHistory::State::Failed) {
    result.diagnostics.add({Severity::Note, "pages", {},
                            "no outdated-translation notices: " + history.message});
  }
  I18nStatus status = compute_i18n_status(site, history, cache / "i18n-digests");
  const bool has_history = history.state == GitHistory::State::Full || history.state == GitHistory::State::Shallow;
  for (const PageTranslations& page : status.pages) {
    for (const TranslationStatus& t : page.locales) {
      if (t.state != TranslationState::Outdated) continue;
      // Decided by git or by i18nSourceHash: the date is the translation's
      // last change to its text either way, when git knows it.
      std::int64_t time = t.since_time;
      if (time == 0 && has_history) {
        if (const std::vector<FileChange>* changes = history.changes(t.file)) {
          for (const FileChange& change : *changes) {
            if (!change.content) continue;
            time = history.commits[static_cast<std::size_t>(change.commit)].time;
            break;
          }
        }
      }
      int index = site.pages.find(t.locale, page.slug);
      if (index >= 0) site.outdated[index] = iso_date(time);
    }
  }
  return status;
}

// Phase 4: files that are not pages.
std::string root_index_html(const Site& site) {
  const SiteConfig& config = site.config;
  std::string home = page_url(config, config.default_locale, "");
  std::string out = "<!DOCTYPE html>\n<html lang=\"" +
                    escape_html_attribute(site.catalog.info(config.default_locale).lang()) +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n<title>";
  append_escaped(out, config.title, false);
  out += "</title>\n<meta http-equiv=\"refresh\" content=\"0; url=" + escape_html_attribute(home) +
         "\">\n<link rel=\"canonical\" href=\"" +
         escape_html_attribute(absolute_url(config, home)) + "\">\n</head>\n<body>\n<h1>";
  append_escaped(out, site.catalog.ui(config.default_locale, "index.title"), false);
  out += "</h1>\n<ul>\n";
  for (const std::string& code : config.locales) {
    const LocaleInfo& info = site.catalog.info(code);
    out += "<li><a href=\"" + escape_html_attribute(page_url(config, code, "")) + "\" hreflang=\"" +
           escape_html_attribute(info.lang()) + "\" lang=\"" + escape_html_attribute(info.lang()) + "\">";
    append_escaped(out, info.name, false);
    out += "</a></li>\n";
  }
  out += "</ul>\n</body>\n</html>\n";
  return out;
}

std::string not_found_html(const Site& site) {
  const SiteConfig& config = site.config;
  const std::string& locale = config.default_locale;
  Frontmatter fm;
  fm.title = site.catalog.ui(locale, "notFound.title");
  PageBody body;
  body.html = "<p>" + escape_html_text(site.catalog.ui(locale, "notFound.body")) + "</p>\n<p><a href=\"" +
              escape_html_attribute(page_url(config, locale, "")) + "\">" +
              escape_html_text(site.catalog.ui(locale, "notFound.home")) + "</a></p>\n";
  std::string error;
  const HtmlTemplate* layout = site.layouts.find("NotFound", "", config, error);
  if (layout == nullptr) layout = site.layouts.find("", "", config, error);
  if (layout == nullptr) return body.html;
  LayoutPage shell{locale, "404", &fm, &body, locale, false, false, ""};
  SiteMapView view{&site.config, &site.catalog, &site.pages, &site.titles, site.assets.head_html};
  return render_layout(*layout, shell, view);
}

std::string sitemap_xml(const Site& site) {
  std::vector<SitemapEntry> entries;
  for (const PageSource& page : site.pages.pages()) {
    SitemapEntry entry;
    entry.loc = absolute_url(site.config, page_url(site.config, page.locale, page.slug));
    for (const std::string& code : site.config.locales) {
      if (site.pages.find(code, page.slug) < 0) continue;
      entry.alternates.push_back({site.catalog.info(code).lang(),
                                  absolute_url(site.config, page_url(site.config, code, page.slug))});
    }
    if (entry.alternates.size() > 1) {
      entry.alternates.push_back({"x-default", absolute_url(site.config, page_url(site.config, site.config.default_locale, page.slug))});
    } else {
      entry.alternates.clear();
    }
    entries.push_back(std::move(entry));
  }
  return write_sitemap(entries);
}

// Code blocks' and built-in components' stylesheets and scripts, each file
// once, in registration order (code blocks first: components may restyle
// code inside them).
ClientAssets client_assets() {
  ClientAssets out;
  std::set<const char*> seen;
  auto add = [&](std::string& to, std::string_view asset) {
    if (asset.empty() || !seen.insert(asset.data()).second) return;
    to += asset;
    if (!to.ends_with('\n')) to += '\n';
  };
  add(out.css, component_asset(kCodeStylesheet));
  add(out.css, component_asset(kHighlightStylesheet));
  add(out.js, component_asset(kCodeScript));
  for (const ComponentSpec& spec : ComponentRegistry::builtins().all()) {
    add(out.css, spec.css);
    add(out.js, spec.js);
    add(out.head_script, spec.head_script);
  }
  if (!out.head_script.empty()) {
    // "</script" inside the script would end the element early; "<\/" is
    // the same string to JavaScript.
    std::string script = out.head_script;
    for (std::size_t at = 0; (at = script.find("</", at)) != std::string::npos; at += 3) {
      script.replace(at, 2, "<\\/");
    }
    out.head_html = "<script>" + script + "</script>";
  }
  return out;
}

// public/ goes in first, so generated files win; each clash is a warning,
// never a silent replacement.
void copy_public(const Site& site, const std::vector<OutputPage>& outputs,
                 const std::filesystem::path& staging, BuildResult& result) {
  std::set<std::string, std::less<>> generated = {"index.html", "404.html", "sitemap.xml",
                                                  "_skiff/skiff.css", "_skiff/skiff.js"};
  if (site.config.i18n_dashboard) generated.insert(kDashboardFile);
  for (const OutputPage& o : outputs) {
    generated.insert(output_file(o.locale, site.pages.pages()[static_cast<std::size_t>(o.source)].slug));
  }
  for (const std::string& file : site.public_files) {
    if (generated.count(file) > 0) {
      result.diagnostics.warning("public/" + file, {}, "replaced by the file skiff generates at the same path");
    }
  }
  std::string error;
  if (!copy_tree(site.root / "public", staging, error)) result.diagnostics.error("public", {}, error);
}

void write_site_files(const Site& site, const std::optional<I18nStatus>& status,
                      const std::filesystem::path& staging, BuildResult& result) {
  std::string error;
  auto write = [&](const std::string& rel, const std::string& data) {
    if (!write_file(staging / rel, data, error)) result.diagnostics.error(rel, {}, error);
  };
  write("_skiff/skiff.css", site.assets.css);
  write("_skiff/skiff.js", site.assets.js);
  write("index.html", root_index_html(site));
  write("404.html", not_found_html(site));
  if (site.config.url.empty()) {
    result.diagnostics.warning("site.yml", {}, "no `url` set: sitemap.xml and canonical links use paths, not absolute URLs");
  }
  write("sitemap.xml", sitemap_xml(site));
  if (site.config.i18n_dashboard && status) {
    I18nDashboardOptions dashboard;
    dashboard.site_links = true;
    write(kDashboardFile, i18n_dashboard_html(*status, site.config, dashboard));
  }
}

}  // namespace

BuildResult build_site(const BuildOptions& options, const BuildProgress& progress) {
  auto started = std::chrono::steady_clock::now();
  BuildResult result;
  int jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  Site site;
  site.root = options.site;
  result.out = options.out.empty() ? options.site / "dist" : options.out;
  std::string error;
  if (!std::filesystem::is_directory(options.site)) {
    result.diagnostics.error(options.site.string(), {}, "not a folder: nothing to build");
    return result;
  }
  if (!OutputDir::check_target(result.out, options.site, error)) {
    result.diagnostics.error(result.out.string(), {}, error);
    return result;
  }

  load_site(site, result.diagnostics);
  site.assets = client_assets();
  result.client_js_bytes = site.assets.js.size() + site.assets.head_script.size();
  read_frontmatter(site, jobs);
  for (std::size_t i = 0; i < site.page_diagnostics.size(); ++i) {
    const Diagnostics& d = site.page_diagnostics[i];
    result.diagnostics.append(d);
    // The build can fall back to the slug; lint calls it an error.
    if (site.frontmatter[i].title.empty() && d.error_count() == 0) {
      result.diagnostics.warning(site.pages.pages()[i].display_path, {1, 1},
                                 "the page has no `title` in its frontmatter");
    }
  }
  if (site.pages.pages().empty()) {
    result.diagnostics.error("pages", {}, "the site has no pages: add Markdown files under pages/" +
                                              site.config.default_locale + "/");
  }

  std::optional<I18nStatus> status = translation_status(site, result);

  OutputDir output;
  if (!output.begin(result.out, error)) {
    result.diagnostics.error(result.out.string(), {}, error);
    return result;
  }
  for (const std::string& locale : options.locales) {
    if (std::find(site.config.locales.begin(), site.config.locales.end(), locale) == site.config.locales.end()) {
      result.diagnostics.error("site.yml", {}, "--locale " + locale + ": not one of the site's locales");
    }
  }
  if (options.shards < 1 || options.shard < 1 || options.shard > options.shards) {
    result.diagnostics.error("--shard", {}, "a shard is K/N with 1 <= K <= N, not " + std::to_string(options.shard) +
                                                "/" + std::to_string(options.shards));
  }
  const bool shared_files = writes_shared_files(site, options);
  std::vector<OutputPage> outputs = part_of(site, plan_outputs(site), options);
  if (shared_files) copy_public(site, outputs, output.staging(), result);
  std::vector<Diagnostics> diagnostics = run_in_workers(
      static_cast<int>(outputs.size()), jobs,
      [&](int i, Diagnostics& out) {
        render_one(site, outputs[static_cast<std::size_t>(i)], output.staging(), options.markdown, out);
      },
      [&](int i) {
        return site.pages.pages()[static_cast<std::size_t>(outputs[static_cast<std::size_t>(i)].source)].display_path;
      },
      progress);
  for (const Diagnostics& d : diagnostics) result.diagnostics.append(d);
  for (const OutputPage& o : outputs) {
    (o.fallback ? result.fallbacks_per_locale : result.pages_per_locale)[o.locale]++;
  }
  if (shared_files) write_site_files(site, status, output.staging(), result);

  if (result.diagnostics.error_count() == 0) {
    if (output.commit(error)) {
      result.ok = true;
    } else {
      result.diagnostics.error(result.out.string(), {}, error);
    }
  } else {
    output.abandon();
  }
  result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  return result;
}

}  // namespace skiff
