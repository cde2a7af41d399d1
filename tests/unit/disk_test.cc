#define BOOST_TEST_MODULE disk
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
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

namespace {

// "severity file: message" for each problem, in order.
std::vector<std::string> problems_of(const skiff::Diagnostics& d) {
  std::vector<std::string> out;
  for (const skiff::Diagnostic& p : d.all()) {
    out.push_back(std::string(skiff::severity_name(p.severity)) + " " + p.file + ": " + p.message);
  }
  return out;
}

// A site (f.root/site) with a file outside it (f.root/outside/secret.md).
struct SiteFolder : Folder {
  fs::path site = root / "site";
  fs::path outside = root / "outside";
  SiteFolder() {
    file("site/pages/en/a.md");
    file("outside/secret.md");
    file("outside/dir/x.md");
  }
};

}  // namespace

// Links inside the site work; a link to a file outside it is refused with
// an error naming the link and its real target, and is not listed.
BOOST_AUTO_TEST_CASE(list_site_files_refuses_links_out_of_the_site) {
  SiteFolder f;
  fs::create_symlink("../../../outside/secret.md", f.site / "pages/en/evil.md");
  fs::create_symlink(f.outside / "secret.md", f.site / "pages/en/abs.md");
  fs::create_symlink("a.md", f.site / "pages/en/same.md");
  f.file("site/public/real.txt");
  fs::create_symlink("../../public/real.txt", f.site / "pages/en/inside.md");
  skiff::Diagnostics problems;
  std::vector<std::string> files = skiff::list_site_files(f.site, "pages/en", problems);
  std::vector<std::string> want = {"a.md", "inside.md", "same.md"};
  BOOST_TEST(files == want, boost::test_tools::per_element());
  const std::string secret = fs::canonical(f.outside / "secret.md").string();
  std::vector<std::string> want_problems = {
      "error pages/en/abs.md: symlink to " + secret + ", which is outside the site: not read",
      "error pages/en/evil.md: symlink to " + secret + ", which is outside the site: not read"};
  std::vector<std::string> got = problems_of(problems);
  std::sort(got.begin(), got.end());
  BOOST_TEST(got == want_problems, boost::test_tools::per_element());
  // A plain listing follows them all, as before.
  std::vector<std::string> errors;
  BOOST_TEST(skiff::list_files(f.site / "pages/en", errors).size() == 5u);
}

// Symlinked folders are never followed (no loops, no outside trees), and
// each one, each broken link and each link loop is a warning.
BOOST_AUTO_TEST_CASE(list_site_files_warns_about_what_it_skips) {
  SiteFolder f;
  fs::create_directory_symlink(f.outside / "dir", f.site / "pages/en/outdir");
  fs::create_directory_symlink("..", f.site / "pages/en/loop");
  fs::create_symlink("missing.md", f.site / "pages/en/gone.md");
  fs::create_symlink("b.md", f.site / "pages/en/c.md");
  fs::create_symlink("c.md", f.site / "pages/en/b.md");
  skiff::Diagnostics problems;
  std::vector<std::string> files = skiff::list_site_files(f.site, "pages/en", problems);
  BOOST_TEST(files == std::vector<std::string>{"a.md"}, boost::test_tools::per_element());
  std::vector<std::string> got = problems_of(problems);
  std::sort(got.begin(), got.end());
  std::vector<std::string> want = {
      "warning pages/en/b.md: symlink loop: following `c.md` never reaches a file; skipped",
      "warning pages/en/c.md: symlink loop: following `b.md` never reaches a file; skipped",
      "warning pages/en/gone.md: broken symlink: its target `missing.md` does not exist; skipped",
      "warning pages/en/loop: symlinked folder not followed (it leads to " + fs::canonical(f.site / "pages").string() + ")",
      "warning pages/en/outdir: symlinked folder not followed (it leads to " + fs::canonical(f.outside / "dir").string() + ")"};
  BOOST_TEST(got == want, boost::test_tools::per_element());
  BOOST_TEST(problems.error_count() == 0);
}

