#define BOOST_TEST_MODULE output_dir
#include <boost/test/unit_test.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/data/monomorphic.hpp>

#include "temp_dir.h"

using skiff::testing::TempDir;

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include "base/output_dir.h"

namespace skiff {
inline std::ostream& boost_test_print_type(std::ostream& out, OutputDir::Swap swap) {
  return out << (swap == OutputDir::Swap::kExchange ? "kExchange" : "kTwoRenames");
}
}  // namespace skiff

namespace fs = std::filesystem;
using skiff::kOutputMarker;
using skiff::OutputDir;
using skiff::OutputLock;
using skiff::remove_stale_siblings;

namespace {

// A unique folder under /tmp for one test, removed with everything in it.

// Sets HOME for the test's lifetime, restoring the old value after.
struct HomeOverride {
  std::optional<std::string> saved;
  explicit HomeOverride(const fs::path& home) {
    if (const char* old = std::getenv("HOME")) saved = old;
    ::setenv("HOME", home.c_str(), 1);
  }
  ~HomeOverride() {
    if (saved) {
      ::setenv("HOME", saved->c_str(), 1);
    } else {
      ::unsetenv("HOME");
    }
  }
};

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << text;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// check_target, returning the error text ("" when accepted).
std::string refusal(const fs::path& target, const fs::path& site) {
  std::string error;
  bool ok = OutputDir::check_target(target, site, error);
  if (ok) return "";
  BOOST_TEST(!error.empty());
  return error.empty() ? "<refused without message>" : error;
}

// Every entry whose name starts with `prefix` in `dir`.
int count_with_prefix(const fs::path& dir, const std::string& prefix) {
  int n = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename().string().rfind(prefix, 0) == 0) ++n;
  }
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(check_target)

BOOST_AUTO_TEST_CASE(marker_name) {
  BOOST_TEST(std::string(kOutputMarker) == ".skiff-output");
}

BOOST_AUTO_TEST_CASE(refuses_root) {
  TempDir tmp;
  fs::path site = tmp.path / "site";
  fs::create_directories(site);
  std::string error = refusal("/", site);
  BOOST_TEST(error == "refusing to use the root folder as the output");
  // Spelled differently, still the root.
  BOOST_TEST(refusal("/tmp/..", site) == "refusing to use the root folder as the output");
}

BOOST_AUTO_TEST_CASE(refuses_home) {
  TempDir tmp;
  fs::path home = tmp.path / "home";
  fs::create_directories(home);
  fs::path site = tmp.path / "site";
  fs::create_directories(site);
  HomeOverride override_home(home);
  BOOST_TEST(refusal(home, site) == "refusing to use the home folder as the output");
  BOOST_TEST(refusal(home / ".", site) == "refusing to use the home folder as the output");
  BOOST_TEST(refusal(home.string() + "/", site) == "refusing to use the home folder as the output");
}

// Regression: absolute_clean("HOME/missing/..") used to keep a trailing
// separator ("HOME/"), which the home check (==) did not match, so an empty
// or marked home folder spelled this way was accepted as the output.
BOOST_AUTO_TEST_CASE(refuses_home_spelled_through_missing_folder) {
  TempDir tmp;
  fs::path home = tmp.path / "home";
  fs::create_directories(home);
  fs::path site = tmp.path / "site";
  fs::create_directories(site);
  HomeOverride override_home(home);
  BOOST_TEST(refusal(home / "missing" / "..", site) ==
             "refusing to use the home folder as the output");
}

BOOST_AUTO_TEST_CASE(refuses_empty_home_even_with_marker) {
  // Home is refused for what it is, not for its contents.
  TempDir tmp;
  fs::path home = tmp.path / "home";
  write(home / kOutputMarker, "");
  fs::path site = tmp.path / "site";
  fs::create_directories(site);
  HomeOverride override_home(home);
  BOOST_TEST(refusal(home, site) == "refusing to use the home folder as the output");
}

BOOST_AUTO_TEST_CASE(accepts_subfolder_of_home) {
  TempDir tmp;
  fs::path home = tmp.path / "home";
  fs::create_directories(home);
  fs::path site = home / "site";
  fs::create_directories(site);
  HomeOverride override_home(home);
  BOOST_TEST(refusal(home / "out", site) == "");
}

