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
#include "lint/page_ids.h"
#include "lint/suppressions.h"
#include "markdown/slugger.h"

namespace skiff {
namespace {

// What lint keeps of one rendered page.
struct PageFacts {
  bool rendered = false;
  std::set<std::string, std::less<>> ids;
  std::vector<PageLink> links;
  std::vector<PageAsset> assets;
};

// One rendered page as a worker process sends it back.
struct RenderedPage {
  PageFacts facts;
  Findings findings;
  std::string text;  // reported pages only
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
  w.number(static_cast<long long>(r.facts.ids.size()));
  for (const std::string& id : r.facts.ids) w.text(id);
  w.number(static_cast<long long>(r.facts.links.size()));
  for (const PageLink& l : r.facts.links) {
    w.text(l.url);
    w.text(l.text);
    w.number(l.image ? 1 : 0);
    w.number(l.pos.line);
    w.number(l.pos.column);
  }
  w.number(static_cast<long long>(r.facts.assets.size()));
  for (const PageAsset& a : r.facts.assets) {
    w.text(a.path);
    w.number(a.pos.line);
    w.number(a.pos.column);
  }
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
  w.number(r.facts.rendered ? 1 : 0);
  w.text(r.text);
  return w.take();
}

bool decode_page(std::string_view bytes, RenderedPage& r) {
  WireReader in(bytes);
  auto count = [&] { long long n = in.number(); return in.ok() && n >= 0 ? n : 0; };
  for (long long n = count(); n > 0 && in.ok(); --n) r.facts.ids.insert(in.text());
  for (long long n = count(); n > 0 && in.ok(); --n) {
    PageLink l;
    l.url = in.text();
    l.text = in.text();
    l.image = in.number() != 0;
    l.pos.line = static_cast<int>(in.number());
    l.pos.column = static_cast<int>(in.number());
    r.facts.links.push_back(std::move(l));
  }
  for (long long n = count(); n > 0 && in.ok(); --n) {
    PageAsset a;
    a.path = in.text();
    a.pos.line = static_cast<int>(in.number());
    a.pos.column = static_cast<int>(in.number());
    r.facts.assets.push_back(std::move(a));
  }
  for (long long n = count(); n > 0 && in.ok(); --n) {
    Finding f;
    f.rule = in.text();
    f.severity = static_cast<Severity>(in.number());
    f.file = in.text();
    f.pos.line = static_cast<int>(in.number());
    f.pos.column = static_cast<int>(in.number());
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
  r.facts.rendered = in.number() != 0;
  r.text = in.text();
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
  std::vector<std::string> errors;
  for (const std::string& file : list_files(root / "layouts", errors)) {
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
                                                              "i18nReady", "setup"};

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
    load_site(site_, loading);
    read_frontmatter(site_, jobs());
    // Problems with page files (two sources for one URL) are the `pages`
    // rule; the rest (site.yml, locales, layouts) is configuration.
    Diagnostics page_files;
    Diagnostics configuration;
    for (const Diagnostic& d : loading.all()) (d.file.starts_with("pages/") ? page_files : configuration).add(d);
    add_diagnostics(result.findings, page_files, "pages");
    add_diagnostics(result.findings, configuration, "config");
    // site.yml or locale errors, or nothing to lint: exit 2, after the
    // pages are still checked as far as they can be.
    result.config_error = configuration.error_count() > 0 || site_.pages.pages().empty();

    index_urls();
    ids_from_layouts_ = layout_ids(site_.root);
    select_reported_pages(result);

    const auto& pages = site_.pages.pages();
    render_all(result.findings);
    for (std::size_t i = 0; i < pages.size(); ++i) {
      if (!reported_[i]) continue;
      ++result.pages_checked;
      check_frontmatter(static_cast<int>(i), result.findings);
      check_links(static_cast<int>(i), result.findings);
      check_translation(static_cast<int>(i), result.findings);
    }
    check_external(result);
    // Findings on pages not asked for (`skiff lint a.md`) are dropped.
    std::set<std::string, std::less<>> reported_files;
    for (std::size_t i = 0; i < pages.size(); ++i) {
      if (reported_[i]) reported_files.insert(pages[i].display_path);
    }
    if (!options_.files.empty()) {
      std::erase_if(result.findings, [&](const Finding& f) {
        return f.rule != "config" && f.file.starts_with("pages/") && reported_files.count(f.file) == 0;
      });
    }
    apply_suppressions(result.findings, texts_);
    apply_rule_levels(result);
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
    if (options_.files.empty()) return;
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
  }

  int jobs() const {
    return options_.jobs > 0 ? options_.jobs
                             : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }

  // Renders page `i` in memory: its ids, links and assets, the findings
  // of the page itself (what the build would report, encoding, repeated
  // headings, unused imports) and, for reported pages, its text.
  RenderedPage render(int i) const {
    RenderedPage r;
    const PageSource& page = site_.pages.pages()[static_cast<std::size_t>(i)];
    const bool reported = reported_[static_cast<std::size_t>(i)];
    std::string error;
    auto bytes = read_file(page.file, error);
    if (!bytes) {
      add(r.findings, "config", Severity::Error, page.display_path, {}, error);
      return r;
    }
    if (reported) r.findings = check_encoding(page.display_path, *bytes);
    SourceText source(page.display_path, std::move(*bytes));
    Diagnostics diagnostics;
    PageBody body = render_site_page(site_, i, source, {page.locale, {}, false}, diagnostics);
    r.facts.ids = html_ids(body.html);
    r.facts.links = std::move(body.links);
    r.facts.assets = std::move(body.assets);
    r.facts.rendered = true;
    if (!reported) return r;
    for (const PageBody::RepeatedHeading& h : body.repeated_headings) {
      add(r.findings, "headings", Severity::Warning, page.display_path, h.pos,
          "the section already has a heading `" + h.text + "`: this one gets the id `" + h.id +
              "`, and links to `#" + github_slug(h.text) + "` reach only the first");
    }
    for (const ResolvedComponent& unused : body.unused_imports) {
      add(r.findings, "unused-import", Severity::Warning, page.display_path, unused.pos,
          "`" + unused.local_name + "` is imported but not used");
    }
    // Missing video files are the `assets` rule, checked with the links.
    Diagnostics rest;
    for (const Diagnostic& d : diagnostics.all()) {
      if (d.message.find("not found in public/") == std::string::npos) rest.add(d);
    }
    add_diagnostics(r.findings, rest, "components");
    r.text = std::string(source.text());
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
      r.facts.ids.insert(ids_from_layouts_.begin(), ids_from_layouts_.end());
      facts_[at] = std::move(r.facts);
      out.insert(out.end(), r.findings.begin(), r.findings.end());
      if (reported_[at]) {
        add_diagnostics(out, site_.page_diagnostics[at], "frontmatter");
        text_index_[pages[at].display_path] = texts_.size();
        texts_.emplace_back(pages[at].display_path, std::move(r.text));
      }
    }
  }

