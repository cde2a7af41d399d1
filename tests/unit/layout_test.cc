#define BOOST_TEST_MODULE layout
#include <boost/test/unit_test.hpp>

#include <string>
#include <variant>
#include <vector>

#include "build/layout.h"

// The page shell: TOC, sidebar, language picker, layout values and slots,
// and layout lookup. Every input is built in memory: a site.yml text, a
// locale catalog from YAML, a page index and titles.

using namespace skiff;

namespace {

constexpr std::string_view kSiteYml =
    "title: Docs & more\n"
    "url: https://docs.example.com/\n"
    "base: /docs\n"
    "defaultLocale: en\n"
    "locales: [en, ar, zh-cn]\n"
    "sidebar:\n"
    "  - key: start\n"
    "    label: Start here\n"
    "    items:\n"
    "      - { key: intro, slug: intro, label: Introduction }\n"
    "      - { key: setup, slug: guides/setup, label: Setup label }\n"
    "      - { key: faq, slug: faq }\n"
    "      - { key: ghost, slug: nowhere, label: Ghost }\n"
    "      - { key: legacy, slug: old }\n"
    "  - key: more\n"
    "    items:\n"
    "      - { key: home, slug: '' }\n";

constexpr std::string_view kLocalesYml =
    "- { code: en, name: English, englishName: English, dir: ltr }\n"
    "- { code: ar, name: \"العربية\", englishName: Arabic, dir: rtl }\n"
    "- { code: zh-cn, name: \"简体中文\", englishName: Chinese, dir: ltr }\n";

constexpr std::string_view kEnStrings =
    "nav:\n"
    "  intro: Intro EN\n"
    "  legacy: Legacy EN\n"
    "sidebar.notTranslated: Not translated yet\n"
    "fallback.notice: \"Not in {language} yet; this is the {source} text.\"\n"
    "skipLink: Skip to content\n";

constexpr std::string_view kArStrings =
    "nav.start: \"ابدأ\"\n"
    "nav.intro: \"مقدمة\"\n"
    "sidebar.notTranslated: \"لم تُترجم\"\n"
    "skipLink: \"تخطَّ\"\n";

// One site: pages in en (all of them) and ar (intro, faq), titles per page.
struct Site {
  Site() {
    config = parse_site_config(SourceText("site.yml", std::string(kSiteYml)), diagnostics);
    catalog = LocaleCatalog::from_yaml(
        kLocalesYml, {{"en", std::string(kEnStrings)}, {"ar", std::string(kArStrings)}}, "en",
        diagnostics);
    auto add = [&](std::string locale, std::string slug, std::string title) {
      pages.add(PageSource{locale, slug, "pages/" + locale + "/" + slug + ".md", {}});
      titles.push_back(std::move(title));
    };
    add("en", "intro", "Intro title");
    add("en", "guides/setup", "Setup title");
    add("en", "faq", "FAQ & more");
    add("en", "old", "Old title");
    add("en", "", "Home title");
    add("ar", "intro", "عنوان المقدمة");
    add("ar", "faq", "أسئلة");
    view = SiteMapView{&config, &catalog, &pages, &titles, "<script>head()</script>"};
  }

  Diagnostics diagnostics;
  SiteConfig config;
  LocaleCatalog catalog;
  PageIndex pages;
  std::vector<std::string> titles;
  SiteMapView view;
};

LayoutPage page_in(std::string locale, std::string slug, const Frontmatter* fm = nullptr,
                   const PageBody* body = nullptr) {
  LayoutPage page;
  page.locale = locale;
  page.slug = std::move(slug);
  page.frontmatter = fm;
  page.body = body;
  page.content_locale = std::move(locale);
  return page;
}

HtmlTemplate compile_ok(std::string text) {
  auto result = HtmlTemplate::compile(SourceText("layouts/Test.html", std::move(text)));
  if (auto* d = std::get_if<Diagnostic>(&result)) {
    BOOST_FAIL("template does not compile: " + format_diagnostic(*d));
  }
  return std::get<HtmlTemplate>(std::move(result));
}

std::string untranslated(std::string_view href, std::string_view label, std::string_view note) {
  return "<li><a href=\"" + std::string(href) + "\" class=\"skiff-untranslated\" title=\"" +
         std::string(note) + "\">" + std::string(label) +
         "</a> <span class=\"skiff-untranslated-mark\">" + std::string(note) + "</span></li>";
}

}  // namespace