BOOST_AUTO_TEST_CASE(refuses_site_folder_itself) {
  TempDir tmp;
  fs::path site = tmp.path / "site";
  fs::create_directories(site / "pages");
  std::string error = refusal(site, site);
  BOOST_TEST(error == "refusing to use " + site.string() +
                          " as the output: it is the site folder or contains it");
  // Even if someone put a marker in it.
  write(site / kOutputMarker, "");
  BOOST_TEST(refusal(site, site) != "");
}

BOOST_AUTO_TEST_CASE(refuses_site_folder_spelled_with_trailing_slash_or_dots) {
  TempDir tmp;
  fs::path site = tmp.path / "site";
  fs::create_directories(site / "pages");
  BOOST_TEST(refusal(site.string() + "/", site) != "");
  BOOST_TEST(refusal(site / "pages" / "..", site) != "");
  BOOST_TEST(refusal(site / "missing" / "..", site) != "");
  BOOST_TEST(refusal(tmp.path / "missing" / "..", site) != "");
  BOOST_TEST(refusal(site, site.string() + "/") != "");
}

BOOST_AUTO_TEST_CASE(refuses_ancestors_of_site) {
  TempDir tmp;
  fs::path site = tmp.path / "a" / "b" / "site";
  fs::create_directories(site);
  write(tmp.path / "a" / kOutputMarker, "");  // a marker must not help
  BOOST_TEST(refusal(tmp.path / "a" / "b", site) ==
             "refusing to use " + (tmp.path / "a" / "b").string() +
                 " as the output: it is the site folder or contains it");
  BOOST_TEST(refusal(tmp.path / "a", site) != "");
  BOOST_TEST(refusal(tmp.path, site) != "");
}

BOOST_AUTO_TEST_CASE(refuses_symlink_to_site) {
  TempDir tmp;
  fs::path site = tmp.path / "site";
  fs::create_directories(site);
  fs::create_directory_symlink(site, tmp.path / "link");
  BOOST_TEST(refusal(tmp.path / "link", site) != "");
}

BOOST_AUTO_TEST_CASE(refuses_site_given_relative) {
  TempDir tmp;
  fs::path site = tmp.path / "site";
  fs::create_directories(site);
  fs::path saved = fs::current_path();
  fs::current_path(site);
  std::string error = refusal(".", ".");
  std::string parent_error = refusal("..", ".");
  fs::current_path(saved);
  BOOST_TEST(error != "");
  BOOST_TEST(parent_error != "");
}

BOOST_AUTO_TEST_CASE(sibling_with_common_name_prefix_is_not_an_ancestor) {
  TempDir tmp;
  fs::path site = tmp.path / "sitefolder";
  fs::create_directories(site);
  BOOST_TEST(refusal(tmp.path / "site", site) == "");
}

BOOST_AUTO_TEST_CASE(refuses_non_empty_folder_without_marker) {
  TempDir tmp;
  fs::path site = tmp.path / "site";
  fs::create_directories(site);
  fs::path out = tmp.path / "precious";
  write(out / "thesis.tex", "do not delete");
  std::string error = refusal(out, site);
  BOOST_TEST(error == "refusing to replace " + out.string() +
                          ": it is not empty and was not made by skiff (no .skiff-output file)");
  // Hidden files count too.
  fs::path hidden = tmp.path / "hidden";
  write(hidden / ".git" / "HEAD", "ref");
  BOOST_TEST(refusal(hidden, site) != "");
}

BOOST_AUTO_TEST_CASE(refuses_a_file) {
  TempDir tmp;
  fs::path site = tmp.path / "site";
  fs::create_directories(site);
  write(tmp.path / "out", "a file");
  BOOST_TEST(refusal(tmp.path / "out", site) ==
             (tmp.path / "out").string() + " exists and is not a folder");
}

BOOST_AUTO_TEST_CASE(accepts_missing_folder) {
  TempDir tmp;
  fs::path site = tmp.path / "site";
  fs::create_directories(site);
  BOOST_TEST(refusal(tmp.path / "dist", site) == "");
  BOOST_TEST(refusal(tmp.path / "deep" / "er" / "dist", site) == "");
}

