#define BOOST_TEST_MODULE suppressions
#include <boost/test/unit_test.hpp>

#include "lint/suppressions.h"

using namespace skiff;

BOOST_AUTO_TEST_CASE(disable_from_a_line_on_and_enable_again) {
  Suppressions s("a\n<!-- skiff-lint-disable links anchors -->\nb\n<!-- skiff-lint-enable links -->\nc\n");
  BOOST_TEST(!s.silenced("links", 1));
  BOOST_TEST(s.silenced("links", 3));
  BOOST_TEST(s.silenced("anchors", 3));
  BOOST_TEST(!s.silenced("encoding", 3));
  BOOST_TEST(!s.silenced("links", 5));
  BOOST_TEST(s.silenced("anchors", 5));
}

BOOST_AUTO_TEST_CASE(one_line_and_next_line_and_all_rules) {
  Suppressions s("x <!-- skiff-lint-disable-line link-text -->\n<!-- skiff-lint-disable-next-line -->\ny\nz\n");
  BOOST_TEST(s.silenced("link-text", 1));
  BOOST_TEST(!s.silenced("links", 1));
  BOOST_TEST(s.silenced("links", 3));
  BOOST_TEST(s.silenced("encoding", 3));
  BOOST_TEST(!s.silenced("links", 4));
}

BOOST_AUTO_TEST_CASE(lines_count_like_findings_do_with_lone_carriage_returns) {
  Suppressions s("a\rb\r<!-- skiff-lint-disable-next-line links -->\rc\r");
  BOOST_TEST(s.silenced("links", 4));
  BOOST_TEST(!s.silenced("links", 3));
}

BOOST_AUTO_TEST_CASE(other_comments_and_unknown_directives_change_nothing) {
  Suppressions s("<!-- a comment -->\n<!-- skiff-lint-frobnicate links -->\n<!-- skiff-lint-disable");
  BOOST_TEST(!s.silenced("links", 2));
  BOOST_TEST(!s.silenced("links", 3));
}

BOOST_AUTO_TEST_CASE(apply_removes_only_silenced_findings_of_that_file) {
  Findings findings = {{"links", Severity::Error, "a.md", {3, 1}, "x", std::nullopt},
                       {"links", Severity::Error, "a.md", {1, 1}, "y", std::nullopt},
                       {"links", Severity::Error, "b.md", {3, 1}, "z", std::nullopt}};
  apply_suppressions(findings, {{"a.md", "q\n<!-- skiff-lint-disable-next-line links -->\nbad\n"}});
  BOOST_TEST_REQUIRE(findings.size() == 2u);
  BOOST_TEST(findings[0].message == "y");
  BOOST_TEST(findings[1].file == "b.md");
}
