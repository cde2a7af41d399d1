#define BOOST_TEST_MODULE locale_catalog
#include <boost/test/unit_test.hpp>

#include "temp_dir.h"

using skiff::testing::TempDir;

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "site/locale_catalog.h"

namespace skiff {
inline std::ostream& boost_test_print_type(std::ostream& out, Severity severity) {
  return out << severity_name(severity);
}
}  // namespace skiff

namespace fs = std::filesystem;
using skiff::Diagnostics;
using skiff::fill_placeholders;
using skiff::LocaleCatalog;
using skiff::LocaleInfo;
using skiff::Severity;
using skiff::SiteConfig;

namespace {

const char* const kLocalesYml =
    "- code: en\n"
    "  name: English\n"
    "  englishName: English\n"
    "  dir: ltr\n"
    "- code: es\n"
    "  name: Espa\xC3\xB1ol\n"
    "  englishName: Spanish\n"
    "- code: ar\n"
    "  name: \xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9\n"
    "  englishName: Arabic\n"
    "  dir: rtl\n"
    "- code: zh-cn\n"
    "  name: \xE7\xAE\x80\xE4\xBD\x93\xE4\xB8\xAD\xE6\x96\x87\n"
    "  englishName: Chinese (Simplified)\n"
    "- code: nn\n"        // no names: both default to the code
    "- name: No code\n";  // skipped

const char* const kEn =
    "skipLink: Skip to content\n"
    "toc.title: On this page\n"
    "onlyInDefault: Default text\n"
    "nav:\n"
    "  start: Start here\n"
    "  deep:\n"
    "    er: Deeper\n"
    "list: [a, b]\n"
    "empty: \"\"\n"
    "nothing:\n";

const char* const kEs =
    "skipLink: Saltar al contenido\n"
    "toc.title: En esta p\xC3\xA1gina\n"
    "nav: { start: Empieza aqu\xC3\xAD }\n";

LocaleCatalog make(Diagnostics& d) {
  return LocaleCatalog::from_yaml(kLocalesYml, {{"en", kEn}, {"es", kEs}}, "en", d);
}


void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(info)

BOOST_AUTO_TEST_CASE(names_and_direction) {
  Diagnostics d;
  LocaleCatalog c = make(d);
  BOOST_TEST(d.empty());
  BOOST_TEST(c.default_locale() == "en");

  const LocaleInfo& es = c.info("es");
  BOOST_TEST(es.code == "es");
  BOOST_TEST(es.name == "Espa\xC3\xB1ol");
  BOOST_TEST(es.english_name == "Spanish");
  BOOST_TEST(!es.rtl);

  const LocaleInfo& ar = c.info("ar");
  BOOST_TEST(ar.english_name == "Arabic");
  BOOST_TEST(ar.rtl);

  BOOST_TEST(!c.info("en").rtl);
}

BOOST_AUTO_TEST_CASE(missing_names_default_to_code) {
  Diagnostics d;
  LocaleCatalog c = make(d);
  const LocaleInfo& nn = c.info("nn");
  BOOST_TEST(nn.code == "nn");
  BOOST_TEST(nn.name == "nn");
  BOOST_TEST(nn.english_name == "nn");
  BOOST_TEST(!nn.rtl);
  // The entry without a code was skipped, not given an empty code.
  BOOST_TEST(c.info("").name == "");
  BOOST_TEST(c.info("No code").english_name == "No code");
}

BOOST_AUTO_TEST_CASE(english_name_defaults_to_native_name) {
  Diagnostics d;
  LocaleCatalog c = LocaleCatalog::from_yaml("- { code: eo, name: Esperanto }\n", {}, "eo", d);
  BOOST_TEST(d.empty());
  BOOST_TEST(c.info("eo").name == "Esperanto");
  BOOST_TEST(c.info("eo").english_name == "Esperanto");
}

BOOST_AUTO_TEST_CASE(unknown_code_described_by_code) {
  Diagnostics d;
  LocaleCatalog c = make(d);
  const LocaleInfo& xx = c.info("xx-yy");
  BOOST_TEST(xx.code == "xx-yy");
  BOOST_TEST(xx.name == "xx-yy");
  BOOST_TEST(xx.english_name == "xx-yy");
  BOOST_TEST(!xx.rtl);
  BOOST_TEST(xx.lang() == "xx-YY");
}

// Regression: locale_catalog.cc:130-132 — info() of an unknown code returns a
// reference to one shared `static thread_local LocaleInfo`, which the next
// unknown lookup overwrites (in any catalog). The code's comment claims the
// reference "stays valid", but a caller holding info("xx") sees it turn into
// "yy" after info("yy").
BOOST_AUTO_TEST_CASE(unknown_info_references_stay_valid) {
  Diagnostics d;
  LocaleCatalog c = make(d);
  const LocaleInfo& xx = c.info("xx");
  const LocaleInfo& yy = c.info("yy");
  BOOST_TEST(xx.code == "xx");
  BOOST_TEST(yy.code == "yy");
}

BOOST_AUTO_TEST_CASE(later_entry_with_same_code_replaces) {
  Diagnostics d;
  LocaleCatalog c = LocaleCatalog::from_yaml(
      "- { code: es, name: A }\n- { code: es, name: B, dir: rtl }\n", {}, "en", d);
  BOOST_TEST(c.info("es").name == "B");
  BOOST_TEST(c.info("es").rtl);
}

BOOST_AUTO_TEST_CASE(lang_is_bcp47) {
  Diagnostics d;
  LocaleCatalog c = make(d);
  BOOST_TEST(c.info("zh-cn").lang() == "zh-CN");
  BOOST_TEST(c.info("es").lang() == "es");
  LocaleInfo pt{"pt-br", "Portugu\xC3\xAAs", "Portuguese", false};
  BOOST_TEST(pt.lang() == "pt-BR");
  LocaleInfo en{"en", "English", "English", false};
  BOOST_TEST(en.lang() == "en");
}

BOOST_AUTO_TEST_CASE(invalid_locales_yml) {
  Diagnostics d;
  LocaleCatalog::from_yaml("- code: en\n  name: [English\n", {}, "en", d);
  BOOST_REQUIRE(d.all().size() == 1u);
  BOOST_TEST(d.all()[0].file == "locales/locales.yml");
  BOOST_TEST(d.all()[0].severity == Severity::Error);
  BOOST_TEST(d.all()[0].message.rfind("invalid YAML: ", 0) == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ui_strings)

BOOST_AUTO_TEST_CASE(locale_own_string) {
  Diagnostics d;
  LocaleCatalog c = make(d);
  BOOST_TEST(c.ui("es", "skipLink") == "Saltar al contenido");
  BOOST_TEST(c.ui("es", "toc.title") == "En esta p\xC3\xA1gina");
  BOOST_TEST(c.ui("en", "skipLink") == "Skip to content");
}

BOOST_AUTO_TEST_CASE(falls_back_to_default_then_key) {
  Diagnostics d;
  LocaleCatalog c = make(d);
  BOOST_TEST(c.ui("es", "onlyInDefault") == "Default text");
  BOOST_TEST(c.ui("es", "nav.deep.er") == "Deeper");
  BOOST_TEST(c.ui("es", "no.such.key") == "no.such.key");
  BOOST_TEST(c.ui("en", "no.such.key") == "no.such.key");
  // A locale with no table at all uses the default's.
  BOOST_TEST(c.ui("ar", "skipLink") == "Skip to content");
  BOOST_TEST(c.ui("zz", "toc.title") == "On this page");
}

BOOST_AUTO_TEST_CASE(default_locale_is_the_one_given) {
  Diagnostics d;
  LocaleCatalog c = LocaleCatalog::from_yaml(kLocalesYml, {{"en", kEn}, {"es", kEs}}, "es", d);
  BOOST_TEST(c.default_locale() == "es");
  BOOST_TEST(c.ui("en", "onlyInDefault") == "Default text");  // its own
  BOOST_TEST(c.ui("ar", "skipLink") == "Saltar al contenido");  // falls back to es
  BOOST_TEST(c.ui("ar", "onlyInDefault") == "onlyInDefault");
}

BOOST_AUTO_TEST_CASE(nested_maps_flatten_to_dotted_keys) {
  Diagnostics d;
  LocaleCatalog c = make(d);
  BOOST_TEST(c.ui("en", "nav.start") == "Start here");
  BOOST_TEST(c.ui("es", "nav.start") == "Empieza aqu\xC3\xAD");
  BOOST_TEST(c.ui("en", "nav.deep.er") == "Deeper");
  // The map itself is not a string.
  BOOST_TEST(c.find_own("en", "nav") == nullptr);
  BOOST_TEST(c.find_own("en", "nav.deep") == nullptr);
}

BOOST_AUTO_TEST_CASE(non_scalar_values_are_not_strings) {
  Diagnostics d;
  LocaleCatalog c = make(d);
  BOOST_TEST(c.find_own("en", "list") == nullptr);
  BOOST_TEST(c.ui("en", "list") == "list");
  BOOST_TEST(c.find_own("en", "nothing") == nullptr);  // a null value
  BOOST_REQUIRE(c.find_own("en", "empty") != nullptr);  // "" is a real string
  BOOST_TEST(*c.find_own("en", "empty") == "");
  BOOST_TEST(c.ui("en", "empty") == "");
}

BOOST_AUTO_TEST_CASE(find_own_has_no_fallback) {
  Diagnostics d;
  LocaleCatalog c = make(d);
  BOOST_REQUIRE(c.find_own("es", "skipLink") != nullptr);
  BOOST_TEST(*c.find_own("es", "skipLink") == "Saltar al contenido");
  BOOST_TEST(c.find_own("es", "onlyInDefault") == nullptr);
  BOOST_TEST(c.find_own("ar", "skipLink") == nullptr);
  BOOST_TEST(c.find_own("zz", "skipLink") == nullptr);
}

BOOST_AUTO_TEST_CASE(invalid_table_yaml) {
  Diagnostics d;
  LocaleCatalog c = LocaleCatalog::from_yaml(
      kLocalesYml, {{"en", kEn}, {"es", "skipLink: ok\ntoc.title: a: b\n"}}, "en", d);
  BOOST_REQUIRE(d.all().size() == 1u);
  const auto& e = d.all()[0];
  BOOST_TEST(e.severity == Severity::Error);
  BOOST_TEST(e.file == "locales/es.yml");
  BOOST_TEST(e.pos.line == 2);
  BOOST_TEST(e.pos.column == 13);
  BOOST_TEST(e.message == "invalid YAML: illegal map value");
  // The broken table adds nothing; lookups fall back.
  BOOST_TEST(c.find_own("es", "skipLink") == nullptr);
  BOOST_TEST(c.ui("es", "skipLink") == "Skip to content");
}

BOOST_AUTO_TEST_CASE(table_not_a_mapping) {
  Diagnostics d;
  LocaleCatalog::from_yaml(kLocalesYml, {{"es", "- a\n- b\n"}}, "en", d);
  BOOST_REQUIRE(d.all().size() == 1u);
  BOOST_TEST(d.all()[0].file == "locales/es.yml");
  BOOST_TEST(d.all()[0].message == "UI strings must be a mapping of keys to text");
  BOOST_TEST(d.all()[0].pos.line == 1);
  BOOST_TEST(d.all()[0].pos.column == 1);
}

BOOST_AUTO_TEST_CASE(empty_table_is_fine) {
  Diagnostics d;
  LocaleCatalog c = LocaleCatalog::from_yaml(kLocalesYml, {{"es", "# nothing yet\n"}}, "en", d);
  BOOST_TEST(d.empty());
  BOOST_TEST(c.find_own("es", "skipLink") == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(placeholders)

using Values = std::vector<std::pair<std::string, std::string>>;

BOOST_AUTO_TEST_CASE(known_replaced) {
  BOOST_TEST(fill_placeholders("This page is not translated into {language} yet.",
                               {{"language", "Espa\xC3\xB1ol"}}) ==
             "This page is not translated into Espa\xC3\xB1ol yet.");
  BOOST_TEST(fill_placeholders("{a}", {{"a", "x"}}) == "x");
  BOOST_TEST(fill_placeholders("{a} and {a}", {{"a", "x"}}) == "x and x");
}

BOOST_AUTO_TEST_CASE(unknown_kept) {
  BOOST_TEST(fill_placeholders("Hi {name}, {other}!", {{"name", "Ana"}}) == "Hi Ana, {other}!");
  BOOST_TEST(fill_placeholders("{other}", {}) == "{other}");
  BOOST_TEST(fill_placeholders("{}", {{"a", "x"}}) == "{}");
}

BOOST_AUTO_TEST_CASE(adjacent) {
  Values v{{"a", "1"}, {"b", "2"}};
  BOOST_TEST(fill_placeholders("{a}{b}", v) == "12");
  BOOST_TEST(fill_placeholders("{a}{c}{b}", v) == "1{c}2");
  BOOST_TEST(fill_placeholders("{{a}}", v) == "{1}");
}

BOOST_AUTO_TEST_CASE(brace_without_close) {
  Values v{{"a", "1"}};
  BOOST_TEST(fill_placeholders("open {a", v) == "open {a");
  BOOST_TEST(fill_placeholders("{a} then {", v) == "1 then {");
  BOOST_TEST(fill_placeholders("{", v) == "{");
  BOOST_TEST(fill_placeholders("a}b", v) == "a}b");
  BOOST_TEST(fill_placeholders("{x {a}", v) == "{x 1");
}

BOOST_AUTO_TEST_CASE(values_are_not_rescanned) {
  BOOST_TEST(fill_placeholders("{a}{b}", {{"a", "{b}"}, {"b", "2"}}) == "{b}2");
}

BOOST_AUTO_TEST_CASE(empty_text_and_value) {
  BOOST_TEST(fill_placeholders("", {{"a", "1"}}) == "");
  BOOST_TEST(fill_placeholders("x{a}y", {{"a", ""}}) == "xy");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(load)

BOOST_AUTO_TEST_CASE(builtin_strings_with_site_overrides) {
  TempDir site;
  write(site.path / "locales" / "es.yml",
        "skipLink: Ir al contenido\n"
        "nav:\n"
        "  start: Empieza aqu\xC3\xAD\n"
        "  home: Bienvenida\n");
  write(site.path / "locales" / "en.yml", "custom.only: Only in the site's en\n");
  SiteConfig config;
  config.default_locale = "en";
  config.locales = {"en", "es", "ar"};
  Diagnostics d;
  LocaleCatalog c = LocaleCatalog::load(site.path, config, d);
  BOOST_TEST(d.empty());
  BOOST_TEST(c.default_locale() == "en");

  // Overridden key.
  BOOST_TEST(c.ui("es", "skipLink") == "Ir al contenido");
  // Built-in keys not overridden survive the overlay.
  BOOST_TEST(c.ui("es", "toc.title") == "En esta p\xC3\xA1gina");
  BOOST_TEST(c.ui("es", "code.copied") == "\xC2\xA1" "Copiado!");
  BOOST_TEST(c.ui("en", "skipLink") == "Skip to content");
  // Site-added nested keys.
  BOOST_TEST(c.ui("es", "nav.start") == "Empieza aqu\xC3\xAD");
  BOOST_TEST(c.ui("es", "nav.home") == "Bienvenida");
  BOOST_TEST(c.find_own("en", "nav.start") == nullptr);
  BOOST_TEST(c.ui("en", "nav.start") == "nav.start");
  // The site's default-locale additions are the fallback for others.
  BOOST_TEST(c.find_own("es", "custom.only") == nullptr);
  BOOST_TEST(c.ui("es", "custom.only") == "Only in the site's en");

  // Built-in locale metadata.
  BOOST_TEST(c.info("es").name == "Espa\xC3\xB1ol");
  BOOST_TEST(c.info("es").english_name == "Spanish");
  BOOST_TEST(c.info("ar").rtl);
  BOOST_TEST(c.info("zh-cn").lang() == "zh-CN");
  BOOST_TEST(c.info("pt-br").lang() == "pt-BR");
  BOOST_TEST(c.info("ar").english_name == "Arabic");
}

BOOST_AUTO_TEST_CASE(locales_not_in_config_are_not_loaded) {
  TempDir site;
  SiteConfig config;
  config.default_locale = "en";
  config.locales = {"en"};
  Diagnostics d;
  LocaleCatalog c = LocaleCatalog::load(site.path, config, d);
  BOOST_TEST(d.empty());
  BOOST_TEST(c.find_own("es", "skipLink") == nullptr);
  BOOST_TEST(c.ui("es", "skipLink") == "Skip to content");
  // Metadata is for every built-in locale, though.
  BOOST_TEST(c.info("ja").english_name == "Japanese");
}

BOOST_AUTO_TEST_CASE(unknown_locale_code_warns) {
  TempDir site;
  write(site.path / "locales" / "tlh.yml", "skipLink: Klingon skip\n");
  SiteConfig config;
  config.default_locale = "en";
  config.locales = {"en", "tlh"};
  Diagnostics d;
  LocaleCatalog c = LocaleCatalog::load(site.path, config, d);
  BOOST_TEST(d.error_count() == 0);
  BOOST_TEST(d.warning_count() == 1);
  BOOST_REQUIRE(d.all().size() == 1u);
  const auto& w = d.all()[0];
  BOOST_TEST(w.severity == Severity::Warning);
  BOOST_TEST(w.file == "site.yml");
  BOOST_TEST(w.message ==
             "locale `tlh` has no name or direction in locales/locales.yml; using its code");
  // Its strings still load; metadata is the code.
  BOOST_TEST(c.ui("tlh", "skipLink") == "Klingon skip");
  BOOST_TEST(c.ui("tlh", "toc.title") == "On this page");
  BOOST_TEST(c.info("tlh").name == "tlh");
}

BOOST_AUTO_TEST_CASE(site_locales_yml_adds_a_locale) {
  TempDir site;
  write(site.path / "locales" / "locales.yml",
        "- { code: tlh, name: tlhIngan Hol, englishName: Klingon }\n"
        "- { code: es, name: Castellano, englishName: Spanish }\n");
  SiteConfig config;
  config.default_locale = "en";
  config.locales = {"en", "es", "tlh"};
  Diagnostics d;
  LocaleCatalog c = LocaleCatalog::load(site.path, config, d);
  BOOST_TEST(d.empty());
  BOOST_TEST(c.info("tlh").english_name == "Klingon");
  BOOST_TEST(c.info("es").name == "Castellano");
  BOOST_TEST(c.info("en").name == "English");  // built-in entries remain
}

BOOST_AUTO_TEST_CASE(invalid_site_table_is_reported) {
  TempDir site;
  write(site.path / "locales" / "es.yml", "nav:\n  start: a: b\n");
  SiteConfig config;
  config.default_locale = "en";
  config.locales = {"en", "es"};
  Diagnostics d;
  LocaleCatalog c = LocaleCatalog::load(site.path, config, d);
  BOOST_REQUIRE(d.all().size() == 1u);
  BOOST_TEST(d.all()[0].file == "locales/es.yml");
  BOOST_TEST(d.all()[0].pos.line == 2);
  // The built-in Spanish strings are still there.
  BOOST_TEST(c.ui("es", "skipLink") == "Saltar al contenido");
}

// The site's locale files are read only as list_site_files lists them, the
// files the build key hashes: a symlinked locales/ folder is not followed
// (a warning), a link out of the site is refused (an error), and the
// built-in strings stand in. Both land in `file_problems`.
BOOST_AUTO_TEST_CASE(locale_files_are_read_only_inside_the_site) {
  TempDir site;
  TempDir outside;
  write(outside.path / "es.yml", "skipLink: OUTSIDE\n");
  write(outside.path / "locales.yml", "- { code: es, name: OUTSIDE }\n");
  fs::create_directory_symlink(outside.path, site.path / "locales");
  SiteConfig config;
  config.default_locale = "en";
  config.locales = {"en", "es"};
  Diagnostics d;
  Diagnostics file_problems;
  LocaleCatalog c = LocaleCatalog::load(site.path, config, d, file_problems);
  BOOST_TEST(d.empty());
  BOOST_REQUIRE(file_problems.all().size() == 1u);
  BOOST_TEST(file_problems.all()[0].severity == Severity::Warning);
  BOOST_TEST(file_problems.all()[0].file == "locales");
  BOOST_TEST(file_problems.all()[0].message ==
             "symlinked folder not followed (it leads to " + fs::canonical(outside.path).string() + ")");
  BOOST_TEST(c.ui("es", "skipLink") == "Saltar al contenido");
  BOOST_TEST(c.info("es").name == "Espa\xC3\xB1ol");

  // A real folder with one link out and one link inside.
  fs::remove(site.path / "locales");
  write(site.path / "locales" / "shared.yml", "skipLink: Inside\n");
  fs::create_symlink(outside.path / "es.yml", site.path / "locales" / "es.yml");
  fs::create_symlink("shared.yml", site.path / "locales" / "en.yml");
  Diagnostics d2;
  Diagnostics file_problems2;
  LocaleCatalog c2 = LocaleCatalog::load(site.path, config, d2, file_problems2);
  BOOST_TEST(d2.empty());
  BOOST_REQUIRE(file_problems2.all().size() == 1u);
  BOOST_TEST(file_problems2.all()[0].severity == Severity::Error);
  BOOST_TEST(file_problems2.all()[0].file == "locales/es.yml");
  BOOST_TEST(file_problems2.all()[0].message == "symlink to " + fs::canonical(outside.path / "es.yml").string() +
                                                   ", which is outside the site: not read");
  BOOST_TEST(c2.ui("es", "skipLink") == "Saltar al contenido");
  BOOST_TEST(c2.ui("en", "skipLink") == "Inside");
}

BOOST_AUTO_TEST_SUITE_END()
