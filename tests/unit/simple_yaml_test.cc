#define BOOST_TEST_MODULE simple_yaml
#include <boost/test/unit_test.hpp>

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <string>
#include <vector>

#include "base/disk.h"
#include "site/simple_yaml.h"

// read_simple_yaml is a shortcut past yaml-cpp, so its contract is checked
// against yaml-cpp itself: whatever it accepts, yaml-cpp must read as the
// same keys, values and marks. It must also accept the frontmatter real
// pages have (or the shortcut is never taken), and decline the rest.

using namespace skiff;

namespace {

// Checks an accepted text against yaml-cpp; returns whether it was accepted.
bool agrees_with_yaml_cpp(const std::string& yaml) {
  auto entries = read_simple_yaml(yaml);
  if (!entries) return false;
  BOOST_TEST_CONTEXT("YAML:\n" << yaml) {
    YAML::Node root = YAML::Load(yaml);
    BOOST_REQUIRE(root.IsMap());
    BOOST_REQUIRE_EQUAL(root.size(), entries->size());
    std::size_t i = 0;
    for (const auto& pair : root) {
      const SimpleYamlEntry& e = (*entries)[i++];
      BOOST_TEST(pair.first.Scalar() == e.key);
      BOOST_TEST(pair.second.IsScalar());
      BOOST_TEST(pair.second.Scalar() == e.value);
      BOOST_TEST(static_cast<std::size_t>(pair.first.Mark().pos) == e.key_offset);
      BOOST_TEST(static_cast<std::size_t>(pair.second.Mark().pos) == e.value_offset);
    }
  }
  return true;
}

// The YAML between the `---` lines of a page, or "" when it has none.
std::string frontmatter_of(const std::string& page) {
  if (page.rfind("---\n", 0) != 0) return "";
  std::size_t end = page.find("\n---\n", 3);
  return end == std::string::npos ? "" : page.substr(4, end - 3);
}

}  // namespace

BOOST_AUTO_TEST_CASE(typical_frontmatter_is_read_with_values_and_offsets) {
  const std::string yaml =
      "layout: ~/layouts/MainLayout.astro\n"
      "title: Share state between islands\n"
      "description: \"Learn how: quoted\"\n"
      "i18nReady: true\n"
      "setup: |\n"
      "  import UIFrameworkTabs from '~/components/tabs/UIFrameworkTabs.astro'\n"
      "\n"
      "  import LoopingVideo from '~/components/LoopingVideo.astro'\n"
      "\n"
      "tag: 'single'\n";
  auto entries = read_simple_yaml(yaml);
  BOOST_REQUIRE(entries);
  BOOST_REQUIRE_EQUAL(entries->size(), 6u);
  BOOST_TEST((*entries)[0].value == "~/layouts/MainLayout.astro");
  BOOST_TEST((*entries)[2].value == "Learn how: quoted");
  BOOST_TEST((*entries)[4].block);
  BOOST_TEST((*entries)[4].value ==
             "import UIFrameworkTabs from '~/components/tabs/UIFrameworkTabs.astro'\n\n"
             "import LoopingVideo from '~/components/LoopingVideo.astro'\n");
  BOOST_TEST((*entries)[5].value == "single");
  BOOST_TEST(agrees_with_yaml_cpp(yaml));
}

BOOST_AUTO_TEST_CASE(crlf_line_ends_read_like_lf) {
  BOOST_TEST(agrees_with_yaml_cpp("title: A\r\nsetup: |\r\n  import A from 'a'\r\n  import B from 'b'\r\nx: 1\r\n"));
}

