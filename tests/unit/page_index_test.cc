#define BOOST_TEST_MODULE page_index
#include <boost/test/unit_test.hpp>

#include "temp_dir.h"

using skiff::testing::TempDir;

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "site/page_index.h"

namespace fs = std::filesystem;
using skiff::Diagnostics;
using skiff::page_url;
using skiff::PageIndex;
using skiff::PageSource;
using skiff::SiteConfig;
using skiff::slug_of;

namespace {


void touch(const fs::path& p, const std::string& text = "# page\n") {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << text;
}

// "ok:slug" or "not a page", so each case is one readable comparison.
std::string slug(std::string_view path) {
  bool ok = true;
  std::string s = slug_of(path, ok);
  if (!ok) return s.empty() ? "not a page" : "not a page but slug " + s;
  return "ok:" + s;
}

SiteConfig config_with(std::vector<std::string> locales, std::string base = "/") {
  SiteConfig config;
  config.default_locale = locales.front();
  config.locales = std::move(locales);
  config.base = std::move(base);
  return config;
}

// "locale|slug|display" lines for every page, in order.
std::vector<std::string> listing(const PageIndex& index) {
  std::vector<std::string> out;
  for (const PageSource& p : index.pages()) out.push_back(p.locale + "|" + p.slug + "|" + p.display_path);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(slugs)

BOOST_AUTO_TEST_CASE(index_files) {
  BOOST_TEST(slug("index.md") == "ok:");
  BOOST_TEST(slug("index.mdx") == "ok:");
  BOOST_TEST(slug("a/index.mdx") == "ok:a");
  BOOST_TEST(slug("a/index.md") == "ok:a");
  BOOST_TEST(slug("guides/deep/index.md") == "ok:guides/deep");
}

BOOST_AUTO_TEST_CASE(plain_files) {
  BOOST_TEST(slug("a.md") == "ok:a");
  BOOST_TEST(slug("a.mdx") == "ok:a");
  BOOST_TEST(slug("core-concepts/sharing-state.md") == "ok:core-concepts/sharing-state");
  // Names that merely end in "index" are not index pages.
  BOOST_TEST(slug("reindex.md") == "ok:reindex");
  BOOST_TEST(slug("a/myindex.md") == "ok:a/myindex");
  BOOST_TEST(slug("index/a.md") == "ok:index/a");
}

BOOST_AUTO_TEST_CASE(not_pages) {
  BOOST_TEST(slug("notes.txt") == "not a page");
  BOOST_TEST(slug("a.md.bak") == "not a page");
  BOOST_TEST(slug("img/logo.png") == "not a page");
  BOOST_TEST(slug("README") == "not a page");
  BOOST_TEST(slug("amd") == "not a page");
  BOOST_TEST(slug("x.markdown") == "not a page");
}

BOOST_AUTO_TEST_CASE(ok_is_reset_each_call) {
  bool ok = false;
  BOOST_TEST(slug_of("a.md", ok) == "a");
  BOOST_TEST(ok);
  BOOST_TEST(slug_of("a.txt", ok) == "");
  BOOST_TEST(!ok);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(urls)

BOOST_AUTO_TEST_CASE(root_base) {
  SiteConfig c = config_with({"en"});
  BOOST_TEST(page_url(c, "en", "") == "/en/");
  BOOST_TEST(page_url(c, "es", "guides/x") == "/es/guides/x/");
  BOOST_TEST(page_url(c, "zh-cn", "a") == "/zh-cn/a/");
}

BOOST_AUTO_TEST_CASE(sub_folder_base) {
  SiteConfig c = config_with({"en"}, "/docs/");
  BOOST_TEST(page_url(c, "en", "") == "/docs/en/");
  BOOST_TEST(page_url(c, "es", "guides/x") == "/docs/es/guides/x/");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(discovery)

BOOST_AUTO_TEST_CASE(pages_per_locale_sorted) {
  TempDir site;
  fs::path pages = site.path / "pages";
  touch(pages / "en" / "zeta.md");
  touch(pages / "en" / "index.md");
  touch(pages / "en" / "guides" / "installation.mdx");
  touch(pages / "en" / "guides" / "index.md");
  touch(pages / "en" / "alpha.md");
  touch(pages / "en" / "notes.txt");
  touch(pages / "en" / "img" / "logo.png");
  touch(pages / "es" / "index.md");
  touch(pages / "es" / "guides" / "installation.md");
  touch(pages / "fr" / "index.md");  // not a configured locale

  SiteConfig config = config_with({"es", "en"});
  Diagnostics d;
  PageIndex index = PageIndex::discover(site.path, config, d);
  BOOST_TEST(d.empty());
  std::vector<std::string> expected{
      "es|guides/installation|pages/es/guides/installation.md",
      "es||pages/es/index.md",
      "en|alpha|pages/en/alpha.md",
      "en|guides|pages/en/guides/index.md",
      "en|guides/installation|pages/en/guides/installation.mdx",
      "en||pages/en/index.md",
      "en|zeta|pages/en/zeta.md",
  };
  BOOST_TEST(listing(index) == expected, boost::test_tools::per_element());
  BOOST_REQUIRE(index.pages().size() == 7u);
  BOOST_TEST(index.pages()[4].file == site.path / "pages" / "en" / "guides" / "installation.mdx");
}

BOOST_AUTO_TEST_CASE(find_pages) {
  TempDir site;
  touch(site.path / "pages" / "en" / "index.md");
  touch(site.path / "pages" / "en" / "a" / "b.md");
  touch(site.path / "pages" / "es" / "a" / "b.md");
  SiteConfig config = config_with({"en", "es"});
  Diagnostics d;
  PageIndex index = PageIndex::discover(site.path, config, d);
  BOOST_TEST(d.empty());
  BOOST_REQUIRE(index.pages().size() == 3u);
  int en_b = index.find("en", "a/b");
  int es_b = index.find("es", "a/b");
  int en_home = index.find("en", "");
  BOOST_REQUIRE(en_b >= 0);
  BOOST_REQUIRE(es_b >= 0);
  BOOST_REQUIRE(en_home >= 0);
  BOOST_TEST(index.pages()[en_b].display_path == "pages/en/a/b.md");
  BOOST_TEST(index.pages()[es_b].display_path == "pages/es/a/b.md");
  BOOST_TEST(index.pages()[en_home].display_path == "pages/en/index.md");
  BOOST_TEST(index.find("es", "") == -1);
  BOOST_TEST(index.find("en", "a") == -1);
  BOOST_TEST(index.find("en", "a/b/") == -1);
  BOOST_TEST(index.find("fr", "a/b") == -1);
  // The key's separator cannot be forged by a locale that contains the slug.
  BOOST_TEST(index.find("en/a", "b") == -1);
}

BOOST_AUTO_TEST_CASE(duplicate_md_and_mdx) {
  TempDir site;
  touch(site.path / "pages" / "en" / "a.md", "md");
  touch(site.path / "pages" / "en" / "a.mdx", "mdx");
  SiteConfig config = config_with({"en"}, "/docs/");
  Diagnostics d;
  PageIndex index = PageIndex::discover(site.path, config, d);
  BOOST_TEST(d.error_count() == 1);
  BOOST_REQUIRE(d.all().size() == 1u);
  const auto& e = d.all()[0];
  BOOST_TEST(e.file == "pages/en/a.mdx");
  BOOST_TEST(e.pos.line == 0);
  BOOST_TEST(e.message == "maps to the same URL /docs/en/a/ as pages/en/a.md; rename or remove one of them");
  BOOST_REQUIRE(index.pages().size() == 1u);
  BOOST_TEST(index.pages()[0].display_path == "pages/en/a.md");
  BOOST_TEST(index.find("en", "a") == 0);
}

BOOST_AUTO_TEST_CASE(duplicate_md_and_folder_index) {
  TempDir site;
  touch(site.path / "pages" / "en" / "a.md");
  touch(site.path / "pages" / "en" / "a" / "index.md");
  touch(site.path / "pages" / "en" / "a" / "child.md");
  SiteConfig config = config_with({"en"});
  Diagnostics d;
  PageIndex index = PageIndex::discover(site.path, config, d);
  BOOST_REQUIRE(d.all().size() == 1u);
  const auto& e = d.all()[0];
  BOOST_TEST(e.file == "pages/en/a/index.md");
  BOOST_TEST(e.message == "maps to the same URL /en/a/ as pages/en/a.md; rename or remove one of them");
  std::vector<std::string> expected{"en|a|pages/en/a.md", "en|a/child|pages/en/a/child.md"};
  BOOST_TEST(listing(index) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(duplicate_home_page_md_and_mdx) {
  TempDir site;
  touch(site.path / "pages" / "en" / "index.md");
  touch(site.path / "pages" / "en" / "index.mdx");
  SiteConfig config = config_with({"en"});
  Diagnostics d;
  PageIndex index = PageIndex::discover(site.path, config, d);
  BOOST_REQUIRE(d.all().size() == 1u);
  BOOST_TEST(d.all()[0].file == "pages/en/index.mdx");
  BOOST_TEST(d.all()[0].message ==
             "maps to the same URL /en/ as pages/en/index.md; rename or remove one of them");
  BOOST_TEST(index.pages().size() == 1u);
}

BOOST_AUTO_TEST_CASE(same_slug_in_two_locales_is_not_a_duplicate) {
  TempDir site;
  touch(site.path / "pages" / "en" / "a.md");
  touch(site.path / "pages" / "es" / "a.mdx");
  SiteConfig config = config_with({"en", "es"});
  Diagnostics d;
  PageIndex index = PageIndex::discover(site.path, config, d);
  BOOST_TEST(d.empty());
  BOOST_TEST(index.pages().size() == 2u);
}

BOOST_AUTO_TEST_CASE(missing_locale_folder_is_empty) {
  TempDir site;
  touch(site.path / "pages" / "en" / "index.md");
  SiteConfig config = config_with({"en", "ja"});
  Diagnostics d;
  PageIndex index = PageIndex::discover(site.path, config, d);
  BOOST_TEST(d.empty());
  BOOST_TEST(index.pages().size() == 1u);
}

BOOST_AUTO_TEST_CASE(add_keeps_lookup) {
  PageIndex index;
  index.add({"en", "x", "pages/en/x.md", "/nowhere/x.md"});
  index.add({"es", "x", "pages/es/x.md", "/nowhere/es/x.md"});
  BOOST_TEST(index.find("en", "x") == 0);
  BOOST_TEST(index.find("es", "x") == 1);
  BOOST_TEST(index.find("en", "") == -1);
}

// b.md and B.md are two pages here, one folder on macOS and Windows.
BOOST_AUTO_TEST_CASE(urls_differing_only_in_case_are_a_warning) {
  TempDir site;
  touch(site.path / "pages" / "en" / "b.md");
  touch(site.path / "pages" / "en" / "B.md");
  touch(site.path / "pages" / "en" / "Guide" / "x.md");
  touch(site.path / "pages" / "en" / "guide" / "X" / "index.md");
  touch(site.path / "pages" / "es" / "b.md");  // another locale: another folder
  SiteConfig config = config_with({"en", "es"}, "/docs/");
  Diagnostics d;
  PageIndex index = PageIndex::discover(site.path, config, d);
  BOOST_TEST(index.pages().size() == 5u);  // all kept
  BOOST_TEST(d.error_count() == 0);
  BOOST_REQUIRE(d.all().size() == 2u);
  BOOST_TEST((d.all()[0].severity == skiff::Severity::Warning));
  BOOST_TEST(d.all()[0].file == "pages/en/b.md");
  BOOST_TEST(d.all()[0].message ==
             "its URL /docs/en/b/ differs from that of pages/en/B.md (/docs/en/B/) only in letter case: on "
             "case-insensitive file systems (macOS, Windows) one page overwrites the other; rename one of them");
  BOOST_TEST(d.all()[1].file == "pages/en/guide/X/index.md");
  BOOST_TEST(d.all()[1].message.starts_with("its URL /docs/en/guide/X/ differs from that of pages/en/Guide/x.md"));
}

// A page linked in from outside the site is not a page: an error in the
// file problems, at the link.
BOOST_AUTO_TEST_CASE(pages_linked_from_outside_the_site_are_refused) {
  TempDir root;
  fs::path site = root.path / "site";
  touch(site / "pages" / "en" / "index.md");
  touch(root.path / "outside" / "secret.md");
  fs::create_symlink(root.path / "outside" / "secret.md", site / "pages" / "en" / "evil.md");
  fs::create_symlink("index.md", site / "pages" / "en" / "home.md");
  SiteConfig config = config_with({"en"});
  Diagnostics d;
  Diagnostics files;
  PageIndex index = PageIndex::discover(site, config, d, files);
  BOOST_TEST(d.empty());
  BOOST_TEST(listing(index) == (std::vector<std::string>{"en|home|pages/en/home.md", "en||pages/en/index.md"}),
             boost::test_tools::per_element());
  BOOST_REQUIRE(files.all().size() == 1u);
  BOOST_TEST(files.all()[0].file == "pages/en/evil.md");
  BOOST_TEST(files.all()[0].message == "symlink to " + fs::canonical(root.path / "outside" / "secret.md").string() +
                                           ", which is outside the site: not read");
}

BOOST_AUTO_TEST_SUITE_END()
