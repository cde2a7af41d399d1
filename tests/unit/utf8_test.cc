#define BOOST_TEST_MODULE utf8
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <string>
#include <string_view>

#include "base/utf8.h"

using skiff::append_utf8;
using skiff::is_valid_utf8;
using skiff::to_valid_utf8;
using skiff::utf8_sequence_length;

namespace {

const std::string kReplacement = "\xEF\xBF\xBD";

std::size_t length_of(std::string_view s, std::size_t* subpart_out = nullptr) {
  std::size_t subpart = 99;
  std::size_t length = utf8_sequence_length(s, subpart);
  if (subpart_out != nullptr) *subpart_out = subpart;
  return length;
}

}  // namespace

// Every Unicode scalar value, encoded, is one well-formed sequence of the
// right length; surrogates and values past U+10FFFF encode as U+FFFD.
BOOST_AUTO_TEST_CASE(every_scalar_value_encodes_to_one_valid_sequence) {
  std::size_t failures = 0;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    std::string s;
    append_utf8(s, cp);
    const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    const std::size_t want = surrogate ? 3 : cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (length_of(s) != want || s.size() != want || (surrogate && s != kReplacement) || !is_valid_utf8(s)) {
      ++failures;
    }
  }
  BOOST_TEST(failures == 0u);
  std::string past;
  append_utf8(past, 0x110000);
  BOOST_TEST(past == kReplacement);
}

// Of all three-byte strings led by E0..EF, exactly the encodings of
// U+0800..U+FFFF without the surrogates are well-formed (no overlongs).
BOOST_AUTO_TEST_CASE(three_byte_sequences_are_exactly_the_valid_ones) {
  std::size_t valid = 0;
  std::size_t disagreements = 0;
  for (int lead = 0xE0; lead <= 0xEF; ++lead) {
    for (int b1 = 0; b1 < 256; ++b1) {
      for (int b2 = 0; b2 < 256; ++b2) {
        const char bytes[] = {static_cast<char>(lead), static_cast<char>(b1), static_cast<char>(b2)};
        const std::string_view s(bytes, 3);
        const bool ok = length_of(s) == 3;
        disagreements += ok != is_valid_utf8(s);
        valid += ok;
      }
    }
  }
  BOOST_TEST(valid == 0x10000u - 0x800u - 0x800u);
  BOOST_TEST(disagreements == 0u);
}

BOOST_AUTO_TEST_CASE(ill_formed_sequences_and_their_subparts) {
  std::size_t subpart = 0;
  BOOST_TEST(length_of("\x80", &subpart) == 0u);  // stray continuation
  BOOST_TEST(subpart == 1u);
  BOOST_TEST(length_of("\xC0\x80", &subpart) == 0u);  // overlong NUL
  BOOST_TEST(subpart == 1u);
  BOOST_TEST(length_of("\xE0\x9F\xBF", &subpart) == 0u);  // overlong U+07FF
  BOOST_TEST(subpart == 1u);
  BOOST_TEST(length_of("\xED\xA0\x80", &subpart) == 0u);  // surrogate U+D800
  BOOST_TEST(subpart == 1u);
  BOOST_TEST(length_of("\xF4\x90\x80\x80", &subpart) == 0u);  // U+110000
  BOOST_TEST(subpart == 1u);
  BOOST_TEST(length_of("\xF5\x80\x80\x80", &subpart) == 0u);
  BOOST_TEST(length_of("\xF0\x9F\x98", &subpart) == 0u);  // truncated emoji
  BOOST_TEST(subpart == 3u);
  BOOST_TEST(length_of("\xF0\x9F\x98" "a", &subpart) == 0u);
  BOOST_TEST(subpart == 3u);
  BOOST_TEST(length_of("\xF0\x9F\x98\x80", &subpart) == 4u);  // U+1F600
  BOOST_TEST(length_of("\xF4\x8F\xBF\xBF", &subpart) == 4u);  // U+10FFFF
}

// Unicode's own example of the maximal-subpart practice (chapter 3, "U+FFFD
// substitution of maximal subparts"), which WHATWG decoders follow.
BOOST_AUTO_TEST_CASE(replacement_follows_maximal_subparts) {
  const std::string bad = "a\xF1\x80\x80\xE1\x80\xC2" "b\x80" "c\x80\xBF" "d";
  const std::string r = kReplacement;
  BOOST_TEST(to_valid_utf8(bad) == "a" + r + r + r + "b" + r + "c" + r + r + "d");
  BOOST_TEST(!is_valid_utf8(bad));
  BOOST_TEST(is_valid_utf8(to_valid_utf8(bad)));
}

// The eight-byte ASCII steps must not skip a bad byte at any offset, nor
// run past the end.
BOOST_AUTO_TEST_CASE(bad_bytes_are_found_at_every_offset) {
  for (std::size_t length = 1; length <= 24; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      std::string s(length, 'x');
      BOOST_TEST_REQUIRE(is_valid_utf8(s));
      s[at] = '\xFF';
      BOOST_TEST_REQUIRE(!is_valid_utf8(s));
      BOOST_TEST_REQUIRE(to_valid_utf8(s) == std::string(at, 'x') + kReplacement + std::string(length - at - 1, 'x'));
      s[at] = '\xC3';  // a lead byte cut off by the end or by ASCII
      BOOST_TEST_REQUIRE(!is_valid_utf8(s));
    }
  }
  const std::string text = "Texte en fran\xC3\xA7" "ais avec un \xF0\x9F\x98\x80 et du \xE6\x97\xA5\xE6\x9C\xAC";
  BOOST_TEST(is_valid_utf8(text));
  BOOST_TEST(to_valid_utf8(text) == text);
  BOOST_TEST(is_valid_utf8(std::string_view("a\0b", 3)));  // NUL is U+0000
  BOOST_TEST(is_valid_utf8(""));
  BOOST_TEST(to_valid_utf8("").empty());
}