BOOST_AUTO_TEST_CASE(accepts_empty_folder) {
  TempDir tmp;
  fs::path site = tmp.path / "site";
  fs::create_directories(site);
  fs::create_directories(tmp.path / "dist");
  BOOST_TEST(refusal(tmp.path / "dist", site) == "");
}

BOOST_AUTO_TEST_CASE(accepts_folder_inside_site) {
  TempDir tmp;
  fs::path site = tmp.path / "site";
  fs::create_directories(site / "dist");
  BOOST_TEST(refusal(site / "dist", site) == "");
}

BOOST_AUTO_TEST_CASE(refuses_every_folder_the_build_reads) {
  TempDir tmp;
  fs::path site = tmp.path / "site";
  for (const char* input : {"pages", "public", "layouts", "components", "locales", ".git"}) {
    fs::create_directories(site / input);
    const std::string expected = std::string("refusing to write the output inside the site's ") + input +
                                 "/ folder, which the build reads";
    BOOST_TEST(refusal(site / input, site) == expected, input);
    BOOST_TEST(refusal(site / input / "dist", site) == expected, input);
    // Missing, it is still refused (the build would read what it wrote).
    fs::remove_all(site / input);
    BOOST_TEST(refusal(site / input / "x", site) == expected, input);
  }
  // A name that only starts like one is fine.
  BOOST_TEST(refusal(site / "layouts-dist", site) == "");
}

BOOST_AUTO_TEST_CASE(refuses_ancestors_of_home) {
  TempDir tmp;
  fs::path home = tmp.path / "home" / "ann";
  fs::create_directories(home);
  fs::path site = tmp.path / "elsewhere" / "site";
  fs::create_directories(site);
  HomeOverride override_home(home);
  BOOST_TEST(refusal(tmp.path / "home", site) ==
             "refusing to use " + (tmp.path / "home").string() + " as the output: it contains the home folder");
  BOOST_TEST(refusal(tmp.path / "home" / ".", site) != "");
  // A sibling of the home folder is not its ancestor.
  BOOST_TEST(refusal(tmp.path / "home" / "bob", site) == "");
}

// With HOME unset, the home folder comes from the password database.
BOOST_AUTO_TEST_CASE(refuses_home_from_passwd_when_home_is_unset) {
  const passwd* entry = ::getpwuid(::getuid());
  BOOST_TEST_REQUIRE(entry != nullptr);
  fs::path home = entry->pw_dir;
  BOOST_TEST_REQUIRE(home != "/");
  TempDir tmp;
  fs::path site = tmp.path / "site";
  fs::create_directories(site);
  HomeOverride override_home(tmp.path / "not-home");
  ::unsetenv("HOME");
  BOOST_TEST(refusal(home, site) == "refusing to use the home folder as the output");
  BOOST_TEST(refusal(home.parent_path(), site) != "");
}

