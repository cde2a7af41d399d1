#define BOOST_TEST_MODULE component_scanner
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "markdown/component_scanner.h"

using namespace skiff;

namespace skiff {
std::ostream& operator<<(std::ostream& out, ElementKind kind) { return out << static_cast<int>(kind); }
std::ostream& operator<<(std::ostream& out, const Position& pos) {
  return out << pos.line << ':' << pos.column;
}
}  // namespace skiff

namespace {

struct Scan {
  explicit Scan(std::string text) : source("page.md", std::move(text)) {
    root = scan_components(source, 0, diagnostics);
  }
  std::string first_error() const {
    for (const Diagnostic& d : diagnostics.all()) {
      if (d.severity == Severity::Error) return format_diagnostic(d);
    }
    return "";
  }
  SourceText source;
  Diagnostics diagnostics;
  Fragment root;
};

}  // namespace

BOOST_AUTO_TEST_CASE(block_component_becomes_a_placeholder_line) {
  Scan s("Intro\n\n<Tabs>\n  <Fragment slot=\"a\">\n  Text\n  </Fragment>\n</Tabs>\nAfter\n");
  BOOST_TEST(s.diagnostics.empty());
  BOOST_TEST(s.root.markdown == "Intro\n\n<!--skiff:0-->\nAfter\n");
  BOOST_REQUIRE_EQUAL(s.root.elements.size(), 1u);
  const Element& tabs = s.root.elements[0];
  BOOST_TEST(tabs.name == "Tabs");
  BOOST_TEST(tabs.block);
  BOOST_TEST(tabs.pos.line == 3);
  BOOST_TEST(tabs.pos.column == 1);
  BOOST_TEST(tabs.children.markdown == "<!--skiff:0-->\n");
  const Element& fragment = tabs.children.elements.at(0);
  BOOST_TEST(fragment.props.text("slot") == "a");
  BOOST_TEST(fragment.pos.line == 4);
  BOOST_TEST(fragment.pos.column == 3);
  BOOST_TEST(fragment.children.markdown == "Text\n");
}

BOOST_AUTO_TEST_CASE(code_fences_inside_fragments_stay_code) {
  Scan s("<Tabs>\n  <Fragment slot=\"react\">\n  ```jsx\n  <Counter client:load />\n  </Fragment>\n  ```\n  </Fragment>\n</Tabs>\n");
  BOOST_TEST(s.first_error() == "");
  const Element& fragment = s.root.elements.at(0).children.elements.at(0);
  BOOST_TEST(fragment.children.elements.empty());
  BOOST_TEST(fragment.children.markdown == "```jsx\n<Counter client:load />\n</Fragment>\n```\n");
}

BOOST_AUTO_TEST_CASE(inline_code_and_escapes_are_not_tags) {
  Scan s("Use `<Tabs>` or \\<Tabs> in text.\n");
  BOOST_TEST(s.diagnostics.empty());
  BOOST_TEST(s.root.elements.empty());
  BOOST_TEST(s.root.markdown == "Use `<Tabs>` or \\<Tabs> in text.\n");
}

BOOST_AUTO_TEST_CASE(self_closing_with_literal_props_over_several_lines) {
  Scan s("<LoopingVideo\n  sources={[{ src: '/videos/a.mp4', type: 'video/mp4' }]}\n  muted\n/>\n");
  BOOST_TEST(s.first_error() == "");
  BOOST_REQUIRE_EQUAL(s.root.elements.size(), 1u);
  const Element& video = s.root.elements[0];
  BOOST_TEST(video.self_closing);
  BOOST_TEST(video.block);
  BOOST_TEST(s.root.markdown == "<!--skiff:0-->\n");
  const Prop* sources = video.props.find("sources");
  BOOST_REQUIRE(sources != nullptr);
  BOOST_REQUIRE(sources->value.is_array());
  const PropValue& first = std::get<PropArray>(sources->value.value).at(0);
  BOOST_TEST(first.member("src")->string() == "/videos/a.mp4");
  BOOST_TEST(sources->pos.line == 2);
  BOOST_TEST(sources->pos.column == 3);
  BOOST_TEST(std::get<bool>(video.props.find("muted")->value.value));
}

