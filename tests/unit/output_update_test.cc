#define BOOST_TEST_MODULE output_update
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "build/output_update.h"

namespace fs = std::filesystem;

namespace {

struct Folder {
  fs::path root = fs::temp_directory_path() / ("skiff_output_update_" + std::to_string(::getpid()));
  Folder() {
    fs::remove_all(root);
    fs::create_directories(root);
  }
  ~Folder() { fs::remove_all(root); }
};

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

BOOST_AUTO_TEST_CASE(pending_files_replace_their_targets_only_when_applied) {
  Folder out;
  std::string error;
  BOOST_TEST_REQUIRE(skiff::write_pending(out.root, "en/a/index.html", "new", error));
  BOOST_TEST(!fs::exists(out.root / "en/a/index.html"));
  BOOST_TEST(read(skiff::pending_path(out.root, "en/a/index.html")) == "new");
  { std::ofstream(out.root / "en/a/index.html") << "old"; }
  BOOST_TEST(read(out.root / "en/a/index.html") == "old");
  BOOST_TEST_REQUIRE(skiff::apply_pending(out.root, "en/a/index.html", error));
  BOOST_TEST(read(out.root / "en/a/index.html") == "new");
  BOOST_TEST(!fs::exists(skiff::pending_path(out.root, "en/a/index.html")));
  // Applying what is not pending is an error with the file named.
  BOOST_TEST(!skiff::apply_pending(out.root, "en/b/index.html", error));
  BOOST_TEST(error.find("en/b/index.html") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(discarded_pending_files_leave_the_target_alone) {
  Folder out;
  std::string error;
  { std::ofstream(out.root / "a.html") << "old"; }
  BOOST_TEST_REQUIRE(skiff::write_pending(out.root, "a.html", "new", error));
  skiff::discard_pending(out.root, "a.html");
  skiff::discard_pending(out.root, "never-written.html");  // no error, nothing there
  BOOST_TEST(read(out.root / "a.html") == "old");
  BOOST_TEST(!fs::exists(skiff::pending_path(out.root, "a.html")));
}

BOOST_AUTO_TEST_CASE(removed_files_take_their_emptied_folders_along) {
  Folder out;
  std::string error;
  fs::create_directories(out.root / "es/guides/x");
  fs::create_directories(out.root / "es/keep");
  { std::ofstream(out.root / "es/guides/x/index.html") << "x"; }
  { std::ofstream(out.root / "es/keep/index.html") << "k"; }
  BOOST_TEST(skiff::remove_output_file(out.root, "es/guides/x/index.html", error));
  BOOST_TEST(!fs::exists(out.root / "es/guides"));  // emptied: gone
  BOOST_TEST(fs::exists(out.root / "es/keep/index.html"));
  BOOST_TEST(fs::exists(out.root));
  // A file already gone is no error.
  BOOST_TEST(skiff::remove_output_file(out.root, "es/guides/x/index.html", error));
}

BOOST_AUTO_TEST_CASE(copies_are_pending_too) {
  Folder out;
  std::string error;
  fs::path from = out.root / "source.txt";
  { std::ofstream(from) << "video"; }
  BOOST_TEST_REQUIRE(skiff::copy_pending(from, out.root, "videos/a.mp4", error));
  BOOST_TEST(!fs::exists(out.root / "videos/a.mp4"));
  BOOST_TEST_REQUIRE(skiff::apply_pending(out.root, "videos/a.mp4", error));
  BOOST_TEST(read(out.root / "videos/a.mp4") == "video");
  BOOST_TEST(!skiff::copy_pending(out.root / "missing", out.root, "x", error));
}