BOOST_AUTO_TEST_CASE(accepts_folder_with_marker) {
  TempDir tmp;
  fs::path site = tmp.path / "site";
  fs::create_directories(site);
  fs::path out = tmp.path / "dist";
  write(out / kOutputMarker, "made by skiff build; safe to delete\n");
  write(out / "index.html", "<p>old</p>");
  std::string error = "untouched";
  BOOST_TEST(OutputDir::check_target(out, site, error));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(replace)

BOOST_AUTO_TEST_CASE(begin_creates_staging_sibling_with_marker) {
  TempDir tmp;
  fs::path target = tmp.path / "dist";
  OutputDir out;
  std::string error;
  BOOST_REQUIRE(out.begin(target, error));
  fs::path expected = tmp.path / ("dist.skiff-tmp-" + std::to_string(::getpid()));
  BOOST_TEST(out.staging() == expected);
  BOOST_TEST(fs::is_directory(expected));
  BOOST_TEST(fs::is_regular_file(expected / kOutputMarker));
  BOOST_TEST(!fs::exists(target));
  out.abandon();
}

// Marked leftovers are removed under the lock (remove_stale_siblings);
// begin() never deletes what is still there: it was not made by skiff.
BOOST_AUTO_TEST_CASE(begin_keeps_an_unmarked_folder_in_the_staging_place) {
  TempDir tmp;
  fs::path target = tmp.path / "dist";
  fs::path leftover = tmp.path / ("dist.skiff-tmp-" + std::to_string(::getpid()));
  write(leftover / "precious.html", "not skiff's");
  OutputDir out;
  std::string error;
  BOOST_TEST(!out.begin(target, error));
  BOOST_TEST(error.find("was not made by skiff") != std::string::npos, error);
  BOOST_TEST(fs::exists(leftover / "precious.html"));
  BOOST_TEST(!fs::exists(leftover / kOutputMarker));
}

// Both ways to swap: the atomic exchange, and the two renames of file
// systems without RENAME_EXCHANGE.
BOOST_DATA_TEST_CASE(commit_replaces_old_tree,
                     boost::unit_test::data::make({OutputDir::Swap::kExchange, OutputDir::Swap::kTwoRenames}), swap) {
  TempDir tmp;
  fs::path target = tmp.path / "dist";
  write(target / kOutputMarker, "made by skiff build; safe to delete\n");
  write(target / "old.html", "old");
  write(target / "gone" / "deep.html", "old deep");
  write(target / "index.html", "old index");

  OutputDir out;
  std::string error;
  BOOST_REQUIRE(out.begin(target, error));
  write(out.staging() / "index.html", "new index");
  write(out.staging() / "en" / "page.html", "new page");
  BOOST_REQUIRE_MESSAGE(out.commit(error, swap), error);

  BOOST_TEST(!fs::exists(target / "old.html"));
  BOOST_TEST(!fs::exists(target / "gone"));
  BOOST_TEST(read(target / "index.html") == "new index");
  BOOST_TEST(read(target / "en" / "page.html") == "new page");
  BOOST_TEST(fs::is_regular_file(target / kOutputMarker));
  // Neither the staging tree nor the moved-aside old tree is left behind.
  BOOST_TEST(!fs::exists(out.staging()));
  BOOST_TEST(count_with_prefix(tmp.path, "dist.") == 0);
  // The only entry left in the temp folder is the target.
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path)) ++entries;
  BOOST_TEST(entries == 1);
}

BOOST_AUTO_TEST_CASE(commit_without_previous_tree) {
  TempDir tmp;
  fs::path target = tmp.path / "new" / "dist";
  OutputDir out;
  std::string error;
  BOOST_REQUIRE(out.begin(target, error));
  write(out.staging() / "index.html", "hello");
  BOOST_REQUIRE_MESSAGE(out.commit(error), error);
  BOOST_TEST(read(target / "index.html") == "hello");
  BOOST_TEST(fs::is_regular_file(target / kOutputMarker));
  BOOST_TEST(count_with_prefix(tmp.path / "new", "dist.") == 0);
}

// Regression: for a missing target written with a trailing slash ("dist/"),
// begin() used to put the staging folder INSIDE the target
// ("dist/.skiff-tmp-<pid>"), creating "dist" itself, and commit() then failed
// trying to rename "dist/" into its own child ("cannot move the previous
// output aside: Invalid argument"). Staging must be a sibling.
BOOST_AUTO_TEST_CASE(target_with_trailing_slash_first_build) {
  TempDir tmp;
  fs::path target = tmp.path.string() + "/dist/";
  OutputDir out;
  std::string error;
  BOOST_REQUIRE(out.begin(target, error));
  BOOST_TEST(out.staging() == tmp.path / ("dist.skiff-tmp-" + std::to_string(::getpid())));
  write(out.staging() / "index.html", "first");
  BOOST_TEST(out.commit(error), error);
  BOOST_TEST(read(tmp.path / "dist" / "index.html") == "first");
}

BOOST_AUTO_TEST_CASE(target_with_trailing_slash_existing_tree) {
  // When the folder exists the slash is normalised away and all is well.
  TempDir tmp;
  write(tmp.path / "dist" / kOutputMarker, "");
  write(tmp.path / "dist" / "old.html", "old");
  OutputDir out;
  std::string error;
  BOOST_REQUIRE(out.begin(tmp.path.string() + "/dist/", error));
  BOOST_TEST(out.staging() == tmp.path / ("dist.skiff-tmp-" + std::to_string(::getpid())));
  write(out.staging() / "index.html", "second");
  BOOST_REQUIRE_MESSAGE(out.commit(error), error);
  BOOST_TEST(!fs::exists(tmp.path / "dist" / "old.html"));
  BOOST_TEST(read(tmp.path / "dist" / "index.html") == "second");
}

