#define BOOST_TEST_MODULE git_history
#include <boost/test/unit_test.hpp>

#include <string>

#include "i18n/git_history.h"

// parse_git_log on hand-written `git log -M --raw --numstat --no-abbrev -z
// --format=%x1e%H%x1f%ct%x1f%s` output: commits newest first, changes filed
// under each file's current name through renames.

using namespace skiff;

namespace {

const std::string kZero(40, '0');
std::string blob(char c) { return std::string(40, c); }

// One commit record. `entries` are raw and numstat tokens, each ending in \0.
std::string commit(const std::string& hash, long time, const std::string& subject, const std::string& entries) {
  return "\x1e" + hash + "\x1f" + std::to_string(time) + "\x1f" + subject + std::string(1, '\0') + "\n" + entries;
}
std::string raw(const std::string& old_blob, const std::string& new_blob, const std::string& status,
                const std::string& path, const std::string& new_path = "") {
  std::string s = ":100644 100644 " + old_blob + " " + new_blob + " " + status + std::string(1, '\0') + path + std::string(1, '\0');
  if (!new_path.empty()) s += new_path + std::string(1, '\0');
  return s;
}
std::string numstat(int added, int deleted, const std::string& path) {
  return std::to_string(added) + "\t" + std::to_string(deleted) + "\t" + path + std::string(1, '\0');
}
std::string numstat_rename(int added, int deleted, const std::string& from, const std::string& to) {
  return std::to_string(added) + "\t" + std::to_string(deleted) + "\t" + std::string(1, '\0') + from +
         std::string(1, '\0') + to + std::string(1, '\0');
}

}  // namespace

BOOST_AUTO_TEST_CASE(changes_follow_renames_back_to_the_current_name) {
  // Newest first: c3 renames a.md → b.md with an edit; c2 edits a.md; c1 adds it.
  std::string log =
      commit("c3", 300, "Rename and edit", raw(blob('2'), blob('3'), "R090", "site/pages/en/a.md", "site/pages/en/b.md") +
                                               numstat_rename(2, 1, "site/pages/en/a.md", "site/pages/en/b.md")) +
      commit("c2", 200, "Edit", raw(blob('1'), blob('2'), "M", "site/pages/en/a.md") + numstat(5, 0, "site/pages/en/a.md")) +
      commit("c1", 100, "Add", raw(kZero, blob('1'), "A", "site/pages/en/a.md") + numstat(10, 0, "site/pages/en/a.md"));
  GitHistory history;
  parse_git_log(log, "site/", history);
  BOOST_REQUIRE_EQUAL(history.commits.size(), 3u);
  BOOST_TEST(history.commits[0].hash == "c3");
  BOOST_TEST(history.commits[0].time == 300);
  BOOST_TEST(history.commits[2].subject == "Add");
  const auto* changes = history.changes("pages/en/b.md");
  BOOST_REQUIRE(changes != nullptr);
  BOOST_REQUIRE_EQUAL(changes->size(), 3u);
  BOOST_TEST((*changes)[0].commit == 0);
  BOOST_TEST((*changes)[0].content);
  BOOST_TEST((*changes)[0].old_blob == blob('2'));
  BOOST_TEST((*changes)[2].created);
  BOOST_TEST((*changes)[2].old_blob.empty());
  BOOST_TEST(history.changes("pages/en/a.md") == nullptr);
}

BOOST_AUTO_TEST_CASE(a_pure_rename_is_no_content_change) {
  std::string log = commit("c2", 200, "Move", raw(blob('1'), blob('1'), "R100", "pages/x.md", "pages/y.md") +
                                                  numstat_rename(0, 0, "pages/x.md", "pages/y.md")) +
                    commit("c1", 100, "Add", raw(kZero, blob('1'), "A", "pages/x.md") + numstat(3, 0, "pages/x.md"));
  GitHistory history;
  parse_git_log(log, "", history);
  const auto* changes = history.changes("pages/y.md");
  BOOST_REQUIRE(changes != nullptr);
  BOOST_REQUIRE_EQUAL(changes->size(), 2u);
  BOOST_TEST(!(*changes)[0].content);
  BOOST_TEST((*changes)[1].content);
}

BOOST_AUTO_TEST_CASE(a_name_reused_after_a_deletion_is_another_file) {
  // c3 adds a new x.md; c2 deleted the old one; c1 edited the old one.
  std::string log = commit("c3", 300, "New x", raw(kZero, blob('9'), "A", "pages/x.md") + numstat(1, 0, "pages/x.md")) +
                    commit("c2", 200, "Drop x", raw(blob('2'), kZero, "D", "pages/x.md") + numstat(0, 4, "pages/x.md")) +
                    commit("c1", 100, "Edit x", raw(blob('1'), blob('2'), "M", "pages/x.md") + numstat(1, 1, "pages/x.md"));
  GitHistory history;
  parse_git_log(log, "", history);
  const auto* changes = history.changes("pages/x.md");
  BOOST_REQUIRE(changes != nullptr);
  BOOST_REQUIRE_EQUAL(changes->size(), 1u);  // only the new file's creation
  BOOST_TEST((*changes)[0].commit == 0);
}

BOOST_AUTO_TEST_CASE(files_outside_the_site_are_left_out_and_other_tokens_skipped) {
  std::string log = commit("c1", 100, "Mixed",
                           raw(kZero, blob('1'), "A", "other/readme.md") + raw(kZero, blob('2'), "A", "site/pages/en/v.mp4") +
                               numstat(1, 0, "other/readme.md") + "-\t-\tsite/pages/en/v.mp4" + std::string(1, '\0'));
  GitHistory history;
  parse_git_log(log, "site/", history);
  BOOST_TEST(history.files.size() == 1u);
  const auto* changes = history.changes("pages/en/v.mp4");
  BOOST_REQUIRE(changes != nullptr);
  BOOST_TEST((*changes)[0].created);
}

BOOST_AUTO_TEST_CASE(malformed_input_does_not_crash) {
  GitHistory history;
  for (std::string log : {std::string(""), std::string("\x1e"), std::string("\x1e" "abc"), std::string("\x1e" "h\x1f" "x\x1f" "s"),
                          std::string("\x1e" "h\x1f" "1\x1f" "s") + std::string(1, '\0') + ":100644 bad",
                          std::string("\x1e" "h\x1f" "1\x1f" "s") + std::string(1, '\0') + "1\t2\t" + std::string(1, '\0')}) {
    parse_git_log(log, "", history);
  }
  BOOST_TEST(history.commits.size() <= 6u);
}
