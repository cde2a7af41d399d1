#define BOOST_TEST_MODULE build_state
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "build/build_state.h"

using skiff::BuildState;
using skiff::read_build_state;
using skiff::write_build_state;

namespace {

BuildState sample() {
  BuildState state;
  state.started_ns = 1795523399788391120;
  state.global_key = 0xa79d10ba41ee8216ULL;
  state.head = "197e6cf301588ca7e8dd5bbf512437ee831d34bc";
  skiff::SourceRecord page;
  page.stamp = {4572, 1795500441682697580, 5333021};
  page.hash = 0xebc0bf688ee67843ULL;
  page.title = "Tabs\tand\nnew lines \\ kept";
  page.i18n_ready = true;
  page.source_hash = "0123456789abcdef";
  state.sources["pages/en/a b.md"] = page;
  skiff::SourceRecord bare;
  bare.has_diagnostics = true;
  state.sources["pages/es/x.md"] = bare;
  state.outputs["en/a b/index.html"] = {0x1ULL, 0xffffffffffffffffULL, false};
  state.outputs["404.html"] = {0, 7, true};
  state.public_files["videos/a.mp4"] = {10, 20, 30};
  state.outdated["pages/es/x.md"] = "2026-11-24";
  state.outdated["pages/ja/x.md"] = "";
  return state;
}

void check_same(const BuildState& a, const BuildState& b) {
  BOOST_TEST(a.started_ns == b.started_ns);
  BOOST_TEST(a.global_key == b.global_key);
  BOOST_TEST(a.head == b.head);
  BOOST_TEST_REQUIRE(a.sources.size() == b.sources.size());
  for (const auto& [path, s] : a.sources) {
    auto it = b.sources.find(path);
    BOOST_TEST_REQUIRE((it != b.sources.end()), path);
    BOOST_TEST((s.stamp == it->second.stamp));
    BOOST_TEST(s.hash == it->second.hash);
    BOOST_TEST(s.has_diagnostics == it->second.has_diagnostics);
    BOOST_TEST(s.title == it->second.title);
    BOOST_TEST((s.i18n_ready == it->second.i18n_ready));
    BOOST_TEST((s.source_hash == it->second.source_hash));
  }
  BOOST_TEST_REQUIRE(a.outputs.size() == b.outputs.size());
  for (const auto& [path, o] : a.outputs) {
    auto it = b.outputs.find(path);
    BOOST_TEST_REQUIRE((it != b.outputs.end()), path);
    BOOST_TEST(o.key == it->second.key);
    BOOST_TEST(o.hash == it->second.hash);
    BOOST_TEST(o.has_diagnostics == it->second.has_diagnostics);
  }
  BOOST_TEST((a.public_files == b.public_files));
  BOOST_TEST((a.outdated == b.outdated));
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_record_reads_back_as_written) {
  BuildState state = sample();
  std::string text = write_build_state(state);
  BOOST_TEST(text.starts_with(skiff::kOutputMarkerLine));
  auto back = read_build_state(text);
  BOOST_TEST_REQUIRE(back.has_value());
  check_same(state, *back);
  // Optional fields stay unset.
  BOOST_TEST(!back->sources.at("pages/es/x.md").i18n_ready.has_value());
  BOOST_TEST(!back->sources.at("pages/es/x.md").source_hash.has_value());
  // An empty record too.
  auto empty = read_build_state(write_build_state(BuildState{}));
  BOOST_TEST_REQUIRE(empty.has_value());
  BOOST_TEST(empty->sources.empty());
}

BOOST_AUTO_TEST_CASE(anything_but_a_whole_record_is_no_record) {
  std::string text = write_build_state(sample());
  // Cut anywhere: no record (the last line says it is whole).
  for (std::size_t cut = 0; cut < text.size(); cut += 7) {
    BOOST_TEST(!read_build_state(std::string_view(text).substr(0, cut)).has_value(), "cut at " << cut);
  }
  // Just the marker line (a folder from before records, or one being updated).
  BOOST_TEST(!read_build_state(skiff::kOutputMarkerLine).has_value());
  BOOST_TEST(!read_build_state(std::string(skiff::kOutputMarkerLine) + "being updated: no record\n").has_value());
  // Another format, a damaged field, a line after the end.
  std::string other = text;
  other.replace(other.find("skiff-build-state 1"), 19, "skiff-build-state 9");
  BOOST_TEST(!read_build_state(other).has_value());
  std::string bad_hash = text;
  bad_hash.replace(bad_hash.find("a79d10ba41ee8216"), 16, "a79d10ba41ee821g");
  BOOST_TEST(!read_build_state(bad_hash).has_value());
  BOOST_TEST(!read_build_state(text + "O\t0000000000000001\t0000000000000002\t0\tx\n").has_value());
  std::string bad_escape = text;
  bad_escape.replace(bad_escape.find("\\t"), 2, "\\q");
  BOOST_TEST(!read_build_state(bad_escape).has_value());
}

BOOST_AUTO_TEST_CASE(stamps_tell_a_changed_file) {
  std::filesystem::path file = std::filesystem::temp_directory_path() / "skiff_build_state_test.txt";
  { std::ofstream(file) << "one"; }
  auto first = skiff::stamp_of(file);
  BOOST_TEST_REQUIRE(first.has_value());
  BOOST_TEST(first->size == 3);
  { std::ofstream(file) << "three"; }
  auto second = skiff::stamp_of(file);
  BOOST_TEST_REQUIRE(second.has_value());
  BOOST_TEST(!(*first == *second));
  std::filesystem::remove(file);
  BOOST_TEST(!skiff::stamp_of(file).has_value());
}

BOOST_AUTO_TEST_CASE(a_journal_appended_to_a_record_reads_as_the_new_state) {
  BuildState before = sample();
  std::string text = write_build_state(before);
  BuildState after = before;
  skiff::BuildStateChanges delta;
  after.started_ns += 5;
  after.global_key = 42;
  after.sources["pages/en/a b.md"].hash = 9;
  delta.sources.push_back("pages/en/a b.md");
  after.sources.erase("pages/es/x.md");
  delta.sources.push_back("pages/es/x.md");
  after.outputs["en/new/index.html"] = {3, 4, false};
  delta.outputs.push_back("en/new/index.html");
  after.outputs.erase("404.html");
  delta.outputs.push_back("404.html");
  after.public_files.erase("videos/a.mp4");
  delta.public_files.push_back("videos/a.mp4");
  after.outdated = {{"pages/ja/y.md", "2026-01-02"}};
  delta.outdated = true;
  BOOST_TEST_REQUIRE(text.ends_with("end\n"));
  std::string appended = text.substr(0, text.size() - 4) + skiff::build_state_journal(after, delta);
  auto back = read_build_state(appended);
  BOOST_TEST_REQUIRE(back.has_value());
  check_same(after, *back);
  BOOST_TEST(back->journal_lines > 0u);
  // A second journal on top of the first.
  BuildState third = after;
  skiff::BuildStateChanges more;
  third.outputs["en/new/index.html"].hash = 5;
  more.outputs.push_back("en/new/index.html");
  std::string twice = appended.substr(0, appended.size() - 4) + skiff::build_state_journal(third, more);
  auto again = read_build_state(twice);
  BOOST_TEST_REQUIRE(again.has_value());
  check_same(third, *again);
  // Without its end line (being updated) it is no record.
  BOOST_TEST(!read_build_state(std::string_view(twice).substr(0, twice.size() - 4)).has_value());
  BOOST_TEST(read_build_state(write_build_state(third))->journal_lines == 0u);
}

BOOST_AUTO_TEST_CASE(a_record_with_a_path_out_of_the_output_is_no_record) {
  for (const char* path : {"../etc/passwd", "/etc/passwd", "en/../../x", "a//b", "./a", "", "en/.."}) {
    BuildState state = sample();
    state.outputs[path] = {1, 2, false};
    BOOST_TEST(!read_build_state(write_build_state(state)).has_value(), path);
    BuildState with_public = sample();
    with_public.public_files[path] = {1, 2, 3};
    BOOST_TEST(!read_build_state(write_build_state(with_public)).has_value(), path);
  }
  // Dots inside names are fine.
  BuildState state = sample();
  state.outputs["en/a..b/index.html"] = {1, 2, false};
  state.public_files[".well-known/x"] = {1, 2, 3};
  BOOST_TEST(read_build_state(write_build_state(state)).has_value());
}

BOOST_AUTO_TEST_CASE(the_part_of_a_split_build_is_kept) {
  BuildState state = sample();
  state.part = "--locale es,ja --shard 2/8";
  auto back = read_build_state(write_build_state(state));
  BOOST_TEST_REQUIRE(back.has_value());
  BOOST_TEST(back->part == state.part);
  BOOST_TEST(read_build_state(write_build_state(sample()))->part.empty());
}

// An update in place lists its renames in the record before the first one
// (output_changes.h); "applied" written over the final "end" cancels them.
BOOST_AUTO_TEST_CASE(the_renames_left_to_do_are_read_until_applied) {
  std::string text = write_build_state(sample());
  BOOST_TEST_REQUIRE(text.ends_with("end\n"));
  text.insert(text.size() - 4, skiff::build_state_apply_list({"en/a/index.html", "tab\there"}, {"old.html"}));
  auto pending = read_build_state(text);
  BOOST_TEST_REQUIRE(pending.has_value());
  BOOST_TEST(pending->unfinished_renames == (std::vector<std::string>{"en/a/index.html", "tab\there"}));
  BOOST_TEST(pending->unfinished_removals == std::vector<std::string>{"old.html"});
  check_same(sample(), *pending);
  std::string done = text.substr(0, text.size() - 4) + std::string(skiff::kAppliedLines);
  auto applied = read_build_state(done);
  BOOST_TEST_REQUIRE(applied.has_value());
  BOOST_TEST(applied->unfinished_renames.empty());
  BOOST_TEST(applied->unfinished_removals.empty());
  // A later update's list replaces an earlier one.
  std::string later = done.substr(0, done.size() - 4) + "journal\n" +
                      skiff::build_state_apply_list({"b.html"}, {}) + "end\n";
  BOOST_TEST(read_build_state(later)->unfinished_renames == std::vector<std::string>{"b.html"});
  // A rename out of the output makes it no record.
  std::string out_of_output = write_build_state(sample());
  out_of_output.insert(out_of_output.size() - 4, skiff::build_state_apply_list({"../x"}, {}));
  BOOST_TEST(!read_build_state(out_of_output).has_value());
  std::string removal_out = write_build_state(sample());
  removal_out.insert(removal_out.size() - 4, skiff::build_state_apply_list({}, {"/etc/passwd"}));
  BOOST_TEST(!read_build_state(removal_out).has_value());
}