BOOST_AUTO_TEST_CASE(inline_component_in_a_sentence) {
  Scan s("Added <Since version=\"0.2\" /> today.\n");
  BOOST_TEST(s.diagnostics.empty());
  BOOST_TEST(s.root.markdown == "Added " + inline_placeholder(0) + " today.\n");
  BOOST_TEST(!s.root.elements.at(0).block);
}

BOOST_AUTO_TEST_CASE(component_at_line_start_followed_by_text_is_inline) {
  Scan s("<Since version=\"1\" /> is new.\n");
  BOOST_TEST(s.root.markdown == inline_placeholder(0) + " is new.\n");
}

BOOST_AUTO_TEST_CASE(html_details_with_inline_summary) {
  Scan s("<details>\n<summary>**Bold** question</summary>\n\nAnswer with [a link](/x/).\n</details>\n");
  BOOST_TEST(s.diagnostics.empty());
  const Element& details = s.root.elements.at(0);
  BOOST_TEST(details.kind == ElementKind::Html);
  BOOST_TEST(details.name == "details");
  const Element& summary = details.children.elements.at(0);
  BOOST_TEST(summary.name == "summary");
  BOOST_TEST(summary.children.is_inline);
  BOOST_TEST(summary.children.markdown == "**Bold** question");
  BOOST_TEST(details.children.markdown == "<!--skiff:0-->\n\nAnswer with [a link](/x/).\n");
}

BOOST_AUTO_TEST_CASE(html_attributes_are_kept_verbatim) {
  Scan s("<div class=\"grid\" data-x='1'>\nText\n</div>\n");
  BOOST_TEST(s.root.elements.at(0).raw_attributes == "class=\"grid\" data-x='1'");
}

BOOST_AUTO_TEST_CASE(lowercase_tags_inside_a_line_are_left_to_markdown) {
  Scan s("Press <kbd>Ctrl</kbd> and <span>x</span>.\n");
  BOOST_TEST(s.root.elements.empty());
  BOOST_TEST(s.root.markdown == "Press <kbd>Ctrl</kbd> and <span>x</span>.\n");
}

BOOST_AUTO_TEST_CASE(asides_with_and_without_titles) {
  Scan s(":::note\nPlain.\n:::\n\n:::tip[Did you know?]\nTitled.\n:::\n");
  BOOST_TEST(s.diagnostics.empty());
  BOOST_TEST(s.root.markdown == "<!--skiff:0-->\n\n<!--skiff:1-->\n");
  BOOST_TEST(s.root.elements.at(0).kind == ElementKind::Aside);
  BOOST_TEST(s.root.elements.at(0).name == "note");
  BOOST_TEST(s.root.elements.at(0).children.markdown == "Plain.\n");
  BOOST_TEST(s.root.elements.at(1).name == "tip");
  BOOST_TEST(s.root.elements.at(1).title == "Did you know?");
}

BOOST_AUTO_TEST_CASE(aside_inside_a_list_item_keeps_its_indentation) {
  Scan s("1. Step one\n\n   :::caution\n   Careful.\n   :::\n\n2. Step two\n");
  BOOST_TEST(s.diagnostics.empty());
  BOOST_TEST(s.root.markdown == "1. Step one\n\n   <!--skiff:0-->\n\n2. Step two\n");
  BOOST_TEST(s.root.elements.at(0).children.markdown == "Careful.\n");
}

BOOST_AUTO_TEST_CASE(comments_are_removed_with_what_they_hide) {
  Scan s("Before\n<!-- <UIFrameworkTabs> [old](/en/old/) -->\nAfter <!-- inline --> end\n");
  BOOST_TEST(s.diagnostics.empty());
  BOOST_TEST(s.root.elements.empty());
  BOOST_TEST(s.root.markdown == "Before\nAfter  end\n");
}

BOOST_AUTO_TEST_CASE(unclosed_component_is_an_error_at_its_tag) {
  Scan s("Text\n\n  <Tabs>\n  body\n");
  BOOST_TEST(s.first_error() == "page.md:3:3: error: <Tabs> is never closed (reached end of file)");
}

BOOST_AUTO_TEST_CASE(mismatched_closing_tag_names_the_open_one) {
  Scan s("<Tabs>\n<Fragment slot=\"a\">\nx\n</Tabs>\n");
  BOOST_TEST(s.first_error() ==
             "page.md:4:1: error: <Fragment> (line 2) is not closed before </Tabs>");
  BOOST_TEST(s.root.elements.size() == 1u);
}