BOOST_AUTO_TEST_CASE(inputs_parse_without_diagnostics) {
  Site site;
  BOOST_TEST(site.diagnostics.empty());
  BOOST_TEST(site.config.base == "/docs/");
  BOOST_TEST(site.config.url == "https://docs.example.com");
}

// --- toc_html ---

BOOST_AUTO_TEST_CASE(toc_empty_is_empty_string) { BOOST_TEST(toc_html({}) == ""); }

BOOST_AUTO_TEST_CASE(toc_nests_h3_under_the_h2_before_them) {
  std::vector<TocEntry> toc = {
      {2, "one", "One"}, {3, "one-a", "One A"}, {3, "one-b", "One B"}, {2, "two", "Two"},
  };
  BOOST_TEST(toc_html(toc) ==
             "<ul><li><a href=\"#one\">One</a>"
             "<ul><li><a href=\"#one-a\">One A</a></li><li><a href=\"#one-b\">One B</a></li></ul>"
             "</li><li><a href=\"#two\">Two</a></li></ul>");
}

BOOST_AUTO_TEST_CASE(toc_h3_before_any_h2_is_top_level) {
  std::vector<TocEntry> toc = {{3, "early", "Early"}, {2, "a", "A"}, {3, "b", "B"}};
  BOOST_TEST(toc_html(toc) ==
             "<ul><li><a href=\"#early\">Early</a></li>"
             "<li><a href=\"#a\">A</a><ul><li><a href=\"#b\">B</a></li></ul></li></ul>");
}

// Regression: layout.cc:114 — once a leading h3 has opened a top-level item,
// `item_open` is true, so a second h3 that also comes before any h2 is nested
// under the first h3 instead of being listed at the top level as the
// comment in toc_html says. Input {h3 x, h3 y, h2 a}: expected
// <ul><li>x</li><li>y</li><li>a</li></ul>, actual <ul><li>x<ul><li>y</li></ul></li><li>a</li></ul>.
BOOST_AUTO_TEST_CASE(toc_every_h3_before_the_first_h2_is_top_level) {
  std::vector<TocEntry> toc = {{3, "x", "X"}, {3, "y", "Y"}, {2, "a", "A"}};
  BOOST_TEST(toc_html(toc) ==
             "<ul><li><a href=\"#x\">X</a></li><li><a href=\"#y\">Y</a></li>"
             "<li><a href=\"#a\">A</a></li></ul>");
}

BOOST_AUTO_TEST_CASE(toc_escapes_text_and_ids) {
  std::vector<TocEntry> toc = {{2, "a\"b", "Use <T> & \"x\""}};
  BOOST_TEST(toc_html(toc) ==
             "<ul><li><a href=\"#a&quot;b\">Use &lt;T&gt; &amp; \"x\"</a></li></ul>");
}

// --- sidebar_html ---

BOOST_AUTO_TEST_CASE(sidebar_in_default_locale) {
  Site site;
  LayoutPage page = page_in("en", "faq");
  BOOST_TEST(sidebar_html(page, site.view) ==
             "<ul class=\"skiff-sidebar\">"
             "<li><details open=\"\"><summary>Start here</summary><ul>"
             // en nav.intro wins over the site.yml label
             "<li><a href=\"/docs/en/intro/\">Intro EN</a></li>"
             // no nav string: the site.yml label
             "<li><a href=\"/docs/en/guides/setup/\">Setup label</a></li>"
             // no label at all: the page title, escaped; the current page
             "<li><a href=\"/docs/en/faq/\" aria-current=\"page\">FAQ &amp; more</a></li>"
             // `ghost` has no page in any locale: skipped
             "<li><a href=\"/docs/en/old/\">Legacy EN</a></li>"
             "</ul></details></li>"
             // a group without label or nav string shows its key
             "<li><details open=\"\"><summary>more</summary><ul>"
             "<li><a href=\"/docs/en/\">Home title</a></li>"
             "</ul></details></li></ul>");
}

