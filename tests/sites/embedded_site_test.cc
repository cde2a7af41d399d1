// Builds the embedded site/ the way `tools/run build` does and checks what a
// reader gets: every page in every locale, the seed page's tabs, video,
// aside and details block, and no source syntax left in any page. Pages are
// parsed with libxml2's HTML parser, so the checks see elements, not text.
//
// usage: embedded_site_test -- SOURCE_ROOT
#define BOOST_TEST_MODULE embedded_site
#include <boost/test/unit_test.hpp>

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/disk.h"
#include "base/output_dir.h"
#include "build/build.h"
#include "source_root.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using namespace skiff;
using skiff::testing::source_root;

namespace {

// One build of site/ shared by all test cases.
struct BuiltSite {
  BuiltSite() {
    BuildOptions options;
    options.site = source_root() / "site";
    options.out = out();
    result = build_site(options);
  }
  fs::path out() const { return dir.path / "dist"; }
  skiff::testing::TempDir dir;
  BuildResult result;
};

const BuiltSite& site() {
  static BuiltSite built;
  return built;
}

struct Html {
  explicit Html(const fs::path& file) {
    std::string error;
    text = read_file(file, error).value_or("");
    doc.reset(htmlReadMemory(text.data(), static_cast<int>(text.size()), file.c_str(), "UTF-8",
                             HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
  }
  // Text of every node matching `xpath`.
  std::vector<std::string> all(const char* xpath) const {
    std::vector<std::string> out;
    if (!doc) return out;
    std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> ctx(xmlXPathNewContext(doc.get()),
                                                                        xmlXPathFreeContext);
    std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> result(
        xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath), ctx.get()), xmlXPathFreeObject);
    if (!result || !result->nodesetval) return out;
    for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
      xmlChar* content = xmlNodeGetContent(result->nodesetval->nodeTab[i]);
      out.emplace_back(content ? reinterpret_cast<const char*>(content) : "");
      xmlFree(content);
    }
    return out;
  }
  std::string text;
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc{nullptr, xmlFreeDoc};
};