BOOST_AUTO_TEST_CASE(stray_closing_component_tag) {
  Scan s("Text </Tabs> more\n");
  BOOST_TEST(s.first_error() == "page.md:1:6: error: closing tag </Tabs> has no matching <Tabs>");
}

BOOST_AUTO_TEST_CASE(unfinished_tag) {
  Scan s("<LoopingVideo sources={[1, 2]}\n\nNext paragraph\n");
  BOOST_TEST(s.first_error().find("page.md:1:1: error: the tag <LoopingVideo> is not finished") == 0);
}

BOOST_AUTO_TEST_CASE(prop_errors_point_into_the_expression) {
  Scan s("<LoopingVideo sources={[video]} />\n");
  std::string error = s.first_error();
  BOOST_TEST(error.find("page.md:1:25: error: prop `sources`:") == 0, error);
}

BOOST_AUTO_TEST_CASE(spread_props_are_rejected) {
  Scan s("<Card {...props} />\n");
  BOOST_TEST(s.first_error().find("page.md:1:7: error: spread props") == 0);
}

BOOST_AUTO_TEST_CASE(unclosed_aside) {
  Scan s("Intro\n\n:::note\nNever closed\n");
  BOOST_TEST(s.first_error() == "page.md:3:1: error: aside `:::note` is never closed with a `:::` line");
}

BOOST_AUTO_TEST_CASE(text_after_aside_name_needs_brackets) {
  Scan s(":::note Custom\nx\n:::\n");
  BOOST_TEST(s.first_error().find("page.md:1:8: error: unexpected text after `:::note`") == 0);
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_bounded) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "<Box>\n";
  Scan s(text);
  BOOST_TEST(s.diagnostics.error_count() > 0);
  BOOST_TEST(s.first_error().find("nested deeper than 200") != std::string::npos);
}

std::vector<std::string> errors_of(const Scan& s) {
  std::vector<std::string> out;
  for (const Diagnostic& d : s.diagnostics.all()) out.push_back(format_diagnostic(d));
  return out;
}

// 10,000 nested tags used to give 9,800 "ignored" errors and 9,800
// "no matching" errors for their end tags. Now: one error with the count,
// at the first tag ignored; the ignored tags' end tags close nothing and
// the 200 real elements are still closed by theirs; later problems are
// still found.
BOOST_AUTO_TEST_CASE(deep_nesting_is_reported_once) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "<Aside>\n";
  for (int i = 0; i < 10000; ++i) text += "</Aside>\n";
  text += "</Late>\n";
  Scan s(text);
  std::vector<std::string> expected = {
      "page.md:201:1: error: elements nested deeper than 200 levels; the tag <Aside> and 9,799 more "
      "nested as deep are ignored",
      "page.md:20001:1: error: closing tag </Late> has no matching <Late>"};
  BOOST_TEST(errors_of(s) == expected, boost::test_tools::per_element());
  BOOST_REQUIRE_EQUAL(s.root.elements.size(), 1u);
  BOOST_TEST(s.root.elements[0].name == "Aside");
}

BOOST_AUTO_TEST_CASE(deep_nesting_on_one_line_is_reported_once) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "<Badge>";
  text += "x";
  for (int i = 0; i < 10000; ++i) text += "</Badge>";
  Scan s(text + "\n");
  std::vector<std::string> expected = {
      "page.md:1:1401: error: elements nested deeper than 200 levels; the tag <Badge> and 9,799 more "
      "nested as deep are ignored"};
  BOOST_TEST(errors_of(s) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(one_tag_too_deep) {
  std::string text;
  for (int i = 0; i < 201; ++i) text += "<Aside>\n";
  for (int i = 0; i < 201; ++i) text += "</Aside>\n";
  Scan s(text);
  std::vector<std::string> expected = {
      "page.md:201:1: error: elements nested deeper than 200 levels; the tag <Aside> is ignored"};
  BOOST_TEST(errors_of(s) == expected, boost::test_tools::per_element());
}

// Asides: the `:::note` lines past the limit are dropped with their `:::`
// lines, so the remaining `:::` lines close the asides they belong to.
BOOST_AUTO_TEST_CASE(deep_asides_are_reported_once) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += ":::note\n";
  for (int i = 0; i < 10000; ++i) text += ":::\n";
  text += "after\n";
  Scan s(text);
  std::vector<std::string> expected = {
      "page.md:201:1: error: elements nested deeper than 200 levels; the aside `:::note` and 9,799 more "
      "nested as deep are ignored"};
  BOOST_TEST(errors_of(s) == expected, boost::test_tools::per_element());
  BOOST_REQUIRE_EQUAL(s.root.elements.size(), 1u);
  BOOST_TEST(s.root.markdown == "<!--skiff:0-->\nafter\n");
}

