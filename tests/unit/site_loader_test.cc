#define BOOST_TEST_MODULE site_loader
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "build/site_loader.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using skiff::Diagnostics;
using skiff::LoadedSite;
using skiff::testing::TempDir;

namespace {

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// "file: message" for each diagnostic, in order.
std::vector<std::string> lines(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const skiff::Diagnostic& x : d.all()) out.push_back(x.file + ": " + x.message);
  return out;
}

// A small site in `root`/site, and a secret file beside it.
struct Site {
  TempDir root;
  fs::path site = root.path / "site";
  fs::path secret = root.path / "outside" / "secret.txt";
  Site() {
    write(site / "site.yml", "title: T\nlocales: [en]\n");
    write(site / "pages/en/index.md", "---\ntitle: Home\n---\nHi\n");
    write(site / "layouts/MainLayout.html", "<html><body><skiff-slot name=\"content\"/></body></html>\n");
    write(secret, "SECRET\n");
  }
};

}  // namespace

// public/, layouts/ and components/ keep no link out of the site, and
// what is refused or skipped is a file problem, apart from the others.
BOOST_AUTO_TEST_CASE(links_out_of_the_site_are_file_problems) {
  Site s;
  fs::create_directories(s.site / "public");
  fs::create_symlink(s.secret, s.site / "public/passwd.txt");
  fs::create_symlink(s.secret, s.site / "layouts/Evil.html");
  fs::create_directories(s.site / "components");
  fs::create_symlink(s.secret, s.site / "components/Secret.html");
  write(s.site / "public/ok.txt", "ok");
  fs::create_symlink("ok.txt", s.site / "public/same.txt");
  fs::create_directory_symlink(s.root.path / "outside", s.site / "public/outdir");
  LoadedSite site;
  site.root = s.site;
  Diagnostics diagnostics;
  Diagnostics files;
  skiff::load_site(site, diagnostics, files);
  BOOST_TEST(diagnostics.empty(), lines(diagnostics).size());
  BOOST_TEST((site.public_files == std::set<std::string, std::less<>>{"ok.txt", "same.txt"}));
  const std::string real = fs::canonical(s.secret).string();
  const std::vector<std::string> want = {
      "components/Secret.html: symlink to " + real + ", which is outside the site: not read",
      "layouts/Evil.html: symlink to " + real + ", which is outside the site: not read",
      "public/outdir: symlinked folder not followed (it leads to " + fs::canonical(s.root.path / "outside").string() + ")",
      "public/passwd.txt: symlink to " + real + ", which is outside the site: not read"};
  BOOST_TEST(lines(files) == want, boost::test_tools::per_element());
  BOOST_TEST(files.error_count() == 3);
  BOOST_TEST(site.components.find("Secret") == nullptr);
  std::string error;
  BOOST_TEST(site.layouts.find("Evil", "", site.config, error) == nullptr);
  BOOST_TEST(site.layouts.find("", "", site.config, error) != nullptr);
  // With one list, everything is in it.
  LoadedSite again;
  again.root = s.site;
  Diagnostics all;
  skiff::load_site(again, all);
  BOOST_TEST(lines(all) == want, boost::test_tools::per_element());
}

// A page over maxPageBytes is an error at the page; it is not read, and
// the other pages are.
BOOST_AUTO_TEST_CASE(pages_over_the_size_limit_are_not_read) {
  Site s;
  write(s.site / "site.yml", "title: T\nlocales: [en]\nmaxPageBytes: 100\n");
  write(s.site / "pages/en/big.md", "---\ntitle: Big\n---\n" + std::string(200, 'x') + "\n");
  LoadedSite site;
  site.root = s.site;
  Diagnostics diagnostics;
  skiff::load_site(site, diagnostics);
  BOOST_TEST(diagnostics.empty());
  skiff::read_frontmatter(site, 2);
  BOOST_REQUIRE(site.pages.pages().size() == 2u);
  BOOST_TEST(site.pages.pages()[0].display_path == "pages/en/big.md");
  BOOST_TEST(lines(site.page_diagnostics[0]) ==
                 std::vector<std::string>{"pages/en/big.md: the page is 220 bytes, over the limit of 100 "
                                          "(site.yml maxPageBytes)"},
             boost::test_tools::per_element());
  BOOST_TEST(site.page_diagnostics[1].empty());
  BOOST_TEST(site.titles[1] == "Home");
  std::string error;
  BOOST_TEST(!skiff::read_page(site.config, site.pages.pages()[0], error).has_value());
  BOOST_TEST(skiff::read_page(site.config, site.pages.pages()[1], error).has_value());
}