// The listed folder itself may not be a link either: `public -> /etc`
// would publish /etc.
BOOST_AUTO_TEST_CASE(list_site_files_does_not_follow_a_linked_folder_itself) {
  SiteFolder f;
  fs::create_directory_symlink(f.outside, f.site / "public");
  skiff::Diagnostics problems;
  BOOST_TEST(skiff::list_site_files(f.site, "public", problems).empty());
  BOOST_TEST(problems_of(problems) ==
                 std::vector<std::string>{"warning public: symlinked folder not followed (it leads to " +
                                          fs::canonical(f.outside).string() + ")"},
             boost::test_tools::per_element());
  // A missing folder is no problem; a site reached through a link is fine.
  skiff::Diagnostics none;
  BOOST_TEST(skiff::list_site_files(f.site, "layouts", none).empty());
  fs::create_directory_symlink(f.site, f.root / "site-link");
  BOOST_TEST(skiff::list_site_files(f.root / "site-link", "pages/en", none) == std::vector<std::string>{"a.md"});
  BOOST_TEST(none.empty());
}

// An unreadable folder is a warning naming it (root ignores permissions,
// so the test only runs as another user).
BOOST_AUTO_TEST_CASE(list_site_files_warns_about_unreadable_folders) {
  if (::geteuid() == 0) {
    BOOST_TEST_MESSAGE("skipped: running as root, who can read a folder without permissions");
    return;
  }
  SiteFolder f;
  f.file("site/pages/en/locked/in.md");
  fs::permissions(f.site / "pages/en/locked", fs::perms::none);
  skiff::Diagnostics problems;
  std::vector<std::string> files = skiff::list_site_files(f.site, "pages/en", problems);
  fs::permissions(f.site / "pages/en/locked", fs::perms::owner_all);
  BOOST_TEST(files == std::vector<std::string>{"a.md"});
  BOOST_TEST(problems_of(problems) ==
                 std::vector<std::string>{"warning pages/en/locked: cannot read folder pages/en/locked: "
                                          "Permission denied; its files are skipped"},
             boost::test_tools::per_element());
}

// read_site_file reads what list_site_files would list, and nothing else:
// a file, a symlink to a file inside the site; not a symlink out of the
// site nor a file in a symlinked folder (errors: the caller needs the file).
BOOST_AUTO_TEST_CASE(read_site_file_reads_only_inside_the_site) {
  SiteFolder f;
  skiff::Diagnostics problems;
  BOOST_TEST(skiff::read_site_file(f.site, "pages/en/a.md", problems).value_or("") == "site/pages/en/a.md");
  fs::create_symlink("pages/en/a.md", f.site / "inside.yml");
  BOOST_TEST(skiff::read_site_file(f.site, "inside.yml", problems).value_or("") == "site/pages/en/a.md");
  // Missing: nothing, and no problem.
  BOOST_TEST(!skiff::read_site_file(f.site, "site.yml", problems).has_value());
  BOOST_TEST(!skiff::read_site_file(f.site, "nowhere/x.yml", problems).has_value());
  BOOST_TEST(problems.empty());
  // Reached through a symlinked site root: still inside.
  fs::create_directory_symlink(f.site, f.root / "site-link");
  BOOST_TEST(skiff::read_site_file(f.root / "site-link", "pages/en/a.md", problems).has_value());
  BOOST_TEST(problems.empty());

  fs::create_symlink(f.outside / "secret.md", f.site / "site.yml");
  fs::create_directory_symlink(f.outside, f.site / "locales");
  fs::create_directory_symlink(f.site / "pages", f.site / "pages-link");
  fs::create_symlink("gone.yml", f.site / "broken.yml");
  BOOST_TEST(!skiff::read_site_file(f.site, "site.yml", problems).has_value());
  BOOST_TEST(!skiff::read_site_file(f.site, "locales/secret.md", problems).has_value());
  BOOST_TEST(!skiff::read_site_file(f.site, "pages-link/en/a.md", problems).has_value());
  BOOST_TEST(!skiff::read_site_file(f.site, "broken.yml", problems).has_value());
  const std::string outside = fs::canonical(f.outside).string();
  std::vector<std::string> want = {
      "error site.yml: symlink to " + outside + "/secret.md, which is outside the site: not read",
      "error locales/secret.md: symlinked folder not followed (it leads to " + outside + "); not read",
      "error pages-link/en/a.md: symlinked folder not followed (it leads to " +
          fs::canonical(f.site / "pages/en").string() + "); not read",
      "error broken.yml: broken symlink: its target does not exist; not read"};
  BOOST_TEST(problems_of(problems) == want, boost::test_tools::per_element());
}

