#include "build/layout.h"

#include <cctype>
#include <utility>
#include <variant>

#include "base/disk.h"
#include "base/html_entities.h"
#include "base/html_escape.h"
#include "base/html_ids.h"
#include "base/source_text.h"
#include "lint/link_target.h"
#include "site/site_path.h"

namespace skiff {
namespace {

void open_tag(std::string& out, std::string_view tag) {
  out += '<';
  out += tag;
  out += '>';
}

void link(std::string& out, std::string_view href, std::string_view text, bool current,
          std::string_view extra_attributes = "") {
  out += "<a href=\"";
  append_escaped(out, href, true);
  out += '"';
  if (current) out += " aria-current=\"page\"";
  out += extra_attributes;
  out += '>';
  append_escaped(out, text, false);
  out += "</a>";
}

std::string page_title(const SiteMapView& site, std::string_view locale, std::string_view slug) {
  int i = site.pages->find(locale, slug);
  if (i < 0) i = site.pages->find(site.config->default_locale, slug);
  if (i < 0 || site.titles == nullptr) return std::string(slug);
  return (*site.titles)[static_cast<std::size_t>(i)];
}

// Locale's own label → default locale's label → site.yml label → title.
std::string nav_label(const SiteMapView& site, std::string_view locale, const std::string& key,
                      std::string_view configured, std::string_view slug, bool item) {
  std::string full = "nav." + key;
  if (const std::string* s = site.catalog->find_own(locale, full)) return *s;
  if (const std::string* s = site.catalog->find_own(site.config->default_locale, full)) return *s;
  if (!configured.empty()) return std::string(configured);
  return item ? page_title(site, locale, slug) : key;
}

}  // namespace

Layouts Layouts::load(const std::filesystem::path& site_root, Diagnostics& diagnostics,
                      Diagnostics& file_problems) {
  Layouts layouts;
  std::filesystem::path root = site_root / "layouts";
  for (const std::string& rel : list_site_files(site_root, "layouts", file_problems)) {
    if (rel.size() < 6 || rel.compare(rel.size() - 5, 5, ".html") != 0) continue;
    std::string error;
    auto bytes = read_file(root / rel, error);
    std::string display = "layouts/" + rel;
    if (!bytes) {
      file_problems.error(display, {}, error);
      continue;
    }
    auto compiled = HtmlTemplate::compile(SourceText(display, std::move(*bytes)));
    if (auto* d = std::get_if<Diagnostic>(&compiled)) {
      diagnostics.add(*d);
      // Its pages use an empty stand-in: the error above fails the build,
      // and each page adding "layout not found" would bury it.
      layouts.add(rel.substr(0, rel.size() - 5), HtmlTemplate());
      continue;
    }
    layouts.add(rel.substr(0, rel.size() - 5), std::get<HtmlTemplate>(std::move(compiled)));
  }
  return layouts;
}

void Layouts::add(std::string name, HtmlTemplate layout) {
  by_name_.insert_or_assign(std::move(name), std::move(layout));
}

const HtmlTemplate* Layouts::find(std::string_view layout, std::string_view page_path,
                                  const SiteConfig& config, std::string& error) const {
  std::string name = layout.empty() ? "MainLayout" : std::string(layout);
  if (name.find('/') != std::string::npos) {
    std::string path = site_relative_path(layout, page_path, config, error);
    if (path.empty()) return nullptr;
    if (path.compare(0, 8, "layouts/") != 0) {
      error = "layout `" + std::string(layout) + "` resolves to " + path +
              ", which is not in the site's layouts/ folder";
      return nullptr;
    }
    name = strip_source_extension(path.substr(8));
  }
  auto it = by_name_.find(name);
  if (it == by_name_.end()) {
    error = "layout `" + std::string(layout.empty() ? "MainLayout" : layout) +
            "` not found: expected layouts/" + name + ".html in the site";
    return nullptr;
  }
  return &it->second;
}

std::string absolute_url(const SiteConfig& config, std::string_view path) {
  return config.url + std::string(path);
}

std::string toc_html(const std::vector<TocEntry>& toc) {
  if (toc.empty()) return {};
  // h3 entries nest under the h2 before them; an h3 before any h2 is
  // listed at the top level.
  std::string out = "<ul>";
  bool item_open = false;
  bool h2_open = false;  // the open item is an h2, which h3s nest under
  bool sub_open = false;
  for (const TocEntry& entry : toc) {
    if (entry.depth == 3 && h2_open) {
      if (!sub_open) out += "<ul>";
      sub_open = true;
      out += "<li>";
      link(out, "#" + entry.id, entry.text, false);
      out += "</li>";
      continue;
    }
    if (sub_open) out += "</ul>";
    if (item_open) out += "</li>";
    sub_open = false;
    item_open = true;
    h2_open = entry.depth != 3;
    out += "<li>";
    link(out, "#" + entry.id, entry.text, false);
  }
  if (sub_open) out += "</ul>";
  if (item_open) out += "</li>";
  out += "</ul>";
  return out;
}

std::string sidebar_html(const LayoutPage& page, const SiteMapView& site) {
  std::string out = "<ul class=\"skiff-sidebar\">";
  for (const NavGroup& group : site.config->sidebar) {
    out += "<li><details open=\"\"><summary>";
    append_escaped(out, nav_label(site, page.locale, group.key, group.label, "", false), false);
    out += "</summary><ul>";
    for (const NavItem& item : group.items) {
      bool translated = site.pages->find(page.locale, item.slug) >= 0;
      bool exists = translated || site.pages->find(site.config->default_locale, item.slug) >= 0;
      if (!exists) continue;
      open_tag(out, "li");
      std::string label = nav_label(site, page.locale, item.key, item.label, item.slug, true);
      std::string lang_attr;
      if (!translated) {
        lang_attr = " class=\"skiff-untranslated\" title=\"" +
                    escape_html_attribute(site.catalog->ui(page.locale, "sidebar.notTranslated")) +
                    "\"";
      }
      link(out, page_url(*site.config, page.locale, item.slug), label, item.slug == page.slug,
           lang_attr);
      if (!translated) {
        out += " <span class=\"skiff-untranslated-mark\">";
        append_escaped(out, site.catalog->ui(page.locale, "sidebar.notTranslated"), false);
        out += "</span>";
      }
      out += "</li>";
    }
    out += "</ul></details></li>";
  }
  out += "</ul>";
  return out;
}

std::string language_picker_html(const LayoutPage& page, const SiteMapView& site) {
  std::string out = "<ul class=\"skiff-languages\">";
  for (const std::string& code : site.config->locales) {
    const LocaleInfo& info = site.catalog->info(code);
    std::string attributes = " hreflang=\"" + escape_html_attribute(info.lang()) + "\" lang=\"" +
                             escape_html_attribute(info.lang()) + "\"";
    open_tag(out, "li");
    // Pages that exist in no locale (the 404 page) link to each home page.
    bool is_page = site.pages->find(site.config->default_locale, page.slug) >= 0;
    link(out, page_url(*site.config, code, is_page ? page.slug : ""), info.name, code == page.locale,
         attributes);
    out += "</li>";
  }
  out += "</ul>";
  return out;
}

namespace {

std::string alternates_html(const LayoutPage& page, const SiteMapView& site) {
  std::string out;
  auto add = [&](std::string_view hreflang, std::string_view locale) {
    out += "<link rel=\"alternate\" hreflang=\"";
    append_escaped(out, hreflang, true);
    out += "\" href=\"";
    append_escaped(out, absolute_url(*site.config, page_url(*site.config, locale, page.slug)), true);
    out += "\">\n";
  };
  for (const std::string& code : site.config->locales) {
    if (site.pages->find(code, page.slug) >= 0) add(site.catalog->info(code).lang(), code);
  }
  add("x-default", site.config->default_locale);
  return out;
}

std::string fallback_notice_html(const LayoutPage& page, const SiteMapView& site) {
  if (!page.fallback) return {};
  std::string text = fill_placeholders(
      site.catalog->ui(page.locale, "fallback.notice"),
      {{"language", site.catalog->info(page.locale).name},
       {"source", site.catalog->info(page.content_locale).name}});
  std::string out = "<aside class=\"skiff-fallback\" role=\"note\"><p>";
  append_escaped(out, text, false);
  out += "</p></aside>";
  return out;
}

}  // namespace

std::string outdated_notice_html(const LayoutPage& page, const SiteMapView& site) {
  if (!page.outdated || page.fallback) return {};
  const SiteConfig& config = *site.config;
  const LocaleInfo& source = site.catalog->info(config.default_locale);
  // The date goes in as a <time> element: a marker that survives escaping
  // stands for it in the localized sentence.
  constexpr std::string_view kDate = "\x1f";
  std::string text = fill_placeholders(
      site.catalog->ui(page.locale, page.outdated_date.empty() ? "outdated.noticeUndated" : "outdated.notice"),
      {{"source", source.name}, {"date", std::string(kDate)}});
  std::string escaped = escape_html_text(text);
  std::string time = "<time datetime=\"" + escape_html_attribute(page.outdated_date) + "\">" +
                     escape_html_text(page.outdated_date) + "</time>";
  for (std::size_t at = 0; (at = escaped.find(kDate, at)) != std::string::npos; at += time.size()) {
    escaped.replace(at, kDate.size(), time);
  }
  std::string out = "<aside class=\"skiff-outdated\" role=\"note\"><p>" + escaped + " ";
  std::string link_text = fill_placeholders(site.catalog->ui(page.locale, "outdated.link"), {{"source", source.name}});
  link(out, page_url(config, config.default_locale, page.slug), link_text, false,
       " hreflang=\"" + escape_html_attribute(source.lang()) + "\"");
  out += "</p></aside>";
  return out;
}

namespace {

bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Whether `test` holds for some value that follows `href` (any letter
// case), optional spaces and `=`, read as for_each_html_link reads an
// attribute value (quoted or bare, entities decoded). Every href value
// for_each_html_link reports is among them, so when none passes the test,
// no link needs a mark. A memchr hop from '=' to '=' costs far less than
// parsing every tag of the page, and most translated pages have no link to
// an untranslated page.
template <typename Test>
bool some_href_value(std::string_view html, Test&& test) {
  const std::size_t size = html.size();
  for (std::size_t eq = html.find('='); eq != std::string_view::npos; eq = html.find('=', eq + 1)) {
    std::size_t name_end = eq;
    while (name_end > 0 && is_html_space(html[name_end - 1])) --name_end;
    if (name_end < 4) continue;
    const char* n = html.data() + name_end - 4;
    if ((n[0] | 0x20) != 'h' || (n[1] | 0x20) != 'r' || (n[2] | 0x20) != 'e' || (n[3] | 0x20) != 'f') continue;
    std::size_t i = eq + 1;
    while (i < size && is_html_space(html[i])) ++i;
    std::string_view value;
    if (i < size && (html[i] == '"' || html[i] == '\'')) {
      std::size_t close = html.find(html[i], i + 1);
      if (close == std::string_view::npos) close = size;
      value = html.substr(i + 1, close - i - 1);
    } else {
      std::size_t begin = i;
      while (i < size && !is_html_space(html[i]) && html[i] != '>') ++i;
      value = html.substr(begin, i - begin);
    }
    if (value.empty()) continue;
    if (test(value.find('&') == std::string_view::npos ? std::string(value) : decode_html_entities(value))) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string mark_untranslated_links(const std::string& html, const LayoutPage& page,
                                    const SiteMapView& site) {
  const SiteConfig& config = *site.config;
  if (page.fallback || page.locale == config.default_locale) return html;
  // Where the page is served, site-relative, for relative links ("es/a/b/").
  const std::string page_path = page.locale + "/" + (page.slug.empty() ? "" : page.slug + "/");
  const std::string locale_prefix = page.locale + "/";
  auto untranslated = [&](const std::string& url) {
    LinkTarget target = resolve_link(url, page_path, config);
    if (target.kind != LinkTarget::Kind::SitePath || !target.path.starts_with(locale_prefix)) return false;
    std::string slug = target.path.substr(locale_prefix.size());
    if (slug.ends_with("index.html")) slug.resize(slug.size() - 10);
    while (!slug.empty() && slug.back() == '/') slug.pop_back();
    return site.pages->find(page.locale, slug) < 0 && site.pages->find(config.default_locale, slug) >= 0;
  };
  if (!some_href_value(html, untranslated)) return html;
  // Ends of the <a> elements to mark, in order.
  std::vector<std::size_t> ends;
  for_each_html_link(html, [&](const std::string& url, std::size_t offset, bool asset) {
    if (asset) return;
    std::size_t open = html.rfind('<', offset);
    if (open == std::string::npos || open + 2 >= html.size() ||
        std::tolower(static_cast<unsigned char>(html[open + 1])) != 'a' ||
        !std::isspace(static_cast<unsigned char>(html[open + 2]))) {
      return;  // <area>, <link>
    }
    if (!ends.empty() && offset < ends.back()) return;  // inside a link already marked
    if (!untranslated(url)) return;
    // Links do not nest: the element ends at the next </a>.
    for (std::size_t close = html.find("</", offset); close != std::string::npos; close = html.find("</", close + 2)) {
      if (close + 3 < html.size() && std::tolower(static_cast<unsigned char>(html[close + 2])) == 'a' &&
          html[close + 3] == '>') {
        ends.push_back(close + 4);
        break;
      }
    }
  });
  if (ends.empty()) return html;
  const LocaleInfo& source = site.catalog->info(config.default_locale);
  std::string code = config.default_locale;
  for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string mark = " <span class=\"skiff-untranslated-mark\" title=\"" +
                     escape_html_attribute(site.catalog->ui(page.locale, "sidebar.notTranslated")) +
                     "\">(<span lang=\"" + escape_html_attribute(source.lang()) + "\">" +
                     escape_html_text(code) + "</span>)</span>";
  std::string out;
  out.reserve(html.size() + ends.size() * mark.size());
  std::size_t copied = 0;
  for (std::size_t end : ends) {
    out.append(html, copied, end - copied);
    out += mark;
    copied = end;
  }
  out.append(html, copied);
  return out;
}

std::string render_layout(const HtmlTemplate& layout, const LayoutPage& page,
                          const SiteMapView& site) {
  const SiteConfig& config = *site.config;
  const LocaleInfo& info = site.catalog->info(page.locale);
  const Frontmatter& fm = *page.frontmatter;
  std::string url = page_url(config, page.locale, page.slug);
  std::string canonical_path = page.fallback ? page_url(config, page.content_locale, page.slug) : url;
  TemplateValues values;
  values.text = [&](std::string_view name) -> std::optional<std::string> {
    if (name == "title") return fm.title.empty() ? page.slug : fm.title;
    if (name == "description") return fm.description;
    if (name == "lang") return info.lang();
    if (name == "dir") return std::string(info.rtl ? "rtl" : "ltr");
    if (name == "url") return url;
    if (name == "canonical") return absolute_url(config, canonical_path);
    if (name == "home") return page_url(config, page.locale, "");
    if (name == "fallback") return std::string(page.fallback ? "true" : "");
    if (name == "outdated") return std::string(page.outdated && !page.fallback ? "true" : "");
    if (name == "has_toc") return std::string(page.body->toc.empty() ? "" : "true");
    if (name == "site.title") return config.title;
    if (name == "base") return config.base;
    if (name == "site.css") return config.base + "styles/site.css";
    if (name == "locale.name") return info.name;
    if (name == "assets.css") return config.base + "_skiff/skiff.css";
    if (name == "assets.js") return config.base + "_skiff/skiff.js";
    if (name.substr(0, 5) == "page.") {
      auto it = fm.values.find(name.substr(5));
      if (it != fm.values.end()) return it->second;
      return std::nullopt;
    }
    if (name.substr(0, 3) == "ui.") return site.catalog->ui(page.locale, name.substr(3));
    return std::nullopt;
  };
  values.slot = [&](std::string_view name) -> std::optional<std::string> {
    if (name == "content") {
      if (!page.fallback) return mark_untranslated_links(page.body->html, page, site);
      const LocaleInfo& source = site.catalog->info(page.content_locale);
      return "<div lang=\"" + escape_html_attribute(source.lang()) + "\" dir=\"" +
             (source.rtl ? "rtl" : "ltr") + "\">\n" + page.body->html + "</div>\n";
    }
    if (name == "toc") return toc_html(page.body->toc);
    if (name == "sidebar") return sidebar_html(page, site);
    if (name == "language-picker") return language_picker_html(page, site);
    if (name == "alternates") return alternates_html(page, site);
    if (name == "fallback-notice") return fallback_notice_html(page, site);
    if (name == "outdated-notice") return outdated_notice_html(page, site);
    if (name == "head") return std::string(site.head_html);
    return std::nullopt;
  };
  return layout.render(values);
}

}  // namespace skiff
