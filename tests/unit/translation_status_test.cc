#define BOOST_TEST_MODULE translation_status
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "i18n/translation_status.h"

using namespace skiff;
using Strings = std::vector<std::string>;

BOOST_AUTO_TEST_CASE(changed_sections_name_the_headings_whose_text_changed) {
  const std::string before = "---\ntitle: A\n---\nIntro.\n\n## Install\n\nRun it.\n\n## Usage\n\nUse it.\n";
  const std::string after = "---\ntitle: A changed\n---\nIntro.\n\n## Install\n\nRun   it.\n\n## Usage\n\nUse it well.\n\n## New\n\nx\n";
  // Frontmatter and whitespace do not count; new sections do.
  BOOST_TEST(changed_sections(before, after) == (Strings{"Usage", "New"}), boost::test_tools::per_element());
  BOOST_TEST(changed_sections(before, before).empty());
  BOOST_TEST(changed_sections("Intro.\n", "Intro changed.\n") == (Strings{""}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(headings_in_code_fences_are_not_sections) {
  const std::string before = "## Real\n\n```md\n## Not a heading\nold\n```\n";
  const std::string after = "## Real\n\n```md\n## Not a heading\nnew\n```\n";
  BOOST_TEST(changed_sections(before, after) == (Strings{"Real"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(repeated_headings_compare_in_order) {
  const std::string before = "## Example\n\none\n\n## Example\n\ntwo\n";
  const std::string after = "## Example\n\none\n\n## Example\n\nTWO\n";
  BOOST_TEST(changed_sections(before, after) == (Strings{"Example"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(source_hash_ignores_frontmatter_and_whitespace_only) {
  const std::string a = "---\ntitle: A\n---\n\nSome   text\nhere.\n";
  const std::string b = "---\ntitle: B\ni18nReady: true\n---\nSome text here.\n\n";
  const std::string c = "---\ntitle: A\n---\n\nSome text there.\n";
  BOOST_TEST(source_hash(a).size() == 16u);
  BOOST_TEST(source_hash(a) == source_hash(b));
  BOOST_TEST(source_hash(a) != source_hash(c));
  // Pinned: FNV-1a 64 of the normalized body "Some text here." (recorded in
  // translations' frontmatter, so it must never change).
  BOOST_TEST(source_hash(a) == "8f3f5739df60f81c");
}

BOOST_AUTO_TEST_CASE(changed_lines_are_counted_as_multisets) {
  int added = -1;
  int deleted = -1;
  count_changed_lines("a\nb\nc\n", "a\nc\nd\ne\n", added, deleted);
  BOOST_TEST(added == 2);    // d, e
  BOOST_TEST(deleted == 1);  // b
  count_changed_lines("x\r\ny\n", "y\nx\n", added, deleted);
  BOOST_TEST(added == 0);    // moved lines and CRLF are no change
  BOOST_TEST(deleted == 0);
}

BOOST_AUTO_TEST_CASE(state_names) {
  BOOST_TEST(translation_state_name(TranslationState::Missing) == "missing");
  BOOST_TEST(translation_state_name(TranslationState::Outdated) == "outdated");
  BOOST_TEST(translation_state_name(TranslationState::Done) == "done");
  BOOST_TEST(translation_state_name(TranslationState::Unknown) == "unknown");
}