// Only regular files: a FIFO would block the read forever, a device
// (/dev/zero) would never end; a folder is no file. Each is an error.
BOOST_AUTO_TEST_CASE(read_site_file_reads_only_regular_files) {
  SiteFolder f;
  BOOST_REQUIRE(::mkfifo((f.site / "site.yml").c_str(), 0644) == 0);
  fs::create_symlink("site.yml", f.site / "fifo-link.yml");
  fs::create_symlink("pages", f.site / "folder-link.yml");
  fs::create_directory(f.site / "folder.yml");
  skiff::Diagnostics problems;
  for (const char* rel : {"site.yml", "fifo-link.yml", "folder-link.yml", "folder.yml"}) {
    BOOST_TEST(!skiff::read_site_file(f.site, rel, problems).has_value(), rel);
  }
  std::vector<std::string> want = {
      "error site.yml: not a regular file (a FIFO, socket or device); not read",
      "error fifo-link.yml: not a regular file (a FIFO, socket or device); not read",
      "error folder-link.yml: a folder where a file was expected; not read",
      "error folder.yml: a folder where a file was expected; not read"};
  BOOST_TEST(problems_of(problems) == want, boost::test_tools::per_element());
  // /dev/zero is outside the site anyway; a limit holds for regular files.
  fs::create_symlink("/dev/zero", f.site / "zero.yml");
  skiff::Diagnostics zero;
  BOOST_TEST(!skiff::read_site_file(f.site, "zero.yml", zero).has_value());
  BOOST_TEST(zero.error_count() == 1u);
  f.file("site/big.yml");
  std::string error;
  BOOST_REQUIRE(skiff::write_file(f.site / "big.yml", std::string(100, 'x'), error));
  skiff::Diagnostics big;
  BOOST_TEST(!skiff::read_site_file(f.site, "big.yml", big, skiff::ReadLimit{99, "the file", ""}).has_value());
  BOOST_TEST(problems_of(big) == std::vector<std::string>{"error big.yml: the file is 100 bytes, over the limit of 99"},
             boost::test_tools::per_element());
}

// A site at / (as in a container) still reads its own files.
BOOST_AUTO_TEST_CASE(read_site_file_with_the_site_at_the_root) {
  SiteFolder f;
  if (fs::canonical(f.site) != f.site) {
    BOOST_TEST_MESSAGE("skipped: the temp folder's path has a symlink in it");
    return;
  }
  skiff::Diagnostics problems;
  const std::string rel = (f.site / "pages/en/a.md").string().substr(1);
  BOOST_TEST(skiff::read_site_file("/", rel, problems).value_or("") == "site/pages/en/a.md");
  BOOST_TEST(problems.empty());
}

// Over the limit, a file is not read, and the error gives both sizes.
BOOST_AUTO_TEST_CASE(read_file_refuses_files_over_a_limit) {
  Folder f;
  std::string error;
  BOOST_REQUIRE(skiff::write_file(f.root / "big.md", std::string(1234567, 'x'), error));
  const skiff::ReadLimit limit{1000000, "the page", "site.yml maxPageBytes"};
  BOOST_TEST(!skiff::read_file(f.root / "big.md", error, limit).has_value());
  BOOST_TEST(error == "the page is 1,234,567 bytes, over the limit of 1,000,000 (site.yml maxPageBytes)");
  BOOST_TEST(skiff::read_file(f.root / "big.md", error, {1234567, "the page", ""}).value_or("").size() == 1234567u);
  // A sparse file of 1 TB is refused at once, without a byte read.
  {
    std::ofstream(f.root / "huge.md").close();
    fs::resize_file(f.root / "huge.md", 1000000000000ull);
  }
  BOOST_TEST(!skiff::read_file(f.root / "huge.md", error, limit).has_value());
  BOOST_TEST(error == "the page is 1,000,000,000,000 bytes, over the limit of 1,000,000 (site.yml maxPageBytes)");
  // Not a regular file: refused once more than the limit has been read.
  BOOST_TEST(!skiff::read_file("/dev/zero", error, {4096, "the file", ""}).has_value());
  BOOST_TEST(error == "the file is more than 4,096 bytes, over the limit of 4,096");
}