BOOST_AUTO_TEST_CASE(sidebar_in_other_locale_marks_untranslated_entries) {
  Site site;
  LayoutPage page = page_in("ar", "faq");
  const std::string note = "لم تُترجم";
  BOOST_TEST(sidebar_html(page, site.view) ==
             "<ul class=\"skiff-sidebar\">"
             // the locale's own group label
             "<li><details open=\"\"><summary>ابدأ</summary><ul>"
             // the locale's own nav label beats the default locale's
             "<li><a href=\"/docs/ar/intro/\">مقدمة</a></li>" +
                 // only in en: site.yml label, marked untranslated, still links to /ar/
                 untranslated("/docs/ar/guides/setup/", "Setup label", note) +
                 // translated, no label anywhere: the ar page's own title
                 "<li><a href=\"/docs/ar/faq/\" aria-current=\"page\">أسئلة</a></li>" +
                 // the default locale's nav label
                 untranslated("/docs/ar/old/", "Legacy EN", note) +
                 "</ul></details></li>"
                 "<li><details open=\"\"><summary>more</summary><ul>" +
                 // untranslated, no label: the default locale's page title
                 untranslated("/docs/ar/", "Home title", note) + "</ul></details></li></ul>");
}

BOOST_AUTO_TEST_CASE(sidebar_untranslated_text_falls_back_to_default_locale) {
  Site site;
  // zh-cn has no pages and no strings of its own.
  LayoutPage page = page_in("zh-cn", "faq");
  std::string html = sidebar_html(page, site.view);
  BOOST_TEST(html.find(untranslated("/docs/zh-cn/intro/", "Intro EN", "Not translated yet")) !=
             std::string::npos);
  BOOST_TEST(html.find("<a href=\"/docs/zh-cn/faq/\" aria-current=\"page\" "
                       "class=\"skiff-untranslated\" title=\"Not translated yet\">FAQ &amp; more</a>") !=
             std::string::npos);
  BOOST_TEST(html.find("<summary>Start here</summary>") != std::string::npos);
}

// --- language_picker_html ---

BOOST_AUTO_TEST_CASE(language_picker_lists_every_locale) {
  Site site;
  LayoutPage page = page_in("ar", "guides/setup");
  BOOST_TEST(language_picker_html(page, site.view) ==
             "<ul class=\"skiff-languages\">"
             "<li><a href=\"/docs/en/guides/setup/\" hreflang=\"en\" lang=\"en\">English</a></li>"
             "<li><a href=\"/docs/ar/guides/setup/\" aria-current=\"page\" hreflang=\"ar\" "
             "lang=\"ar\">العربية</a></li>"
             "<li><a href=\"/docs/zh-cn/guides/setup/\" hreflang=\"zh-CN\" "
             "lang=\"zh-CN\">简体中文</a></li>"
             "</ul>");
}

BOOST_AUTO_TEST_CASE(language_picker_for_home_page) {
  Site site;
  LayoutPage page = page_in("zh-cn", "");
  std::string html = language_picker_html(page, site.view);
  BOOST_TEST(html.find("<a href=\"/docs/en/\" hreflang=\"en\"") != std::string::npos);
  BOOST_TEST(html.find("<a href=\"/docs/zh-cn/\" aria-current=\"page\" hreflang=\"zh-CN\"") !=
             std::string::npos);
  BOOST_TEST(html.find("aria-current") == html.rfind("aria-current"));
}

// --- absolute_url ---

BOOST_AUTO_TEST_CASE(absolute_url_prefixes_origin) {
  Site site;
  BOOST_TEST(absolute_url(site.config, "/docs/en/") == "https://docs.example.com/docs/en/");
}

// --- render_layout ---

namespace {

// Every text value and slot layout.h lists.
constexpr std::string_view kLayout =
    "<html lang=\"{{ lang }}\" dir=\"{{ dir }}\"><head>"
    "<title>{{ title }} | {{ site.title }}</title>"
    "<meta name=\"description\" content=\"{{ description }}\"/>"
    "<link rel=\"canonical\" href=\"{{ canonical }}\"/>"
    "<link rel=\"stylesheet\" href=\"{{ assets.css }}\"/>"
    "<link rel=\"stylesheet\" href=\"{{ site.css }}\"/>"
    "<script src=\"{{ assets.js }}\"></script>"
    "<skiff-slot name=\"alternates\"/><skiff-slot name=\"head\">HEAD-FALLBACK</skiff-slot>"
    "</head><body data-url=\"{{ url }}\" data-home=\"{{ home }}\">"
    "<p id=\"locale\">{{ locale.name }}</p>"
    "<p id=\"edit\">{{ page.editUrl }}</p>"
    "<p id=\"missing\">{{ page.nothing }}</p>"
    "<p id=\"skip\">{{ ui.skipLink }}</p>"
    "<p id=\"fb\" skiff-if=\"fallback\">F</p>"
    "<div id=\"notice\"><skiff-slot name=\"fallback-notice\"/></div>"
    "<main><skiff-slot name=\"content\"/></main>"
    "<nav id=\"toc\" skiff-if=\"has_toc\"><skiff-slot name=\"toc\"/></nav>"
    "<nav id=\"side\"><skiff-slot name=\"sidebar\"/></nav>"
    "<nav id=\"langs\"><skiff-slot name=\"language-picker\"/></nav>"
    "</body></html>";

struct Rendered {
  Rendered(bool fallback) {
    fm.title = "Setup & go";
    fm.description = "Set \"it\" up";
    fm.values["editUrl"] = "https://git.example/e?a=1&b=2";
    body.html = "<p>Body</p>\n";
    if (fallback) body.toc = {{2, "a", "A"}, {3, "b", "B"}};
    page = page_in(fallback ? "ar" : "en", "guides/setup", &fm, &body);
    page.content_locale = "en";
    page.fallback = fallback;
    html = render_layout(compile_ok(std::string(kLayout)), page, site.view);
  }
  Site site;
  Frontmatter fm;
  PageBody body;
  LayoutPage page;
  std::string html;
};

const std::string kAlternates =
    "<link rel=\"alternate\" hreflang=\"en\" href=\"https://docs.example.com/docs/en/guides/setup/\">\n"
    "<link rel=\"alternate\" hreflang=\"x-default\" "
    "href=\"https://docs.example.com/docs/en/guides/setup/\">\n";

}  // namespace