// Raw HTML containers at the start of lines count like components.
BOOST_AUTO_TEST_CASE(deep_divs_are_reported_once) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "<div>\n";
  for (int i = 0; i < 10000; ++i) text += "</div>\n";
  Scan s(text);
  std::vector<std::string> expected = {
      "page.md:201:1: error: elements nested deeper than 200 levels; the tag <div> and 9,799 more "
      "nested as deep are ignored"};
  BOOST_TEST(errors_of(s) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(crlf_line_ends) {
  Scan s("<Tabs>\r\n  <Fragment slot=\"a\">\r\n  Text\r\n  </Fragment>\r\n</Tabs>\r\nAfter\r\n");
  BOOST_TEST(s.first_error() == "");
  BOOST_TEST(s.root.markdown == "<!--skiff:0-->\nAfter\r\n");
  BOOST_TEST(s.root.elements.at(0).children.elements.at(0).children.markdown == "Text\n");
}

BOOST_AUTO_TEST_CASE(dedent_removes_common_indentation_only) {
  BOOST_TEST(dedent("  a\n    b\n\n  c") == "a\n  b\n\nc");
  BOOST_TEST(dedent("a\n  b") == "a\n  b");
}

// Fragment::lines maps each Markdown line back to its page line, across
// placeholders (one line standing for many) and into dedented children.
BOOST_AUTO_TEST_CASE(fragment_lines_map_back_to_page_lines) {
  Scan s("Intro\n\n<Tabs>\n  <Fragment slot=\"a\">\n  Text\n\n  ```js\n  x\n  ```\n  </Fragment>\n</Tabs>\nAfter\n");
  BOOST_TEST(s.root.markdown == "Intro\n\n<!--skiff:0-->\nAfter\n");
  BOOST_TEST((s.root.lines == std::vector<int>{1, 2, 3, 12}));
  BOOST_TEST(s.root.source_position(4, 1) == (Position{12, 1}));
  const Fragment& children = s.root.elements.at(0).children.elements.at(0).children;
  BOOST_TEST(children.markdown == "Text\n\n```js\nx\n```\n");
  BOOST_TEST(children.indent == 2);
  BOOST_TEST((std::vector<int>(children.lines.begin(), children.lines.begin() + 5) ==
              std::vector<int>{5, 6, 7, 8, 9}));
  // The fence on Markdown line 3, column 1, is on page line 7, column 3.
  BOOST_TEST(children.source_position(3, 1) == (Position{7, 3}));
  BOOST_TEST(children.source_position(99, 1) == (Position{}));
}

BOOST_AUTO_TEST_CASE(fragment_lines_survive_removed_comments_and_multiline_spans) {
  Scan s("a\n<!-- gone -->\nb `x\ny` c\nd\n");
  BOOST_TEST(s.root.markdown == "a\nb `x\ny` c\nd\n");
  BOOST_TEST((s.root.lines == std::vector<int>{1, 3, 4, 5}));
}

BOOST_AUTO_TEST_CASE(fragment_lines_of_inline_components) {
  Scan s("x\n<Since v=\"1\" /> and more\ny\n");
  BOOST_TEST((s.root.lines == std::vector<int>{1, 2, 3}));
}

BOOST_AUTO_TEST_CASE(fragment_lines_with_lone_carriage_returns) {
  Scan s("a\rb\r\r<Tabs>\r  <TabItem label=\"x\">\r  y\r  </TabItem>\r</Tabs>\rz\r");
  BOOST_TEST((s.root.lines == std::vector<int>{1, 2, 3, 4, 9}));
}
