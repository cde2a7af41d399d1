#include "lint/lint.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <thread>
#include <chrono>
#include <map>
#include <set>
#include <utility>

#include "base/disk.h"
#include "base/source_text.h"
#include "build/process_pool.h"
#include "build/site_loader.h"
#include "build/site_page.h"
#include "lint/encoding_check.h"
#include "lint/external_links.h"
#include "lint/link_target.h"
#include "lint/lint_rules.h"
#include "base/html_ids.h"
#include "lint/suppressions.h"
#include "markdown/slugger.h"

namespace skiff {
namespace {

// A link to `#fragment` on another page (source page `target`): checked
// in the parent once every page's ids are known.
struct PendingAnchor {
  int target = -1;
  std::string fragment;
  std::string url;   // as written, for the message
  std::string path;  // the target's site path ("en/guides/x/"), for the message
  Position pos;
};

// One rendered page as a worker process sends it back. Workers check
// everything a page's own text and the site's URL index decide; only what
// needs other pages (their ids) comes back to the parent.
struct RenderedPage {
  bool rendered = false;
  std::vector<std::string> ids;  // sorted, unique (the body's; layouts' are added in the parent)
  Findings findings;
  std::vector<PendingAnchor> anchors;                   // reported pages only
  std::vector<std::pair<std::string, Position>> external;  // http(s) links, reported pages only
};

// What the parent keeps of each page once its worker is done.
struct PageFacts {
  bool rendered = false;
  std::vector<std::string> ids;  // sorted
  bool has_id(std::string_view id) const { return std::binary_search(ids.begin(), ids.end(), id); }
};

// The wire format between workers and the parent: fields in a fixed order,
// numbers as decimal text and strings as <length>:<bytes>, each followed by
// ';'. Only skiff's own processes read it.
class Wire {
 public:
  void number(long long n) { out_ += std::to_string(n) + ';'; }
  void text(std::string_view s) {
    out_ += std::to_string(s.size()) + ':';
    out_ += s;
    out_ += ';';
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class WireReader {
 public:
  explicit WireReader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  long long number() {
    std::size_t end = in_.find(';', at_);
    long long n = 0;
    if (end == std::string_view::npos ||
        std::from_chars(in_.data() + at_, in_.data() + end, n).ec != std::errc()) {
      ok_ = false;
      return 0;
    }
    at_ = end + 1;
    return n;
  }
  std::string text() {
    std::size_t colon = in_.find(':', at_);
    std::size_t size = 0;
    if (colon == std::string_view::npos ||
        std::from_chars(in_.data() + at_, in_.data() + colon, size).ec != std::errc() ||
        colon + 1 + size >= in_.size() || in_[colon + 1 + size] != ';') {
      ok_ = false;
      return {};
    }
    std::string s(in_.substr(colon + 1, size));
    at_ = colon + 2 + size;
    return s;
  }

 private:
  std::string_view in_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

std::string encode_page(const RenderedPage& r) {
  Wire w;
  w.number(r.rendered ? 1 : 0);
  w.number(static_cast<long long>(r.ids.size()));
  for (const std::string& id : r.ids) w.text(id);
  w.number(static_cast<long long>(r.findings.size()));
  for (const Finding& f : r.findings) {
    w.text(f.rule);
    w.number(static_cast<long long>(f.severity));
    w.text(f.file);
    w.number(f.pos.line);
    w.number(f.pos.column);
    w.text(f.message);
    w.number(f.fix ? 1 : 0);
    if (f.fix) {
      w.number(static_cast<long long>(f.fix->begin));
      w.number(static_cast<long long>(f.fix->end));
      w.text(f.fix->replacement);
    }
  }
  w.number(static_cast<long long>(r.anchors.size()));
  for (const PendingAnchor& a : r.anchors) {
    w.number(a.target);
    w.text(a.fragment);
    w.text(a.url);
    w.text(a.path);
    w.number(a.pos.line);
    w.number(a.pos.column);
  }
  w.number(static_cast<long long>(r.external.size()));
  for (const auto& [url, pos] : r.external) {
    w.text(url);
    w.number(pos.line);
    w.number(pos.column);
  }
  return w.take();
}

bool decode_page(std::string_view bytes, RenderedPage& r) {
  WireReader in(bytes);
  auto count = [&] { long long n = in.number(); return in.ok() && n >= 0 ? n : 0; };
  auto position = [&] {
    Position pos;
    pos.line = static_cast<int>(in.number());
    pos.column = static_cast<int>(in.number());
    return pos;
  };
  r.rendered = in.number() != 0;
  for (long long n = count(); n > 0 && in.ok(); --n) r.ids.push_back(in.text());
  for (long long n = count(); n > 0 && in.ok(); --n) {
    Finding f;
    f.rule = in.text();
    f.severity = static_cast<Severity>(in.number());
    f.file = in.text();
    f.pos = position();
    f.message = in.text();
    if (in.number() != 0) {
      LintFix fix;
      fix.begin = static_cast<std::size_t>(in.number());
      fix.end = static_cast<std::size_t>(in.number());
      fix.replacement = in.text();
      f.fix = std::move(fix);
    }
    r.findings.push_back(std::move(f));
  }
  for (long long n = count(); n > 0 && in.ok(); --n) {
    PendingAnchor a;
    a.target = static_cast<int>(in.number());
    a.fragment = in.text();
    a.url = in.text();
    a.path = in.text();
    a.pos = position();
    r.anchors.push_back(std::move(a));
  }
  for (long long n = count(); n > 0 && in.ok(); --n) {
    std::string url = in.text();
    r.external.emplace_back(std::move(url), position());
  }
  return in.ok();
}

void add(Findings& out, std::string rule, Severity severity, const std::string& file, Position pos,
         std::string message, std::optional<LintFix> fix = std::nullopt) {
  out.push_back({std::move(rule), severity, file, pos, std::move(message), std::move(fix)});
}

// Diagnostics of a stage become findings of `rule`.
void add_diagnostics(Findings& out, const Diagnostics& diagnostics, const std::string& rule) {
  for (const Diagnostic& d : diagnostics.all()) {
    out.push_back({rule, d.severity, d.file, d.pos, d.message, std::nullopt});
  }
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Link text that says nothing about where the link goes (WCAG 2.4.4).
bool vague_link_text(std::string_view text) {
  static constexpr std::array<std::string_view, 12> kVague = {
      "here", "click here", "read more", "more", "link", "this link",
      "this page", "learn more", "click", "go", "this", "details"};
  std::string t = lower(text);
  while (!t.empty() && (t.back() == '.' || t.back() == ' ' || t.back() == ':')) t.pop_back();
  while (!t.empty() && t.front() == ' ') t.erase(t.begin());
  return std::find(kVague.begin(), kVague.end(), t) != kVague.end();
}

// Ids every page gets from its layout (`main-content`, the TOC title…):
// the `id` attributes of all layouts, so no link to them is reported.
std::set<std::string, std::less<>> layout_ids(const std::filesystem::path& root) {
  std::set<std::string, std::less<>> ids;
  Diagnostics ignored;  // load_site reports them
  for (const std::string& file : list_site_files(root, "layouts", ignored)) {
    std::string error;
    if (auto text = read_file(root / "layouts" / file, error)) {
      for (const std::string& id : html_ids(*text)) {
        if (id.find("{{") == std::string::npos) ids.insert(id);
      }
    }
  }
  return ids;
}

// `url` with its path (everything before '?' or '#') replaced by `path`.
std::string with_path(std::string_view url, std::string_view path) {
  std::size_t rest = url.find_first_of("?#");
  return std::string(path) + std::string(rest == std::string_view::npos ? "" : url.substr(rest));
}

// `url` (absolute, to this site) without its scheme and host.
std::string without_host(std::string_view url) {
  std::size_t host = url.find("//");
  host = host == std::string_view::npos ? 0 : host + 2;
  std::size_t path = url.find_first_of("/?#", host);
  if (path == std::string_view::npos) return "/";
  std::string out(url.substr(path));
  return out[0] == '/' ? out : "/" + out;
}

const std::set<std::string, std::less<>> kKnownFrontmatter = {"layout", "title", "description",
                                                              "i18nReady", "setup", "i18nSourceHash"};

class Linter {
 public:
  explicit Linter(const LintOptions& options) : options_(options) {}

  LintResult run() {
    LintResult result;
    site_.root = options_.site;
    if (!std::filesystem::is_directory(site_.root)) {
      add(result.findings, "config", Severity::Error, site_.root.string(), {}, "not a folder: nothing to lint");
      result.config_error = true;
      return result;
    }
    Diagnostics loading;
    Diagnostics file_problems;
    load_site(site_, loading, file_problems);
    add_diagnostics(result.findings, file_problems, "read");
    // No read_frontmatter: each worker parses the frontmatter of the pages
    // it renders, so every page file is read once, in parallel.
    // Problems with page files (two sources for one URL) are the `pages`
    // rule; the rest (site.yml, locales, layouts) is configuration.
    Diagnostics page_files;
    Diagnostics configuration;
    for (const Diagnostic& d : loading.all()) (d.file.starts_with("pages/") ? page_files : configuration).add(d);
    add_diagnostics(result.findings, page_files, "pages");
    add_diagnostics(result.findings, configuration, "config");
    // site.yml or locale errors: exit 2, after the pages are still checked
    // as far as they can be. No pages is the build's error, with its words.
    result.config_error = configuration.error_count() > 0;
    if (site_.pages.pages().empty()) {
      add(result.findings, "pages", Severity::Error, "pages", {},
          "the site has no pages: add Markdown files under pages/" + site_.config.default_locale + "/");
    }

    index_urls();
    ids_from_layouts_ = layout_ids(site_.root);
    // The last setting of a rule wins, as in apply_rule_levels. (Unknown
    // rules and `config` are errors there.)
    for (const SiteConfig::LintRuleSetting& setting : site_.config.lint_rules) {
      if (setting.rule == "config" || find_lint_rule(setting.rule) == nullptr) continue;
      if (setting.level == "off") {
        rules_off_.insert(setting.rule);
      } else {
        rules_off_.erase(setting.rule);
      }
    }
    select_reported_pages(result);

    const auto& pages = site_.pages.pages();
    // Workers apply their pages' disable comments themselves; the parent
    // applies them to what it finds (below), reading only those pages again.
    const std::size_t worker_begin = result.findings.size();
    render_all(result.findings);
    const std::size_t worker_end = result.findings.size();
    for (std::size_t i = 0; i < pages.size(); ++i) {
      if (!reported_[i]) continue;
      ++result.pages_checked;
      check_translation(static_cast<int>(i), result.findings);
    }
    check_anchors(result.findings);
    check_external(result);
    // Findings on pages not asked for (`skiff lint a.md`) are dropped.
    if (!options_.files.empty()) {
      std::erase_if(result.findings, [&](const Finding& f) {
        return f.rule != "config" && f.file.starts_with("pages/") && reported_files_.count(f.file) == 0;
      });
    }
    std::set<std::string, std::less<>> parent_files;
    for (std::size_t i = 0; i < result.findings.size(); ++i) {
      if (i < worker_begin || i >= worker_end) parent_files.insert(result.findings[i].file);
    }
    // Rules turned off go first, so their pages are not read for nothing.
    apply_rule_levels(result);
    apply_suppressions(result.findings, texts_of(parent_files, result.findings));
    std::stable_sort(result.findings.begin(), result.findings.end(), [](const Finding& a, const Finding& b) {
      return std::tie(a.file, a.pos.line, a.pos.column) < std::tie(b.file, b.pos.line, b.pos.column);
    });
    return result;
  }

 private:
  // site.yml `lint.rules`: each rule off, a warning or an error.
  void apply_rule_levels(LintResult& result) {
    std::map<std::string, std::string, std::less<>> levels;
    for (const SiteConfig::LintRuleSetting& s : site_.config.lint_rules) {
      if (find_lint_rule(s.rule) == nullptr || s.rule == "config") {
        add(result.findings, "config", Severity::Error, "site.yml", s.pos,
            "unknown lint rule `" + s.rule + "` (skiff lint --help lists them)");
        result.config_error = true;
      } else if (s.level != "off" && s.level != "warning" && s.level != "error") {
        add(result.findings, "config", Severity::Error, "site.yml", s.pos,
            "lint rule `" + s.rule + "` is off, warning or error, not `" + s.level + "`");
        result.config_error = true;
      } else {
        levels[s.rule] = s.level;
      }
    }
    if (levels.empty()) return;
    std::erase_if(result.findings, [&](const Finding& f) {
      auto it = levels.find(f.rule);
      return it != levels.end() && it->second == "off";
    });
    for (Finding& f : result.findings) {
      auto it = levels.find(f.rule);
      if (it != levels.end()) f.severity = it->second == "error" ? Severity::Error : Severity::Warning;
    }
  }

  // Every URL the built site will serve.
  void index_urls() {
    const auto& pages = site_.pages.pages();
    const std::string& default_locale = site_.config.default_locale;
    std::set<std::pair<std::string, std::string>> present;
    for (std::size_t i = 0; i < pages.size(); ++i) {
      urls_.add_page(pages[i].locale, pages[i].slug, static_cast<int>(i), false);
      present.emplace(pages[i].locale, pages[i].slug);
    }
    for (std::size_t i = 0; i < pages.size(); ++i) {
      if (pages[i].locale != default_locale) continue;
      for (const std::string& locale : site_.config.locales) {
        if (present.count({locale, pages[i].slug}) == 0) {
          urls_.add_page(locale, pages[i].slug, static_cast<int>(i), true);
        }
      }
    }
    for (const std::string& file : site_.public_files) urls_.add_file(file);
    for (const char* file : {"index.html", "404.html", "sitemap.xml", "_skiff/skiff.css", "_skiff/skiff.js"}) {
      urls_.add_file(file);
    }
  }

  void select_reported_pages(LintResult& result) {
    const auto& pages = site_.pages.pages();
    reported_.assign(pages.size(), options_.files.empty());
    auto index_reported = [&] {
      for (std::size_t i = 0; i < pages.size(); ++i) {
        if (reported_[i]) reported_files_.emplace(pages[i].display_path, i);
      }
    };
    if (options_.files.empty()) {
      index_reported();
      return;
    }
    std::error_code ec;
    std::map<std::filesystem::path, std::size_t> by_path;  // canonical page file → index
    for (std::size_t i = 0; i < pages.size(); ++i) {
      by_path.emplace(std::filesystem::weakly_canonical(pages[i].file, ec), i);
    }
    for (const std::filesystem::path& asked : options_.files) {
      auto it = by_path.find(std::filesystem::weakly_canonical(asked, ec));
      if (it != by_path.end()) reported_[it->second] = true;
      if (it == by_path.end()) {
        add(result.findings, "config", Severity::Error, asked.string(), {},
            "not a page of this site (pages live under " + (site_.root / "pages").string() + ")");
        result.config_error = true;
      }
    }
    index_reported();
  }

  int jobs() const {
    return options_.jobs > 0 ? options_.jobs
                             : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }

  // Renders page `i` in memory and checks it: its ids; for reported pages
  // the findings of the page itself (what the build would report, encoding,
  // frontmatter, repeated headings, unused imports) and of its links, but
  // for anchors on other pages, which come back as PendingAnchor.
  RenderedPage render(int i) const {
    RenderedPage r;
    const PageSource& page = site_.pages.pages()[static_cast<std::size_t>(i)];
    const bool reported = reported_[static_cast<std::size_t>(i)];
    std::string error;
    auto bytes = read_page(site_.config, page, error);
    if (!bytes) {
      add(r.findings, "read", Severity::Error, page.display_path, {}, error);
      return r;
    }
    if (reported) r.findings = check_encoding(page.display_path, *bytes);
    SourceText source(page.display_path, std::move(*bytes));
    Diagnostics frontmatter_problems;
    ParsedPage parsed = parse_frontmatter(source, frontmatter_problems);
    if (reported) {
      add_diagnostics(r.findings, frontmatter_problems, "frontmatter");
      check_frontmatter(page, parsed.frontmatter, frontmatter_problems, r.findings);
    }
    Diagnostics diagnostics;
    SitePageOptions page_options{page.locale, {}, false, false};
    page_options.report_encoding = false;  // the `encoding` rule above reports them
    PageBody body = render_site_page(site_, i, source, parsed.frontmatter, parsed.body_offset,
                                     page_options, diagnostics);
    std::set<std::string, std::less<>> ids = html_ids(body.html);
    r.rendered = true;
    if (!reported) {
      r.ids.assign(ids.begin(), ids.end());
      return r;
    }
    for (const PageBody::RepeatedHeading& h : body.repeated_headings) {
      add(r.findings, "headings", Severity::Warning, page.display_path, h.pos,
          "the section already has a heading `" + h.text + "`: this one gets the id `" + h.id +
              "`, and links to `#" + github_slug(h.text) + "` reach only the first");
    }
    for (const ResolvedComponent& unused : body.unused_imports) {
      add(r.findings, "unused-import", Severity::Warning, page.display_path, unused.pos,
          "`" + unused.local_name + "` is imported but not used");
    }
    // (Missing public files are not among them: the `assets` rule checks
    // body.assets with the links.)
    add_diagnostics(r.findings, diagnostics, "components");
    PageCheck check{i, page, source, ids, r};
    for (const PageLink& link : body.links) {
      if (!link.image && vague_link_text(link.text)) {
        add(r.findings, "link-text", Severity::Warning, page.display_path, link.pos,
            "link text `" + link.text + "` does not say where the link goes");
      }
      check_target(check, link.url, link.pos, link.image);
    }
    for (const PageAsset& asset : body.assets) check_target(check, asset.path, asset.pos, true);
    // Rules site.yml turns off are dropped here already (and again, with
    // the other levels, in apply_rule_levels).
    std::erase_if(r.findings, [&](const Finding& f) { return rules_off_.count(f.rule) > 0; });
    if (!r.findings.empty()) {
      Suppressions suppressions(source.text());
      std::erase_if(r.findings, [&](const Finding& f) {
        return f.file == page.display_path && suppressions.silenced(f.rule, f.pos.line);
      });
    }
    r.ids.assign(ids.begin(), ids.end());
    return r;
  }

  // Renders every page, in worker processes (cmark cannot parse on
  // threads; see build/process_pool.h), and keeps what the checks need.
  void render_all(Findings& out) {
    const auto& pages = site_.pages.pages();
    const int count = static_cast<int>(pages.size());
    std::vector<WorkerResult> results = run_in_workers_with_output(
        count, jobs(),
        [&](int i, Diagnostics&, std::string& output) { output = encode_page(render(i)); },
        [&](int i) { return pages[static_cast<std::size_t>(i)].display_path; }, {});
    facts_.resize(pages.size());
    for (int i = 0; i < count; ++i) {
      const std::size_t at = static_cast<std::size_t>(i);
      add_diagnostics(out, results[at].diagnostics, "components");  // a worker that crashed
      RenderedPage r;
      if (!results[at].output.empty() && !decode_page(results[at].output, r)) {
        add(out, "config", Severity::Error, pages[at].display_path, {}, "internal error: page facts lost");
      }
      std::string().swap(results[at].output);
      facts_[at].rendered = r.rendered;
      facts_[at].ids = std::move(r.ids);
      std::move(r.findings.begin(), r.findings.end(), std::back_inserter(out));
      for (PendingAnchor& a : r.anchors) anchors_.emplace_back(i, std::move(a));
      for (auto& [url, pos] : r.external) external_.push_back({std::move(url), pages[at].display_path, pos});
    }
  }

  // `problems`: what parsing the frontmatter reported (already findings).
  void check_frontmatter(const PageSource& page, const Frontmatter& fm, const Diagnostics& problems,
                         Findings& out) const {
    auto position = [&](std::string_view key) {
      auto it = fm.key_positions.find(key);
      return it == fm.key_positions.end() ? Position{1, 1} : it->second;
    };
    if (fm.title.empty() && problems.error_count() == 0) {
      add(out, "frontmatter", Severity::Error, page.display_path, fm.present ? Position{1, 1} : Position{},
          "the page has no `title` in its frontmatter (navigation, tabs and search need one)");
    }
    if (!fm.present) return;
    std::string error;
    if (site_.layouts.find(fm.layout, page.display_path, site_.config, error) == nullptr) {
      add(out, "frontmatter", Severity::Error, page.display_path, position("layout"), error);
    }
    // (A non-boolean i18nReady is already a frontmatter parse error.)
    const auto& declared = site_.config.frontmatter_keys;
    for (const auto& [key, pos] : fm.key_positions) {
      if (kKnownFrontmatter.count(key) > 0 ||
          std::find(declared.begin(), declared.end(), key) != declared.end()) {
        continue;
      }
      add(out, "frontmatter", Severity::Warning, page.display_path, pos,
          "unknown frontmatter key `" + key + "` (declare it under `frontmatterKeys:` in site.yml if the layout uses it)");
    }
  }

  // One reported page under check in a worker.
  struct PageCheck {
    int index;
    const PageSource& page;
    const SourceText& source;
    const std::set<std::string, std::less<>>& ids;  // the body's
    RenderedPage& out;
  };

  bool has_id(const std::set<std::string, std::less<>>& body_ids, std::string_view id) const {
    return body_ids.count(id) > 0 || ids_from_layouts_.count(id) > 0;
  }

  void check_target(PageCheck& check, const std::string& url, Position pos, bool asset) const {
    const PageSource& page = check.page;
    const std::string& file = page.display_path;
    Findings& out = check.out.findings;
    std::string page_path = page.slug.empty() ? page.locale + "/" : page.locale + "/" + page.slug + "/";
    LinkTarget target = resolve_link(url, page_path, site_.config);
    switch (target.kind) {
      case LinkTarget::Kind::External:
        if (url.starts_with("http://") || url.starts_with("https://")) check.out.external.emplace_back(url, pos);
        return;
      case LinkTarget::Kind::LocalFile:
        add(out, "links", Severity::Error, file, pos,
            "`" + url + "` is a file on the reader's own computer, not on this site");
        return;
      case LinkTarget::Kind::DataImage:
      case LinkTarget::Kind::Script: {
        const std::string& scheme = target.scheme;
        if (scheme != "data") {
          add(out, "script-url", Severity::Error, file, pos, "`" + scheme + ":` link: docs links must go somewhere");
        } else if (!asset) {
          add(out, "script-url", Severity::Error, file, pos,
              "`data:` link: browsers refuse to open data: URLs from a link; link a page or a file in public/");
        } else if (target.kind == LinkTarget::Kind::Script) {
          // A source url_kind counts as script (SVG, HTML, or anything but
          // the four raster images): harmless in <img>, but `build --safe`
          // empties it, as it may run elsewhere.
          add(out, "script-url", Severity::Warning, file, pos,
              "`data:` URL other than a PNG, GIF, JPEG or WebP image: `skiff build --safe` drops it; "
              "put the file in public/");
        }
        return;
      }
      case LinkTarget::Kind::Escapes:
        add(out, "links", Severity::Error, file, pos, "`" + url + "` climbs out of the site");
        return;
      case LinkTarget::Kind::SamePage:
        if (!target.fragment.empty() && !has_id(check.ids, target.fragment)) {
          add(out, "anchors", Severity::Error, file, pos,
              "`" + url + "`: no id `" + target.fragment + "` on this page");
        }
        return;
      case LinkTarget::Kind::SitePath:
        break;
    }
    // "/" (or the base path): the generated language chooser.
    if (target.path.empty()) return;
    if (target.own_domain) {
      std::string path = without_host(url);
      add(out, "own-domain", Severity::Warning, file, pos,
          "`" + url + "` is this site: write the path `" + path + "`", url_fix(check.source, pos, url, path));
    }
    if (const SiteUrls::Page* to = urls_.page(target.path)) {
      // Another locale's home page is a language switch, which is fine.
      if (!asset && to->locale != page.locale && !to->slug.empty()) {
        std::string same = "/" + page.locale + "/" + to->slug + "/";
        add(out, "link-locale", Severity::Error, file, pos,
            "`" + url + "` leads from a page in `" + page.locale + "` to the `" + to->locale +
                "` pages; link `" + same + "` instead");
      }
      if (!target.fragment.empty()) {
        if (to->source == check.index) {
          if (!has_id(check.ids, target.fragment)) {
            add(out, "anchors", Severity::Error, file, pos,
                "`" + url + "`: no id `" + target.fragment + "` on /" + target.path);
          }
        } else {
          check.out.anchors.push_back({to->source, target.fragment, url, target.path, pos});
        }
      }
      return;
    }
    if (urls_.file(target.path)) return;
    if (auto exact = urls_.near_miss(target.path)) {
      std::string fixed = with_path(url, "/" + *exact);
      add(out, "link-style", Severity::Warning, file, pos,
          "`" + url + "` should be written `" + fixed + "` (case and trailing slash matter on most servers)",
          url_fix(check.source, pos, url, fixed));
      return;
    }
    if (asset) {
      add(out, "assets", Severity::Error, file, pos, "`" + url + "` is not a file in public/");
    } else {
      add(out, "links", Severity::Error, file, pos, "`" + url + "` is not a page or file of this site");
    }
  }

  // Links to `#fragment` on other pages, once every page's ids are known.
  void check_anchors(Findings& out) const {
    const auto& pages = site_.pages.pages();
    for (const auto& [from, a] : anchors_) {
      const PageFacts& target = facts_[static_cast<std::size_t>(a.target)];
      if (!target.rendered || target.has_id(a.fragment) || ids_from_layouts_.count(a.fragment) > 0) continue;
      add(out, "anchors", Severity::Error, pages[static_cast<std::size_t>(from)].display_path, a.pos,
          "`" + a.url + "`: no id `" + a.fragment + "` on /" + a.path);
    }
  }

  // A fix replacing `written` (a link as the author wrote it, found at or
  // shortly after `pos` in `file`) with `replacement`; none when the link's
  // text is not there as written (a reference definition elsewhere, or
  // escapes and entities cmark resolved).
  // Only inline links qualify: the page must hold `](URL)` (or `](URL "`)
  // on the link's own line, after its `[`. Reference definitions, autolinks
  // and URLs with entities or escapes get no fix rather than a guess that
  // could land in a code sample.
  std::optional<LintFix> url_fix(const SourceText& source, Position pos, const std::string& written,
                                 const std::string& replacement) const {
    std::string_view text = source.text();
    std::size_t at = source.offset_of(pos);
    if (at == std::string_view::npos || written.empty()) return std::nullopt;
    std::size_t line_end = text.find_first_of("\r\n", at);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string needle = "](" + written;
    std::size_t found = text.find(needle, at);
    if (found == std::string_view::npos || found + needle.size() > line_end) return std::nullopt;
    std::size_t end = found + needle.size();
    if (end >= text.size() || (text[end] != ')' && text[end] != ' ')) return std::nullopt;
    return LintFix{found + 2, end, replacement};
  }

  // The texts of the reported pages among `files` that still have
  // findings, for their disable comments. Read again here, not carried
  // from the workers: a page is read once unless the parent finds
  // something in it.
  std::vector<std::pair<std::string, std::string>> texts_of(const std::set<std::string, std::less<>>& files,
                                                            const Findings& findings) const {
    std::set<std::string_view> with_findings;
    for (const Finding& f : findings) {
      if (files.count(f.file) > 0) with_findings.insert(f.file);
    }
    std::vector<std::pair<std::string, std::string>> texts;
    for (std::string_view file : with_findings) {
      auto page = reported_files_.find(file);
      if (page == reported_files_.end()) continue;
      std::string error;
      if (auto text = read_page(site_.config, site_.pages.pages()[page->second], error)) texts.emplace_back(file, std::move(*text));
    }
    return texts;
  }

  // External links: counted always, fetched only with --external.
  void check_external(LintResult& result) {
    result.external_links = static_cast<int>(external_.size());
    std::set<std::string, std::less<>> urls;
    for (const ExternalLink& link : external_) urls.insert(link.url.substr(0, link.url.find('#')));
    result.external_urls = static_cast<int>(urls.size());
    if (!options_.external || external_.empty()) return;
    ExternalCheckOptions check;
    check.exclude = site_.config.lint_external_exclude;
    if (site_.config.lint_external_concurrency > 0) check.concurrency = site_.config.lint_external_concurrency;
    if (site_.config.lint_external_timeout_seconds > 0) {
      check.timeout = std::chrono::seconds(site_.config.lint_external_timeout_seconds);
    }
    check.cache_file = site_.root / ".skiff-cache" / "external-links.json";
    std::error_code ec;
    std::filesystem::create_directories(check.cache_file.parent_path(), ec);
    ExternalCheckStats stats;
    Findings found = check_external_links(external_, check, &stats);
    result.findings.insert(result.findings.end(), found.begin(), found.end());
    result.external_checked = true;
    result.external_note = stats.cache_problem;
  }

  // A translation needs its source: the default locale's page at the same path.
  void check_translation(int i, Findings& out) {
    const PageSource& page = site_.pages.pages()[static_cast<std::size_t>(i)];
    if (page.locale == site_.config.default_locale) return;
    const SiteUrls::Page* source = urls_.page(site_.config.default_locale + "/" +
                                              (page.slug.empty() ? "" : page.slug + "/"));
    if (source == nullptr) {
      add(out, "pages", Severity::Warning, page.display_path, {1, 1},
          "no " + site_.config.default_locale + " page at `" + page.slug +
              "`: a translation needs its source page");
    }
  }

  const LintOptions& options_;
  LoadedSite site_;
  SiteUrls urls_;
  std::set<std::string, std::less<>> ids_from_layouts_;
  std::vector<bool> reported_;
  std::set<std::string, std::less<>> rules_off_;  // site.yml `lint.rules: {rule: off}`
  std::vector<PageFacts> facts_;
  std::vector<std::pair<int, PendingAnchor>> anchors_;  // (from page, link) to check in the parent
  std::vector<ExternalLink> external_;  // http(s) links of the reported pages
  std::map<std::string, std::size_t, std::less<>> reported_files_;  // display path → page index
};

}  // namespace

LintResult lint_site(const LintOptions& options) { return Linter(options).run(); }

}  // namespace skiff