BOOST_AUTO_TEST_CASE(committed_output_passes_check_target_next_time) {
  TempDir tmp;
  fs::path site = tmp.path / "site";
  fs::create_directories(site);
  fs::path target = tmp.path / "dist";
  {
    OutputDir out;
    std::string error;
    BOOST_REQUIRE(out.begin(target, error));
    write(out.staging() / "index.html", "x");
    BOOST_REQUIRE(out.commit(error));
  }
  BOOST_TEST(refusal(target, site) == "");
}

BOOST_AUTO_TEST_CASE(destructor_after_commit_keeps_target) {
  TempDir tmp;
  fs::path target = tmp.path / "dist";
  {
    OutputDir out;
    std::string error;
    BOOST_REQUIRE(out.begin(target, error));
    write(out.staging() / "index.html", "kept");
    BOOST_REQUIRE(out.commit(error));
  }
  BOOST_TEST(read(target / "index.html") == "kept");
}

BOOST_AUTO_TEST_CASE(abandon_leaves_target_untouched) {
  TempDir tmp;
  fs::path target = tmp.path / "dist";
  write(target / kOutputMarker, "made by skiff build; safe to delete\n");
  write(target / "index.html", "old index");

  OutputDir out;
  std::string error;
  BOOST_REQUIRE(out.begin(target, error));
  fs::path staging = out.staging();
  write(staging / "index.html", "half-built");
  out.abandon();

  BOOST_TEST(!fs::exists(staging));
  BOOST_TEST(read(target / "index.html") == "old index");
  BOOST_TEST(fs::is_regular_file(target / kOutputMarker));
  BOOST_TEST(count_with_prefix(tmp.path, "dist.") == 0);
  out.abandon();  // a second abandon is harmless
  BOOST_TEST(read(target / "index.html") == "old index");
}

BOOST_AUTO_TEST_CASE(destructor_abandons) {
  TempDir tmp;
  fs::path target = tmp.path / "dist";
  write(target / kOutputMarker, "");
  write(target / "index.html", "old index");
  fs::path staging;
  {
    OutputDir out;
    std::string error;
    BOOST_REQUIRE(out.begin(target, error));
    staging = out.staging();
    write(staging / "index.html", "half-built");
    BOOST_TEST(fs::exists(staging));
  }
  BOOST_TEST(!fs::exists(staging));
  BOOST_TEST(read(target / "index.html") == "old index");
  BOOST_TEST(count_with_prefix(tmp.path, "dist.") == 0);
}