std::vector<std::string> html_files(const fs::path& root) {
  std::vector<std::string> errors;
  std::vector<std::string> out;
  for (const std::string& f : list_files(root, errors)) {
    if (f.size() > 5 && f.compare(f.size() - 5, 5, ".html") == 0) out.push_back(f);
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(site_builds_without_errors) {
  std::string diagnostics;
  for (const Diagnostic& d : site().result.diagnostics.all()) diagnostics += format_diagnostic(d) + "\n";
  BOOST_TEST(site().result.ok, diagnostics);
  BOOST_TEST(site().result.diagnostics.error_count() == 0, diagnostics);
}

BOOST_AUTO_TEST_CASE(every_page_exists_in_every_locale) {
  const std::vector<std::string> locales = {"en", "es", "ja", "ar"};
  std::vector<std::string> errors;
  std::vector<std::string> english = list_files(source_root() / "site" / "pages" / "en", errors);
  BOOST_TEST(english.size() >= 6u);
  for (std::string page : english) {
    page = page.substr(0, page.rfind('.'));
    std::string dir = page == "index" ? "" : page + "/";
    for (const std::string& locale : locales) {
      BOOST_TEST(fs::exists(site().out() / locale / (dir + "index.html")), locale << "/" << dir);
    }
  }
  // _skiff/i18n/: the translation dashboard (site.yml `i18n: { dashboard: true }`).
  for (const char* file : {"index.html", "404.html", "sitemap.xml", "_skiff/skiff.css",
                           "_skiff/skiff.js", "_skiff/i18n/index.html", "videos/stores-example.mp4",
                           "styles/site.css"}) {
    BOOST_TEST(fs::exists(site().out() / file), file);
  }
  BOOST_TEST(site().result.pages_per_locale.at("ja") < site().result.pages_per_locale.at("en"));
  BOOST_TEST(site().result.fallbacks_per_locale.at("ja") > 0);
}

BOOST_AUTO_TEST_CASE(seed_page_renders_tabs_video_aside_and_details) {
  Html page(site().out() / "en/core-concepts/sharing-state/index.html");
  std::vector<std::string> tabs = page.all("//*[@role='tablist']/*[@role='tab']");
  BOOST_TEST(tabs == (std::vector<std::string>{"Preact", "React", "Solid", "Svelte", "Vue"}),
             boost::test_tools::per_element());
  std::vector<std::string> panels = page.all("//*[@role='tabpanel']//pre");
  BOOST_REQUIRE_EQUAL(panels.size(), 5u);
  const char* frameworks[] = {"preact", "react", "solid", "svelte", "vue"};
  for (int i = 0; i < 5; ++i) {
    BOOST_TEST(panels[i] == "npm i nanostores @nanostores/" + std::string(frameworks[i]) + "\n");
  }
  // No autoplay attribute: the script starts the loop unless the reader
  // asked for reduced motion; until then, and without JavaScript, it is
  // paused with controls.
  BOOST_TEST(page.all("//video[@controls and @loop and @muted and @playsinline and @data-autoplay"
                      " and not(@autoplay)]/source/@src") ==
             std::vector<std::string>{"/videos/stores-example.mp4"});
  BOOST_TEST(page.all("//aside[contains(@class,'skiff-aside--note')]//details/summary/strong") ==
             std::vector<std::string>{"\xF0\x9F\x99\x8B How do Svelte stores compare to nanostores?"});
  BOOST_TEST(page.all("//aside//details/p").size() == 2u);
  BOOST_TEST(page.text.find("context wrappers \xF0\x9F\x98\xB3") != std::string::npos);
  BOOST_TEST(page.text.find("\xC3\xB0\xC5\xB8") == std::string::npos, "mojibake left in the page");
  BOOST_TEST(page.all("//main//h2/@id") == (std::vector<std::string>{"why-nanostores", "using-nanostores"}));
  BOOST_TEST(page.all("//main//h3/@id") == std::vector<std::string>{"example---ecommerce-cart-flyout"});
  BOOST_TEST(page.all("/html/@lang") == std::vector<std::string>{"en"});
}

BOOST_AUTO_TEST_CASE(no_source_syntax_leaks_into_any_page) {
  // Outside code, no component tag, slot attribute or ::: directive may
  // survive rendering.
  int checked = 0;
  for (const std::string& file : html_files(site().out())) {
    Html page(site().out() / file);
    BOOST_TEST_CONTEXT(file) {
      BOOST_TEST(page.all("//*[@slot]").empty());
      for (const char* tag : {"uiframeworktabs", "packagemanagertabs", "javascriptflavortabs",
                              "tabs", "tabitem", "fragment", "loopingvideo", "since"}) {
        BOOST_TEST(page.all(("//" + std::string(tag)).c_str()).empty(), tag);
      }
      for (const std::string& text : page.all("//body//text()[not(ancestor::code) and not(ancestor::pre)]")) {
        BOOST_TEST(text.find(":::") == std::string::npos, text);
        BOOST_TEST(text.find("<Fragment") == std::string::npos, text);
        BOOST_TEST(text.find("skiff:") == std::string::npos, text);
      }
    }
    ++checked;
  }
  BOOST_TEST(checked >= 20);
}

BOOST_AUTO_TEST_CASE(code_blocks_are_highlighted_with_localized_copy_buttons) {
  Html en(site().out() / "en/guides/installation/index.html");
  BOOST_TEST(!en.all("//figure[contains(@class,'skiff-code')]//code//span[starts-with(@class,'hl-')]").empty());
  BOOST_TEST(en.all("//figure[@data-language='ts']//code").size() == 1u);
  std::vector<std::string> buttons = en.all("//figure[contains(@class,'skiff-code')]/div/button[@class='skiff-copy']");
  BOOST_TEST(!buttons.empty());
  for (const std::string& label : buttons) BOOST_TEST(label == "Copy");
  Html es(site().out() / "es/guides/installation/index.html");
  std::vector<std::string> es_buttons = es.all("//button[@class='skiff-copy']");
  BOOST_TEST(es_buttons.size() == buttons.size());
  for (const std::string& label : es_buttons) BOOST_TEST(label == "Copiar");
  BOOST_TEST(es.all("//button[@class='skiff-copy']/@data-copied").at(0) == "\xC2\xA1" "Copiado!");
  // A fallback page (English text, rendered once for all locales with its
  // UI strings filled per locale) has the UI strings of the locale it is
  // shown in: copy buttons, aside titles, tab labels.
  Html ja(site().out() / "ja/guides/tabs-and-asides/index.html");
  std::vector<std::string> ja_buttons = ja.all("//button[@class='skiff-copy']");
  BOOST_TEST(!ja_buttons.empty());
  for (const std::string& label : ja_buttons) BOOST_TEST(label == "\xE3\x82\xB3\xE3\x83\x94\xE3\x83\xBC");  // コピー
  BOOST_TEST(!ja.all("//p[@class='skiff-aside__title'][.='\xE3\x83\x8E\xE3\x83\xBC\xE3\x83\x88']").empty());  // ノート
  Html en_tabs(site().out() / "en/guides/tabs-and-asides/index.html");
  BOOST_TEST(!en_tabs.all("//p[@class='skiff-aside__title'][.='Note']").empty());
  // Every figure has exactly one <pre tabindex=0><code>: nothing else to copy.
  std::size_t figures = en.all("//figure[contains(@class,'skiff-code')]").size();
  BOOST_TEST(figures == buttons.size());
  std::vector<std::string> classes = en.all("//figure[contains(@class,'skiff-code')]/pre[@tabindex='0']/code/@class");
  BOOST_TEST(classes.size() == figures);
  for (const std::string& n : classes) BOOST_TEST(n.starts_with("language-"));
}

BOOST_AUTO_TEST_CASE(every_page_carries_the_prepaint_script_and_the_client_bundle) {
  for (const std::string& file : html_files(site().out())) {
    // The root language chooser and the 404 page have no components; the
    // translation dashboard (_skiff/i18n/) is a self-contained page.
    if (file == "index.html" || file == "404.html" || file.starts_with("_skiff/")) continue;
    Html page(site().out() / file);
    BOOST_TEST_CONTEXT(file) {
      std::vector<std::string> inline_scripts = page.all("/html/head/script[not(@src)]");
      BOOST_TEST_REQUIRE(inline_scripts.size() == 1u);
      BOOST_TEST(inline_scripts[0].find("skiff-js") != std::string::npos);
      BOOST_TEST(page.all("/html/head/script[@src and @defer]/@src") ==
                 std::vector<std::string>{"/_skiff/skiff.js"});
    }
  }
  // The budget from issue 3: tabs + copy + video under 4 KB minified.
  BOOST_TEST(site().result.client_js_bytes > 1000u);
  BOOST_TEST(site().result.client_js_bytes < 4096u);
}

BOOST_AUTO_TEST_CASE(right_to_left_pages_say_so) {
  Html ar(site().out() / "ar/guides/installation/index.html");
  BOOST_TEST(ar.all("/html/@dir") == std::vector<std::string>{"rtl"});
  BOOST_TEST(ar.all("//*[@role='tablist']").size() >= 2u);
  // Its code blocks are there (that they read left to right is CSS, checked
  // in the browser: tests/browser/code_blocks.test.mjs).
  BOOST_TEST(!ar.all("//figure[contains(@class,'skiff-code')]").empty());
}

BOOST_AUTO_TEST_CASE(fallback_pages_show_default_content_in_the_locale_ui) {
  Html page(site().out() / "ja/guides/tabs-and-asides/index.html");
  BOOST_TEST(page.all("/html/@lang") == std::vector<std::string>{"ja"});
  BOOST_TEST(page.all("//*[contains(@class,'skiff-fallback')]").size() == 1u);
  BOOST_TEST(page.all("//div[@lang='en']//h2").size() >= 2u);
  BOOST_TEST(page.all("//link[@rel='canonical']/@href").at(0).find("/en/guides/tabs-and-asides/") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(translated_pages_mark_links_to_untranslated_pages) {
  // ja/index links ja pages that fall back to English: "(EN)" after each;
  // its link to the translated installation page has none.
  Html ja(site().out() / "ja/index.html");
  std::vector<std::string> marked = ja.all(
      "//main//a[following-sibling::*[1][self::span[@class='skiff-untranslated-mark']]]/@href");
  BOOST_TEST(std::count(marked.begin(), marked.end(), "/ja/core-concepts/partial-hydration/") == 1);
  BOOST_TEST(std::count(marked.begin(), marked.end(), "/ja/guides/installation/") == 0);
  BOOST_TEST(ja.all("//main//span[@class='skiff-untranslated-mark']/span[@lang='en']").at(0) == "EN");
  // Fallback pages (English text) and English pages mark no link.
  Html fallback(site().out() / "ja/guides/tabs-and-asides/index.html");
  BOOST_TEST(fallback.all("//main//span[@class='skiff-untranslated-mark']").empty());
  Html en(site().out() / "en/index.html");
  BOOST_TEST(en.all("//main//span[@class='skiff-untranslated-mark']").empty());
}

BOOST_AUTO_TEST_CASE(the_translation_dashboard_lists_every_locale) {
  Html dashboard(site().out() / "_skiff/i18n/index.html");
  BOOST_TEST(dashboard.all("//thead//th[@scope='col']").size() == 4u);  // Page, es, ja, ar
  BOOST_TEST(dashboard.all("//progress").size() == 3u);
  // Self-contained: no stylesheet, script or image to load.
  BOOST_TEST(dashboard.all("//link | //script | //img").empty());
}

BOOST_AUTO_TEST_CASE(output_is_identical_for_any_number_of_jobs) {
  BuildOptions options;
  options.site = source_root() / "site";
  options.out = site().dir.path / "dist-1";
  options.jobs = 1;
  BOOST_REQUIRE(build_site(options).ok);
  std::vector<std::string> errors;
  std::vector<std::string> one = list_files(options.out, errors);
  std::vector<std::string> many = list_files(site().out(), errors);
  BOOST_TEST(one == many, boost::test_tools::per_element());
  for (const std::string& file : one) {
    if (file == skiff::kOutputMarker) continue;  // skiff's record of the build: not part of the site
    std::string error;
    BOOST_TEST(read_file(options.out / file, error).value_or("") ==
                   read_file(site().out() / file, error).value_or(""),
               file);
  }
}
