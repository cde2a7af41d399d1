#define BOOST_TEST_MODULE prop_literal
#include "markdown/prop_literal.h"

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cmath>
#include <string>
#include <string_view>

// Expected numbers and strings follow what Node prints for the same literal
// (`String(value)` for to_text), so props mean what they mean in Astro.

using skiff::parse_prop_literal;
using skiff::PropParseError;
using skiff::PropValue;

namespace {

PropValue parse_ok(std::string_view text) {
  auto result = parse_prop_literal(text);
  if (const auto* error = std::get_if<PropParseError>(&result)) {
    BOOST_FAIL("unexpected error for [" << text << "] at " << error->offset << ": "
                                        << error->message);
  }
  return std::get<PropValue>(std::move(result));
}

PropParseError parse_error(std::string_view text) {
  auto result = parse_prop_literal(text);
  if (!std::holds_alternative<PropParseError>(result)) {
    BOOST_FAIL("expected an error for [" << text << "]");
  }
  return std::get<PropParseError>(std::move(result));
}

std::string text_of(std::string_view literal) { return parse_ok(literal).to_text(); }

std::string nested_arrays(std::size_t depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(structures)

BOOST_AUTO_TEST_CASE(array_of_objects_from_real_docs) {
  const PropValue value = parse_ok("[{ src: '/videos/stores-example.mp4', type: 'video/mp4' }]");
  BOOST_REQUIRE(value.is_array());
  const auto& items = std::get<skiff::PropArray>(value.value);
  BOOST_REQUIRE_EQUAL(items.size(), 1u);
  BOOST_REQUIRE(items[0].is_object());
  BOOST_REQUIRE(items[0].member("src") != nullptr);
  BOOST_TEST(items[0].member("src")->string() == "/videos/stores-example.mp4");
  BOOST_TEST(items[0].member("type")->string() == "video/mp4");
  BOOST_TEST(items[0].member("missing") == nullptr);
}

BOOST_AUTO_TEST_CASE(trailing_commas_and_empty_containers) {
  BOOST_TEST(std::get<skiff::PropArray>(parse_ok("[1, 2, 3,]").value).size() == 3u);
  BOOST_TEST(std::get<skiff::PropObject>(parse_ok("{ a: 1, b: 2, }").value).size() == 2u);
  BOOST_TEST(std::get<skiff::PropArray>(parse_ok("[]").value).empty());
  BOOST_TEST(std::get<skiff::PropObject>(parse_ok("{ }").value).empty());
  BOOST_TEST(std::get<skiff::PropArray>(parse_ok("[[], [[]], {}]").value).size() == 3u);
}

BOOST_AUTO_TEST_CASE(object_keys_keep_source_order) {
  const PropValue value = parse_ok(R"({ zeta: 1, 'single q': 2, "double-q": 3, alpha: 4 })");
  const auto& members = std::get<skiff::PropObject>(value.value);
  BOOST_REQUIRE_EQUAL(members.size(), 4u);
  BOOST_TEST(members[0].key == "zeta");
  BOOST_TEST(members[1].key == "single q");
  BOOST_TEST(members[2].key == "double-q");
  BOOST_TEST(members[3].key == "alpha");
  BOOST_TEST(value.member("double-q")->to_text() == "3");
}

BOOST_AUTO_TEST_CASE(numeric_keys_use_their_canonical_text) {
  const PropValue value = parse_ok("{ 1: 'a', 0x10: 'b', 1.50: 'c', 1e3: 'd', .5: 'e' }");
  const auto& members = std::get<skiff::PropObject>(value.value);
  BOOST_REQUIRE_EQUAL(members.size(), 5u);
  BOOST_TEST(members[0].key == "1");
  BOOST_TEST(members[1].key == "16");
  BOOST_TEST(members[2].key == "1.5");
  BOOST_TEST(members[3].key == "1000");
  BOOST_TEST(members[4].key == "0.5");
}

BOOST_AUTO_TEST_CASE(keywords_and_dollar_names_are_valid_keys) {
  const PropValue value = parse_ok("{ default: 1, class: 2, true: 3, $id: 4, _x: 5, café: 6 }");
  BOOST_TEST(value.member("default")->to_text() == "1");
  BOOST_TEST(value.member("class")->to_text() == "2");
  BOOST_TEST(value.member("true")->to_text() == "3");
  BOOST_TEST(value.member("$id")->to_text() == "4");
  BOOST_TEST(value.member("_x")->to_text() == "5");
  BOOST_TEST(value.member("café")->to_text() == "6");
}

BOOST_AUTO_TEST_CASE(repeated_key_keeps_first_position_and_last_value) {
  // As in JavaScript: ({a: 1, b: 2, a: 3}) is {a: 3, b: 2}.
  const PropValue value = parse_ok("{ a: 1, b: 2, a: 3 }");
  const auto& members = std::get<skiff::PropObject>(value.value);
  BOOST_REQUIRE_EQUAL(members.size(), 2u);
  BOOST_TEST(members[0].key == "a");
  BOOST_TEST(members[0].value.to_text() == "3");
  BOOST_TEST(members[1].key == "b");
}

BOOST_AUTO_TEST_CASE(comments_are_whitespace) {
  const PropValue value = parse_ok("/* lead */ [1, // one\n 2 /* two */, /**/3] // end");
  BOOST_TEST(std::get<skiff::PropArray>(value.value).size() == 3u);
  BOOST_TEST(parse_ok("{a/**/:/**/'x'}").member("a")->string() == "x");
}

BOOST_AUTO_TEST_CASE(unicode_whitespace_is_whitespace) {
  // NBSP and ideographic space, as pasted from editors; BOM at the start.
  const PropValue value = parse_ok(
      "\xEF\xBB\xBF[1,\xC2\xA0"
      "2,\xE3\x80\x80"
      "3]");
  BOOST_TEST(std::get<skiff::PropArray>(value.value).size() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(strings)

BOOST_AUTO_TEST_CASE(three_quote_styles) {
  BOOST_TEST(parse_ok("'single'").string() == "single");
  BOOST_TEST(parse_ok("\"double\"").string() == "double");
  BOOST_TEST(parse_ok("`backtick`").string() == "backtick");
  BOOST_TEST(parse_ok("'it\"s'").string() == "it\"s");
  BOOST_TEST(parse_ok("''").string() == "");
  BOOST_TEST(parse_ok("  'padded'  ").string() == "padded");
}

BOOST_AUTO_TEST_CASE(simple_escapes) {
  BOOST_TEST(parse_ok(R"('a\nb\tc\\d\'e\"f')").string() == "a\nb\tc\\d'e\"f");
  BOOST_TEST(parse_ok(R"('\r\b\f\v')").string() == "\r\b\f\v");
  BOOST_TEST(parse_ok(R"('\0')").string() == std::string(1, '\0'));
  // Identity escapes: any other character stands for itself.
  BOOST_TEST(parse_ok(R"('\q\$\`\é')").string() == "q$`é");
}

BOOST_AUTO_TEST_CASE(hex_and_unicode_escapes_become_utf8) {
  BOOST_TEST(parse_ok(R"('\x41\xe9')").string() == "A\xC3\xA9");
  BOOST_TEST(parse_ok(R"('\u0041\u00e9\u20AC')").string() == "A\xC3\xA9\xE2\x82\xAC");
  BOOST_TEST(parse_ok(R"('\u{41}\u{1F600}\u{0000000041}')").string() ==
             "A\xF0\x9F\x98\x80"
             "A");
}

BOOST_AUTO_TEST_CASE(surrogate_pairs_combine) {
  BOOST_TEST(parse_ok(R"('\uD83D\uDE00')").string() == "\xF0\x9F\x98\x80");
  BOOST_TEST(parse_ok(R"('\u{D83D}\u{DE00}')").string() == "\xF0\x9F\x98\x80");
  BOOST_TEST(parse_ok(R"('\ud83d\ude00!')").string() == "\xF0\x9F\x98\x80!");
}

BOOST_AUTO_TEST_CASE(lone_surrogates_become_replacement_characters) {
  BOOST_TEST(parse_ok(R"('\uD83D')").string() == "\xEF\xBF\xBD");
  BOOST_TEST(parse_ok(R"('\uD83Dx')").string() == "\xEF\xBF\xBDx");
  BOOST_TEST(parse_ok(R"('\uDE00\uD83D')").string() == "\xEF\xBF\xBD\xEF\xBF\xBD");
  BOOST_TEST(parse_ok(R"('\uD83D\uD83D\uDE00')").string() == "\xEF\xBF\xBD\xF0\x9F\x98\x80");
}

BOOST_AUTO_TEST_CASE(line_continuations_vanish) {
  BOOST_TEST(parse_ok("'one \\\ntwo'").string() == "one two");
  BOOST_TEST(parse_ok("'one \\\r\ntwo'").string() == "one two");
  BOOST_TEST(parse_ok("'one \\\rtwo'").string() == "one two");
  BOOST_TEST(parse_ok("'one \\\xE2\x80\xA8two'").string() == "one two");
}

BOOST_AUTO_TEST_CASE(raw_utf8_is_kept) {
  BOOST_TEST(parse_ok("'Grüße, 世界 😀'").string() == "Grüße, 世界 😀");
  // U+2028 is allowed inside a string since ES2019.
  BOOST_TEST(parse_ok("'a\xE2\x80\xA8"
                      "b'")
                 .string() ==
             "a\xE2\x80\xA8"
             "b");
}

BOOST_AUTO_TEST_CASE(backticks_span_lines_with_normalised_line_ends) {
  BOOST_TEST(parse_ok("`one\ntwo`").string() == "one\ntwo");
  BOOST_TEST(parse_ok("`one\r\ntwo\rthree`").string() == "one\ntwo\nthree");
  BOOST_TEST(parse_ok("`costs $5 {each}`").string() == "costs $5 {each}");
  BOOST_TEST(parse_ok("`\\${not code}`").string() == "${not code}");
  BOOST_TEST(parse_ok("`$`").string() == "$");
}

BOOST_AUTO_TEST_CASE(template_substitution_is_rejected_at_the_dollar) {
  const PropParseError error = parse_error("`Hello ${name}`");
  BOOST_TEST(error.offset == 7u);
  BOOST_TEST(contains(error.message, "template literal"));
  BOOST_TEST(contains(error.message, "${"));
}

BOOST_AUTO_TEST_CASE(unterminated_strings_point_at_the_opening_quote) {
  PropParseError error = parse_error("'abc");
  BOOST_TEST(error.offset == 0u);
  BOOST_TEST(contains(error.message, "unterminated string"));

  error = parse_error("[1, \"ab");
  BOOST_TEST(error.offset == 4u);
  BOOST_TEST(contains(error.message, "unterminated string"));

  error = parse_error("{ a: 'line\nbreak' }");
  BOOST_TEST(error.offset == 5u);
  BOOST_TEST(contains(error.message, "line ends"));

  error = parse_error("'ends in backslash\\");
  BOOST_TEST(error.offset == 0u);
  BOOST_TEST(contains(error.message, "unterminated string"));

  error = parse_error("`never closed\n");
  BOOST_TEST(error.offset == 0u);
  // A backtick is quoted Markdown-style so the message stays readable.
  BOOST_TEST(error.message == "unterminated string: missing the closing `` ` ``");
}

BOOST_AUTO_TEST_CASE(bad_escapes_point_at_the_backslash) {
  PropParseError error = parse_error(R"('ab\x4')");
  BOOST_TEST(error.offset == 3u);
  BOOST_TEST(contains(error.message, "\\x"));

  error = parse_error(R"('\u12')");
  BOOST_TEST(error.offset == 1u);
  BOOST_TEST(contains(error.message, "four hexadecimal digits"));

  error = parse_error(R"('\u{110000}')");
  BOOST_TEST(error.offset == 1u);
  BOOST_TEST(contains(error.message, "10FFFF"));

  error = parse_error(R"('\u{}')");
  BOOST_TEST(error.offset == 1u);

  error = parse_error(R"('\u{41')");
  BOOST_TEST(error.offset == 1u);

  error = parse_error(R"('a\1')");
  BOOST_TEST(error.offset == 2u);
  BOOST_TEST(contains(error.message, "octal"));

  error = parse_error(R"('\01')");
  BOOST_TEST(error.offset == 1u);
  BOOST_TEST(contains(error.message, "octal"));

  error = parse_error(R"('\8')");
  BOOST_TEST(error.offset == 1u);
  BOOST_TEST(contains(error.message, "`\\8`"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(numbers)

BOOST_AUTO_TEST_CASE(integers_print_without_decimal_point) {
  BOOST_TEST(text_of("42") == "42");
  BOOST_TEST(text_of("-7") == "-7");
  BOOST_TEST(text_of("+3") == "3");
  BOOST_TEST(text_of("3.0") == "3");
  BOOST_TEST(text_of("1e3") == "1000");
  BOOST_TEST(text_of("1E+3") == "1000");
  BOOST_TEST(text_of("0") == "0");
  BOOST_TEST(text_of("-0") == "0");
  BOOST_TEST(text_of("9007199254740993") == "9007199254740992");
  BOOST_TEST(text_of("123456789012345680000") == "123456789012345680000");
}

BOOST_AUTO_TEST_CASE(fractions_print_shortest_round_trip) {
  BOOST_TEST(text_of("1.5") == "1.5");
  BOOST_TEST(text_of("-1.25") == "-1.25");
  BOOST_TEST(text_of("0.1") == "0.1");
  BOOST_TEST(text_of("0.30000000000000004") == "0.30000000000000004");
  BOOST_TEST(text_of(".5") == "0.5");
  BOOST_TEST(text_of("5.") == "5");
  BOOST_TEST(text_of("2.50") == "2.5");
  BOOST_TEST(text_of("1.7976931348623157e308") == "1.7976931348623157e+308");
  BOOST_TEST(text_of("5e-324") == "5e-324");
}

BOOST_AUTO_TEST_CASE(exponent_thresholds_match_javascript) {
  BOOST_TEST(text_of("1e20") == "100000000000000000000");
  BOOST_TEST(text_of("1e21") == "1e+21");
  BOOST_TEST(text_of("1.5e21") == "1.5e+21");
  BOOST_TEST(text_of("0.000001") == "0.000001");
  BOOST_TEST(text_of("1e-7") == "1e-7");
  BOOST_TEST(text_of("1.5e-7") == "1.5e-7");
  BOOST_TEST(text_of("123e-20") == "1.23e-18");
}

BOOST_AUTO_TEST_CASE(hex_octal_binary) {
  BOOST_TEST(text_of("0x1F") == "31");
  BOOST_TEST(text_of("0XfF") == "255");
  BOOST_TEST(text_of("-0x10") == "-16");
  BOOST_TEST(text_of("0o17") == "15");
  BOOST_TEST(text_of("0b101") == "5");
  BOOST_TEST(text_of("0xFFFFFFFFFFFFFFFF") == "18446744073709552000");
  BOOST_TEST(text_of("0b" + std::string(64, '1')) == "18446744073709552000");
  BOOST_TEST(text_of("0o1777777777777777777777") == "18446744073709552000");
  // 2^53 + 1 rounds to even, as in JavaScript.
  BOOST_TEST(text_of("0x20000000000001") == "9007199254740992");
  BOOST_TEST(text_of("0x" + std::string(300, 'f')) == "Infinity");
}

BOOST_AUTO_TEST_CASE(numeric_separators) {
  BOOST_TEST(text_of("1_000_000") == "1000000");
  BOOST_TEST(text_of("0xFF_FF") == "65535");
  BOOST_TEST(text_of("1_0.2_5e1_0") == "102500000000");
  BOOST_TEST(text_of("0b1010_0101") == "165");
}

BOOST_AUTO_TEST_CASE(out_of_range_values_behave_like_javascript) {
  BOOST_TEST(text_of("1e400") == "Infinity");
  BOOST_TEST(text_of("-1e400") == "-Infinity");
  BOOST_TEST(text_of("1e-400") == "0");
  BOOST_TEST(text_of("0.0000e99999") == "0");
  BOOST_TEST(text_of(std::string(400, '9')) == "Infinity");
  BOOST_TEST(text_of("0." + std::string(400, '0') + "1") == "0");
}

BOOST_AUTO_TEST_CASE(infinity_and_nan_are_accepted) {
  BOOST_TEST(text_of("Infinity") == "Infinity");
  BOOST_TEST(text_of("-Infinity") == "-Infinity");
  BOOST_TEST(text_of("NaN") == "NaN");
  BOOST_TEST(std::isnan(std::get<double>(parse_ok("NaN").value)));
}

BOOST_AUTO_TEST_CASE(sign_may_be_followed_by_whitespace_and_comments) {
  BOOST_TEST(text_of("- 5") == "-5");
  BOOST_TEST(text_of("-/* minus */5") == "-5");
  BOOST_TEST(text_of("[-1, +2]") == "");
}

BOOST_AUTO_TEST_CASE(malformed_numbers) {
  PropParseError error = parse_error("[1, 07]");
  BOOST_TEST(error.offset == 4u);
  BOOST_TEST(contains(error.message, "leading zero"));

  error = parse_error("1__0");
  BOOST_TEST(error.offset == 1u);
  BOOST_TEST(contains(error.message, "separator"));

  error = parse_error("10_");
  BOOST_TEST(error.offset == 2u);
  BOOST_TEST(contains(error.message, "separator"));

  error = parse_error("1._5");
  BOOST_TEST(error.offset == 2u);

  error = parse_error("10n");
  BOOST_TEST(error.offset == 0u);
  BOOST_TEST(contains(error.message, "BigInt"));

  error = parse_error("3in");
  BOOST_TEST(error.offset == 1u);
  BOOST_TEST(contains(error.message, "`in`"));

  error = parse_error("0b102");
  BOOST_TEST(error.offset == 4u);

  error = parse_error("0x");
  BOOST_TEST(error.offset == 0u);
  BOOST_TEST(contains(error.message, "digits"));

  error = parse_error("1e+");
  BOOST_TEST(error.offset == 3u);
  BOOST_TEST(contains(error.message, "exponent"));

  error = parse_error("--5");
  BOOST_TEST(error.offset == 1u);
  BOOST_TEST(contains(error.message, "expected a number after `-`"));

  error = parse_error("-");
  BOOST_TEST(error.offset == 1u);
  BOOST_TEST(contains(error.message, "end of input"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(scalars_and_accessors)

BOOST_AUTO_TEST_CASE(keyword_literals) {
  const PropValue yes = parse_ok("true");
  BOOST_TEST(yes.is_bool());
  BOOST_TEST(std::get<bool>(yes.value));
  BOOST_TEST(yes.to_text() == "true");
  BOOST_TEST(parse_ok("false").to_text() == "false");

  const PropValue null = parse_ok("null");
  BOOST_TEST(null.is_null());
  BOOST_TEST(null.to_text() == "null");

  const PropValue undefined = parse_ok("undefined");
  BOOST_TEST(std::holds_alternative<std::monostate>(undefined.value));
  BOOST_TEST(undefined.to_text() == "");
}

BOOST_AUTO_TEST_CASE(accessors_on_the_wrong_kind) {
  const PropValue number = parse_ok("12");
  BOOST_TEST(number.is_number());
  BOOST_TEST(number.string() == "");
  BOOST_TEST(number.member("x") == nullptr);

  const PropValue array = parse_ok("['a']");
  BOOST_TEST(array.to_text() == "");
  BOOST_TEST(array.member("0") == nullptr);

  const PropValue object = parse_ok("{ a: 'x' }");
  BOOST_TEST(object.to_text() == "");
  BOOST_TEST(object.string() == "");

  const PropValue text = parse_ok("'hello'");
  BOOST_TEST(text.is_string());
  BOOST_TEST(text.to_text() == "hello");

  BOOST_TEST(PropValue{}.to_text() == "");
}

BOOST_AUTO_TEST_CASE(nested_member_lookup) {
  const PropValue value = parse_ok("{ video: { sources: [{ src: 'a.mp4' }], muted: true } }");
  const PropValue* video = value.member("video");
  BOOST_REQUIRE(video != nullptr);
  BOOST_TEST(video->member("muted")->to_text() == "true");
  const auto& sources = std::get<skiff::PropArray>(video->member("sources")->value);
  BOOST_TEST(sources.at(0).member("src")->string() == "a.mp4");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(rejected_code)

BOOST_AUTO_TEST_CASE(variables) {
  PropParseError error = parse_error("foo");
  BOOST_TEST(error.offset == 0u);
  BOOST_TEST(error.message == "`foo` is a variable; props must be literals");

  error = parse_error("[1, items]");
  BOOST_TEST(error.offset == 4u);
  BOOST_TEST(contains(error.message, "`items` is a variable"));

  error = parse_error("{ a: config.title }");
  BOOST_TEST(error.offset == 5u);
  BOOST_TEST(contains(error.message, "`config` is a variable"));

  error = parse_error("-count");
  BOOST_TEST(error.offset == 1u);
  BOOST_TEST(contains(error.message, "`count` is a variable"));

  error = parse_error("this");
  BOOST_TEST(contains(error.message, "not a literal"));
}

BOOST_AUTO_TEST_CASE(shorthand_properties_reference_variables) {
  PropParseError error = parse_error("{a}");
  BOOST_TEST(error.offset == 1u);
  BOOST_TEST(contains(error.message, "`a` is a variable"));
  BOOST_TEST(contains(error.message, "shorthand"));

  error = parse_error("{ title, b: 1 }");
  BOOST_TEST(error.offset == 2u);
  BOOST_TEST(contains(error.message, "`title: value`"));
}

BOOST_AUTO_TEST_CASE(function_calls) {
  PropParseError error = parse_error("getItems()");
  BOOST_TEST(error.offset == 0u);
  BOOST_TEST(contains(error.message, "function call"));
  BOOST_TEST(contains(error.message, "`getItems(...)`"));

  error = parse_error("[1, t('key')]");
  BOOST_TEST(error.offset == 4u);
  BOOST_TEST(contains(error.message, "function call"));

  error = parse_error("f (");
  BOOST_TEST(error.offset == 0u);
  BOOST_TEST(contains(error.message, "function call"));
}

BOOST_AUTO_TEST_CASE(arrow_functions) {
  PropParseError error = parse_error("x => x * 2");
  BOOST_TEST(error.offset == 0u);
  BOOST_TEST(contains(error.message, "arrow function"));

  error = parse_error("{ onClick: () => alert('hi') }");
  BOOST_TEST(error.offset == 11u);
  BOOST_TEST(contains(error.message, "arrow function"));

  error = parse_error("(a, b = ')') => a");
  BOOST_TEST(error.offset == 0u);
  BOOST_TEST(contains(error.message, "arrow function"));

  error = parse_error("async () => 1");
  BOOST_TEST(contains(error.message, "arrow function"));

  error = parse_error("async x => 1");
  BOOST_TEST(contains(error.message, "arrow function"));
}

BOOST_AUTO_TEST_CASE(functions_new_and_parentheses) {
  PropParseError error = parse_error("new Date()");
  BOOST_TEST(error.offset == 0u);
  BOOST_TEST(contains(error.message, "`new`"));

  error = parse_error("[function () {}]");
  BOOST_TEST(error.offset == 1u);
  BOOST_TEST(contains(error.message, "functions are not allowed"));

  error = parse_error("async function f() {}");
  BOOST_TEST(contains(error.message, "functions are not allowed"));

  error = parse_error("(1)");
  BOOST_TEST(error.offset == 0u);
  BOOST_TEST(contains(error.message, "parenthesised"));

  error = parse_error("{ f() { return 1 } }");
  BOOST_TEST(error.offset == 2u);
  BOOST_TEST(contains(error.message, "methods"));
}

BOOST_AUTO_TEST_CASE(spreads_and_computed_keys) {
  PropParseError error = parse_error("[...items, 4]");
  BOOST_TEST(error.offset == 1u);
  BOOST_TEST(contains(error.message, "spread"));

  error = parse_error("{ a: 1, ...rest }");
  BOOST_TEST(error.offset == 8u);
  BOOST_TEST(contains(error.message, "spread"));

  error = parse_error("{ [key]: 1 }");
  BOOST_TEST(error.offset == 2u);
  BOOST_TEST(contains(error.message, "computed"));
}

BOOST_AUTO_TEST_CASE(trailing_garbage) {
  PropParseError error = parse_error("[1] x");
  BOOST_TEST(error.offset == 4u);
  BOOST_TEST(contains(error.message, "unexpected `x` after the value"));

  error = parse_error("'a' + 'b'");
  BOOST_TEST(error.offset == 4u);
  BOOST_TEST(contains(error.message, "`+`"));

  error = parse_error("1 2");
  BOOST_TEST(error.offset == 2u);

  error = parse_error("'a'.length");
  BOOST_TEST(error.offset == 3u);

  error = parse_error("true;");
  BOOST_TEST(error.offset == 4u);
}

BOOST_AUTO_TEST_CASE(empty_input) {
  PropParseError error = parse_error("");
  BOOST_TEST(error.offset == 0u);
  BOOST_TEST(contains(error.message, "empty"));

  error = parse_error("  /* only a comment */ ");
  BOOST_TEST(error.offset == 23u);
  BOOST_TEST(contains(error.message, "empty"));
}

BOOST_AUTO_TEST_CASE(unexpected_characters) {
  PropParseError error = parse_error("[1, @]");
  BOOST_TEST(error.offset == 4u);
  BOOST_TEST(contains(error.message, "unexpected `@`"));

  error = parse_error("[1, ]]");
  BOOST_TEST(error.offset == 5u);

  error = parse_error("/regex/");
  BOOST_TEST(error.offset == 0u);
  BOOST_TEST(contains(error.message, "`/`"));
}

BOOST_AUTO_TEST_CASE(long_words_are_shortened_in_messages) {
  const std::string word(500, 'x');
  const PropParseError error = parse_error(word);
  BOOST_TEST(error.message.size() < 120u);
  BOOST_TEST(contains(error.message, "is a variable"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(unterminated_and_malformed)

BOOST_AUTO_TEST_CASE(unterminated_arrays_point_at_their_bracket) {
  PropParseError error = parse_error("[1, 2");
  BOOST_TEST(error.offset == 0u);
  BOOST_TEST(error.message == "unterminated array: `[` is never closed");

  error = parse_error("[1, 2,");
  BOOST_TEST(error.offset == 0u);

  error = parse_error("[[1, 2]");
  BOOST_TEST(error.offset == 0u);

  error = parse_error("[[1, 2");
  BOOST_TEST(error.offset == 1u);
}

BOOST_AUTO_TEST_CASE(unterminated_objects_point_at_their_brace) {
  for (const char* text : {"{ a: 1", "{ a: 1,", "{ a:", "{ a", "{"}) {
    const PropParseError error = parse_error(text);
    BOOST_TEST(error.offset == 0u, "for " << text);
    BOOST_TEST(error.message == "unterminated object: `{` is never closed", "for " << text);
  }
  BOOST_TEST(parse_error("[{ a: [1] ").offset == 1u);
}

BOOST_AUTO_TEST_CASE(unterminated_comment) {
  const PropParseError error = parse_error("[1, /* two");
  BOOST_TEST(error.offset == 4u);
  BOOST_TEST(contains(error.message, "comment"));
}

BOOST_AUTO_TEST_CASE(missing_separators) {
  PropParseError error = parse_error("[1 2]");
  BOOST_TEST(error.offset == 3u);
  BOOST_TEST(contains(error.message, "expected `,` or `]`"));

  error = parse_error("{ a: 1 b: 2 }");
  BOOST_TEST(error.offset == 7u);
  BOOST_TEST(contains(error.message, "expected `,` or `}`"));

  error = parse_error("{ a 1 }");
  BOOST_TEST(error.offset == 4u);
  BOOST_TEST(contains(error.message, "expected `:` after the key `a`"));

  error = parse_error("{ -1: 'x' }");
  BOOST_TEST(error.offset == 2u);
  BOOST_TEST(contains(error.message, "property key"));

  error = parse_error("{ `k`: 1 }");
  BOOST_TEST(error.offset == 2u);
}

BOOST_AUTO_TEST_CASE(array_holes_are_rejected) {
  PropParseError error = parse_error("[1,,2]");
  BOOST_TEST(error.offset == 3u);
  BOOST_TEST(contains(error.message, "empty array element"));
  BOOST_TEST(parse_error("[,]").offset == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(nesting_limit)

BOOST_AUTO_TEST_CASE(depth_256_is_accepted) {
  const PropValue value = parse_ok(nested_arrays(256));
  BOOST_TEST(value.is_array());
}

BOOST_AUTO_TEST_CASE(depth_257_is_rejected_at_the_extra_bracket) {
  const PropParseError error = parse_error(nested_arrays(257));
  BOOST_TEST(error.offset == 256u);
  BOOST_TEST(contains(error.message, "256"));
}

BOOST_AUTO_TEST_CASE(hostile_input_fails_fast) {
  const auto start = std::chrono::steady_clock::now();
  PropParseError error = parse_error(std::string(10'000, '['));
  BOOST_TEST(error.offset == 256u);
  BOOST_TEST(contains(error.message, "nested deeper"));

  std::string objects;
  for (int i = 0; i < 10'000; ++i) objects += "{a:";
  error = parse_error(objects);
  BOOST_TEST(error.offset == 256u * 3u);

  error = parse_error(std::string(1'000'000, '['));
  BOOST_TEST(error.offset == 256u);

  // Parenthesis scanning for arrow detection is iterative too.
  error = parse_error("f" + std::string(1'000'000, '('));
  BOOST_TEST(contains(error.message, "function call"));

  const auto elapsed = std::chrono::steady_clock::now() - start;
  BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() < 2000);
}

BOOST_AUTO_TEST_CASE(many_members_stay_fast) {
  std::string object = "{";
  for (int i = 0; i < 100'000; ++i) {
    object += "k" + std::to_string(i % 50'000) + ": " + std::to_string(i) + ",";
  }
  object += "}";
  const PropValue value = parse_ok(object);
  const auto& members = std::get<skiff::PropObject>(value.value);
  BOOST_TEST(members.size() == 50'000u);
  BOOST_TEST(value.member("k7")->to_text() == "50007");
}

BOOST_AUTO_TEST_SUITE_END()
