#define BOOST_TEST_MODULE site_config
#include <boost/test/unit_test.hpp>

#include "temp_dir.h"

using skiff::testing::TempDir;

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "site/site_config.h"

namespace skiff {
inline std::ostream& boost_test_print_type(std::ostream& out, Severity severity) {
  return out << severity_name(severity);
}
}  // namespace skiff

namespace fs = std::filesystem;
using skiff::Diagnostics;
using skiff::Severity;
using skiff::SiteConfig;
using skiff::SourceText;

namespace {

using Strings = std::vector<std::string>;
using Aliases = std::vector<std::pair<std::string, std::string>>;

SiteConfig parse(const std::string& yaml, Diagnostics& diagnostics) {
  return skiff::parse_site_config(SourceText("site.yml", yaml), diagnostics);
}

std::string alias_text(const Aliases& aliases) {
  std::string out;
  for (const auto& [prefix, folder] : aliases) out += prefix + "=" + folder + ";";
  return out;
}


void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << text;
}

const char* const kFull =
    "# A full example\n"                                                      // 1
    "title: Skiff Docs\n"                                                     // 2
    "url: https://docs.example.com//\n"                                       // 3
    "base: docs\n"                                                            // 4
    "defaultLocale: es\n"                                                     // 5
    "locales: [en, es, ja]\n"                                                 // 6
    "aliases: { \"~/components/\": lib/components/, \"~/c/\": c/, \"@acme/long/prefix/\": vendor/ }\n"  // 7
    "frontmatterKeys: [editUrl, lastUpdated]\n"                               // 8
    "sidebar:\n"                                                              // 9
    "  - key: start\n"                                                        // 10
    "    label: Start here\n"                                                 // 11
    "    items:\n"                                                            // 12
    "      - { key: home, slug: \"\", label: Welcome }\n"                     // 13
    "      - { key: install, slug: /guides/installation/, label: Install }\n" // 14
    "  - key: concepts\n"                                                     // 15
    "    label: Core concepts\n"                                              // 16
    "    items:\n"                                                            // 17
    "      - key: sharing\n"                                                  // 18
    "        slug: core-concepts/sharing-state//\n"                           // 19
    "  - key: empty\n";                                                       // 20

}  // namespace

BOOST_AUTO_TEST_SUITE(parse_full)

BOOST_AUTO_TEST_CASE(scalars) {
  Diagnostics d;
  SiteConfig c = parse(kFull, d);
  BOOST_TEST(d.empty());
  BOOST_TEST(c.title == "Skiff Docs");
  BOOST_TEST(c.url == "https://docs.example.com");
  BOOST_TEST(c.base == "/docs/");
  BOOST_TEST(c.default_locale == "es");
}

