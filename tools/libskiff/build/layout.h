// The page shell around a rendered body: the site's layout template with
// title, navigation, table of contents, language picker and UI strings.
//
// Values a layout can use (see render/html_template.h for the syntax):
//   text:  title, description, lang, dir, url, canonical, home, fallback,
//          outdated ("true" on a translation `skiff i18n` finds outdated),
//          has_toc, base (the site's base path, "/" or "/docs/"),
//          site.title, site.css, locale.name, assets.css, assets.js,
//          page.<frontmatter key>, ui.<UI string key>
//   slots: content, toc, sidebar, language-picker, alternates,
//          fallback-notice, outdated-notice, head
//
// In a translated page's content, links to pages of its locale that are not
// translated (fallbacks) get a marker after their text:
//   <span class="skiff-untranslated-mark" title="Not translated yet">(<span lang="en">EN</span>)</span>
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
  // Compiles every SITE/layouts/*.html once. Layout files that cannot be
  // read or are refused (a symlink out of the site: list_site_files) go to
  // `file_problems`, template errors to `diagnostics`.
  static Layouts load(const std::filesystem::path& site_root, Diagnostics& diagnostics,
                      Diagnostics& file_problems);
  static Layouts load(const std::filesystem::path& site_root, Diagnostics& diagnostics) {
    return load(site_root, diagnostics, diagnostics);
  }
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
  // A translation whose source changed after it (translation_status.h):
  // the layout's outdated notice, with the date the translation was last
  // changed ("YYYY-MM-DD", or "" when unknown).
  bool outdated = false;
  std::string outdated_date;
};

std::string render_layout(const HtmlTemplate& layout, const LayoutPage& page,
                          const SiteMapView& site);

// Pieces of the shell, exposed for tests and for the 404 and index pages.
std::string sidebar_html(const LayoutPage& page, const SiteMapView& site);
std::string toc_html(const std::vector<TocEntry>& toc);
std::string language_picker_html(const LayoutPage& page, const SiteMapView& site);
std::string absolute_url(const SiteConfig& config, std::string_view path);
std::string outdated_notice_html(const LayoutPage& page, const SiteMapView& site);
// `html` (a page body shown in `page.locale`) with a marker after every
// link to a page of that locale that is not translated: one served from the
// default locale's text. Unchanged for fallback and default-locale pages.
std::string mark_untranslated_links(const std::string& html, const LayoutPage& page,
                                    const SiteMapView& site);

}  // namespace skiff
