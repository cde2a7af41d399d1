#include "build/build.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <atomic>
#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/build_id.h"
#include "base/content_hash.h"
#include "base/disk.h"
#include "base/fnv1a.h"
#include "base/html_escape.h"
#include "base/interrupt.h"
#include "base/output_dir.h"
#include "base/source_text.h"
#include "build/build_state.h"
#include "build/layout.h"
#include "build/output_changes.h"
#include "build/output_update.h"
#include "build/process_pool.h"
#include "build/site_loader.h"
#include "build/site_page.h"
#include "build/sitemap.h"
#include "i18n/git_history.h"
#include "i18n/i18n_dashboard.h"
#include "i18n/translation_status.h"
#include "render/code_block.h"
#include "render/component.h"
#include "render/highlighter.h"
#include "render/page_renderer.h"
#include "render/ui_placeholder.h"
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

// The part of the site a build makes, for the record: "" for all of it,
// else "--locale es,fr --shard 2/8" as given.
std::string part_name(const BuildOptions& options) {
  std::string part;
  if (!options.locales.empty()) {
    part += "--locale ";
    for (std::size_t i = 0; i < options.locales.size(); ++i) part += (i > 0 ? "," : "") + options.locales[i];
  }
  if (options.shards > 1) part += (part.empty() ? "" : " ") + std::string("--shard ") + std::to_string(options.shard) + "/" + std::to_string(options.shards);
  return part;
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

// Where pages go: a fresh staging folder (a full build), or the output
// itself, as pending files (an incremental build, output_update.h).
struct WriteTarget {
  std::filesystem::path dir;
  bool in_place = false;
};

// Writes `data` as output file `rel`, unless it is in place already:
// returns its content_hash, and sets `written`.
// `hint`: whether the file's folder is likely there already in a fresh
// output (a page's own folder is not).
std::uint64_t write_output(const WriteTarget& target, const std::string& rel, std::string_view data,
                           const OutputRecord* previous, bool& written, std::string& error, bool& ok,
                           FolderHint hint = FolderHint::kLikelyExists) {
  std::uint64_t hash = content_hash(data);
  written = false;
  ok = true;
  if (target.in_place && previous != nullptr && previous->hash == hash) return hash;
  ok = target.in_place ? write_pending(target.dir, rel, data, error) : write_file(target.dir / rel, data, error, hint);
  written = ok;
  return hash;
}

// Phase 3, per source page: read, scan, resolve and render its body once,
// then lay out and write each output of it in `group` (indexes into
// `outputs`: the page in its own locale and the locales that show it as a
// fallback). The body is rendered with its UI strings as placeholders and
// filled for each output's locale (render/ui_placeholder.h), which gives
// the bytes a rendering per locale would. `out` gets a line per output
// written: its position in `group`, the HTML's hash in hex, then 'w' when
// the file was written ('-' when the same bytes were in place).
void render_group(const Site& site, const std::vector<OutputPage>& outputs, const std::vector<std::size_t>& group,
                  const WriteTarget& target, const std::vector<OutputRecord*>& recorded,
                  const MarkdownOptions& markdown, Diagnostics& diagnostics, std::string& out) {
  const int source_index = outputs[group.front()].source;
  const PageSource& page = site.pages.pages()[static_cast<std::size_t>(source_index)];
  const Frontmatter& fm = site.frontmatter[static_cast<std::size_t>(source_index)];
  // Problems in the source are reported once, with the page itself, not
  // again for every locale that falls back to it.
  Diagnostics quiet;
  const bool has_own = std::any_of(group.begin(), group.end(), [&](std::size_t k) { return !outputs[k].fallback; });
  Diagnostics& report = has_own ? diagnostics : quiet;
  std::string error;
  auto bytes = read_page(site.config, page, error);
  if (!bytes) {
    // Said already when its frontmatter was read (read_frontmatter).
    const bool said = site.page_diagnostics[static_cast<std::size_t>(source_index)].error_count() > 0;
    (said ? quiet : report).error(page.display_path, {}, error);
    return;
  }
  SourceText source(page.display_path, std::move(*bytes));
  const HtmlTemplate* layout = site.layouts.find(fm.layout, page.display_path, site.config, error);
  std::optional<PageBody> shared;
  if (group.size() > 1 && !has_ui_placeholder_marks(source.text())) {
    SitePageOptions options{page.locale, markdown, true};
    options.ui_placeholders = true;
    shared = render_site_page(site, source_index, source, options, report);
    if (!shared->ui_all_placeholders) shared.reset();
  }
  if (layout == nullptr) {
    auto key = fm.key_positions.find("layout");
    report.error(page.display_path, key == fm.key_positions.end() ? Position{1, 1} : key->second, error);
    return;
  }
  for (std::size_t g = 0; g < group.size(); ++g) {
    const OutputPage& output = outputs[group[g]];
    PageBody body;
    std::optional<std::string> filled;
    if (shared) {
      filled = fill_ui_placeholders(shared->html, [&](std::string_view key) { return site.catalog.ui(output.locale, key); });
      for (const TocEntry& entry : shared->toc) {
        if (has_ui_placeholder_marks(entry.text)) filled.reset();
      }
    }
    if (filled) {
      body.html = std::move(*filled);
      body.toc = shared->toc;
    } else {
      // Rendered for this locale alone; reported already when `shared` was.
      Diagnostics& problems = shared || output.fallback ? quiet : report;
      SitePageOptions per_locale{output.locale, markdown, true};
      per_locale.report_encoding = &problems == &report;  // a pass over the bytes, for nothing
      body = render_site_page(site, source_index, source, per_locale, problems);
    }
    LayoutPage shell{output.locale, page.slug, &fm, &body, page.locale, output.fallback, false, ""};
    if (auto it = site.outdated.find(output.source); it != site.outdated.end() && !output.fallback) {
      shell.outdated = true;
      shell.outdated_date = it->second;
    }
    SiteMapView view{&site.config, &site.catalog, &site.pages, &site.titles, site.assets.head_html};
    std::string html = render_layout(*layout, shell, view);
    bool written = false;
    bool ok = true;
    // A page's folder (LOCALE/SLUG/) is its own: new in a fresh output,
    // unless it is the home page or a page with pages below it.
    std::uint64_t hash = write_output(target, output_file(output.locale, page.slug), html, recorded[group[g]], written,
                                      error, ok, FolderHint::kLikelyMissing);
    if (!ok) {
      diagnostics.error(page.display_path, {}, error);
      continue;
    }
    out += std::to_string(g) + '\t' + hash_hex(hash) + (written ? 'w' : '-') + '\n';
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

// The files every part of a build shares, besides public/ (see
// BuildOptions): generated from the whole site, not from one page.
std::vector<std::string> shared_file_names(const Site& site) {
  std::vector<std::string> names = {"index.html", "404.html", "sitemap.xml", "_skiff/skiff.css", "_skiff/skiff.js"};
  if (site.config.i18n_dashboard) names.emplace_back(kDashboardFile);
  return names;
}

// Generates the shared files (all of them, or with `dashboard_only` just
// the translation dashboard) and writes those whose bytes differ from the
// record. Runs as one item of the worker pool, beside the pages (the
// sitemap of a large site takes as long as dozens of pages), so it only
// reads `changes`; `out` gets a line per file for record_site_files:
// hash, 'w' or '-', the path.
void write_site_files(const Site& site, const std::optional<I18nStatus>& status, const WriteTarget& target,
                      bool dashboard_only, const OutputChanges& changes, Diagnostics& diagnostics,
                      std::string& out) {
  std::string error;
  auto write = [&](const std::string& rel, const std::string& data) {
    auto before = changes.state.outputs.find(rel);
    bool written = false;
    bool ok = true;
    std::uint64_t hash = write_output(target, rel, data, before == changes.state.outputs.end() ? nullptr : &before->second,
                                      written, error, ok);
    if (!ok) {
      diagnostics.error(rel, {}, error);
      return;
    }
    out += hash_hex(hash) + (written ? 'w' : '-') + rel + '\n';
  };
  if (!dashboard_only) {
    write("_skiff/skiff.css", site.assets.css);
    write("_skiff/skiff.js", site.assets.js);
    write("index.html", root_index_html(site));
    write("404.html", not_found_html(site));
    write("sitemap.xml", sitemap_xml(site));
  }
  if (site.config.i18n_dashboard && status) {
    I18nDashboardOptions dashboard;
    dashboard.site_links = true;
    write(kDashboardFile, i18n_dashboard_html(*status, site.config, dashboard));
  }
}

// The parent's half of write_site_files: records what the worker wrote.
void record_site_files(std::string_view lines, const WriteTarget& target, OutputChanges& changes) {
  while (!lines.empty()) {
    std::size_t end = lines.find('\n');
    std::string_view line = lines.substr(0, end);
    lines.remove_prefix(end == std::string_view::npos ? lines.size() : end + 1);
    std::uint64_t hash = 0;
    if (line.size() < 18 || !parse_hash_hex(line.substr(0, 16), hash)) continue;
    const std::string file(line.substr(17));
    changes.record_output(file, changes.output_record(file), changes.state.global_key, hash, false);
    if (line[16] == 'w') {
      ++changes.written;
      if (target.in_place) changes.pending.push_back(file);
    }
  }
}

// ---- incremental builds ----------------------------------------------------
//
// An output folder skiff made carries a record of the build that made it
// (build_state.h). The next build compares: a page is rendered again when
// the hash of everything its HTML depends on (its key) differs from the
// recorded one, and written only when its bytes differ from what is there.
// A page's key covers the global key (below), its locale, whether it is a
// fallback, its source's content and its outdated notice; the global key
// covers everything else a page can read: skiff itself, the build options,
// site.yml, locales/, layouts/, components/, the public/ file list, and
// every page's locale, slug, path and title (navigation lists them all).
// So editing one page's text renders that page (and its fallbacks); editing
// a title, a layout or a locale file renders every page.

// Fills what the previous record (`state`, or nullptr) knows about each
// unchanged source (stamp as recorded, old enough, no frontmatter problems)
// and returns which entries still need reading. `stamps` gets every page
// file's current stamp, `records` its record (or nullptr).
std::vector<char> reuse_sources(Site& site, BuildState* state, int jobs, std::vector<FileStamp>& stamps,
                                std::vector<SourceRecord*>& records) {
  const auto& pages = site.pages.pages();
  const std::size_t n = pages.size();
  site.frontmatter.resize(n);
  site.body_offsets.resize(n);
  site.titles.resize(n);
  site.page_diagnostics.resize(n);
  site.source_hashes.resize(n);
  stamps.assign(n, FileStamp{});
  records.assign(n, nullptr);
  std::vector<char> need(n, 1);
  // Page files are stat'ed from the site folder: display paths are relative to it.
  const int site_fd = ::open(site.root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  parallel_for(static_cast<int>(n), jobs, [&](int k) {
    const auto i = static_cast<std::size_t>(k);
    std::optional<FileStamp> stamp =
        site_fd >= 0 ? stamp_of(site_fd, pages[i].display_path.c_str()) : stamp_of(pages[i].file);
    if (!stamp) return;  // read_frontmatter reports it
    stamps[i] = *stamp;
    if (state == nullptr) return;
    auto it = state->sources.find(pages[i].display_path);
    if (it == state->sources.end()) return;
    SourceRecord& record = it->second;
    records[i] = &record;
    if (record.has_diagnostics || !(record.stamp == *stamp) ||
        stamp->mtime_ns >= state->started_ns - kRacyWindowNs) {
      return;
    }
    // What other pages and the translation status read of this page; the
    // rest of its frontmatter is read when the page itself is rendered.
    Frontmatter& fm = site.frontmatter[i];  // default-constructed by the resize above
    fm.title = record.title;
    fm.i18n_ready = record.i18n_ready;
    if (record.source_hash) fm.values[std::string(kSourceHashKey)] = *record.source_hash;
    site.titles[i] = page_title(site, pages[i], record.title);
    site.source_hashes[i] = record.hash;
    need[i] = 0;
  });
  if (site_fd >= 0) ::close(site_fd);
  return need;
}

// The part of the global key that hashes the site's own input files
// (site.yml, locales/, layouts/, components/). Taken before the site is
// loaded: if a file changes in between, the key is older than the HTML,
// and the next build renders again (the other order could keep stale pages
// forever).
std::uint64_t input_files_key(const std::filesystem::path& root) {
  KeyHash key;
  Diagnostics ignored;  // load_site reports them
  std::string error;
  auto add_file = [&](const std::filesystem::path& file, const std::string& name) {
    key.add(name);
    if (auto bytes = read_file(file, error)) key.add(content_hash(*bytes));
  };
  // site.yml as load_site_config reads it (read_site_file): never through
  // a link out of the site, never a FIFO or device.
  key.add(std::string_view("site.yml"));
  if (auto bytes = read_site_file(root, "site.yml", ignored)) key.add(content_hash(*bytes));
  for (const char* folder : {"locales", "layouts", "components"}) {
    key.add(std::string_view(folder));
    for (const std::string& file : list_site_files(root, folder, ignored)) add_file(root / folder / file, file);
  }
  return key.value();
}

// The global key: see above. `files` is input_files_key().
std::uint64_t global_key(const Site& site, const BuildOptions& options, std::uint64_t files) {
  KeyHash key;
  key.add(std::string_view("skiff build 2"));
  // skiff itself and the libraries it loaded (cmark-gfm, the syntax
  // highlighter and its grammars, ICU...): an upgrade can change the HTML.
  static const std::string identity = program_identity();
  key.add(std::string_view(identity));
  key.add(static_cast<std::uint64_t>(options.markdown.safe));
  for (const std::string& locale : options.locales) key.add(locale);
  key.add(static_cast<std::uint64_t>(options.shard)).add(static_cast<std::uint64_t>(options.shards));
  key.add(files);
  // The locales as configured (without site.yml they come from pages/'s folders).
  key.add(site.config.default_locale);
  for (const std::string& locale : site.config.locales) key.add(locale);
  key.add(std::string_view("public"));
  for (const std::string& file : site.public_files) key.add(file);
  key.add(std::string_view("pages"));
  const auto& pages = site.pages.pages();
  for (std::size_t i = 0; i < pages.size(); ++i) {
    key.add(pages[i].locale).add(pages[i].slug).add(pages[i].display_path).add(site.titles[i]);
  }
  return key.value();
}

// The key of one output page: see above. One buffer, one hash: this runs
// for every output on every build.
std::uint64_t page_key(const Site& site, std::uint64_t global, const OutputPage& output, std::string& buffer) {
  auto add = [&buffer](std::uint64_t value) { buffer.append(reinterpret_cast<const char*>(&value), sizeof value); };
  buffer.clear();
  add(global);
  add(site.source_hashes[static_cast<std::size_t>(output.source)]);
  add(output.fallback ? 1 : 0);
  buffer += output.locale;
  auto outdated = site.outdated.find(output.source);
  if (!output.fallback && outdated != site.outdated.end()) {
    buffer.append("\0outdated\0", 10);  // locale codes hold no NUL: no other key reads the same
    buffer += outdated->second;
  }
  return content_hash(buffer);
}

// Whether the recorded translation status is still true: nothing it was
// computed from changed. That is the history (HEAD) and the global key
// (page list, titles, site.yml); and of the pages whose text changed, what
// the status reads from the working tree: their i18nReady and
// i18nSourceHash, and, for a source page, its text when a translation
// records a hash of it. (Other states come from git history alone: an
// uncommitted edit does not move them.)
bool status_unchanged(const Site& site, const BuildState* previous, const std::vector<SourceRecord*>& records,
                      std::uint64_t global, const std::string& head) {
  if (previous == nullptr || previous->global_key != global || previous->head != head) return false;
  if (previous->sources.size() != records.size()) return false;
  const auto& pages = site.pages.pages();
  for (std::size_t i = 0; i < records.size(); ++i) {
    const SourceRecord* record = records[i];
    if (record == nullptr) return false;
    if (record->hash == site.source_hashes[i]) continue;
    const Frontmatter& fm = site.frontmatter[i];
    auto recorded_hash = fm.values.find(kSourceHashKey);
    std::optional<std::string> source_hash;
    if (recorded_hash != fm.values.end()) source_hash = recorded_hash->second;
    if (record->i18n_ready != fm.i18n_ready || record->source_hash != source_hash) return false;
    if (pages[i].locale != site.config.default_locale) continue;
    for (const std::string& locale : site.config.locales) {
      int translation = locale == pages[i].locale ? -1 : site.pages.find(locale, pages[i].slug);
      if (translation >= 0 && site.frontmatter[static_cast<std::size_t>(translation)].values.count(kSourceHashKey) > 0) {
        return false;
      }
    }
  }
  return true;
}

// Brings the record of every source up to date with what this build read;
// records of pages that are gone are dropped.
void record_sources(const Site& site, const std::vector<FileStamp>& stamps, std::vector<SourceRecord*>& records,
                    OutputChanges& changes) {
  const auto& pages = site.pages.pages();
  auto& sources = changes.state.sources;
  for (auto& [path, record] : sources) record.seen = false;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const Frontmatter& fm = site.frontmatter[i];
    SourceRecord now;
    now.stamp = stamps[i];
    now.hash = site.source_hashes[i];
    now.has_diagnostics = !site.page_diagnostics[i].empty() || stamps[i].size < 0;
    now.title = fm.title;
    now.i18n_ready = fm.i18n_ready;
    if (auto it = fm.values.find(kSourceHashKey); it != fm.values.end()) now.source_hash = it->second;
    now.seen = true;
    if (records[i] == nullptr) {
      sources[pages[i].display_path] = std::move(now);
      changes.changed = true;
      changes.delta.sources.push_back(pages[i].display_path);
    } else if (!(records[i]->stamp == now.stamp && records[i]->hash == now.hash &&
                 records[i]->has_diagnostics == now.has_diagnostics && records[i]->title == now.title &&
                 records[i]->i18n_ready == now.i18n_ready && records[i]->source_hash == now.source_hash)) {
      *records[i] = std::move(now);
      changes.changed = true;
      changes.delta.sources.push_back(pages[i].display_path);
    } else {
      records[i]->seen = true;
    }
  }
  for (auto it = sources.begin(); it != sources.end();) {
    if (it->second.seen) {
      ++it;
      continue;
    }
    changes.changed = true;
    changes.delta.sources.push_back(it->first);
    it = sources.erase(it);
  }
}

// Public files that a generated file replaces: each clash is a warning,
// never a silent replacement. Only files that could clash are looked up.
std::set<std::string, std::less<>> clashing_public_files(const Site& site, const std::vector<OutputPage>& outputs,
                                                         BuildResult& result) {
  std::set<std::string, std::less<>> clashes;
  std::vector<std::string> shared = shared_file_names(site);
  std::set<std::string, std::less<>> generated(shared.begin(), shared.end());
  bool pages_listed = false;
  for (const std::string& file : site.public_files) {
    if (file.ends_with("index.html") && !pages_listed) {
      for (const OutputPage& o : outputs) {
        generated.insert(output_file(o.locale, site.pages.pages()[static_cast<std::size_t>(o.source)].slug));
      }
      pages_listed = true;
    }
    if (generated.count(file) > 0) {
      result.diagnostics.warning("public/" + file, {}, "replaced by the file skiff generates at the same path");
      clashes.insert(file);
    } else if (file == kOutputMarker || file.ends_with(".skiff-new")) {
      result.diagnostics.warning("public/" + file, {}, "not copied: the name is reserved for skiff's own files in the output");
      clashes.insert(file);
    }
  }
  return clashes;
}

// public/ into the output. A full build copies the tree, so that generated
// files overwrite clashes; in place, files whose stamp is the one recorded
// (and older than the racy window, as for pages) are left alone and
// clashes are skipped (files gone from public/ are swept with the other
// leftovers). Stamps are taken before copying: a file that changes during
// the copy is copied again next time.
void copy_public(const Site& site, const std::vector<OutputPage>& outputs, const WriteTarget& target,
                 std::int64_t previous_started_ns, OutputChanges& changes, BuildResult& result) {
  std::set<std::string, std::less<>> clashes = clashing_public_files(site, outputs, result);
  const std::filesystem::path from = site.root / "public";
  std::string error;
  std::vector<std::string> copy;
  for (const std::string& file : site.public_files) {
    if (clashes.count(file) > 0) continue;
    std::optional<FileStamp> stamp = stamp_of(from / file);
    if (!stamp) continue;  // gone since it was listed: the copy reports it, or the next build will
    changes.public_seen.insert(file);
    auto before = changes.state.public_files.find(file);
    const bool trusted = before != changes.state.public_files.end() && before->second == *stamp &&
                         stamp->mtime_ns < previous_started_ns - kRacyWindowNs;
    if (target.in_place && trusted) continue;
    if (before == changes.state.public_files.end() || !(before->second == *stamp)) {
      changes.state.public_files[file] = *stamp;
      changes.changed = true;
      changes.delta.public_files.push_back(file);
    }
    copy.push_back(file);
  }
  for (const std::string& file : copy) {
    if (!target.in_place) {
      if (!copy_file(from / file, target.dir / file, error)) result.diagnostics.error("public/" + file, {}, error);
      continue;
    }
    if (ensure_record_open(target.dir, changes, error) && copy_pending(from / file, target.dir, file, error)) {
      changes.pending.push_back(file);
    } else {
      result.diagnostics.error("public/" + file, {}, error);
    }
  }
}

}  // namespace

BuildResult build_site(const BuildOptions& options, const BuildProgress& progress) {
  auto started = std::chrono::steady_clock::now();
  BuildResult result;
  auto phase_start = started;
  auto T = [&](const char* what) {
    auto now = std::chrono::steady_clock::now();
    result.phases.push_back({what, std::chrono::duration<double, std::milli>(now - phase_start).count()});
    phase_start = now;
  };
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
  // One build at a time into an output; the holder first clears what killed
  // builds left beside it, and (previous_build) finishes an update in place
  // that one was killed in the middle of.
  OutputLock lock;
  if (!lock.acquire(result.out, options.wait, options.waiting, error)) {
    result.diagnostics.error(result.out.string(), {}, error);
    return result;
  }
  // The wait may have been long: what the output is now is checked again.
  if (!OutputDir::check_target(result.out, options.site, error)) {
    result.diagnostics.error(result.out.string(), {}, error);
    return result;
  }
  const StaleSiblings stale = remove_stale_siblings(result.out);
  if (!stale.restored.empty()) {
    result.diagnostics.warning(result.out.string(), {},
                               "restored the previous output from " + stale.restored.filename().string() +
                                   " (a build was killed while swapping its output in)");
  }
  // After a restore the build starts afresh rather than trust the record of
  // a tree that came back from aside.
  const bool ignore_record = options.clean || !stale.restored.empty();
  const std::int64_t started_ns = wall_clock_ns();
  // The previous build's record: with it, this build updates the output in
  // place; without it (or with --clean), it builds a fresh tree and swaps
  // it in. Read on a second thread while the site loads (both take tens of
  // milliseconds on a large site; a no-op build is mostly these two).
  OutputChanges changes;
  bool in_place = false;
  std::thread reader([&] {
    if (ignore_record) return;
    std::optional<BuildState> previous = previous_build(result.out, changes.record_bytes);
    if (previous && previous->part == part_name(options)) {
      changes.state = std::move(*previous);
      in_place = true;
    }
  });
  const std::uint64_t files_key = input_files_key(site.root);
  load_site(site, result.diagnostics);
  reader.join();
  // What the previous record said, before this build updates it.
  const std::uint64_t previous_global = changes.state.global_key;
  const std::string previous_head = changes.state.head;
  const std::int64_t previous_started = changes.state.started_ns;
  BuildState* before = in_place ? &changes.state : nullptr;
  T("load the site and the previous record");

  site.assets = client_assets();
  result.client_js_bytes = site.assets.js.size() + site.assets.head_script.size();
  std::vector<FileStamp> stamps;
  std::vector<SourceRecord*> source_records;
  std::vector<char> unread = reuse_sources(site, before, jobs, stamps, source_records);
  // The highlighter loads its grammars once per process (~20 ms): do that
  // on a second thread while frontmatter, keys and the translation status
  // are worked out, whenever pages will likely be rendered (a full build,
  // or a page that changed). Joined before the workers fork (they must
  // start with one thread: process_pool.h), so they inherit it loaded.
  std::jthread warm_highlighter;
  if (!in_place || std::find(unread.begin(), unread.end(), 1) != unread.end()) {
    warm_highlighter = std::jthread([] { Highlighter::instance(); });
  }
  T("stat the pages, reuse unchanged ones");
  read_frontmatter(site, jobs, &unread);
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
  T("read frontmatter");
  const std::uint64_t global = global_key(site, options, files_key);
  T("global key");

  // The translation status, or the one recorded when nothing it reads changed.
  std::optional<I18nStatus> status;
  bool status_reused = false;
  std::string head;
  if (site.config.locales.size() >= 2 || site.config.i18n_dashboard) {
    head = git_head(site.root);
    if (head.empty()) head = "none";
    if (status_unchanged(site, before, source_records, global, head)) {
      status_reused = true;
      std::map<std::string_view, int> index;
      for (std::size_t i = 0; i < site.pages.pages().size(); ++i) index[site.pages.pages()[i].display_path] = static_cast<int>(i);
      for (const auto& [path, date] : changes.state.outdated) {
        if (auto it = index.find(path); it != index.end()) site.outdated[it->second] = date;
      }
    } else {
      status = translation_status(site, result);
      PathMap<std::string> outdated;
      for (const auto& [page, date] : site.outdated) outdated[site.pages.pages()[static_cast<std::size_t>(page)].display_path] = date;
      if (outdated != changes.state.outdated) {
        changes.state.outdated = std::move(outdated);
        changes.changed = true;
        changes.delta.outdated = true;
      }
    }
  }
  if (!in_place || previous_global != global || previous_head != head) changes.changed = true;
  changes.state.global_key = global;
  changes.state.head = head;
  changes.state.part = part_name(options);
  T("translation status");

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

  // Which pages to render: all of them, or (in place) those whose key moved
  // or whose last rendering reported problems (so they are reported again).
  for (auto& [file, record] : changes.state.outputs) record.seen = false;
  std::vector<int> render;
  std::vector<std::uint64_t> keys(outputs.size());
  std::vector<OutputRecord*> recorded(outputs.size(), nullptr);
  std::vector<std::string> files(outputs.size());
  parallel_for(static_cast<int>(outputs.size()), jobs, [&](int i) {
    const auto k = static_cast<std::size_t>(i);
    thread_local std::string key_buffer;
    keys[k] = page_key(site, global, outputs[k], key_buffer);
    files[k] = output_file(outputs[k].locale, site.pages.pages()[static_cast<std::size_t>(outputs[k].source)].slug);
    recorded[k] = changes.output_record(files[k]);
  });
  for (std::size_t k = 0; k < outputs.size(); ++k) {
    if (recorded[k] != nullptr && recorded[k]->key == keys[k] && !recorded[k]->has_diagnostics) {
      recorded[k]->seen = true;
    } else {
      render.push_back(static_cast<int>(k));
    }
  }
  T("page keys");
  // Pages rendered from a source known only by its record: read it now.
  std::vector<char> needed(site.pages.pages().size(), 0);
  bool any_needed = false;
  for (int k : render) {
    auto source = static_cast<std::size_t>(outputs[static_cast<std::size_t>(k)].source);
    if (!unread[source]) needed[source] = any_needed = true;
  }
  if (any_needed) read_frontmatter(site, jobs, &needed);
  record_sources(site, stamps, source_records, changes);
  T("record the sources");

  if (int signal = interrupted(); signal != 0) {
    result.diagnostics.error(result.out.string(), {}, std::string("interrupted by ") + signal_name(signal) +
                                                        " before anything was written; nothing was changed");
    return result;
  }
  OutputDir fresh;
  WriteTarget target{result.out, in_place};
  if (!target.in_place) {
    if (!fresh.begin(result.out, error)) {
      result.diagnostics.error(result.out.string(), {}, error);
      return result;
    }
    target.dir = fresh.staging();
  }
  result.incremental = target.in_place;
  // Shared files read the whole site (the global key) and, for the
  // dashboard, the translation status: written again when either moved.
  // They are item 0 of the pool, so they are done while pages render.
  const bool shared_all = shared_files && (!target.in_place || previous_global != global);
  const bool shared_dashboard = shared_files && site.config.i18n_dashboard && !status_reused;
  const int shared_items = shared_all || shared_dashboard ? 1 : 0;
  if (target.in_place && (!render.empty() || shared_items > 0) && !ensure_record_open(result.out, changes, error)) {
    result.diagnostics.error(result.out.string(), {}, error);
    return result;
  }
  if (warm_highlighter.joinable()) warm_highlighter.join();
  if (shared_files) copy_public(site, outputs, target, previous_started, changes, result);
  if (shared_files && !shared_all) {
    for (const std::string& file : shared_file_names(site)) {
      if (OutputRecord* record = changes.output_record(file)) record->seen = true;
    }
  }
  // The outputs to render, grouped by source page (render_group), in the
  // order of their first output.
  std::vector<std::vector<std::size_t>> groups;
  {
    std::unordered_map<int, std::size_t> group_of;
    for (int k : render) {
      const int source = outputs[static_cast<std::size_t>(k)].source;
      auto [it, added] = group_of.try_emplace(source, groups.size());
      if (added) groups.emplace_back();
      groups[it->second].push_back(static_cast<std::size_t>(k));
    }
  }
  // A few pages render faster here than the workers start.
  constexpr std::size_t kWorthWorkers = 16;
  const std::size_t items = groups.size() + static_cast<std::size_t>(shared_items);
  std::vector<WorkerResult> rendered = run_in_workers_with_output(
      static_cast<int>(items), render.size() < kWorthWorkers ? 1 : jobs,
      [&](int i, Diagnostics& out, std::string& data) {
        if (i < shared_items) {
          write_site_files(site, status, target, !shared_all, changes, out, data);
          return;
        }
        render_group(site, outputs, groups[static_cast<std::size_t>(i - shared_items)], target, recorded,
                     options.markdown, out, data);
      },
      [&](int i) {
        if (i < shared_items) return std::string("the site's shared files (index.html, 404.html, sitemap.xml)");
        const std::size_t k = groups[static_cast<std::size_t>(i - shared_items)].front();
        return site.pages.pages()[static_cast<std::size_t>(outputs[k].source)].display_path;
      },
      progress);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const std::vector<std::size_t>& group = groups[i];
    const WorkerResult& r = rendered[i + static_cast<std::size_t>(shared_items)];
    result.diagnostics.append(r.diagnostics);
    // One line per output that was laid out: "G\tHASH" + 'w' or '-'.
    std::vector<std::optional<std::pair<std::uint64_t, bool>>> done(group.size());
    std::string_view lines = r.output;
    while (!lines.empty()) {
      std::size_t end = lines.find('\n');
      std::string_view line = lines.substr(0, end);
      lines.remove_prefix(end == std::string_view::npos ? lines.size() : end + 1);
      std::size_t tab = line.find('\t');
      std::size_t g = 0;
      std::uint64_t hash = 0;
      if (tab == std::string_view::npos || line.size() != tab + 18) continue;
      auto [ptr, ec] = std::from_chars(line.data(), line.data() + tab, g);
      if (ec != std::errc() || ptr != line.data() + tab || g >= group.size() ||
          !parse_hash_hex(line.substr(tab + 1, 16), hash)) {
        continue;
      }
      done[g] = std::pair{hash, line.back() == 'w'};
    }
    for (std::size_t g = 0; g < group.size(); ++g) {
      const std::size_t k = group[g];
      const bool ok = done[g].has_value();
      // The page's own output carries the page's problems: rendered again next time.
      const bool problems = !ok || (!outputs[k].fallback && !r.diagnostics.empty());
      changes.record_output(files[k], recorded[k], keys[k], ok ? done[g]->first : 0, problems);
      if (ok && done[g]->second) {
        ++changes.written;
        if (target.in_place) changes.pending.push_back(files[k]);
      }
      if (!ok && target.in_place) discard_pending(result.out, files[k]);  // a worker that died mid-write
    }
  }
  if (shared_files && site.config.url.empty()) {
    result.diagnostics.warning("site.yml", {}, "no `url` set: sitemap.xml and canonical links use paths, not absolute URLs");
  }
  if (shared_items > 0) {
    result.diagnostics.append(rendered[0].diagnostics);
    record_site_files(rendered[0].output, target, changes);
  }
  result.rendered = static_cast<int>(render.size());
  for (const OutputPage& o : outputs) {
    (o.fallback ? result.fallbacks_per_locale : result.pages_per_locale)[o.locale]++;
  }
  sweep_leftovers(changes, target.in_place);
  result.written = changes.written;
  T("render and write");

  // An interrupt stops the workers between pages (process_pool.h); then
  // everything this build wrote goes, as for a failed build.
  if (int signal = interrupted(); signal != 0) {
    result.diagnostics.error(result.out.string(), {},
                             std::string("interrupted by ") + signal_name(signal) + ": the build stopped and removed " +
                                 (target.in_place ? "its pending files" : "its temporary folder") +
                                 "; the previous output is as it was");
  }
  if (result.diagnostics.error_count() == 0) {
    changes.state.started_ns = started_ns;
    const bool committed = target.in_place
                               ? apply_in_place(result.out, changes, error)
                               : write_file(fresh.staging() / kOutputMarker, write_build_state(changes.state), error) &&
                                     fresh.commit(error);
    if (committed) {
      result.ok = true;
    } else {
      result.diagnostics.error(result.out.string(), {}, error);
    }
  } else if (target.in_place) {
    // Everything this build may have written, whether or not its worker
    // lived to say so.
    std::vector<std::string> written = changes.pending;
    for (int k : render) written.push_back(files[static_cast<std::size_t>(k)]);
    if (shared_items > 0) {
      for (const std::string& file : shared_file_names(site)) written.push_back(file);
    }
    abandon_in_place(result.out, written, changes);
  } else {
    fresh.abandon();
  }
  T("put the output in place");
  result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  return result;
}

}  // namespace skiff