  void check_frontmatter(int i, Findings& out) {
    const PageSource& page = site_.pages.pages()[static_cast<std::size_t>(i)];
    const Frontmatter& fm = site_.frontmatter[static_cast<std::size_t>(i)];
    auto position = [&](std::string_view key) {
      auto it = fm.key_positions.find(key);
      return it == fm.key_positions.end() ? Position{1, 1} : it->second;
    };
    if (fm.title.empty() && site_.page_diagnostics[static_cast<std::size_t>(i)].error_count() == 0) {
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

  void check_links(int i, Findings& out) {
    const PageSource& page = site_.pages.pages()[static_cast<std::size_t>(i)];
    const PageFacts& facts = facts_[static_cast<std::size_t>(i)];
    std::string page_path = page.slug.empty() ? page.locale + "/" : page.locale + "/" + page.slug + "/";
    const std::string& file = page.display_path;
    for (const PageLink& link : facts.links) {
      if (!link.image && vague_link_text(link.text)) {
        add(out, "link-text", Severity::Warning, file, link.pos,
            "link text `" + link.text + "` does not say where the link goes");
      }
      check_target(file, page, page_path, facts, link.url, link.pos, link.image, out);
    }
    for (const PageAsset& asset : facts.assets) {
      check_target(file, page, page_path, facts, asset.path, asset.pos, true, out);
    }
  }

  void check_target(const std::string& file, const PageSource& page, const std::string& page_path,
                    const PageFacts& facts, const std::string& url, Position pos, bool asset,
                    Findings& out) {
    LinkTarget target = resolve_link(url, page_path, site_.config);
    switch (target.kind) {
      case LinkTarget::Kind::External:
        if (url.starts_with("http://") || url.starts_with("https://")) external_.push_back({url, file, pos});
        return;
      case LinkTarget::Kind::Script:
        add(out, "script-url", Severity::Error, file, pos, "`javascript:` link: docs links must go somewhere");
        return;
      case LinkTarget::Kind::Escapes:
        add(out, "links", Severity::Error, file, pos, "`" + url + "` climbs out of the site");
        return;
      case LinkTarget::Kind::SamePage:
        if (!target.fragment.empty() && facts.ids.count(target.fragment) == 0) {
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
          "`" + url + "` is this site: write the path `" + path + "`", url_fix(file, pos, url, path));
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
        const PageFacts& target_facts = facts_[static_cast<std::size_t>(to->source)];
        if (target_facts.rendered && target_facts.ids.count(target.fragment) == 0) {
          add(out, "anchors", Severity::Error, file, pos,
              "`" + url + "`: no id `" + target.fragment + "` on /" + target.path);
        }
      }
      return;
    }
    if (urls_.file(target.path)) return;
    if (auto exact = urls_.near_miss(target.path)) {
      std::string fixed = with_path(url, "/" + *exact);
      add(out, "link-style", Severity::Warning, file, pos,
          "`" + url + "` should be written `" + fixed + "` (case and trailing slash matter on most servers)",
          url_fix(file, pos, url, fixed));
      return;
    }
    if (asset) {
      add(out, "assets", Severity::Error, file, pos, "`" + url + "` is not a file in public/");
    } else {
      add(out, "links", Severity::Error, file, pos, "`" + url + "` is not a page or file of this site");
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
  std::optional<LintFix> url_fix(const std::string& file, Position pos, const std::string& written,
                                 const std::string& replacement) const {
    auto it = text_index_.find(file);
    if (it == text_index_.end() || written.empty()) return std::nullopt;
    std::string_view text = texts_[it->second].second;
    std::size_t at = line_offset(it->second, text, pos);
    if (at == std::string_view::npos) return std::nullopt;
    std::size_t line_end = text.find_first_of("\r\n", at);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string needle = "](" + written;
    std::size_t found = text.find(needle, at);
    if (found == std::string_view::npos || found + needle.size() > line_end) return std::nullopt;
    std::size_t end = found + needle.size();
    if (end >= text.size() || (text[end] != ')' && text[end] != ' ')) return std::nullopt;
    return LintFix{found + 2, end, replacement};
  }

  // Byte offset of `pos` in reported text `index`, through a line index
  // built once per file (fixes on a long page stay linear).
  std::size_t line_offset(std::size_t index, std::string_view text, Position pos) const {
    std::vector<std::size_t>& starts = line_starts_[index];
    if (starts.empty()) {
      starts.push_back(0);
      for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
          starts.push_back(i + 1);
        }
      }
    }
    if (pos.line < 1 || static_cast<std::size_t>(pos.line) > starts.size()) return std::string_view::npos;
    std::size_t at = starts[static_cast<std::size_t>(pos.line) - 1];
    for (int column = 1; column < pos.column && at < text.size(); ++column) {
      ++at;
      while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    }
    return at;
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
  std::vector<PageFacts> facts_;
  std::vector<ExternalLink> external_;  // http(s) links of the reported pages
  std::vector<std::pair<std::string, std::string>> texts_;  // reported file → text
  std::map<std::string, std::size_t, std::less<>> text_index_;  // file → index in texts_
  mutable std::map<std::size_t, std::vector<std::size_t>> line_starts_;  // texts_ index → line starts
};

}  // namespace

LintResult lint_site(const LintOptions& options) { return Linter(options).run(); }

}  // namespace skiff
