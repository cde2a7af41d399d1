#define BOOST_TEST_MODULE frontmatter
#include <boost/test/unit_test.hpp>

#include <string>

#include "site/frontmatter.h"

namespace skiff {
inline std::ostream& boost_test_print_type(std::ostream& out, Severity severity) {
  return out << severity_name(severity);
}
}  // namespace skiff

using skiff::Diagnostics;
using skiff::Frontmatter;
using skiff::ParsedPage;
using skiff::Position;
using skiff::Severity;
using skiff::SourceText;

namespace {

// The top of /work/shared/seed/sharing-state.md, verbatim (the frontmatter
// and the first body lines), so the test does not depend on shared/.
const char* const kSeed =
    "---\n"                                                                       // 1
    "layout: ~/layouts/MainLayout.astro\n"                                        // 2
    "title: Sharing State\n"                                                      // 3
    "i18nReady: false\n"                                                          // 4
    "setup: |\n"                                                                  // 5
    "  import UIFrameworkTabs from '~/components/tabs/UIFrameworkTabs.astro'\n"   // 6
    "  import LoopingVideo from '~/components/LoopingVideo.astro'\n"              // 7
    "---\n"                                                                       // 8
    "\n"                                                                          // 9
    "> We have islands, but we need boats. ~ [@bholmesdev](https://twitter.com/BHolmesDev)\n"
    "\n"
    "## Why nanostores?\n";

struct Parsed {
  SourceText source;
  ParsedPage page;
  Diagnostics diagnostics;
  explicit Parsed(std::string text, std::string path = "pages/en/page.md")
      : source(std::move(path), std::move(text)) {
    page = skiff::parse_frontmatter(source, diagnostics);
  }
  const Frontmatter& fm() const { return page.frontmatter; }
  std::string body() const { return std::string(source.text().substr(page.body_offset)); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(seed_page)

BOOST_AUTO_TEST_CASE(fields) {
  Parsed p(kSeed, "pages/en/core-concepts/sharing-state.md");
  BOOST_TEST(p.diagnostics.empty());
  BOOST_TEST(p.fm().present);
  BOOST_TEST(p.fm().layout == "~/layouts/MainLayout.astro");
  BOOST_TEST(p.fm().title == "Sharing State");
  BOOST_TEST(p.fm().description == "");
  BOOST_REQUIRE(p.fm().i18n_ready.has_value());
  BOOST_TEST(*p.fm().i18n_ready == false);
  BOOST_TEST(p.fm().setup ==
             "import UIFrameworkTabs from '~/components/tabs/UIFrameworkTabs.astro'\n"
             "import LoopingVideo from '~/components/LoopingVideo.astro'\n");
}

BOOST_AUTO_TEST_CASE(body_offset_is_line_after_closing_fence) {
  Parsed p(kSeed);
  BOOST_TEST(p.page.body_offset == p.source.line_start(9));
  BOOST_TEST(p.page.body_offset == 223u);
  BOOST_TEST(p.body().rfind("\n> We have islands", 0) == 0);
}

BOOST_AUTO_TEST_CASE(values_and_key_positions) {
  Parsed p(kSeed);
  BOOST_TEST(p.fm().values.size() == 4u);
  BOOST_TEST(p.fm().values.at("layout") == "~/layouts/MainLayout.astro");
  BOOST_TEST(p.fm().values.at("title") == "Sharing State");
  BOOST_TEST(p.fm().values.at("i18nReady") == "false");
  BOOST_TEST(p.fm().values.at("setup") == p.fm().setup);
  BOOST_TEST(p.fm().key_positions.size() == 4u);
  BOOST_TEST(p.fm().key_positions.at("layout").line == 2);
  BOOST_TEST(p.fm().key_positions.at("title").line == 3);
  BOOST_TEST(p.fm().key_positions.at("i18nReady").line == 4);
  BOOST_TEST(p.fm().key_positions.at("setup").line == 5);
  BOOST_TEST(p.fm().key_positions.at("setup").column == 1);
}

BOOST_AUTO_TEST_CASE(setup_positions_of_block_scalar) {
  Parsed p(kSeed);
  const Frontmatter& fm = p.fm();
  BOOST_TEST(fm.setup_first_line == 6);
  BOOST_TEST(fm.setup_indent == 2);
  // Offset 0: the first import's "i", file line 6 column 3.
  Position first = fm.setup_position(0);
  BOOST_TEST(first.line == 6);
  BOOST_TEST(first.column == 3);
  // The second import line.
  std::size_t second = fm.setup.find("import LoopingVideo");
  BOOST_REQUIRE(second != std::string::npos);
  Position pos = fm.setup_position(second);
  BOOST_TEST(pos.line == 7);
  BOOST_TEST(pos.column == 3);
  // Its specifier's opening quote: "  import LoopingVideo from '" is 27
  // columns, so the quote is column 28 of line 7.
  std::size_t quote = fm.setup.find('\'', second);
  Position q = fm.setup_position(quote);
  BOOST_TEST(q.line == 7);
  BOOST_TEST(q.column == 28);
  BOOST_TEST(std::string(p.source.text().substr(p.source.line_start(7) + 27, 1)) == "'");
  // The whole chain agrees with SourceText for every character of line 6.
  std::size_t line6 = p.source.line_start(6);
  for (std::size_t i = 0; i < fm.setup.find('\n'); ++i) {
    Position expected = p.source.position_of(line6 + 2 + i);
    Position got = fm.setup_position(i);
    BOOST_TEST((got == expected), "offset " << i);
  }
}

// Found by the page fuzzer: "found end of input" was put at the indentation
// column of the blank line after the block (line 8, column 3 of an empty
// line). The end is shown right after the last character instead.
BOOST_AUTO_TEST_CASE(setup_end_is_after_its_last_character) {
  Parsed p("---\ntitle: T\nsetup: |\n  import A from 'x'\n  import PaText\n\n---\n");
  const Frontmatter& fm = p.fm();
  BOOST_REQUIRE(fm.setup == "import A from 'x'\nimport PaText\n");
  const Position end = fm.setup_position(fm.setup.size());
  BOOST_TEST(end.line == 5);
  BOOST_TEST(end.column == 16);  // "  import PaText" is 15 columns
  BOOST_TEST((fm.setup_position(fm.setup.size() + 10) == end));
  BOOST_TEST((fm.setup_position(fm.setup.size() - 1) == Position{5, 16}));  // the final line end itself
}

// A folded block joins its lines with spaces: offsets do not follow the
// file's lines, so positions are the key's (the reviewer's `4:12` on a
// 10-character line). An indentation indicator fixes the indentation.
BOOST_AUTO_TEST_CASE(setup_positions_of_folded_and_indicated_blocks) {
  Parsed folded("---\ntitle: T\nsetup: >\n  import A\n  from 'x'\n---\n");
  BOOST_REQUIRE(folded.fm().setup == "import A from 'x'\n");
  BOOST_TEST((folded.fm().setup_position(12) == Position{3, 1}));
  Parsed indicated("---\ntitle: T\nsetup: |2\n    import A from 'x'\n---\n");
  BOOST_REQUIRE(indicated.fm().setup == "  import A from 'x'\n");
  BOOST_TEST(indicated.fm().setup_indent == 2);
  const std::size_t quote = indicated.fm().setup.find('\'');
  BOOST_TEST((indicated.fm().setup_position(quote) ==
              indicated.source.position_of(indicated.source.line_start(4) + 2 + quote)));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(splitting)

BOOST_AUTO_TEST_CASE(no_frontmatter) {
  Parsed p("# Title\n\n---\ntitle: no\n---\n");
  BOOST_TEST(p.diagnostics.empty());
  BOOST_TEST(!p.fm().present);
  BOOST_TEST(p.page.body_offset == 0u);
  BOOST_TEST(p.fm().values.empty());
  BOOST_TEST(p.fm().title == "");
  BOOST_TEST(!p.fm().i18n_ready.has_value());
}

BOOST_AUTO_TEST_CASE(empty_page) {
  Parsed p("");
  BOOST_TEST(p.diagnostics.empty());
  BOOST_TEST(!p.fm().present);
  BOOST_TEST(p.page.body_offset == 0u);
}

BOOST_AUTO_TEST_CASE(fence_must_be_first_line) {
  Parsed p("\n---\ntitle: x\n---\n");
  BOOST_TEST(!p.fm().present);
  BOOST_TEST(p.page.body_offset == 0u);
}

BOOST_AUTO_TEST_CASE(four_dashes_is_not_a_fence) {
  Parsed p("----\ntitle: x\n---\n");
  BOOST_TEST(!p.fm().present);
  BOOST_TEST(p.page.body_offset == 0u);
}

BOOST_AUTO_TEST_CASE(bom_before_fence) {
  std::string text = "\xEF\xBB\xBF---\ntitle: With BOM\nbad: 1\n---\nBody\n";
  Parsed p(text);
  BOOST_TEST(p.diagnostics.empty());
  BOOST_TEST(p.fm().present);
  BOOST_TEST(p.fm().title == "With BOM");
  BOOST_TEST(p.fm().key_positions.at("title").line == 2);
  BOOST_TEST(p.fm().key_positions.at("bad").line == 3);
  BOOST_TEST(p.page.body_offset == text.find("Body"));
}

BOOST_AUTO_TEST_CASE(bom_without_frontmatter_is_skipped) {
  Parsed p("\xEF\xBB\xBF# Title\n");
  BOOST_TEST(!p.fm().present);
  BOOST_TEST(p.page.body_offset == 3u);
}

BOOST_AUTO_TEST_CASE(bom_yaml_error_line) {
  Parsed p("\xEF\xBB\xBF---\ntitle: x\nbad: a: b\n---\n");
  BOOST_REQUIRE(p.diagnostics.all().size() == 1u);
  BOOST_TEST(p.diagnostics.all()[0].pos.line == 3);
  BOOST_TEST(p.diagnostics.all()[0].pos.column == 7);
}

BOOST_AUTO_TEST_CASE(crlf_line_ends) {
  std::string text =
      "---\r\n"                        // 1
      "title: Windows\r\n"             // 2
      "setup: |\r\n"                   // 3
      "  import A from 'a'\r\n"        // 4
      "  import B from 'b'\r\n"        // 5
      "---\r\n"                        // 6
      "Body\r\n";
  Parsed p(text);
  BOOST_TEST(p.diagnostics.empty());
  BOOST_TEST(p.fm().title == "Windows");
  BOOST_TEST(p.fm().setup == "import A from 'a'\nimport B from 'b'\n");
  BOOST_TEST(p.page.body_offset == text.find("Body"));
  BOOST_TEST(p.fm().key_positions.at("setup").line == 3);
  BOOST_TEST(p.fm().setup_first_line == 4);
  BOOST_TEST(p.fm().setup_indent == 2);
  Position b = p.fm().setup_position(p.fm().setup.find("import B"));
  BOOST_TEST(b.line == 5);
  BOOST_TEST(b.column == 3);
}

BOOST_AUTO_TEST_CASE(crlf_yaml_error_line) {
  Parsed p("---\r\ntitle: x\r\nurl: y\r\nbad: a: b\r\n---\r\n");
  BOOST_REQUIRE(p.diagnostics.all().size() == 1u);
  BOOST_TEST(p.diagnostics.all()[0].pos.line == 4);
}

// Regression: frontmatter.cc:125-127 — the fences are found with lone-CR line ends
// (as SourceText documents: "Line ends may be \n, \r\n or \r"), but the YAML
// between them is handed to yaml-cpp unchanged, and yaml-cpp does not treat
// a lone \r as a line break: "title: Old Mac\rlayout: x" is read as one
// line, so a valid frontmatter gives "invalid YAML: illegal map value" (at
// 3:7) and no title. Expected: title and layout read, no diagnostics.
BOOST_AUTO_TEST_CASE(lone_cr_line_ends) {
  std::string text = "---\rtitle: Old Mac\rlayout: x\r---\rBody\r";
  Parsed p(text);
  BOOST_TEST(p.fm().present);
  BOOST_TEST(p.page.body_offset == text.find("Body"));
  BOOST_TEST(p.diagnostics.empty());
  BOOST_TEST(p.fm().title == "Old Mac");
  BOOST_TEST(p.fm().layout == "x");
}

BOOST_AUTO_TEST_CASE(closing_fence_variants) {
  Parsed dots("---\ntitle: a\n...\nBody");
  BOOST_TEST(dots.diagnostics.empty());
  BOOST_TEST(dots.fm().title == "a");
  BOOST_TEST(dots.body() == "Body");

  Parsed trailing("--- \ntitle: b\n---\t \nBody");
  BOOST_TEST(trailing.diagnostics.empty());
  BOOST_TEST(trailing.fm().present);
  BOOST_TEST(trailing.fm().title == "b");
  BOOST_TEST(trailing.body() == "Body");

  Parsed at_end("---\ntitle: c\n---");
  BOOST_TEST(at_end.diagnostics.empty());
  BOOST_TEST(at_end.page.body_offset == at_end.source.text().size());
}

BOOST_AUTO_TEST_CASE(empty_frontmatter) {
  Parsed p("---\n---\nBody");
  BOOST_TEST(p.diagnostics.empty());
  BOOST_TEST(p.fm().present);
  BOOST_TEST(p.fm().values.empty());
  BOOST_TEST(p.body() == "Body");
}

BOOST_AUTO_TEST_CASE(unclosed_fence) {
  std::string text = "---\ntitle: never closed\n\n# Heading\n";
  Parsed p(text);
  BOOST_TEST(p.fm().present);
  BOOST_REQUIRE(p.diagnostics.all().size() == 1u);
  const auto& e = p.diagnostics.all()[0];
  BOOST_TEST(e.severity == Severity::Error);
  BOOST_TEST(e.file == "pages/en/page.md");
  BOOST_TEST(e.pos.line == 1);
  BOOST_TEST(e.pos.column == 1);
  BOOST_TEST(e.message == "frontmatter opened with `---` is never closed (add a `---` line after it)");
  BOOST_TEST(p.page.body_offset == text.size());
}

BOOST_AUTO_TEST_CASE(only_an_opening_fence) {
  Parsed p("---");
  BOOST_TEST(p.fm().present);
  BOOST_TEST(p.diagnostics.error_count() == 1);
  BOOST_TEST(p.page.body_offset == 3u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(errors)

BOOST_AUTO_TEST_CASE(yaml_error_column_after_non_ascii) {
  // "title: éé: x": the illegal ':' is code point 10 of line 2 (byte 12).
  Parsed p("---\ntitle: \xC3\xA9\xC3\xA9: x\n---\n");
  BOOST_REQUIRE(p.diagnostics.all().size() == 1u);
  BOOST_TEST(p.diagnostics.all()[0].pos.line == 2);
  BOOST_TEST(p.diagnostics.all()[0].pos.column == 10);
}

BOOST_AUTO_TEST_CASE(yaml_error_on_true_file_line) {
  Parsed p(
      "---\n"              // 1
      "title: ok\n"        // 2
      "layout: x\n"        // 3
      "oops: a: b\n"       // 4
      "---\n"
      "Body\n");
  BOOST_REQUIRE(p.diagnostics.all().size() == 1u);
  const auto& e = p.diagnostics.all()[0];
  BOOST_TEST(e.file == "pages/en/page.md");
  BOOST_TEST(e.pos.line == 4);
  BOOST_TEST(e.pos.column == 8);
  BOOST_TEST(e.message == "invalid YAML: illegal map value");
  // The body is still found.
  BOOST_TEST(p.body() == "Body\n");
}

BOOST_AUTO_TEST_CASE(yaml_tab_error_line) {
  Parsed p("---\ntitle: ok\nsetup: |\n  import A from 'a'\n\tbad\n---\n");
  BOOST_REQUIRE(p.diagnostics.all().size() >= 1u);
  BOOST_TEST(p.diagnostics.all()[0].pos.line == 5);
}

BOOST_AUTO_TEST_CASE(i18n_ready_not_a_boolean) {
  Parsed p(
      "---\n"
      "title: T\n"
      "i18nReady: yes please\n"
      "---\n");
  BOOST_REQUIRE(p.diagnostics.all().size() == 1u);
  const auto& e = p.diagnostics.all()[0];
  BOOST_TEST(e.severity == Severity::Error);
  BOOST_TEST(e.pos.line == 3);
  BOOST_TEST(e.pos.column == 12);
  BOOST_TEST(e.message == "`i18nReady` must be true or false, not `yes please`");
  BOOST_TEST(!p.fm().i18n_ready.has_value());
  BOOST_TEST(p.fm().title == "T");
}

BOOST_AUTO_TEST_CASE(i18n_ready_true) {
  Parsed p("---\ni18nReady: true\n---\n");
  BOOST_TEST(p.diagnostics.empty());
  BOOST_REQUIRE(p.fm().i18n_ready.has_value());
  BOOST_TEST(*p.fm().i18n_ready);
}

BOOST_AUTO_TEST_CASE(i18n_ready_list_is_an_error) {
  Parsed p("---\ni18nReady:\n  - true\n---\n");
  BOOST_REQUIRE(p.diagnostics.all().size() == 1u);
  BOOST_TEST(p.diagnostics.all()[0].pos.line == 3);
  BOOST_TEST(p.diagnostics.all()[0].pos.column == 3);
  BOOST_TEST(!p.fm().i18n_ready.has_value());
}

BOOST_AUTO_TEST_CASE(title_as_list) {
  Parsed p(
      "---\n"
      "layout: L\n"
      "title:\n"
      "  - one\n"
      "  - two\n"
      "---\n");
  BOOST_REQUIRE(p.diagnostics.all().size() == 1u);
  const auto& e = p.diagnostics.all()[0];
  BOOST_TEST(e.message == "`title` must be text");
  BOOST_TEST(e.pos.line == 4);
  BOOST_TEST(e.pos.column == 3);
  BOOST_TEST(p.fm().title == "");
  BOOST_TEST(p.fm().values.count("title") == 0u);
  BOOST_TEST(p.fm().key_positions.count("title") == 1u);
  BOOST_TEST(p.fm().layout == "L");
}

BOOST_AUTO_TEST_CASE(layout_and_setup_as_maps) {
  Parsed p("---\nlayout: { a: 1 }\nsetup: [x]\ndescription: [d]\n---\n");
  BOOST_REQUIRE(p.diagnostics.all().size() == 3u);
  BOOST_TEST(p.diagnostics.all()[0].message == "`layout` must be text");
  BOOST_TEST(p.diagnostics.all()[0].pos.line == 2);
  BOOST_TEST(p.diagnostics.all()[0].pos.column == 9);
  BOOST_TEST(p.diagnostics.all()[1].message == "`setup` must be text");
  BOOST_TEST(p.diagnostics.all()[2].message == "`description` must be text");
  BOOST_TEST(p.fm().setup == "");
}

BOOST_AUTO_TEST_CASE(frontmatter_not_a_mapping) {
  Parsed p("---\n- a\n- b\n---\nBody");
  BOOST_REQUIRE(p.diagnostics.all().size() == 1u);
  BOOST_TEST(p.diagnostics.all()[0].message == "frontmatter must be a mapping of keys to values");
  BOOST_TEST(p.diagnostics.all()[0].pos.line == 2);
  BOOST_TEST(p.body() == "Body");
}

// diagnostic.h: columns count code points. "Día" has a 2-byte í, so the
// value `maybe` is code point 28 of line 2 (byte 29).
BOOST_AUTO_TEST_CASE(error_column_counts_code_points) {
  Parsed p("---\n{ title: \"D\xC3\xAD" "a\", i18nReady: maybe }\n---\n");
  BOOST_REQUIRE(p.diagnostics.all().size() == 1u);
  BOOST_TEST(p.diagnostics.all()[0].message == "`i18nReady` must be true or false, not `maybe`");
  BOOST_TEST(p.diagnostics.all()[0].pos.line == 2);
  BOOST_TEST(p.diagnostics.all()[0].pos.column == 28);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(extra_keys)

BOOST_AUTO_TEST_CASE(kept_as_text) {
  Parsed p(
      "---\n"                 // 1
      "title: A\n"            // 2
      "description: About\n"  // 3
      "tags: [x, y]\n"        // 4
      "authors:\n"            // 5
      "  - ana\n"             // 6
      "  - bo\n"              // 7
      "meta: {k: v}\n"        // 8
      "order: 3\n"            // 9
      "empty:\n"              // 10
      "---\n");
  BOOST_TEST(p.diagnostics.empty());
  const auto& v = p.fm().values;
  BOOST_TEST(v.size() == 7u);
  BOOST_TEST(p.fm().description == "About");
  BOOST_TEST(v.at("description") == "About");
  BOOST_TEST(v.at("tags") == "[x, y]");
  BOOST_TEST(v.at("authors") == "- ana\n- bo");
  BOOST_TEST(v.at("meta") == "{k: v}");
  BOOST_TEST(v.at("order") == "3");
  BOOST_TEST(v.at("empty") == "");
  const auto& k = p.fm().key_positions;
  BOOST_TEST(k.at("tags").line == 4);
  BOOST_TEST(k.at("authors").line == 5);
  BOOST_TEST(k.at("meta").line == 8);
  BOOST_TEST(k.at("order").line == 9);
  BOOST_TEST(k.at("empty").line == 10);
  BOOST_TEST(k.at("empty").column == 1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(setup_positions)

BOOST_AUTO_TEST_CASE(block_scalar_with_deeper_indent_and_unicode) {
  Parsed p(
      "---\n"                                  // 1
      "title: T\n"                             // 2
      "setup: |\n"                             // 3
      "    import \xC3\x89 from 'a'\n"         // 4  (É: 2 bytes)
      "    import B from 'b'\n"                // 5
      "---\n");
  const Frontmatter& fm = p.fm();
  BOOST_TEST(p.diagnostics.empty());
  BOOST_TEST(fm.setup_first_line == 4);
  BOOST_TEST(fm.setup_indent == 4);
  // "from" on line 4: "    import É " is 13 code points, so column 14.
  Position from = fm.setup_position(fm.setup.find("from"));
  BOOST_TEST(from.line == 4);
  BOOST_TEST(from.column == 14);
  Position b = fm.setup_position(fm.setup.find("import B"));
  BOOST_TEST(b.line == 5);
  BOOST_TEST(b.column == 5);
  // Offsets past the end are clamped to the end.
  Position end = fm.setup_position(fm.setup.size());
  Position far = fm.setup_position(100000);
  BOOST_TEST(far.line == end.line);
  BOOST_TEST(far.column == end.column);
}

BOOST_AUTO_TEST_CASE(strip_chomping_block) {
  Parsed p("---\nsetup: |-\n  import A from 'a'\n  import B from 'b'\n---\n");
  BOOST_TEST(p.fm().setup == "import A from 'a'\nimport B from 'b'");
  Position b = p.fm().setup_position(p.fm().setup.find("import B"));
  BOOST_TEST(b.line == 4);
  BOOST_TEST(b.column == 3);
}

// Regression: frontmatter.cc:79-83 — setup_indent is measured on the line right
// after `setup: |`; when that line is blank (allowed in a literal block and
// kept by YAML as a leading "\n"), the indent is 0, so every position in the
// setup is 2 columns too far left. Here the import is on file line 4 at
// column 3; setup_position(1) gives 4:1.
BOOST_AUTO_TEST_CASE(block_scalar_starting_with_blank_line) {
  Parsed p("---\nsetup: |\n\n  import A from 'a'\n---\n");
  BOOST_TEST(p.diagnostics.empty());
  BOOST_TEST(p.fm().setup == "\nimport A from 'a'\n");
  Position a = p.fm().setup_position(1);
  BOOST_TEST(a.line == 4);
  BOOST_TEST(a.column == 3);
}

BOOST_AUTO_TEST_CASE(plain_scalar_maps_to_the_key_line) {
  Parsed p("---\ntitle: T\nsetup: import A from 'a'\n---\n");
  BOOST_TEST(p.fm().setup == "import A from 'a'");
  BOOST_TEST(p.fm().setup_indent == -1);
  Position pos = p.fm().setup_position(7);
  BOOST_TEST(pos.line == 3);
  BOOST_TEST(pos.column == 1);
}

BOOST_AUTO_TEST_CASE(no_setup) {
  Parsed p("---\ntitle: T\n---\n");
  BOOST_TEST(p.fm().setup == "");
  BOOST_TEST(p.fm().setup_first_line == 0);
  Position pos = p.fm().setup_position(0);
  BOOST_TEST(pos.line == 0);
}

BOOST_AUTO_TEST_SUITE_END()

// Hostile frontmatter (issue 7): each problem named for what it is, at its
// own position, and nothing invalid passed on to the HTML.
BOOST_AUTO_TEST_SUITE(hostile)

std::string formatted(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.all()) out += skiff::format_diagnostic(d) + "\n";
  return out;
}

// Was "invalid YAML: bad file" at the end of the line (yaml-cpp's guard).
BOOST_AUTO_TEST_CASE(flow_nesting_too_deep) {
  Parsed p("---\ntitle: T\nx: " + std::string(100000, '[') + std::string(100000, ']') + "\n---\nBody\n");
  BOOST_TEST(formatted(p.diagnostics) ==
             "pages/en/page.md:3:104: error: frontmatter nested too deep: more than 100 levels of `[` and `{`\n");
  BOOST_TEST(p.body() == "Body\n");
}

BOOST_AUTO_TEST_CASE(flow_maps_nested_too_deep) {
  std::string yaml;
  for (int i = 0; i < 20000; ++i) yaml += "{a: ";
  yaml += "1";
  for (int i = 0; i < 20000; ++i) yaml += "}";
  Parsed p("---\nx: " + yaml + "\n---\n");
  BOOST_TEST(formatted(p.diagnostics) ==
             "pages/en/page.md:2:404: error: frontmatter nested too deep: more than 100 levels of `[` and `{`\n");
}

BOOST_AUTO_TEST_CASE(nesting_at_the_limit_and_brackets_in_text) {
  Parsed p("---\ntitle: 'a [[[ b'\nx: " + std::string(100, '[') + std::string(100, ']') +
           "\ny: \"{{{{\" # [[[[\n---\n");
  BOOST_TEST(formatted(p.diagnostics) == "");
  BOOST_TEST(p.fm().title == "a [[[ b");
}

// Was "invalid YAML: unknown escape character: h" two columns later.
BOOST_AUTO_TEST_CASE(nul_byte) {
  Parsed p(std::string("---\ntitle: \"Bad\0h\"\n---\n", 22));
  BOOST_TEST(formatted(p.diagnostics) ==
             "pages/en/page.md:2:12: error: NUL byte (0x00) in frontmatter: YAML does not allow control characters\n");
  BOOST_TEST(p.fm().title == "Bad h");
}

BOOST_AUTO_TEST_CASE(other_control_bytes) {
  Parsed p("---\ntitle: a\x07z\ndescription: \x1Bx\x01\n---\n");
  BOOST_TEST(formatted(p.diagnostics) ==
             "pages/en/page.md:2:9: error: control character 0x07 in frontmatter: YAML does not allow control "
             "characters (2 more after it)\n");
  BOOST_TEST(p.fm().title == "a z");
}

BOOST_AUTO_TEST_CASE(repeated_key) {
  Parsed p("---\ntitle: A\nlayout: x\ntitle: B\n---\n");
  BOOST_TEST(formatted(p.diagnostics) ==
             "pages/en/page.md:4:1: warning: frontmatter key `title` is repeated (first on line 2); this later "
             "value is used\n");
  BOOST_TEST(p.fm().title == "B");
}

// Invalid bytes become U+FFFD, one per maximal subpart, as browsers decode.
BOOST_AUTO_TEST_CASE(invalid_utf8_values_are_repaired) {
  Parsed p("---\ntitle: Bad \xC3( utf8\ndescription: \xE2\x82 \xED\xA0\x80 \xF0\x9F\x9A\x80 ok \xFF\n"
           "\xC3\xA9t\xC3: v\n---\n");
  BOOST_TEST(p.fm().title == "Bad \xEF\xBF\xBD( utf8");
  BOOST_TEST(p.fm().description ==
             "\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD \xF0\x9F\x9A\x80 ok \xEF\xBF\xBD");
  BOOST_TEST(p.fm().values.count("\xC3\xA9t\xEF\xBF\xBD") == 1u);
  BOOST_TEST(p.fm().values.at("title") == p.fm().title);
}

BOOST_AUTO_TEST_SUITE_END()
