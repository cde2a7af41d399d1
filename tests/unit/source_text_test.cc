#define BOOST_TEST_MODULE source_text
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "base/source_text.h"

using skiff::Position;
using skiff::SourceText;

namespace {

// Boost.Test cannot print Position; compare fields instead.
void check_pos(const SourceText& text, std::size_t offset, int line, int column) {
  Position p = text.position_of(offset);
  BOOST_TEST_CONTEXT("offset " << offset) {
    BOOST_TEST(p.line == line);
    BOOST_TEST(p.column == column);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(construction)

BOOST_AUTO_TEST_CASE(keeps_path_and_bytes) {
  SourceText text("pages/en/a.md", "ab\ncd");
  BOOST_TEST(text.path() == "pages/en/a.md");
  BOOST_TEST(text.text() == "ab\ncd");
}

BOOST_AUTO_TEST_CASE(default_constructed_is_empty) {
  SourceText text;
  BOOST_TEST(text.path().empty());
  BOOST_TEST(text.text().empty());
  BOOST_TEST(text.line_count() == 1);  // like SourceText("", "")
  BOOST_TEST(text.line_start(1) == 0u);
}

// Regression: a default-constructed SourceText used to have no line starts,
// so position_of(0) read line_starts_[SIZE_MAX] and crashed. Like an empty
// text, it must answer 1:1.
BOOST_AUTO_TEST_CASE(default_constructed_position_of_is_1_1) {
  SourceText text;
  Position p = text.position_of(0);
  BOOST_TEST(p.line == 1);
  BOOST_TEST(p.column == 1);
}

BOOST_AUTO_TEST_CASE(empty_text_has_one_line) {
  SourceText text("e", "");
  BOOST_TEST(text.line_count() == 1);
  check_pos(text, 0, 1, 1);
  check_pos(text, 5, 1, 1);
  BOOST_TEST(text.line_start(1) == 0u);
  BOOST_TEST(text.line_start(2) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(line_ends)

BOOST_AUTO_TEST_CASE(lf) {
  //                  0123 4567 89
  SourceText text("f", "abc\ndef\ngh");
  BOOST_TEST(text.line_count() == 3);
  check_pos(text, 0, 1, 1);
  check_pos(text, 2, 1, 3);
  check_pos(text, 3, 1, 4);  // the '\n' itself belongs to line 1
  check_pos(text, 4, 2, 1);
  check_pos(text, 6, 2, 3);
  check_pos(text, 8, 3, 1);
  check_pos(text, 9, 3, 2);
}

BOOST_AUTO_TEST_CASE(crlf_is_one_line_end) {
  //                  01 2 3 45 6 7 89
  SourceText text("f", "ab\r\ncd\r\nef");
  BOOST_TEST(text.line_count() == 3);
  check_pos(text, 1, 1, 2);
  check_pos(text, 2, 1, 3);  // '\r'
  check_pos(text, 3, 1, 4);  // '\n' of the pair: still line 1
  check_pos(text, 4, 2, 1);
  check_pos(text, 5, 2, 2);
  check_pos(text, 8, 3, 1);
  BOOST_TEST(text.line_start(1) == 0u);
  BOOST_TEST(text.line_start(2) == 4u);
  BOOST_TEST(text.line_start(3) == 8u);
}

BOOST_AUTO_TEST_CASE(lone_cr_is_a_line_end) {
  //                  01 2 34 5 6
  SourceText text("f", "ab\rcd\ref");
  BOOST_TEST(text.line_count() == 3);
  check_pos(text, 2, 1, 3);
  check_pos(text, 3, 2, 1);
  check_pos(text, 4, 2, 2);
  check_pos(text, 6, 3, 1);
  BOOST_TEST(text.line_start(2) == 3u);
  BOOST_TEST(text.line_start(3) == 6u);
}

BOOST_AUTO_TEST_CASE(mixed_line_ends_and_blank_lines) {
  // "a\n\r\n\rb": lines "a", "", "", "b"
  SourceText text("f", "a\n\r\n\rb");
  BOOST_TEST(text.line_count() == 4);
  BOOST_TEST(text.line_start(1) == 0u);
  BOOST_TEST(text.line_start(2) == 2u);
  BOOST_TEST(text.line_start(3) == 4u);
  BOOST_TEST(text.line_start(4) == 5u);
  check_pos(text, 2, 2, 1);
  check_pos(text, 3, 2, 2);
  check_pos(text, 4, 3, 1);
  check_pos(text, 5, 4, 1);
}

BOOST_AUTO_TEST_CASE(cr_then_lf_separated_by_text_are_two_ends) {
  SourceText text("f", "a\rb\nc");
  BOOST_TEST(text.line_count() == 3);
  check_pos(text, 2, 2, 1);
  check_pos(text, 4, 3, 1);
}

BOOST_AUTO_TEST_CASE(trailing_newline_starts_an_empty_last_line) {
  SourceText text("f", "ab\n");
  BOOST_TEST(text.line_count() == 2);
  BOOST_TEST(text.line_start(2) == 3u);
  check_pos(text, 3, 2, 1);
}

BOOST_AUTO_TEST_CASE(trailing_crlf_counts_once) {
  SourceText text("f", "ab\r\n");
  BOOST_TEST(text.line_count() == 2);
  BOOST_TEST(text.line_start(2) == 4u);
  check_pos(text, 4, 2, 1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(columns_in_code_points)

BOOST_AUTO_TEST_CASE(two_byte_e_acute) {
  // "é" is C3 A9.
  SourceText text("f", "caf\xC3\xA9 x\n\xC3\xA9y");
  // bytes: c0 a1 f2 C3(3) A9(4) ' '5 x6 \n7 C3(8) A9(9) y10
  check_pos(text, 3, 1, 4);  // start of é
  check_pos(text, 5, 1, 5);  // the space after é
  check_pos(text, 6, 1, 6);  // x
  check_pos(text, 8, 2, 1);
  check_pos(text, 10, 2, 2);  // y after é
}

BOOST_AUTO_TEST_CASE(four_byte_emoji) {
  // U+1F680 ROCKET is F0 9F 9A 80.
  SourceText text("f", "a\xF0\x9F\x9A\x80" "b\xF0\x9F\x9A\x80\xF0\x9F\x9A\x80" "c");
  // bytes: a0 rocket1-4 b5 rocket6-9 rocket10-13 c14
  check_pos(text, 1, 1, 2);
  check_pos(text, 5, 1, 3);
  check_pos(text, 6, 1, 4);
  check_pos(text, 10, 1, 5);
  check_pos(text, 14, 1, 6);
  check_pos(text, 15, 1, 7);  // end
}

BOOST_AUTO_TEST_CASE(three_byte_cjk) {
  // U+4E2D 中 is E4 B8 AD.
  SourceText text("f", "\xE4\xB8\xAD\xE4\xB8\xAD=");
  check_pos(text, 3, 1, 2);
  check_pos(text, 6, 1, 3);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(past_the_end)

BOOST_AUTO_TEST_CASE(offset_at_end_is_after_last_character) {
  SourceText text("f", "ab\nc\xC3\xA9");
  // size 6: after "cé" is line 2 column 3
  check_pos(text, 6, 2, 3);
}

BOOST_AUTO_TEST_CASE(offset_far_past_end_clamps) {
  SourceText text("f", "ab\nc\xC3\xA9");
  check_pos(text, 7, 2, 3);
  check_pos(text, 1000, 2, 3);
  check_pos(text, std::string::npos, 2, 3);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(line_start)

BOOST_AUTO_TEST_CASE(each_line) {
  SourceText text("f", "one\ntwo\r\nthree\rfour");
  BOOST_TEST(text.line_count() == 4);
  BOOST_TEST(text.line_start(1) == 0u);
  BOOST_TEST(text.line_start(2) == 4u);
  BOOST_TEST(text.line_start(3) == 9u);
  BOOST_TEST(text.line_start(4) == 15u);
  BOOST_TEST(text.text().substr(text.line_start(4)) == "four");
}

BOOST_AUTO_TEST_CASE(out_of_range_lines) {
  SourceText text("f", "one\ntwo");
  BOOST_TEST(text.line_start(0) == 0u);
  BOOST_TEST(text.line_start(-3) == 0u);
  BOOST_TEST(text.line_start(3) == 7u);  // text().size()
  BOOST_TEST(text.line_start(100) == 7u);
}

BOOST_AUTO_TEST_CASE(round_trips_with_position_of) {
  SourceText text("f", "x\r\n\xC3\xA9\xC3\xA9\n\rlast");
  for (int line = 1; line <= text.line_count(); ++line) {
    Position p = text.position_of(text.line_start(line));
    BOOST_TEST(p.line == line);
    BOOST_TEST(p.column == 1);
  }
}

BOOST_AUTO_TEST_CASE(offset_of_inverts_position_of_and_line_of_agrees) {
  SourceText text("f", "x\r\n\xC3\xA9\xC3\xA9\n\rlast");
  for (std::size_t offset = 0; offset <= text.text().size(); ++offset) {
    if (offset < text.text().size() && (static_cast<unsigned char>(text.text()[offset]) & 0xC0) == 0x80) continue;
    BOOST_TEST_CONTEXT("offset " << offset) {
      Position p = text.position_of(offset);
      BOOST_TEST(text.line_of(offset) == p.line);
      BOOST_TEST(text.offset_of(p) == offset);
    }
  }
  BOOST_TEST(text.offset_of({0, 1}) == std::string::npos);
  BOOST_TEST(text.offset_of({9, 1}) == std::string::npos);
  BOOST_TEST(text.offset_of({4, 99}) == text.text().size());
}

BOOST_AUTO_TEST_SUITE_END()

// Lines longer than SourceText::kColumnStep are counted from marks inside
// the line rather than from its start. Every offset must still give what
// counting from the line start gives.
BOOST_AUTO_TEST_SUITE(long_lines)

// The reference: one walk over the text, line ends as documented
// (\n, \r\n, lone \r), a column per byte that is not a continuation byte.
std::vector<Position> walk(const std::string& s) {
  std::vector<Position> out;
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    out.push_back({line, column});
    if (i == s.size()) break;
    char c = s[i];
    bool ends = c == '\n' || (c == '\r' && (i + 1 == s.size() || s[i + 1] != '\n'));
    if (ends) {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return out;
}

// `n` bytes or so of mixed characters: ASCII, é, 中, 🚀 and a stray
// continuation byte, so marks fall inside multi-byte characters too.
std::string mixed_line(std::size_t n) {
  static const char* const kPieces[] = {"a", "\xC3\xA9", "\xE4\xB8\xAD", "\xF0\x9F\x9A\x80", "\x80", "[x](y) "};
  std::string line;
  for (std::size_t i = 0; line.size() < n; ++i) line += kPieces[(i * 7) % 6];
  return line;
}

void check_every_offset(const std::string& bytes) {
  SourceText text("f", bytes);
  std::vector<Position> expected = walk(bytes);
  int wrong = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    Position p = text.position_of(i);
    if (p.line != expected[i].line || p.column != expected[i].column) {
      if (++wrong <= 5) {
        BOOST_ERROR("offset " << i << ": " << p.line << ":" << p.column << ", expected "
                              << expected[i].line << ":" << expected[i].column);
      }
    }
  }
  BOOST_TEST(wrong == 0);
}

BOOST_AUTO_TEST_CASE(one_long_line) {
  check_every_offset(mixed_line(10 * SourceText::kColumnStep + 17));
}

BOOST_AUTO_TEST_CASE(long_and_short_lines_with_every_line_end) {
  std::string bytes = "short\n" + mixed_line(3 * SourceText::kColumnStep) + "\r\n\xC3\xA9\r" +
                      mixed_line(SourceText::kColumnStep) + "\n" + mixed_line(SourceText::kColumnStep + 1) +
                      "\n\n" + mixed_line(5 * SourceText::kColumnStep - 3);  // no final line end
  check_every_offset(bytes);
}

BOOST_AUTO_TEST_CASE(column_far_along_a_long_line) {
  // 300,000 two-byte characters, then 'x': column 300,001.
  std::string bytes;
  for (int i = 0; i < 300000; ++i) bytes += "\xC3\xA9";
  bytes += "x\ny";
  SourceText text("f", bytes);
  check_pos(text, 600000, 1, 300001);
  check_pos(text, 599998, 1, 300000);  // the last é
  check_pos(text, 599999, 1, 300001);  // its continuation byte: counted like SourceText always has
  check_pos(text, 600002, 2, 1);
  BOOST_TEST(text.offset_of({1, 300001}) == 600000u);
}

BOOST_AUTO_TEST_SUITE_END()
