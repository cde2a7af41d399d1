#define BOOST_TEST_MODULE disk
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
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
