#define BOOST_TEST_MODULE slugger
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "markdown/slugger.h"

// Expected values were produced by github-slugger 2.0.0 (the version Astro and
// Starlight use) running under Node, so these cases pin exact compatibility.

using skiff::github_slug;
using skiff::Slugger;

namespace {

std::vector<std::string> slug_all(Slugger& slugger, const std::vector<std::string>& texts) {
  std::vector<std::string> out;
  for (const std::string& text : texts) out.push_back(slugger.slug(text));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(github_slug_text)

BOOST_AUTO_TEST_CASE(ascii_headings_from_real_docs) {
  BOOST_TEST(github_slug("Hydrating Interactive Components") == "hydrating-interactive-components");
  BOOST_TEST(github_slug("Example - ecommerce cart flyout") == "example---ecommerce-cart-flyout");
  BOOST_TEST(github_slug("Why nanostores?") == "why-nanostores");
  BOOST_TEST(github_slug("bravoCharlieDelta") == "bravocharliedelta");
  BOOST_TEST(github_slug("C++ & C#") == "c--c");
  BOOST_TEST(github_slug("v1.2.3") == "v123");
  BOOST_TEST(github_slug("exchange.bind_headers(exchange, routing [, bindCallback])") ==
             "exchangebind_headersexchange-routing--bindcallback");
}

BOOST_AUTO_TEST_CASE(inline_code_text_loses_its_punctuation) {
  // The renderer passes the heading's text ("Using client:load"); a stray
  // backtick in raw text is a symbol and is dropped too.
  BOOST_TEST(github_slug("Using client:load") == "using-clientload");
  BOOST_TEST(github_slug("Using `client:load`") == "using-clientload");
}

BOOST_AUTO_TEST_CASE(spaces_are_kept_one_for_one) {
  // Only U+0020 becomes '-'; nothing is trimmed or collapsed.
  BOOST_TEST(github_slug(" ") == "-");
  BOOST_TEST(github_slug("  two  spaces ") == "--two--spaces-");
  BOOST_TEST(github_slug("a\tb\nc") == "abc");
  BOOST_TEST(github_slug("a\u00A0b\u2003c\u3000d\u2028e") == "abcde");
}

BOOST_AUTO_TEST_CASE(emoji_and_symbols_are_removed) {
  BOOST_TEST(github_slug("🙋 How do Svelte stores compare?") == "-how-do-svelte-stores-compare");
  BOOST_TEST(github_slug("😄_😄 unicode emoji") == "_-unicode-emoji");
  BOOST_TEST(github_slug("👩‍💻 Dev") == "-dev");        // ZWJ (Format) goes as well
  BOOST_TEST(github_slug("\U0001F1FA\U0001F1F8 flag") == "-flag");  // regional indicators
  BOOST_TEST(github_slug("I ♥ unicode") == "i--unicode");
  // Variation selector (Mn) and enclosing keycap (Me) are marks: kept.
  BOOST_TEST(github_slug("1\uFE0F\u20E3 one") == "1\uFE0F\u20E3-one");
}

BOOST_AUTO_TEST_CASE(non_latin_scripts_are_kept_and_lowercased) {
  BOOST_TEST(github_slug("Приложение") == "приложение");
  BOOST_TEST(github_slug("Привет non-latin 你好") == "привет-non-latin-你好");
  BOOST_TEST(github_slug("日本語の見出し") == "日本語の見出し");
  BOOST_TEST(github_slug("Ñandú Ärger") == "ñandú-ärger");
  BOOST_TEST(github_slug("مرحبا بالعالم") == "مرحبا-بالعالم");
  BOOST_TEST(github_slug("क्षत्रिय") == "क्षत्रिय");
}

BOOST_AUTO_TEST_CASE(lowercasing_is_javascripts_full_mapping) {
  BOOST_TEST(github_slug("ΌΣΟΣ ΣΟΦΌΣ") == "όσος-σοφός");     // final sigma
  BOOST_TEST(github_slug("İstanbul") == "i\u0307stanbul");  // not Turkish rules
  BOOST_TEST(github_slug("Straße") == "straße");
  BOOST_TEST(github_slug("ǅ titlecase") == "ǆ-titlecase");
}

BOOST_AUTO_TEST_CASE(dashes_other_than_hyphen_minus_are_removed) {
  BOOST_TEST(github_slug("dash-dash") == "dash-dash");
  BOOST_TEST(github_slug("foo—bar–baz") == "foobarbaz");
  BOOST_TEST(github_slug("a\u2010b\uFF0Dc") == "abc");
}

BOOST_AUTO_TEST_CASE(category_rules) {
  // Connector punctuation is kept, not just '_'.
  BOOST_TEST(github_slug("über_cool‿name＿x") == "über_cool‿name＿x");
  // Decimal and letter numbers are kept; other numbers are removed.
  BOOST_TEST(github_slug("١٢٣ Ⅻ ½ ²") == "١٢٣-ⅻ--");
  // Circled letters are Other_Symbol but Alphabetic, so kept.
  BOOST_TEST(github_slug("Ⓐ circled") == "ⓐ-circled");
  // Private use and Format characters are removed.
  BOOST_TEST(github_slug("a\uE000b\u200Bc\uFEFFd") == "abcd");
}

BOOST_AUTO_TEST_CASE(characters_newer_than_unicode_13_are_removed) {
  // github-slugger's table is Unicode 13.0: later letters count as unassigned.
  BOOST_TEST(github_slug("\u9FFC") == "\u9FFC");            // CJK, Unicode 13.0
  BOOST_TEST(github_slug("\u9FFDx") == "x");                // CJK, Unicode 14.0
  BOOST_TEST(github_slug("\U00010570x") == "x");            // Vithkuqi, Unicode 14.0
  BOOST_TEST(github_slug("\U00031350x") == "x");            // CJK Ext. H, Unicode 15.0
  BOOST_TEST(github_slug("\U0010FFFFx\U000E0001") == "x");  // noncharacter, tag
}

BOOST_AUTO_TEST_CASE(control_characters_and_nul_are_removed) {
  const std::string with_nul("a\0b\x7F" "c", 5);
  BOOST_TEST(github_slug(with_nul) == "abc");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_dropped_without_crashing) {
  BOOST_TEST(github_slug("a\xFF" "b") == "ab");
  BOOST_TEST(github_slug("\xE6\x97") == "");             // truncated sequence
  BOOST_TEST(github_slug("x\xC0\xAFy") == "xy");         // overlong '/'
  BOOST_TEST(github_slug("x\xED\xA0\x80y") == "xy");     // encoded surrogate
  BOOST_TEST(github_slug("\xF4\x90\x80\x80z") == "z");   // beyond U+10FFFF
  BOOST_TEST(github_slug("Ok \x80\x80 fine") == "ok--fine");
}

BOOST_AUTO_TEST_CASE(empty_input) { BOOST_TEST(github_slug("") == ""); }

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(unique_slugs)

BOOST_AUTO_TEST_CASE(repeats_get_numbered) {
  Slugger s;
  const std::vector<std::string> want{"golf", "golf-1", "golf-2", "hotel"};
  BOOST_TEST(slug_all(s, {"golf", "golf", "golf", "Hotel"}) == want,
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(generated_suffix_collides_with_real_heading) {
  Slugger s;
  const std::vector<std::string> want{"intro", "intro-1", "intro-1-1", "intro-2", "intro-1-2"};
  BOOST_TEST(slug_all(s, {"Intro", "Intro", "Intro-1", "Intro", "Intro-1"}) == want,
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(real_heading_taken_before_its_base) {
  Slugger s;
  const std::vector<std::string> want{"foxtrot-1", "foxtrot", "foxtrot-2"};
  BOOST_TEST(slug_all(s, {"foxtrot-1", "foxtrot", "foxtrot"}) == want,
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(github_fixture_sequence) {
  Slugger s;
  const std::vector<std::string> want{"echo", "echo-1", "echo-1-1", "echo-1-2", "echo-2"};
  BOOST_TEST(slug_all(s, {"echo", "echo", "echo 1", "echo-1", "echo"}) == want,
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(empty_slugs_are_numbered_too) {
  Slugger s;
  const std::vector<std::string> want{"", "-1", "-2", "-3"};
  BOOST_TEST(slug_all(s, {"", "", "?", "!"}) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(object_property_names_are_plain_keys) {
  Slugger s;
  const std::vector<std::string> want{"__proto__", "__proto__-1", "hasownproperty",
                                      "constructor"};
  BOOST_TEST(slug_all(s, {"__proto__", "__proto__", "hasOwnProperty", "constructor"}) == want,
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(reserved_ids_are_skipped) {
  Slugger s;
  s.reserve("intro");
  s.reserve("x-1");
  BOOST_TEST(s.slug("Intro") == "intro-1");
  BOOST_TEST(s.slug("x") == "x");
  BOOST_TEST(s.slug("x") == "x-2");
}

BOOST_AUTO_TEST_CASE(reserving_a_used_id_keeps_its_counter) {
  Slugger s;
  BOOST_TEST(s.slug("A") == "a");
  BOOST_TEST(s.slug("A") == "a-1");
  s.reserve("a");
  s.reserve("a");
  BOOST_TEST(s.slug("A") == "a-2");
}

BOOST_AUTO_TEST_CASE(reset_forgets_everything) {
  Slugger s;
  s.reserve("intro");
  BOOST_TEST(s.slug("Intro") == "intro-1");
  s.reset();
  BOOST_TEST(s.slug("Intro") == "intro");
}

BOOST_AUTO_TEST_SUITE_END()
