#define BOOST_TEST_MODULE byte_set
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>

#include "base/byte_set.h"

using skiff::ByteSet;
using skiff::kLineEnds;

namespace {
constexpr std::size_t npos = std::string_view::npos;
}

BOOST_AUTO_TEST_CASE(byte_set_finds_the_first_member_from_an_offset) {
  constexpr ByteSet stops("<`\\");
  BOOST_TEST(stops.find("plain text") == npos);
  BOOST_TEST(stops.find("a `b` <c>") == 2u);
  BOOST_TEST(stops.find("a `b` <c>", 3) == 4u);
  BOOST_TEST(stops.find("a `b` <c>", 5) == 6u);
  BOOST_TEST(stops.find("abc", 3) == npos);
  BOOST_TEST(stops.find("abc", 99) == npos);
  BOOST_TEST(stops.contains('<'));
  BOOST_TEST(!stops.contains('a'));
  // Bytes above 0x7F are members like any other.
  BOOST_TEST(ByteSet("\xC3").find("caf\xC3\xA9") == 3u);
}

BOOST_AUTO_TEST_CASE(line_ends_find_the_nearest_cr_or_lf) {
  BOOST_TEST(kLineEnds.find("") == npos);
  BOOST_TEST(kLineEnds.find("no end") == npos);
  BOOST_TEST(kLineEnds.find("a\nb") == 1u);
  BOOST_TEST(kLineEnds.find("a\r\nb") == 1u);       // the CR of a CRLF
  BOOST_TEST(kLineEnds.find("ab\rc\nd") == 2u);     // lone CR before a later LF
  BOOST_TEST(kLineEnds.find("a\nb\rc") == 1u);      // LF before a later CR
  BOOST_TEST(kLineEnds.find("a\nb\rc", 2) == 3u);
  BOOST_TEST(kLineEnds.find("a\n", 2) == npos);     // from the end
  BOOST_TEST(kLineEnds.find("a\n", 7) == npos);     // from past the end
  // Across the search window (4 KiB), and with only CR line ends.
  std::string long_line(10000, 'x');
  BOOST_TEST(kLineEnds.find(long_line + "\n") == 10000u);
  BOOST_TEST(kLineEnds.find(long_line + "\r" + long_line + "\n") == 10000u);
  BOOST_TEST(kLineEnds.find(long_line + "\r" + long_line + "\n", 10001) == 20001u);
  std::string cr_only;
  for (int i = 0; i < 1000; ++i) cr_only += "line\r";
  std::size_t ends = 0;
  for (std::size_t at = kLineEnds.find(cr_only); at != npos; at = kLineEnds.find(cr_only, at + 1)) ++ends;
  BOOST_TEST(ends == 1000u);
  BOOST_TEST(kLineEnds.contains('\r'));
  BOOST_TEST(kLineEnds.contains('\n'));
  BOOST_TEST(!kLineEnds.contains(' '));
}