BOOST_AUTO_TEST_CASE(layout_fallback_page_in_rtl_locale) {
  Rendered r(true);
  std::string expected =
      "<html lang=\"ar\" dir=\"rtl\"><head>"
      "<title>Setup &amp; go | Docs &amp; more</title>"
      "<meta name=\"description\" content=\"Set &quot;it&quot; up\">"
      // canonical: the content locale's page, absolute
      "<link rel=\"canonical\" href=\"https://docs.example.com/docs/en/guides/setup/\">"
      "<link rel=\"stylesheet\" href=\"/docs/_skiff/skiff.css\">"
      "<link rel=\"stylesheet\" href=\"/docs/styles/site.css\">"
      "<script src=\"/docs/_skiff/skiff.js\"></script>" +
      kAlternates +
      // the head slot: the site's <head> script, not the fallback content
      "<script>head()</script>"
      "</head><body data-url=\"/docs/ar/guides/setup/\" data-home=\"/docs/ar/\">"
      "<p id=\"locale\">العربية</p>"
      "<p id=\"edit\">https://git.example/e?a=1&amp;b=2</p>"
      "<p id=\"missing\"></p>"
      "<p id=\"skip\">تخطَّ</p>"
      "<p id=\"fb\">F</p>"
      "<div id=\"notice\"><aside class=\"skiff-fallback\" role=\"note\">"
      "<p>Not in العربية yet; this is the English text.</p></aside></div>"
      "<main><div lang=\"en\" dir=\"ltr\">\n<p>Body</p>\n</div>\n</main>"
      "<nav id=\"toc\"><ul><li><a href=\"#a\">A</a><ul><li><a href=\"#b\">B</a></li></ul></li></ul>"
      "</nav>"
      "<nav id=\"side\">" +
      sidebar_html(r.page, r.site.view) +
      "</nav>"
      "<nav id=\"langs\">" +
      language_picker_html(r.page, r.site.view) +
      "</nav>"
      "</body></html>";
  BOOST_TEST(r.html == expected);
  // The sidebar and picker slots really are the ones for the ar page.
  BOOST_TEST(r.html.find("<summary>ابدأ</summary>") != std::string::npos);
  BOOST_TEST(r.html.find("aria-current=\"page\" hreflang=\"ar\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(layout_normal_page_has_no_fallback_parts) {
  Rendered r(false);
  std::string expected =
      "<html lang=\"en\" dir=\"ltr\"><head>"
      "<title>Setup &amp; go | Docs &amp; more</title>"
      "<meta name=\"description\" content=\"Set &quot;it&quot; up\">"
      "<link rel=\"canonical\" href=\"https://docs.example.com/docs/en/guides/setup/\">"
      "<link rel=\"stylesheet\" href=\"/docs/_skiff/skiff.css\">"
      "<link rel=\"stylesheet\" href=\"/docs/styles/site.css\">"
      "<script src=\"/docs/_skiff/skiff.js\"></script>" +
      kAlternates + "<script>head()</script>"
      "</head><body data-url=\"/docs/en/guides/setup/\" data-home=\"/docs/en/\">"
      "<p id=\"locale\">English</p>"
      "<p id=\"edit\">https://git.example/e?a=1&amp;b=2</p>"
      "<p id=\"missing\"></p>"
      "<p id=\"skip\">Skip to content</p>"
      // fallback="" removes the skiff-if element; the notice slot is empty
      "<div id=\"notice\"></div>"
      // content is not wrapped
      "<main><p>Body</p>\n</main>"
      // empty toc: has_toc is "" and the nav is dropped
      "<nav id=\"side\">" +
      sidebar_html(r.page, r.site.view) +
      "</nav>"
      "<nav id=\"langs\">" +
      language_picker_html(r.page, r.site.view) +
      "</nav>"
      "</body></html>";
  BOOST_TEST(r.html == expected);
}

BOOST_AUTO_TEST_CASE(layout_canonical_of_translated_page_is_its_own) {
  Site site;
  Frontmatter fm;
  PageBody body;
  LayoutPage page = page_in("ar", "faq", &fm, &body);
  std::string html = render_layout(
      compile_ok("<p><a href=\"{{ canonical }}\">{{ title }}</a><i>{{ fallback }}</i></p>"), page,
      site.view);
  // No frontmatter title: the slug is the title.
  BOOST_TEST(html == "<p><a href=\"https://docs.example.com/docs/ar/faq/\">faq</a><i></i></p>");
}

BOOST_AUTO_TEST_CASE(layout_alternates_list_each_translation) {
  Site site;
  Frontmatter fm;
  PageBody body;
  LayoutPage page = page_in("en", "intro", &fm, &body);
  std::string html = render_layout(compile_ok("<head><skiff-slot name=\"alternates\"/></head>"),
                                   page, site.view);
  BOOST_TEST(html ==
             "<head>"
             "<link rel=\"alternate\" hreflang=\"en\" href=\"https://docs.example.com/docs/en/intro/\">\n"
             "<link rel=\"alternate\" hreflang=\"ar\" href=\"https://docs.example.com/docs/ar/intro/\">\n"
             "<link rel=\"alternate\" hreflang=\"x-default\" "
             "href=\"https://docs.example.com/docs/en/intro/\">\n"
             "</head>");
}

BOOST_AUTO_TEST_CASE(layout_unknown_slot_keeps_fallback_content) {
  Site site;
  Frontmatter fm;
  PageBody body;
  LayoutPage page = page_in("en", "intro", &fm, &body);
  std::string html = render_layout(
      compile_ok("<div><skiff-slot name=\"nope\">kept</skiff-slot>{{ nope }}</div>"), page,
      site.view);
  BOOST_TEST(html == "<div>kept</div>");
}

// --- mark_untranslated_links ---

namespace {

// The marker after a link to an untranslated page of "ar".
const std::string kArMark =
    " <span class=\"skiff-untranslated-mark\" title=\"لم تُترجم\">(<span lang=\"en\">EN</span>)</span>";

std::string mark_ar(const Site& site, const std::string& html) {
  LayoutPage page = page_in("ar", "faq");
  return mark_untranslated_links(html, page, site.view);
}

}  // namespace

BOOST_AUTO_TEST_CASE(mark_links_to_untranslated_pages_in_every_attribute_form) {
  Site site;
  // guides/setup and old exist in English only; intro and faq in Arabic.
  const std::string html =
      "<p><a href=\"/docs/ar/old/\">a</a> <a href=\"/docs/ar/intro/\">b</a></p>\n"
      "<p><A HREF = '/docs/ar/guides/setup/'>c</A> <a class=x href=../old/>d</a></p>\n"
      "<p><a title=\"x\" hReF=\"/docs/ar/&#111;ld/\">e</a><a\nhref\n=\n\"old/\">f</a></p>\n";
  const std::string expected =
      "<p><a href=\"/docs/ar/old/\">a</a>" + kArMark + " <a href=\"/docs/ar/intro/\">b</a></p>\n"
      "<p><A HREF = '/docs/ar/guides/setup/'>c</A>" + kArMark + " <a class=x href=../old/>d</a>" + kArMark + "</p>\n"
      "<p><a title=\"x\" hReF=\"/docs/ar/&#111;ld/\">e</a>" + kArMark + "<a\nhref\n=\n\"old/\">f</a></p>\n";
  BOOST_TEST(mark_ar(site, html) == expected);
}

BOOST_AUTO_TEST_CASE(mark_nothing_when_no_link_element_points_to_an_untranslated_page) {
  Site site;
  // An untranslated URL in text, in another attribute, in an <img>, in a
  // comment, in a <link>, or behind a translated href: no marker.
  const std::string html =
      "<p>href=\"/docs/ar/old/\" <img src=\"/docs/ar/old/\"> <span title=\"href='/docs/ar/old/'\">x</span>"
      "<!-- <a href=\"/docs/ar/old/\">c</a> --><link href=\"/docs/ar/old/\">"
      "<a href=\"/docs/ar/intro/\" data-href=\"/docs/ar/old/\">t</a> <code>a=b</code> href= x=</p>\n";
  BOOST_TEST(mark_ar(site, html) == html);
  BOOST_TEST(mark_ar(site, "") == "");
  BOOST_TEST(mark_ar(site, "=") == "=");
  BOOST_TEST(mark_ar(site, "href=") == "href=");
}

BOOST_AUTO_TEST_CASE(mark_nothing_in_default_locale_or_fallback_pages) {
  Site site;
  const std::string html = "<a href=\"/docs/en/old/\">a</a>";
  LayoutPage en = page_in("en", "intro");
  BOOST_TEST(mark_untranslated_links(html, en, site.view) == html);
  LayoutPage fallback = page_in("ar", "old");
  fallback.fallback = true;
  fallback.content_locale = "en";
  const std::string ar = "<a href=\"/docs/ar/guides/setup/\">a</a>";
  BOOST_TEST(mark_untranslated_links(ar, fallback, site.view) == ar);
}

// --- Layouts::find ---

BOOST_AUTO_TEST_CASE(find_layout_by_frontmatter_value) {
  Site site;
  Layouts layouts;
  layouts.add("MainLayout", compile_ok("<p>main</p>"));
  layouts.add("Wide", compile_ok("<p>wide</p>"));
  TemplateValues none{[](std::string_view) { return std::optional<std::string>(); },
                      [](std::string_view) { return std::optional<std::string>(); }};

  std::string error;
  const HtmlTemplate* main = layouts.find("~/layouts/MainLayout.astro", "pages/en/a.md", site.config, error);
  BOOST_REQUIRE(main != nullptr);
  BOOST_TEST(main->render(none) == "<p>main</p>");
  BOOST_TEST(error == "");

  const HtmlTemplate* by_default = layouts.find("", "pages/en/a.md", site.config, error);
  BOOST_REQUIRE(by_default != nullptr);
  BOOST_TEST(by_default->render(none) == "<p>main</p>");

  const HtmlTemplate* wide = layouts.find("~/layouts/Wide.astro", "pages/en/a.md", site.config, error);
  BOOST_REQUIRE(wide != nullptr);
  BOOST_TEST(wide->render(none) == "<p>wide</p>");
  BOOST_TEST(error == "");
}

BOOST_AUTO_TEST_CASE(find_missing_layout_names_the_expected_file) {
  Site site;
  Layouts layouts;
  layouts.add("MainLayout", compile_ok("<p>main</p>"));
  std::string error;
  BOOST_TEST(layouts.find("~/layouts/Missing.astro", "pages/en/a.md", site.config, error) == nullptr);
  BOOST_TEST(error ==
             "layout `~/layouts/Missing.astro` not found: expected layouts/Missing.html in the site");
}

BOOST_AUTO_TEST_CASE(find_default_layout_missing) {
  Site site;
  Layouts layouts;
  std::string error;
  BOOST_TEST(layouts.find("", "pages/en/a.md", site.config, error) == nullptr);
  BOOST_TEST(error == "layout `MainLayout` not found: expected layouts/MainLayout.html in the site");
}

// Layouts resolve like imports (site_path.h): relative to the page, and
// never outside the site or outside layouts/.
BOOST_AUTO_TEST_CASE(find_layout_by_relative_path_and_refuse_escapes) {
  Site site;
  Layouts layouts;
  layouts.add("Wide", compile_ok("<p>wide</p>"));
  std::string error;
  BOOST_TEST(layouts.find("../../../layouts/Wide.astro", "pages/en/guides/a.md", site.config, error) != nullptr);
  BOOST_TEST(layouts.find("../../../../etc/passwd", "pages/en/guides/a.md", site.config, error) == nullptr);
  BOOST_TEST(error == "`../../../../etc/passwd` points outside the site");
  BOOST_TEST(layouts.find("~/components/Wide.astro", "pages/en/a.md", site.config, error) == nullptr);
  BOOST_TEST(error == "layout `~/components/Wide.astro` resolves to components/Wide.astro, which is not in "
                      "the site's layouts/ folder");
}
