#define BOOST_TEST_MODULE lint_fix
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

#include "lint/lint_fix.h"
#include "temp_dir.h"

using namespace skiff;

BOOST_AUTO_TEST_CASE(fixes_apply_last_offset_first) {
  int applied = 0;
  std::string out = apply_fixes_to("see [a](/A) and [b](/B)\r\n", {{8, 10, "/a/"}, {20, 22, "/b/"}}, applied);
  BOOST_TEST(out == "see [a](/a/) and [b](/b/)\r\n");
  BOOST_TEST(applied == 2);
}

BOOST_AUTO_TEST_CASE(overlapping_and_out_of_range_fixes_wait_for_the_next_run) {
  int applied = 0;
  std::string out = apply_fixes_to("abcdef", {{1, 4, "X"}, {3, 5, "Y"}, {4, 99, "Z"}, {5, 2, "W"}}, applied);
  BOOST_TEST(out == "abcYf");
  BOOST_TEST(applied == 1);
}

BOOST_AUTO_TEST_CASE(files_are_rewritten_once_and_others_untouched) {
  skiff::testing::TempDir dir;
  std::filesystem::create_directories(dir.path / "pages");
  std::ofstream(dir.path / "pages" / "a.md") << "\xEF\xBB\xBFhello";
  std::ofstream(dir.path / "pages" / "b.md") << "keep";
  Findings findings = {{"encoding", Severity::Warning, "pages/a.md", {1, 1}, "bom", LintFix{0, 3, ""}},
                       {"links", Severity::Error, "pages/b.md", {1, 1}, "no fix", std::nullopt},
                       {"encoding", Severity::Warning, "pages/missing.md", {1, 1}, "x", LintFix{0, 1, ""}}};
  FixOutcome outcome = apply_fixes(findings, dir.path);
  BOOST_TEST(outcome.applied == 1);
  BOOST_TEST(outcome.files == 1);
  BOOST_TEST(outcome.errors.size() == 1u);  // the missing file
  std::ifstream a(dir.path / "pages" / "a.md");
  std::string text((std::istreambuf_iterator<char>(a)), {});
  BOOST_TEST(text == "hello");
}
