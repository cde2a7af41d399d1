// The page shell around a rendered body: the site's layout template with
// title, navigation, table of contents, language picker and UI strings.
//
// Values a layout can use (see render/html_template.h for the syntax):
//   text:  title, description, lang, dir, url, canonical, home, fallback,
//          has_toc, base (the site's base path, "/" or "/docs/"),
//          site.title, site.css, locale.name, assets.css, assets.js,
//          page.<frontmatter key>, ui.<UI string key>
//   slots: content, toc, sidebar, language-picker, alternates,
//          fallback-notice, head
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "render/html_template.h"
#include "render/page_renderer.h"
#include "site/frontmatter.h"
#include "site/locale_catalog.h"
#include "site/page_index.h"
#include "site/site_config.h"

namespace skiff {

class Layouts {
 public:
  // Compiles every SITE/layouts/*.html once.
  static Layouts load(const std::filesystem::path& site_root, Diagnostics& diagnostics);
  void add(std::string name, HtmlTemplate layout);
  // The template for a frontmatter `layout` value written in the page
  // `page_path` (`~/layouts/MainLayout.astro` or `../../layouts/Main` →
  // layouts/MainLayout.html, resolved as imports are: site_path.h); a bare
  // name ("NotFound") names a layout directly, and an empty value means
  // MainLayout. nullptr with `error` set when there is none.
  const HtmlTemplate* find(std::string_view layout, std::string_view page_path,
                           const SiteConfig& config, std::string& error) const;

 private:
  std::map<std::string, HtmlTemplate, std::less<>> by_name_;
};

// Everything known about the site's pages that navigation needs: which
// page exists in which locale, and titles.
struct SiteMapView {
  const SiteConfig* config = nullptr;
  const LocaleCatalog* catalog = nullptr;
  const PageIndex* pages = nullptr;
  const std::vector<std::string>* titles = nullptr;  // per PageIndex entry
  std::string_view head_html;  // raw HTML for the layout's "head" slot
};

struct LayoutPage {
  std::string locale;          // the locale whose UI is shown
  std::string slug;
  const Frontmatter* frontmatter = nullptr;
  const PageBody* body = nullptr;
  std::string content_locale;  // differs from `locale` on fallback pages
  bool fallback = false;
};

std::string render_layout(const HtmlTemplate& layout, const LayoutPage& page,
                          const SiteMapView& site);

// Pieces of the shell, exposed for tests and for the 404 and index pages.
std::string sidebar_html(const LayoutPage& page, const SiteMapView& site);
std::string toc_html(const std::vector<TocEntry>& toc);
std::string language_picker_html(const LayoutPage& page, const SiteMapView& site);
std::string absolute_url(const SiteConfig& config, std::string_view path);

}  // namespace skiff
