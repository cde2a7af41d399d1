#include "i18n/i18n_dashboard.h"

#include <ctime>
#include <vector>

#include "base/html_escape.h"
#include "i18n/i18n_report.h"
#include "site/page_index.h"

namespace skiff {
namespace {

// Colours meet WCAG AA (4.5:1) for text on the page's background in both
// schemes; states are also told by a word and a symbol, never by colour alone.
constexpr const char* kStyle = R"(
:root { color-scheme: light dark; --bg: #ffffff; --bg-soft: #f6f8fa; --text: #1f2328; --muted: #59636e;
  --border: #d1d9e0; --link: #0550ae; --bar: #1a7f37;
  --done: #1a7f37; --outdated: #8a5a00; --missing: #c5221f; --unknown: #59636e; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --bg-soft: #151b23; --text: #e6edf3; --muted: #9198a1; --border: #3d444d;
    --link: #6cb6ff; --bar: #3fb950; --done: #3fb950; --outdated: #d29922; --missing: #ff7b72; --unknown: #9198a1; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: 16px/1.5 system-ui, sans-serif; }
main { max-width: 75rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; } h2 { font-size: 1.25rem; margin: 2.25rem 0 .75rem; }
a { color: var(--link); } a:focus-visible, .grid:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
code { font: .875em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.meta, .small { color: var(--muted); font-size: .875rem; }
.note { border: 1px solid var(--border); border-inline-start: 4px solid var(--outdated); border-radius: .5rem;
  background: var(--bg-soft); padding: .5rem .75rem; }
.locales { display: grid; gap: .75rem; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); margin: 0;
  padding: 0; list-style: none; }
.locales li { border: 1px solid var(--border); border-radius: .5rem; background: var(--bg-soft); padding: .75rem; }
.locales .name { font-weight: 700; }
.bar { display: block; width: 100%; height: .75rem; margin: .4rem 0; accent-color: var(--bar); }
.legend { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; margin: 0 0 .75rem; padding: 0; list-style: none; }
.grid { overflow-x: auto; border: 1px solid var(--border); border-radius: .5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--border); padding: .45rem .6rem; text-align: start; vertical-align: top; }
thead th { background: var(--bg-soft); white-space: nowrap; }
tbody tr:last-child > * { border-bottom: 0; }
tbody th { font-weight: 600; min-width: 12rem; }
td { min-width: 9rem; }
.state { font-weight: 700; white-space: nowrap; }
.done .state { color: var(--done); } .outdated .state { color: var(--outdated); }
.missing .state { color: var(--missing); } .unknown .state { color: var(--unknown); }
td a.state { text-decoration-thickness: 1px; }
ul.keys { margin: .25rem 0 0; padding-inline-start: 1.25rem; }
)";

std::string esc(std::string_view s) { return escape_html_text(s); }
std::string attr(std::string_view s) { return escape_html_attribute(s); }

std::string link_or_text(const std::string& url, const std::string& html, const std::string& cls = "") {
  std::string c = cls.empty() ? "" : " class=\"" + cls + "\"";
  if (url.empty()) return cls.empty() ? html : "<span" + c + ">" + html + "</span>";
  return "<a" + c + " href=\"" + attr(url) + "\">" + html + "</a>";
}


std::string plural(int n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

const char* symbol(TranslationState state) {
  switch (state) {
    case TranslationState::Done: return "\u2713";      // ✓
    case TranslationState::Outdated: return "!";
    case TranslationState::Missing: return "\u2717";   // ✗
    case TranslationState::Unknown: return "?";
  }
  return "?";
}

std::string locale_name(const LocaleSummary& s) {
  return "<span lang=\"" + attr(s.locale) + "\" dir=\"auto\">" + esc(s.name) + "</span> (" + esc(s.locale) + ")";
}

std::string history_html(const I18nStatus& status) {
  std::string head = status.head.empty() ? "" : ", HEAD <code>" + esc(status.head.substr(0, 7)) + "</code>";
  switch (status.history) {
    case GitHistory::State::Full: return "git" + head;
    case GitHistory::State::Shallow: return "git, a shallow clone" + head;
    case GitHistory::State::NoRepository: return "none (not in a git repository)";
    case GitHistory::State::Failed: return "none (git failed)";
  }
  return "none";
}

// One grid cell: the state (linking the translation, or where to create it)
// and what else is known about it.
std::string cell_html(const SiteConfig& config, const I18nStatus& status, const PageTranslations& page,
                      const TranslationStatus& t, const I18nDashboardOptions& options) {
  TranslationLinks links = translation_links(config, status, page, t);
  const std::string state(translation_state_name(t.state));
  std::string label = "<span aria-hidden=\"true\">" + std::string(symbol(t.state)) + "</span> " + state;
  std::string main_url;
  if (t.state == TranslationState::Missing) {
    main_url = links.create;
  } else {
    main_url = options.site_links ? page_url(config, t.locale, page.slug) : links.translation;
  }
  std::string out = "<td class=\"" + state + "\">" + link_or_text(main_url, label, "state");
  std::vector<std::string> details;
  if (t.state == TranslationState::Outdated) {
    if (t.decided_by == "git") {
      details.push_back(esc(plural(t.commits_behind, "source commit", "source commits") + " (+" +
                            std::to_string(t.lines_added) + " \u2212" + std::to_string(t.lines_deleted) +
                            ") since " + iso_date(t.since_time)));
    } else {
      details.push_back("source text differs from its <code>" + esc(kSourceHashKey) + "</code>");
    }
    if (!t.changed_sections.empty()) {
      std::string sections = "sections: ";
      for (std::size_t i = 0; i < t.changed_sections.size(); ++i) {
        if (i > 0) sections += ", ";
        sections += t.changed_sections[i].empty() ? "(intro)" : t.changed_sections[i];
      }
      details.push_back(esc(sections));
    }
  } else if (t.state == TranslationState::Unknown) {
    details.push_back("the shallow clone lacks the history");
  }
  std::vector<std::string> more;
  if (options.site_links && !links.translation.empty()) more.push_back(link_or_text(links.translation, "file"));
  if (!links.diff.empty()) more.push_back(link_or_text(links.diff, "diff"));
  if (t.state == TranslationState::Missing && !links.create.empty() && main_url != links.create) {
    more.push_back(link_or_text(links.create, "create"));
  }
  if (!more.empty()) {
    std::string joined;
    for (std::size_t i = 0; i < more.size(); ++i) joined += (i ? " \u00b7 " : "") + more[i];
    details.push_back(joined);
  }
  for (const std::string& d : details) out += "<br><span class=\"small\">" + d + "</span>";
  out += "</td>";
  return out;
}

}  // namespace

std::string i18n_dashboard_html(const I18nStatus& status, const SiteConfig& config,
                                const I18nDashboardOptions& options) {
  const std::string title = "Translation status \u2014 " + config.title;
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta name=\"robots\" content=\"noindex\">\n<title>" + esc(title) + "</title>\n<style>" +
                    kStyle + "</style>\n</head>\n<body>\n<main>\n<h1>" + esc(title) + "</h1>\n";
  int ready = 0;
  for (const PageTranslations& page : status.pages) ready += page.ready ? 1 : 0;
  out += "<p class=\"meta\">" + plural(ready, "page", "pages") + " in <code>" + esc(status.default_locale) +
         "</code> ready for translation \u00b7 " + plural(static_cast<int>(status.summaries.size()), "locale", "locales") +
         " \u00b7 history: " + history_html(status) + "</p>\n";
  if (!status.history_note.empty()) out += "<p class=\"note\" role=\"note\">" + esc(status.history_note) + "</p>\n";

  // Progress per locale.
  out += "<h2 id=\"locales\">Locales</h2>\n<ul class=\"locales\">\n";
  for (const LocaleSummary& s : status.summaries) {
    const std::string percent = std::to_string(s.percent_done()) + "%";
    out += "<li><span class=\"name\">" + locale_name(s) + "</span>" +
           "<progress class=\"bar\" max=\"100\" value=\"" + std::to_string(s.percent_done()) + "\" aria-label=\"" +
           attr(s.locale) + ": " + percent + " done\"></progress>" + "<span class=\"small\">" + percent +
           " done \u00b7 " + std::to_string(s.done) + " done, " + std::to_string(s.outdated) + " outdated, " +
           std::to_string(s.missing) + " missing" +
           (s.unknown > 0 ? ", " + std::to_string(s.unknown) + " unknown" : "") + "</span></li>\n";
  }
  if (status.summaries.empty()) out += "<li>The site has no locale besides " + esc(status.default_locale) + ".</li>\n";
  out += "</ul>\n";

  // The page × locale grid.
  out += "<h2 id=\"pages\">Pages</h2>\n<ul class=\"legend\">"
         "<li class=\"done\"><span class=\"state\"><span aria-hidden=\"true\">\u2713</span> done</span>: up to date</li>"
         "<li class=\"outdated\"><span class=\"state\"><span aria-hidden=\"true\">!</span> outdated</span>: the source changed since</li>"
         "<li class=\"missing\"><span class=\"state\"><span aria-hidden=\"true\">\u2717</span> missing</span>: not translated</li>"
         "<li class=\"unknown\"><span class=\"state\"><span aria-hidden=\"true\">?</span> unknown</span>: history cut by a shallow clone</li>"
         "</ul>\n<div class=\"grid\" role=\"region\" aria-labelledby=\"pages\" tabindex=\"0\">\n<table>\n"
         "<thead><tr><th scope=\"col\">Page</th>";
  for (const LocaleSummary& s : status.summaries) out += "<th scope=\"col\">" + locale_name(s) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const PageTranslations& page : status.pages) {
    if (!page.ready) continue;
    TranslationLinks page_links = page.locales.empty() ? TranslationLinks{}
                                                       : translation_links(config, status, page, page.locales.front());
    const std::string name = page.title.empty() ? (page.slug.empty() ? "(home)" : page.slug) : page.title;
    std::string page_link = options.site_links ? page_url(config, status.default_locale, page.slug) : page_links.source;
    out += "<tr><th scope=\"row\">" + link_or_text(page_link, esc(name)) + "<br><span class=\"small\"><code>" +
           esc(page.source_file) + "</code>";
    if (options.site_links && !page_links.source.empty()) out += " \u00b7 " + link_or_text(page_links.source, "source");
    out += "</span></th>";
    for (const TranslationStatus& t : page.locales) out += cell_html(config, status, page, t, options);
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n</div>\n";

  std::string not_ready;
  for (const PageTranslations& page : status.pages) {
    if (page.ready) continue;
    std::string url = options.site_links ? page_url(config, status.default_locale, page.slug)
                                         : (page.locales.empty() ? "" : translation_links(config, status, page, page.locales.front()).source);
    not_ready += "<li>" + link_or_text(url, esc(page.title.empty() ? page.slug : page.title)) + " <code>" +
                 esc(page.source_file) + "</code></li>\n";
  }
  if (!not_ready.empty()) {
    out += "<h2 id=\"not-ready\">Not ready for translation</h2>\n<p>These pages do not say "
           "<code>i18nReady: true</code> in their frontmatter: they are left out of the counts.</p>\n<ul>\n" +
           not_ready + "</ul>\n";
  }
  if (!status.orphans.empty()) {
    out += "<h2 id=\"orphans\">Translations without a source page</h2>\n<ul>\n";
    for (const std::string& f : status.orphans) out += "<li><code>" + esc(f) + "</code></li>\n";
    out += "</ul>\n";
  }

  // UI strings (locales/<code>.yml).
  out += "<h2 id=\"ui-strings\">UI strings</h2>\n";
  std::string ui;
  for (const UiStringsStatus& u : status.ui_strings) {
    if (u.missing.empty() && u.obsolete.empty() && u.stale.empty()) continue;
    ui += "<li><strong>" + esc(u.locale) + "</strong>: ";
    auto keys = [&](const std::vector<std::string>& list) {
      std::string s;
      for (std::size_t i = 0; i < list.size(); ++i) s += (i ? ", " : "") + std::string("<code>") + esc(list[i]) + "</code>";
      return s;
    };
    if (!u.missing.empty()) ui += plural(static_cast<int>(u.missing.size()), "missing", "missing") + " (" + keys(u.missing) + ")";
    if (!u.stale.empty()) {
      if (!u.missing.empty()) ui += "; ";
      ui += plural(static_cast<int>(u.stale.size()), "stale", "stale") + ", the " + esc(status.default_locale) +
            " text changed since (" + keys(u.stale) + ")";
    }
    if ((!u.missing.empty() || !u.stale.empty()) && !u.obsolete.empty()) ui += "; ";
    if (!u.obsolete.empty()) {
      ui += plural(static_cast<int>(u.obsolete.size()), "key", "keys") + " no longer in " + esc(status.default_locale) +
            " (" + keys(u.obsolete) + ")";
    }
    ui += "</li>\n";
  }
  out += ui.empty() ? "<p>Every locale has every UI string of <code>" + esc(status.default_locale) + "</code>.</p>\n"
                    : "<ul>\n" + ui + "</ul>\n";

  // How the statuses were decided.
  out += "<h2 id=\"how\">How this is computed</h2>\n<p>From the site\u2019s git history (history: " +
         history_html(status) + "). A translation is <em>outdated</em> when its <code>" +
         esc(status.default_locale) + "</code> source has had commits since the translation last changed";
  if (!config.i18n_ignore.empty()) {
    out += " (commits whose subject holds ";
    for (std::size_t i = 0; i < config.i18n_ignore.size(); ++i) {
      out += (i == 0 ? "" : i + 1 == config.i18n_ignore.size() ? " or " : ", ") + std::string("<code>") +
             esc(config.i18n_ignore[i]) + "</code>";
    }
    out += " do not count)";
  }
  out += ", or when its <code>" + esc(kSourceHashKey) +
         "</code> no longer matches the source. Outside git nothing is outdated. Run <code>skiff i18n</code> "
         "for the same report as text, JSON or Markdown.</p>\n";
  if (!status.history_note.empty()) out += "<p class=\"small\">" + esc(status.history_note) + "</p>\n";
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace skiff
