#define BOOST_TEST_MODULE disk
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "base/disk.h"

namespace fs = std::filesystem;

namespace {

struct Folder {
  fs::path root = fs::temp_directory_path() / ("skiff_disk_test_" + std::to_string(::getpid()));
  Folder() {
    fs::remove_all(root);
    fs::create_directories(root);
  }
  ~Folder() { fs::remove_all(root); }
  void file(const std::string& rel) {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel) << rel;
  }
};

}  // namespace

BOOST_AUTO_TEST_CASE(list_files_lists_regular_files_below_sorted) {
  Folder f;
  f.file("b.md");
  f.file("a/z.md");
  f.file("a/b/c.md");
  f.file(".hidden/x.md");
  fs::create_directories(f.root / "empty");
  std::vector<std::string> errors;
  std::vector<std::string> files = skiff::list_files(f.root, errors);
  std::vector<std::string> want = {".hidden/x.md", "a/b/c.md", "a/z.md", "b.md"};
  BOOST_TEST(files == want, boost::test_tools::per_element());
  BOOST_TEST(errors.empty());
  // The same with a trailing separator on the root.
  BOOST_TEST(skiff::list_files(f.root.string() + "/", errors) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(list_files_follows_links_to_files_but_not_to_folders) {
  Folder f;
  f.file("real/a.md");
  fs::create_symlink(f.root / "real/a.md", f.root / "link.md");
  fs::create_directory_symlink(f.root / "real", f.root / "folder-link");
  fs::create_symlink(f.root / "missing.md", f.root / "dangling.md");
  std::vector<std::string> errors;
  std::vector<std::string> files = skiff::list_files(f.root, errors);
  std::vector<std::string> want = {"link.md", "real/a.md"};
  BOOST_TEST(files == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_missing_root_is_an_empty_list) {
  std::vector<std::string> errors;
  BOOST_TEST(skiff::list_files("/nonexistent/skiff/folder", errors).empty());
  BOOST_TEST(errors.empty());
}

namespace {
std::string contents(const fs::path& path) {
  std::string error;
  std::optional<std::string> data = skiff::read_file(path, error);
  BOOST_REQUIRE_MESSAGE(data.has_value(), error);
  return *data;
}
}  // namespace

// Either hint gives the same files: the folder made when missing (with
// missing parents too), an existing folder and file reused.
BOOST_AUTO_TEST_CASE(write_file_makes_folders_whatever_the_hint) {
  for (skiff::FolderHint hint : {skiff::FolderHint::kLikelyExists, skiff::FolderHint::kLikelyMissing}) {
    Folder f;
    std::string error;
    BOOST_TEST(skiff::write_file(f.root / "en/a/index.html", "one", error, hint), error);
    BOOST_TEST(skiff::write_file(f.root / "en/a/b/c/index.html", "deep", error, hint), error);
    BOOST_TEST(skiff::write_file(f.root / "en/index.html", "home", error, hint), error);
    BOOST_TEST(skiff::write_file(f.root / "en/a/index.html", "again", error, hint), error);
    BOOST_TEST(contents(f.root / "en/a/index.html") == "again");
    BOOST_TEST(contents(f.root / "en/a/b/c/index.html") == "deep");
    BOOST_TEST(contents(f.root / "en/index.html") == "home");
    // A file where a folder must go is an error, not a crash.
    BOOST_TEST(!skiff::write_file(f.root / "en/index.html/x/index.html", "no", error, hint));
    BOOST_TEST(error.find("en/index.html") != std::string::npos, error);
  }
}

// A regular file is read whole in one read when its size is right, and
// still whole when it is larger than a read's buffer guess.
BOOST_AUTO_TEST_CASE(read_file_reads_whole_files) {
  Folder f;
  std::string error;
  const std::string big(300000, 'x');
  BOOST_REQUIRE(skiff::write_file(f.root / "big", big, error));
  BOOST_REQUIRE(skiff::write_file(f.root / "empty", "", error));
  BOOST_TEST(contents(f.root / "big") == big);
  BOOST_TEST(contents(f.root / "empty").empty());
  // Not regular files: read to their end.
  BOOST_TEST(contents("/proc/self/status").find("Name:") != std::string::npos);
  BOOST_TEST(!skiff::read_file(f.root, error).has_value());
}