// Everything here is YAML that yaml-cpp reads differently from a one-line
// string, fails on, or that the subset leaves out to stay obviously right.
BOOST_AUTO_TEST_CASE(anything_outside_the_subset_is_declined) {
  const std::vector<std::string> declined = {
      "",                                  // nothing
      "title:\n",                          // null
      "title: ~\n", "title: null\n", "title: NULL\n",
      "title: a # comment\n",              // a comment
      "# comment\ntitle: a\n",
      "title: a: b\n",                     // a mapping in a scalar
      "title: ends:\n",
      "title: [a, b]\n", "title: {a: 1}\n",  // flow collections
      "title: &x a\n", "title: *x\n", "title: !tag a\n",  // anchors, aliases, tags
      "title: - a\n", "title: ? a\n", "title: | x\n", "title: >\n  folded\n",
      "title: |-\n  a\n", "title: |+\n  a\n", "title: |2\n  a\n",
      "title: \"a\\nb\"\n",                // escapes
      "title: 'it''s'\n",
      "title: \"a\" b\n", "title: 'a\n",
      "title: a\n  continued\n",           // multi-line plain scalar
      "title: a\n\tb: c\n",                // tab
      "title: a\tb\n",
      "title: a\xC2\x85" "b\n",           // NEL, a YAML line break
      "title: a\xE2\x80\xA8" "b\n",
      "title: a\nTitle: b\ntitle: c\n",    // a repeated key
      "list:\n  - a\n  - b\n",            // a list
      "map:\n  a: 1\n",
      "\"quoted key\": a\n", "-key: a\n", "key:a\n", "k\xC3\xA9y: a\n",
      "setup: |\n  a\n b\n",               // under-indented block line
      "setup: |\n  a\n   \n  b\n",         // spaces beyond the indentation in a blank line
      "setup: |\n\n",                      // an empty block
      "setup: |\n  a\tb\n",
      "---\ntitle: a\n", "%YAML 1.2\ntitle: a\n",
      "title: A\nnull: x\n", "NULL: x\n",     // null keys
      std::string(1025, 'k') + ": x\n",      // longer than yaml-cpp's simple keys
  };
  for (const std::string& yaml : declined) {
    BOOST_TEST_CONTEXT("YAML: " << yaml) { BOOST_TEST(!read_simple_yaml(yaml)); }
  }
}

BOOST_AUTO_TEST_CASE(accepted_edge_cases_agree_with_yaml_cpp) {
  const std::vector<std::string> accepted = {
      "title: C# and F#\n",
      "title: It's \"fine\"\n",
      "title: Instalación — guía\n",
      "title: https://example.com/a?b=c#d\n",
      "title: Use [brackets] and {braces}, too\n",
      "title: 2024-01-01\nnumber: 0x1F\nflag: yes\n",
      "title:    spaced value   \n",
      "title: '# not a comment'\n",
      "title: \"a: b # c\"\n",
      "title: ''\n",
      "title: a\n\n\nnext: b\n",
      "setup: |\n\n  a\n\n    indented more\n  b\n\n\nnext: c\n",
      "setup: |   \n  trailing spaces after the bar\n",
      "title: ~/path\n",
      "snake_case-key_2: v\n",
  };
  for (const std::string& yaml : accepted) {
    BOOST_TEST_CONTEXT("YAML: " << yaml) { BOOST_TEST(agrees_with_yaml_cpp(yaml)); }
  }
}

// Found by tests/fuzz/frontmatter_fuzz: a literal block on the text's last
// line without a line end has no final break in YAML (yaml-cpp reads "a"),
// where the reader added one. It declines such text now; a frontmatter's
// YAML always ends with a line end, so pages never took that path.
BOOST_AUTO_TEST_CASE(a_block_on_the_last_line_without_a_line_end_is_declined) {
  for (const std::string yaml : {"tup: |\n a", "tup: |\r\n a\r\n   efe", "a: x\nb: |\n  y\n  z"}) {
    BOOST_TEST_CONTEXT("YAML: " << yaml) {
      BOOST_TEST(!read_simple_yaml(yaml));
    }
  }
}

// The pages of the embedded site and of the lint fixture: the shortcut must
// take the plain ones and agree with yaml-cpp on each it takes.
BOOST_AUTO_TEST_CASE(the_repository_pages_agree_with_yaml_cpp) {
  namespace fs = std::filesystem;
  int pages = 0;
  int accepted = 0;
  for (const char* folder : {"site/pages", "tests/lint/fixture/pages", "tests/examples", "tests/sites"}) {
    fs::path root = fs::path(SKIFF_SOURCE_ROOT) / folder;
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
      std::string error;
      auto text = read_file(entry.path(), error);
      BOOST_REQUIRE(text);
      std::string yaml = frontmatter_of(*text);
      if (yaml.empty()) continue;
      ++pages;
      bool ok = false;
      try {
        ok = agrees_with_yaml_cpp(yaml);
      } catch (const YAML::Exception& e) {
        BOOST_ERROR(entry.path().string() + ": accepted YAML that yaml-cpp rejects: " + e.what());
      }
      accepted += ok ? 1 : 0;
    }
  }
  BOOST_TEST(pages > 20);
  BOOST_TEST_MESSAGE(accepted << " of " << pages << " frontmatters taken by the shortcut");
  // site/ pages are plain: nearly all of them must take the shortcut.
  BOOST_TEST(accepted * 10 >= pages * 8);
}
