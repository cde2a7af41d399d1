// Golden-file tests: each folder tests/sites/<name>/ holds a site in site/
// and what building it must give: expected/ (every output file, byte for
// byte) and/or expected-diagnostics.txt (the diagnostics, in order; a site
// with errors must leave no output). Run with SKIFF_UPDATE_GOLDEN=1 to
// rewrite the expectations after a deliberate change, then review the diff.
//
// usage: golden_test -- SOURCE_ROOT
#define BOOST_TEST_MODULE golden
#include <boost/test/unit_test.hpp>


#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "base/disk.h"
#include "build/build.h"
#include "source_root.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using namespace skiff;
using skiff::testing::source_root;
using skiff::testing::TempDir;

namespace {

bool updating() {
  // Never in CI: a run that rewrites its expectations cannot fail.
  const char* v = std::getenv("SKIFF_UPDATE_GOLDEN");
  return v != nullptr && std::string(v) == "1" && std::getenv("CI") == nullptr;
}


// Files the golden trees hold: everything but the marker and _skiff/, which
// is the built-in components' CSS and JS copied verbatim (pinned here, every
// style change would rewrite every fixture; check_site checks they exist).
std::vector<std::string> output_files(const fs::path& root) {
  std::vector<std::string> errors;
  std::vector<std::string> files = list_files(root, errors);
  std::erase_if(files, [](const std::string& f) { return f == ".skiff-output" || f.rfind("_skiff/", 0) == 0; });
  return files;
}

std::string read(const fs::path& path) {
  std::string error;
  return read_file(path, error).value_or("<unreadable: " + error + ">");
}

std::string diagnostics_text(const BuildResult& result) {
  std::string out;
  for (const Diagnostic& d : result.diagnostics.all()) out += format_diagnostic(d) + "\n";
  return out;
}

void check_tree(const fs::path& expected, const fs::path& actual) {
  std::vector<std::string> want = output_files(expected);
  std::vector<std::string> got = output_files(actual);
  BOOST_TEST(want == got, boost::test_tools::per_element());
  for (const std::string& file : want) {
    if (!fs::exists(actual / file)) continue;
    BOOST_TEST_CONTEXT(file) { BOOST_TEST(read(expected / file) == read(actual / file)); }
  }
}

void replace_tree(const fs::path& from, const fs::path& to) {
  fs::remove_all(to);
  fs::create_directories(to);
  std::string error;
  std::vector<std::string> errors;
  for (const std::string& file : list_files(from, errors)) BOOST_REQUIRE_MESSAGE(copy_file(from / file, to / file, error), error);
  BOOST_REQUIRE(errors.empty());
  fs::remove(to / ".skiff-output");
  fs::remove_all(to / "_skiff");
}

void check_site(const fs::path& dir) {
  TempDir tmp;
  BuildOptions options;
  options.site = dir / "site";
  options.out = tmp.path / "out";
  options.jobs = 3;
  BuildResult result = build_site(options);
  fs::path expected_diagnostics = dir / "expected-diagnostics.txt";
  fs::path expected_tree = dir / "expected";
  if (updating()) {
    if (fs::exists(expected_diagnostics) || !result.ok) {
      std::string error;
      write_file(expected_diagnostics, diagnostics_text(result), error);
    }
    if (result.ok) replace_tree(options.out, expected_tree);
    BOOST_TEST_MESSAGE("updated " << dir);
    return;
  }
  if (fs::exists(expected_diagnostics)) {
    BOOST_TEST(diagnostics_text(result) == read(expected_diagnostics));
  } else {
    BOOST_TEST(result.diagnostics.empty(), diagnostics_text(result));
  }
  if (!fs::exists(expected_tree)) {
    BOOST_TEST(!result.ok);
    BOOST_TEST(!fs::exists(options.out), "a failed build must leave no output");
    return;
  }
  BOOST_REQUIRE(result.ok);
  check_tree(expected_tree, options.out);
  BOOST_TEST(fs::file_size(options.out / "_skiff" / "skiff.css") > 0u);
  BOOST_TEST(fs::file_size(options.out / "_skiff" / "skiff.js") > 0u);

  // The same site on one thread gives the same bytes.
  options.out = tmp.path / "out-1";
  options.jobs = 1;
  BOOST_REQUIRE(build_site(options).ok);
  check_tree(tmp.path / "out", options.out);
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_fixture_site_builds_as_expected) {
  fs::path sites = source_root() / "tests" / "sites";
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(sites)) {
    if (!fs::is_directory(entry.path() / "site")) continue;
    BOOST_TEST_CONTEXT(entry.path().filename().string()) { check_site(entry.path()); }
    ++checked;
  }
  BOOST_TEST(checked >= 2);
}
