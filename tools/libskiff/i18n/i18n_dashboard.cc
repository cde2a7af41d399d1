#include "i18n/i18n_dashboard.h"

#include "base/html_escape.h"
#include "i18n/i18n_report.h"

namespace skiff {
namespace {

constexpr const char* kStyle = R"(
:root { color-scheme: light dark; --done: #1a7f37; --outdated: #9a6700; --missing: #cf222e; --unknown: #6e7781; }
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; }
.locales { display: grid; gap: .5rem; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); padding: 0; list-style: none; }
.locales li { border: 1px solid #8888; border-radius: .5rem; padding: .75rem; }
progress { width: 100%; height: .75rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #8886; padding: .35rem .5rem; text-align: left; vertical-align: top; }
td.state { white-space: nowrap; }
.done { color: var(--done); } .outdated { color: var(--outdated); } .missing { color: var(--missing); } .unknown { color: var(--unknown); }
@media (prefers-color-scheme: dark) { :root { --done: #3fb950; --outdated: #d29922; --missing: #f85149; --unknown: #9198a1; } }
)";

std::string link_or_text(const std::string& url, const std::string& text) {
  if (url.empty()) return escape_html_text(text);
  return "<a href=\"" + escape_html_attribute(url) + "\">" + escape_html_text(text) + "</a>";
}

}  // namespace

std::string i18n_dashboard_html(const I18nStatus& status, const SiteConfig& config) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>Translation status — " + escape_html_text(config.title) + "</title>\n<style>" +
                    kStyle + "</style>\n</head>\n<body>\n<main>\n<h1>Translation status — " +
                    escape_html_text(config.title) + "</h1>\n";
  if (!status.history_note.empty()) out += "<p>" + escape_html_text(status.history_note) + "</p>\n";
  out += "<ul class=\"locales\">\n";
  for (const LocaleSummary& s : status.summaries) {
    out += "<li><strong>" + escape_html_text(s.name) + "</strong> (" + escape_html_text(s.locale) + ")<br>" +
           "<progress max=\"100\" value=\"" + std::to_string(s.percent_done()) + "\" aria-label=\"" +
           escape_html_attribute(s.locale) + ": " + std::to_string(s.percent_done()) + "% done\"></progress><br>" +
           std::to_string(s.percent_done()) + "% · " + std::to_string(s.done) + " done, " +
           std::to_string(s.outdated) + " outdated, " + std::to_string(s.missing) + " missing</li>\n";
  }
  out += "</ul>\n<h2>Pages</h2>\n<table>\n<thead><tr><th scope=\"col\">Page</th>";
  for (const LocaleSummary& s : status.summaries) out += "<th scope=\"col\">" + escape_html_text(s.locale) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const PageTranslations& page : status.pages) {
    if (!page.ready) continue;
    TranslationLinks page_links = page.locales.empty() ? TranslationLinks{}
                                                       : translation_links(config, status, page, page.locales.front());
    out += "<tr><th scope=\"row\">" + link_or_text(page_links.source, page.slug.empty() ? "(home)" : page.slug) + "</th>";
    for (const TranslationStatus& t : page.locales) {
      TranslationLinks links = translation_links(config, status, page, t);
      std::string state(translation_state_name(t.state));
      std::string cell = link_or_text(t.state == TranslationState::Missing ? links.create : links.translation, state);
      if (!links.diff.empty()) cell += " · " + link_or_text(links.diff, "diff");
      out += "<td class=\"state " + state + "\">" + cell + "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace skiff