BOOST_AUTO_TEST_CASE(default_locale_moves_to_front) {
  Diagnostics d;
  SiteConfig c = parse(kFull, d);
  BOOST_TEST(c.locales == (Strings{"es", "en", "ja"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(aliases_longest_first_with_defaults_added) {
  Diagnostics d;
  SiteConfig c = parse(kFull, d);
  // The site's own ~/components/ wins over the default; ~/layouts/ is added.
  BOOST_TEST(alias_text(c.aliases) ==
             "@acme/long/prefix/=vendor/;~/components/=lib/components/;~/layouts/=layouts/;~/c/=c/;");
}

BOOST_AUTO_TEST_CASE(frontmatter_keys) {
  Diagnostics d;
  SiteConfig c = parse(kFull, d);
  BOOST_TEST(c.frontmatter_keys == (Strings{"editUrl", "lastUpdated"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(sidebar_groups_and_items) {
  Diagnostics d;
  SiteConfig c = parse(kFull, d);
  BOOST_REQUIRE(c.sidebar.size() == 3u);

  const auto& start = c.sidebar[0];
  BOOST_TEST(start.key == "start");
  BOOST_TEST(start.label == "Start here");
  BOOST_TEST(start.pos.line == 10);
  BOOST_TEST(start.pos.column == 5);
  BOOST_REQUIRE(start.items.size() == 2u);
  BOOST_TEST(start.items[0].key == "home");
  BOOST_TEST(start.items[0].slug == "");
  BOOST_TEST(start.items[0].label == "Welcome");
  BOOST_TEST(start.items[0].pos.line == 13);
  BOOST_TEST(start.items[0].pos.column == 9);
  BOOST_TEST(start.items[1].key == "install");
  BOOST_TEST(start.items[1].slug == "guides/installation");
  BOOST_TEST(start.items[1].label == "Install");
  BOOST_TEST(start.items[1].pos.line == 14);

  const auto& concepts = c.sidebar[1];
  BOOST_TEST(concepts.key == "concepts");
  BOOST_TEST(concepts.label == "Core concepts");
  BOOST_TEST(concepts.pos.line == 15);
  BOOST_REQUIRE(concepts.items.size() == 1u);
  BOOST_TEST(concepts.items[0].key == "sharing");
  BOOST_TEST(concepts.items[0].slug == "core-concepts/sharing-state");
  BOOST_TEST(concepts.items[0].label == "");  // empty: the page's title
  BOOST_TEST(concepts.items[0].pos.line == 18);
  BOOST_TEST(concepts.items[0].pos.column == 9);

  const auto& empty = c.sidebar[2];
  BOOST_TEST(empty.key == "empty");
  BOOST_TEST(empty.label == "");
  BOOST_TEST(empty.items.empty());
  BOOST_TEST(empty.pos.line == 20);
}

BOOST_AUTO_TEST_CASE(the_shipped_site_yml_parses_cleanly) {
  // The real default site (found from this file's path, which both meson and
  // a direct g++ build give relative to the working folder).
  fs::path file = fs::path(__FILE__).parent_path() / ".." / ".." / "site" / "site.yml";
  if (!fs::exists(file) && fs::exists("site/site.yml")) file = "site/site.yml";
  std::ifstream in(file, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in.good(), "cannot open " << file);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  Diagnostics d;
  SiteConfig c = parse(text, d);
  BOOST_TEST(d.empty());
  BOOST_TEST(c.title == "Skiff Docs");
  BOOST_TEST(c.locales == (Strings{"en", "es", "ja", "ar"}), boost::test_tools::per_element());
  BOOST_REQUIRE(!c.sidebar.empty());
  BOOST_TEST(c.sidebar[0].key == "start");
  BOOST_REQUIRE(!c.sidebar[0].items.empty());
  BOOST_TEST(c.sidebar[0].items[0].slug == "");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(defaults_and_normalising)

BOOST_AUTO_TEST_CASE(empty_file_gives_defaults) {
  Diagnostics d;
  SiteConfig c = parse("", d);
  BOOST_TEST(d.empty());
  BOOST_TEST(c.title == "Documentation");
  BOOST_TEST(c.url == "");
  BOOST_TEST(c.base == "/");
  BOOST_TEST(c.default_locale == "en");
  BOOST_TEST(c.locales == (Strings{"en"}), boost::test_tools::per_element());
  BOOST_TEST(alias_text(c.aliases) == "~/components/=components/;~/layouts/=layouts/;");
  BOOST_TEST(c.frontmatter_keys.empty());
  BOOST_TEST(c.sidebar.empty());
}

BOOST_AUTO_TEST_CASE(base_forms) {
  struct Case {
    const char* in;
    const char* out;
  };
  for (Case k : {Case{"/", "/"}, Case{"docs", "/docs/"}, Case{"/docs", "/docs/"},
                 Case{"docs/", "/docs/"}, Case{"/docs/", "/docs/"}, Case{"/a/b", "/a/b/"}}) {
    Diagnostics d;
    SiteConfig c = parse(std::string("base: \"") + k.in + "\"\n", d);
    BOOST_TEST(c.base == k.out, "base " << k.in);
  }
}

BOOST_AUTO_TEST_CASE(url_trailing_slashes_trimmed) {
  Diagnostics d;
  BOOST_TEST(parse("url: https://x.example/\n", d).url == "https://x.example");
  BOOST_TEST(parse("url: https://x.example/docs/\n", d).url == "https://x.example/docs");
  BOOST_TEST(parse("url: https://x.example\n", d).url == "https://x.example");
}

BOOST_AUTO_TEST_CASE(default_locale_not_listed_is_added_first) {
  Diagnostics d;
  SiteConfig c = parse("defaultLocale: de\nlocales: [en, fr]\n", d);
  BOOST_TEST(c.locales == (Strings{"de", "en", "fr"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(default_locale_already_first_not_duplicated) {
  Diagnostics d;
  SiteConfig c = parse("locales:\n  - en\n  - ja\n", d);
  BOOST_TEST(c.locales == (Strings{"en", "ja"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(errors)

BOOST_AUTO_TEST_CASE(yaml_syntax_error_line) {
  Diagnostics d;
  SiteConfig c = parse("title: x\nurl: y\nbase: a: b\n", d);
  BOOST_REQUIRE(d.all().size() == 1u);
  const auto& e = d.all()[0];
  BOOST_TEST(e.file == "site.yml");
  BOOST_TEST(e.pos.line == 3);
  BOOST_TEST(e.pos.column == 8);
  BOOST_TEST(e.message.rfind("invalid YAML: ", 0) == 0);
  BOOST_TEST(d.error_count() == 1);
  // Nothing was read, but the config is still usable.
  BOOST_TEST(c.title == "Documentation");
  BOOST_TEST(c.locales == (Strings{"en"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(yaml_tab_error_line) {
  Diagnostics d;
  parse("title: x\nsidebar:\n\t- key: a\n", d);
  BOOST_REQUIRE(d.all().size() == 1u);
  BOOST_TEST(d.all()[0].pos.line == 3);
}

BOOST_AUTO_TEST_CASE(non_mapping_root) {
  Diagnostics d;
  parse("- just\n- a list\n", d);
  BOOST_REQUIRE(d.all().size() == 1u);
  BOOST_TEST(d.all()[0].message == "site.yml must be a mapping of keys to values");
  BOOST_TEST(d.all()[0].pos.line == 1);
  BOOST_TEST(d.all()[0].pos.column == 1);
}

BOOST_AUTO_TEST_CASE(locales_not_a_list) {
  Diagnostics d;
  SiteConfig c = parse("title: x\nlocales: en\n", d);
  BOOST_REQUIRE(d.all().size() == 1u);
  const auto& e = d.all()[0];
  BOOST_TEST(e.severity == Severity::Error);
  BOOST_TEST(e.message == "`locales` must be a list of codes");
  BOOST_TEST(e.pos.line == 2);
  BOOST_TEST(e.pos.column == 10);
  BOOST_TEST(c.locales == (Strings{"en"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(locales_a_map_is_an_error) {
  Diagnostics d;
  parse("locales:\n  en: English\n", d);
  BOOST_REQUIRE(d.all().size() == 1u);
  BOOST_TEST(d.all()[0].message == "`locales` must be a list of codes");
  BOOST_TEST(d.all()[0].pos.line == 2);
}

BOOST_AUTO_TEST_CASE(sidebar_entry_without_key) {
  Diagnostics d;
  SiteConfig c = parse(
      "sidebar:\n"                            // 1
      "  - key: g\n"                          // 2
      "    items:\n"                          // 3
      "      - { key: a, slug: a }\n"         // 4
      "      - { slug: b, label: No key }\n"  // 5
      "      - { key: c, slug: c }\n",        // 6
      d);
  BOOST_REQUIRE(d.all().size() == 1u);
  const auto& e = d.all()[0];
  BOOST_TEST(e.message == "sidebar entry needs a `key`");
  BOOST_TEST(e.file == "site.yml");
  BOOST_TEST(e.pos.line == 5);
  BOOST_TEST(e.pos.column == 9);
  // The bad entry is skipped, the others kept.
  BOOST_REQUIRE(c.sidebar.size() == 1u);
  BOOST_REQUIRE(c.sidebar[0].items.size() == 2u);
  BOOST_TEST(c.sidebar[0].items[0].key == "a");
  BOOST_TEST(c.sidebar[0].items[1].key == "c");
}

BOOST_AUTO_TEST_CASE(sidebar_group_without_key) {
  Diagnostics d;
  SiteConfig c = parse(
      "sidebar:\n"
      "  - label: Nameless\n"
      "    items: [{ key: a }]\n"
      "  - key: ok\n",
      d);
  BOOST_REQUIRE(d.all().size() == 1u);
  BOOST_TEST(d.all()[0].message == "sidebar group needs a `key`");
  BOOST_TEST(d.all()[0].pos.line == 2);
  BOOST_TEST(d.all()[0].pos.column == 5);
  BOOST_REQUIRE(c.sidebar.size() == 1u);
  BOOST_TEST(c.sidebar[0].key == "ok");
}

BOOST_AUTO_TEST_CASE(sidebar_not_a_list) {
  Diagnostics d;
  SiteConfig c = parse("title: t\nsidebar: { key: a }\n", d);
  BOOST_REQUIRE(d.all().size() == 1u);
  BOOST_TEST(d.all()[0].message == "`sidebar` must be a list of groups");
  BOOST_TEST(d.all()[0].pos.line == 2);
  BOOST_TEST(c.sidebar.empty());
  BOOST_TEST(c.title == "t");
}

BOOST_AUTO_TEST_CASE(items_not_a_list) {
  Diagnostics d;
  SiteConfig c = parse("sidebar:\n  - key: g\n    items: nope\n", d);
  BOOST_REQUIRE(d.all().size() == 1u);
  BOOST_TEST(d.all()[0].message == "`items` must be a list");
  BOOST_TEST(d.all()[0].pos.line == 3);
  BOOST_TEST(d.all()[0].pos.column == 12);
  BOOST_TEST(c.sidebar.empty());
}

// Regression: a sidebar entry written as a bare scalar ("- guides/intro", a
// natural mistake) is an entry without a key, but `node["key"]` on a scalar
// node threw YAML::BadSubscript, reported as "invalid YAML: operator[] call
// on a scalar (key: "key")", and the sidebar came out empty.
BOOST_AUTO_TEST_CASE(sidebar_entry_that_is_a_bare_scalar) {
  Diagnostics d;
  SiteConfig c = parse(
      "sidebar:\n"                 // 1
      "  - key: g\n"               // 2
      "    items:\n"               // 3
      "      - guides/intro\n"     // 4
      "  - key: later\n",          // 5
      d);
  BOOST_REQUIRE(d.all().size() == 1u);
  BOOST_TEST(d.all()[0].message == "sidebar entry needs a `key`");
  BOOST_TEST(d.all()[0].pos.line == 4);
  BOOST_TEST(c.sidebar.size() == 2u);
}

// Regression: yaml-cpp marks count bytes, but diagnostic.h promises columns
// in code points. "Déjà vu" (two 2-byte characters) precedes the keyless
// entry, whose "{" is code point 54 on line 2 (byte 56).
BOOST_AUTO_TEST_CASE(error_column_counts_code_points) {
  Diagnostics d;
  parse("sidebar:\n"
        "  - { key: g, label: \"D\xC3\xA9j\xC3\xA0 vu\", items: [ { key: a }, { slug: b } ] }\n",
        d);
  BOOST_REQUIRE(d.all().size() == 1u);
  BOOST_TEST(d.all()[0].message == "sidebar entry needs a `key`");
  BOOST_TEST(d.all()[0].pos.line == 2);
  BOOST_TEST(d.all()[0].pos.column == 54);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(load)

BOOST_AUTO_TEST_CASE(without_site_yml_discovers_locales_from_pages) {
  TempDir tmp;
  for (const char* code : {"ja", "en", "es", "de"}) fs::create_directories(tmp.path / "pages" / code);
  write(tmp.path / "pages" / "README.md", "not a locale");
  Diagnostics d;
  SiteConfig c = skiff::load_site_config(tmp.path, d);
  BOOST_TEST(d.empty());
  BOOST_TEST(c.default_locale == "en");
  BOOST_TEST(c.locales == (Strings{"en", "de", "es", "ja"}), boost::test_tools::per_element());
  BOOST_TEST(c.title == "Documentation");
  BOOST_TEST(c.base == "/");
  BOOST_TEST(alias_text(c.aliases) == "~/components/=components/;~/layouts/=layouts/;");
}

BOOST_AUTO_TEST_CASE(without_site_yml_or_en_first_folder_is_default) {
  TempDir tmp;
  for (const char* code : {"ja", "es"}) fs::create_directories(tmp.path / "pages" / code);
  Diagnostics d;
  SiteConfig c = skiff::load_site_config(tmp.path, d);
  BOOST_TEST(d.empty());
  BOOST_TEST(c.default_locale == "es");
  BOOST_TEST(c.locales == (Strings{"es", "ja"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(without_site_yml_or_pages) {
  TempDir tmp;
  Diagnostics d;
  SiteConfig c = skiff::load_site_config(tmp.path, d);
  BOOST_TEST(d.empty());
  BOOST_TEST(c.default_locale == "en");
  BOOST_TEST(c.locales == (Strings{"en"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(with_site_yml_uses_it_and_not_the_folders) {
  TempDir tmp;
  for (const char* code : {"en", "fr"}) fs::create_directories(tmp.path / "pages" / code);
  write(tmp.path / "site.yml", "title: From file\nlocales: [en, ja]\n");
  Diagnostics d;
  SiteConfig c = skiff::load_site_config(tmp.path, d);
  BOOST_TEST(d.empty());
  BOOST_TEST(c.title == "From file");
  BOOST_TEST(c.locales == (Strings{"en", "ja"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(site_yml_errors_name_the_file) {
  TempDir tmp;
  write(tmp.path / "site.yml", "title: x\nlocales: en\n");
  Diagnostics d;
  skiff::load_site_config(tmp.path, d);
  BOOST_REQUIRE(d.all().size() == 1u);
  BOOST_TEST(d.all()[0].file == "site.yml");
  BOOST_TEST(d.all()[0].pos.line == 2);
}

// A site.yml that links out of the site is not read: an error for
// `file_problems` naming the target, and the defaults, not the outside
// file's settings. A link to a file inside the site is read.
BOOST_AUTO_TEST_CASE(site_yml_linked_out_of_the_site_is_refused) {
  TempDir tmp;
  TempDir outside;
  write(outside.path / "site.yml", "title: OUTSIDE\n");
  fs::create_symlink(outside.path / "site.yml", tmp.path / "site.yml");
  Diagnostics d;
  Diagnostics file_problems;
  SiteConfig c = skiff::load_site_config(tmp.path, d, file_problems);
  BOOST_TEST(d.empty());
  BOOST_REQUIRE(file_problems.all().size() == 1u);
  BOOST_TEST(file_problems.all()[0].file == "site.yml");
  BOOST_TEST(file_problems.all()[0].message == "symlink to " + fs::canonical(outside.path / "site.yml").string() +
                                                  ", which is outside the site: not read");
  BOOST_TEST(c.title == "Documentation");

  fs::remove(tmp.path / "site.yml");
  write(tmp.path / "config" / "site.yml", "title: Inside\n");
  fs::create_symlink("config/site.yml", tmp.path / "site.yml");
  Diagnostics d2;
  BOOST_TEST(skiff::load_site_config(tmp.path, d2).title == "Inside");
  BOOST_TEST(d2.empty());
}

BOOST_AUTO_TEST_SUITE_END()

// Regression: locale codes become folder names and URL segments; one that
// climbs out ("../../x") wrote pages outside the output folder.
BOOST_AUTO_TEST_CASE(locale_codes_that_are_not_codes_are_errors) {
  skiff::Diagnostics d;
  skiff::SiteConfig c = skiff::parse_site_config(
      skiff::SourceText("site.yml", "defaultLocale: en\nlocales: [en, \"../../escaped\", zh-cn, \"a/b\"]\n"), d);
  BOOST_TEST(c.locales == (std::vector<std::string>{"en", "zh-cn"}), boost::test_tools::per_element());
  BOOST_REQUIRE_EQUAL(d.error_count(), 2);
  BOOST_TEST(skiff::format_diagnostic(d.all()[0]) ==
             "site.yml:2:15: error: `../../escaped` is not a locale code (letters, digits and '-', like `en` or `zh-cn`)");
  skiff::Diagnostics d2;
  skiff::SiteConfig c2 = skiff::parse_site_config(skiff::SourceText("site.yml", "defaultLocale: ../x\n"), d2);
  BOOST_TEST(c2.default_locale == "en");
  BOOST_TEST(d2.error_count() == 1);
}

BOOST_AUTO_TEST_CASE(lint_rules_and_external_settings) {
  Diagnostics d;
  SiteConfig c = parse("lint:\n  rules: { link-text: off, own-domain: error }\n"
                       "  external: { exclude: [\"https://a.example/\"], concurrency: 4, timeout: 20 }\n", d);
  BOOST_TEST(d.empty());
  BOOST_REQUIRE_EQUAL(c.lint_rules.size(), 2u);
  BOOST_TEST(c.lint_rules[0].rule == "link-text");
  BOOST_TEST(c.lint_rules[0].level == "off");
  BOOST_TEST(c.lint_rules[1].pos.line == 2);
  BOOST_TEST(c.lint_rules[1].pos.column == 28);
  BOOST_TEST(c.lint_external_exclude == std::vector<std::string>{"https://a.example/"});
  BOOST_TEST(c.lint_external_concurrency == 4);
  BOOST_TEST(c.lint_external_timeout_seconds == 20);
}

BOOST_AUTO_TEST_CASE(bad_lint_settings_are_errors_at_their_position) {
  Diagnostics d;
  parse("lint:\n  external: { concurrency: lots, timeout: 0, exclude: nope }\n", d);
  BOOST_TEST(d.error_count() == 3);
  Diagnostics e;
  parse("lint: [a]\n", e);
  BOOST_TEST(e.error_count() == 1);
}

BOOST_AUTO_TEST_CASE(max_page_bytes_defaults_to_10_mib_and_can_be_set) {
  Diagnostics d;
  BOOST_TEST(parse("title: x\n", d).max_page_bytes == 10485760u);
  BOOST_TEST(parse("maxPageBytes: 20971520\n", d).max_page_bytes == 20971520u);
  BOOST_TEST(d.empty());
}

BOOST_AUTO_TEST_CASE(bad_max_page_bytes_is_an_error_at_its_value) {
  for (const char* bad : {"0", "-5", "ten", "1.5", "[1]", "99999999999999999999999"}) {
    Diagnostics d;
    SiteConfig c = parse(std::string("title: x\nmaxPageBytes: ") + bad + "\n", d);
    BOOST_TEST(c.max_page_bytes == 10485760u, bad);
    BOOST_REQUIRE_MESSAGE(d.all().size() == 1u, bad);
    BOOST_TEST(skiff::format_diagnostic(d.all()[0]) ==
                   "site.yml:2:15: error: `maxPageBytes` is a whole number of bytes, at least 1 (the default is 10485760)",
               bad);
  }
}