BOOST_AUTO_TEST_CASE(begin_fails_when_staging_cannot_be_created) {
  TempDir tmp;
  // The parent of the target is a file, so no sibling can be made.
  write(tmp.path / "file", "x");
  OutputDir out;
  std::string error;
  BOOST_TEST(!out.begin(tmp.path / "file" / "dist", error));
  BOOST_TEST(error.rfind("cannot create ", 0) == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(stale_siblings)

// What builds killed with SIGKILL leave: removed when skiff's, kept when not.
BOOST_AUTO_TEST_CASE(removes_only_what_skiff_made) {
  TempDir tmp;
  fs::path target = tmp.path / "dist";
  write(target / kOutputMarker, "made by skiff build; safe to delete\n");
  write(target / "index.html", "current");
  write(tmp.path / "dist.skiff-tmp-123" / kOutputMarker, "made by skiff build; safe to delete\n");
  write(tmp.path / "dist.skiff-tmp-123" / "en" / "index.html", "half");
  write(tmp.path / "dist.skiff-old-77" / kOutputMarker, "");
  write(tmp.path / "dist.skiff-old-77" / "index.html", "old");
  fs::create_directories(tmp.path / "dist.skiff-tmp-9");  // killed between mkdir and marker
  write(target / (std::string(kOutputMarker) + ".skiff-tmp-55"), "half a record");
  // Not skiff's: no marker, a file, another output's, a symbolic link.
  write(tmp.path / "dist.skiff-tmp-1" / "thesis.tex", "precious");
  write(tmp.path / "dist.skiff-old-2", "a file");
  write(tmp.path / "distant.skiff-tmp-3" / kOutputMarker, "");
  write(tmp.path / "elsewhere" / kOutputMarker, "");
  write(tmp.path / "elsewhere" / "keep.html", "keep");
  fs::create_directory_symlink(tmp.path / "elsewhere", tmp.path / "dist.skiff-old-4");

  skiff::StaleSiblings stale = remove_stale_siblings(target);
  BOOST_TEST(stale.removed.size() == 4u);
  BOOST_TEST(stale.restored.empty());  // the output is there: nothing to put back
  BOOST_TEST(!fs::exists(tmp.path / "dist.skiff-tmp-123"));
  BOOST_TEST(!fs::exists(tmp.path / "dist.skiff-old-77"));
  BOOST_TEST(!fs::exists(tmp.path / "dist.skiff-tmp-9"));
  BOOST_TEST(!fs::exists(target / (std::string(kOutputMarker) + ".skiff-tmp-55")));
  BOOST_TEST(read(target / "index.html") == "current");
  BOOST_TEST(read(tmp.path / "dist.skiff-tmp-1" / "thesis.tex") == "precious");
  BOOST_TEST(read(tmp.path / "dist.skiff-old-2") == "a file");
  BOOST_TEST(fs::exists(tmp.path / "distant.skiff-tmp-3" / kOutputMarker));
  BOOST_TEST(fs::is_symlink(tmp.path / "dist.skiff-old-4"));
  BOOST_TEST(read(tmp.path / "elsewhere" / "keep.html") == "keep");
}

BOOST_AUTO_TEST_CASE(a_missing_output_is_no_error) {
  TempDir tmp;
  write(tmp.path / "dist.skiff-tmp-5" / kOutputMarker, "");
  BOOST_TEST(remove_stale_siblings(tmp.path / "dist").removed.size() == 1u);
  BOOST_TEST(!fs::exists(tmp.path / "dist.skiff-tmp-5"));
}

// A swap by two renames killed between them: no output, the previous one
// at dist.skiff-old-PID and the new one at dist.skiff-tmp-PID. The previous
// output is put back, whole; the new tree is removed.
BOOST_AUTO_TEST_CASE(a_swap_killed_half_way_gets_the_previous_output_back) {
  TempDir tmp;
  write(tmp.path / "dist.skiff-old-41" / kOutputMarker, "made by skiff build; safe to delete\n");
  write(tmp.path / "dist.skiff-old-41" / "en" / "index.html", "previous");
  write(tmp.path / "dist.skiff-tmp-41" / kOutputMarker, "made by skiff build; safe to delete\n");
  write(tmp.path / "dist.skiff-tmp-41" / "en" / "index.html", "new");
  skiff::StaleSiblings stale = remove_stale_siblings(tmp.path / "dist");
  BOOST_TEST(stale.restored == tmp.path / "dist.skiff-old-41");
  BOOST_TEST(stale.removed == std::vector<fs::path>{tmp.path / "dist.skiff-tmp-41"}, boost::test_tools::per_element());
  BOOST_TEST(read(tmp.path / "dist" / "en" / "index.html") == "previous");
  BOOST_TEST(fs::exists(tmp.path / "dist" / kOutputMarker));
  BOOST_TEST(!fs::exists(tmp.path / "dist.skiff-old-41"));
}

// Only the exact leftovers of a half-done swap are restored; otherwise
// nothing is guessed at.
BOOST_AUTO_TEST_CASE(nothing_is_restored_when_it_is_not_clear_what) {
  TempDir tmp;
  const fs::path dist = tmp.path / "dist";
  auto marked = [&](const std::string& name) { write(tmp.path / name / kOutputMarker, ""); };
  fs::create_directories(tmp.path / "dist.skiff-old-1");  // empty: no marker
  fs::create_directories(tmp.path / "dist.skiff-tmp-1");
  BOOST_TEST(remove_stale_siblings(dist).restored.empty());
  BOOST_TEST(!fs::exists(dist));
  // An old tree alone: the swap finished and its deletion was cut short,
  // so it may be half deleted (then OUT was removed by hand).
  marked("dist.skiff-old-2");
  write(tmp.path / "dist.skiff-old-2" / "index.html", "what is left");
  BOOST_TEST(remove_stale_siblings(dist).restored.empty());
  BOOST_TEST(!fs::exists(dist));
  // A new tree of another build.
  marked("dist.skiff-old-3");
  marked("dist.skiff-tmp-4");
  BOOST_TEST(remove_stale_siblings(dist).restored.empty());
  BOOST_TEST(!fs::exists(dist));
  // Two old trees, each with its pair.
  for (const char* name : {"dist.skiff-old-5", "dist.skiff-tmp-5", "dist.skiff-old-6", "dist.skiff-tmp-6"}) marked(name);
  skiff::StaleSiblings stale = remove_stale_siblings(dist);
  BOOST_TEST(stale.restored.empty());
  BOOST_TEST(stale.removed.size() == 4u);
  BOOST_TEST(!fs::exists(dist));
  // The pair, but the output is there: the old tree is only removed.
  marked("dist.skiff-old-7");
  marked("dist.skiff-tmp-7");
  write(dist / "index.html", "current");
  stale = remove_stale_siblings(dist);
  BOOST_TEST(stale.restored.empty());
  BOOST_TEST(read(dist / "index.html") == "current");
  BOOST_TEST(!fs::exists(tmp.path / "dist.skiff-old-7"));
}

// The staging folder carries the marker from the start: a build killed
// right after begin() leaves a folder the rule above removes.
BOOST_AUTO_TEST_CASE(a_fresh_staging_folder_is_recognisably_skiffs) {
  TempDir tmp;
  OutputDir out;
  std::string error;
  BOOST_REQUIRE(out.begin(tmp.path / "dist", error));
  fs::path staging = out.staging();
  write(staging / "en" / "index.html", "half");
  fs::path copy = tmp.path / "dist.skiff-tmp-0";
  fs::copy(staging, copy, fs::copy_options::recursive);
  BOOST_TEST(remove_stale_siblings(tmp.path / "dist").removed.size() == 2u);  // the copy, and this build's own
  BOOST_TEST(!fs::exists(copy));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(lock)

BOOST_AUTO_TEST_CASE(a_second_holder_fails_without_waiting_and_gets_it_after_release) {
  TempDir tmp;
  fs::path target = tmp.path / "dist";
  OutputLock first;
  std::string error;
  BOOST_REQUIRE_MESSAGE(first.acquire(target, false, {}, error), error);
  BOOST_TEST(first.path() == tmp.path / "dist.skiff-lock");
  BOOST_TEST(fs::exists(tmp.path / "dist.skiff-lock"));
  OutputLock second;
  bool told = false;
  BOOST_TEST(!second.acquire(target, false, [&] { told = true; }, error));
  BOOST_TEST(error == "another skiff build into " + target.string() + " is running (it holds " +
                          (tmp.path / "dist.skiff-lock").string() + "); not waiting for it (--no-wait)");
  BOOST_TEST(!told);
  first.release();
  BOOST_TEST(!fs::exists(tmp.path / "dist.skiff-lock"));  // only there while held
  BOOST_REQUIRE_MESSAGE(second.acquire(target, false, {}, error), error);
  second.release();
}

// A first build into a folder whose parent does not exist yet.
BOOST_AUTO_TEST_CASE(the_lock_makes_a_missing_parent) {
  TempDir tmp;
  OutputLock lock;
  std::string error;
  BOOST_REQUIRE_MESSAGE(lock.acquire(tmp.path / "deep" / "er" / "dist", false, {}, error), error);
  BOOST_TEST(fs::exists(tmp.path / "deep" / "er" / "dist.skiff-lock"));
  lock.release();
}

BOOST_AUTO_TEST_CASE(a_lock_file_left_by_a_killed_build_is_taken) {
  TempDir tmp;
  write(tmp.path / "dist.skiff-lock", "");
  OutputLock lock;
  std::string error;
  BOOST_REQUIRE_MESSAGE(lock.acquire(tmp.path / "dist", false, {}, error), error);
  lock.release();
  BOOST_TEST(!fs::exists(tmp.path / "dist.skiff-lock"));
}

BOOST_AUTO_TEST_SUITE_END()
