#define BOOST_TEST_MODULE markdown_renderer
#include <boost/test/unit_test.hpp>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "markdown/document.h"
#include "markdown/markdown_renderer.h"

// render_markdown with hooks that record every call and return recognisable
// HTML, so each test can check both the output and the calls.

using namespace skiff;

namespace {

class RecordingHooks : public MarkdownHooks {
 public:
  std::vector<std::string> calls;
  std::vector<std::string> infos;
  std::vector<std::string> links;  // "text@line:column" per link
  std::vector<std::string> codes;
  std::string link_prefix;  // put in front of every URL; "" keeps them

  std::string element_html(std::size_t index, bool block) override {
    calls.push_back("element " + std::to_string(index) + (block ? " block" : " inline"));
    if (block) return "<div class=\"el\">E" + std::to_string(index) + "</div>";
    return "<span class=\"el\">E" + std::to_string(index) + "</span>";
  }
  std::string heading_id(int level, std::string_view text, int, int) override {
    calls.push_back("heading " + std::to_string(level) + " [" + std::string(text) + "]");
    return "h" + std::to_string(++headings_);
  }
  std::string code_block(std::string_view info, std::string_view code, int, int) override {
    calls.push_back("code");
    infos.emplace_back(info);
    codes.emplace_back(code);
    return "<pre class=\"hooked\">" + std::to_string(codes.size()) + "</pre>\n";
  }
  std::string link(const MarkdownLink& link) override {
    calls.push_back(std::string(link.image ? "image " : "link ") + std::string(link.url));
    links.push_back(std::string(link.text) + "@" + std::to_string(link.line) + ":" +
                    std::to_string(link.column));
    return link_prefix + std::string(link.url);
  }

 private:
  int headings_ = 0;
};

std::string render(std::string_view markdown, RecordingHooks& hooks, bool is_inline = false,
                   bool safe = false) {
  MarkdownOptions options;
  options.safe = safe;
  return render_markdown(markdown, is_inline, hooks, options);
}

using Calls = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_CASE(plain_paragraphs_make_no_hook_calls) {
  RecordingHooks hooks;
  BOOST_TEST(render("Hello *world*\n\nSecond", hooks) ==
             "<p>Hello <em>world</em></p>\n<p>Second</p>\n");
  BOOST_TEST(hooks.calls.empty());
}

// --- GFM extensions ---

BOOST_AUTO_TEST_CASE(gfm_table) {
  RecordingHooks hooks;
  BOOST_TEST(render("| a | b |\n|---|:-:|\n| 1 | 2 |\n", hooks) ==
             "<table>\n<thead>\n<tr>\n<th>a</th>\n<th align=\"center\">b</th>\n</tr>\n</thead>\n"
             "<tbody>\n<tr>\n<td>1</td>\n<td align=\"center\">2</td>\n</tr>\n</tbody>\n</table>\n");
}

BOOST_AUTO_TEST_CASE(gfm_strikethrough) {
  RecordingHooks hooks;
  BOOST_TEST(render("~~gone~~ kept\n", hooks) == "<p><del>gone</del> kept</p>\n");
}

// Task items: the checkbox sits in a <label> with the item's text, which
// gives it an accessible name (the extension's bare input has none).
BOOST_AUTO_TEST_CASE(gfm_tasklist) {
  RecordingHooks hooks;
  BOOST_TEST(render("- [ ] todo\n- [x] done *now*\n", hooks) ==
             "<ul>\n<li><label class=\"skiff-task\"><input type=\"checkbox\" disabled=\"\"> todo</label></li>\n"
             "<li><label class=\"skiff-task\"><input type=\"checkbox\" disabled=\"\" checked=\"\"> done "
             "<em>now</em></label></li>\n</ul>\n");
  // Loose lists keep their paragraphs; later blocks stay outside the label.
  BOOST_TEST(render("- [x] a\n\n  more\n", hooks) ==
             "<ul>\n<li>\n<p><label class=\"skiff-task\"><input type=\"checkbox\" disabled=\"\" checked=\"\"> "
             "a</label></p>\n<p>more</p>\n</li>\n</ul>\n");
  // Not a task: brackets later in the text, or an ordinary item.
  BOOST_TEST(render("- a [ ] b\n", hooks) == "<ul>\n<li>a [ ] b</li>\n</ul>\n");
}

BOOST_AUTO_TEST_CASE(gfm_autolinks_go_through_link_hook) {
  RecordingHooks hooks;
  BOOST_TEST(render("see www.example.com and https://x.org/a\n", hooks) ==
             "<p>see <a href=\"http://www.example.com\">www.example.com</a> and "
             "<a href=\"https://x.org/a\">https://x.org/a</a></p>\n");
  BOOST_TEST(hooks.calls == (Calls{"link http://www.example.com", "link https://x.org/a"}),
             boost::test_tools::per_element());
}

// --- placeholders ---

BOOST_AUTO_TEST_CASE(block_placeholder_becomes_element_html) {
  RecordingHooks hooks;
  BOOST_TEST(render("Intro\n\n<!--skiff:0-->\n\nAfter\n", hooks) ==
             "<p>Intro</p>\n<div class=\"el\">E0</div>\n<p>After</p>\n");
  BOOST_TEST(hooks.calls == Calls{"element 0 block"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(block_placeholder_interrupts_a_paragraph) {
  RecordingHooks hooks;
  BOOST_TEST(render("Intro\n<!--skiff:3-->\nAfter\n", hooks) ==
             "<p>Intro</p>\n<div class=\"el\">E3</div>\n<p>After</p>\n");
  BOOST_TEST(hooks.calls == Calls{"element 3 block"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(block_placeholder_in_list_item) {
  RecordingHooks hooks;
  BOOST_TEST(render("- item\n\n  <!--skiff:0-->\n", hooks) ==
             "<ul>\n<li>\n<p>item</p>\n<div class=\"el\">E0</div>\n</li>\n</ul>\n");
}

BOOST_AUTO_TEST_CASE(other_html_comment_is_not_a_placeholder) {
  RecordingHooks hooks;
  BOOST_TEST(render("<!--skiff:x-->\n", hooks) == "<!--skiff:x-->\n");
  BOOST_TEST(hooks.calls.empty());
}

// Regression: markdown_renderer.cc:105 — a block placeholder on the line right after
// a raw HTML line such as `<img src="a.png">` (which the scanner leaves to
// the Markdown parser) is swallowed into the same CommonMark HTML block; the
// block's literal is then not exactly a placeholder, so element_html is
// never called and `<!--skiff:0-->` is written to the page: the component
// silently disappears. Expected element 0 rendered after the <img>.
BOOST_AUTO_TEST_CASE(block_placeholder_after_a_raw_html_line) {
  RecordingHooks hooks;
  std::string html = render("<img src=\"a.png\">\n<!--skiff:0-->\n", hooks);
  BOOST_TEST(html == "<img src=\"a.png\">\n<div class=\"el\">E0</div>\n");
  BOOST_TEST(hooks.calls == (Calls{"image a.png", "element 0 block"}), boost::test_tools::per_element());
}

// Links in raw HTML are links too (lint checks them), at their value's place.
BOOST_AUTO_TEST_CASE(raw_html_links_are_reported_where_their_values_start) {
  RecordingHooks hooks;
  hooks.link_prefix = "/base";
  std::string html = render(
      "Text <img src=\"x.png\"> and <a\nhref='/y/'>y</a>\n\n"
      "<div>\n  <video src=\"/v.mp4\" poster=\"/p.png\"></video>\n<!-- <a href=\"/no/\"> -->\n</div>\n",
      hooks);
  BOOST_TEST(hooks.calls == (Calls{"image x.png", "link /y/", "image /v.mp4", "image /p.png"}),
             boost::test_tools::per_element());
  BOOST_TEST(hooks.links == (std::vector<std::string>{"@1:16", "@2:7", "@5:15", "@5:31"}),
             boost::test_tools::per_element());
  // Raw HTML is left as written: the returned URL is not put in.
  BOOST_TEST(html.find("/base") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(safe_mode_reports_no_raw_html_links) {
  RecordingHooks hooks;
  render("<img src=\"x.png\">\n\nText <a href=\"/y/\">y</a>\n", hooks, false, true);
  BOOST_TEST(hooks.calls.empty());
}

BOOST_AUTO_TEST_CASE(inline_placeholder_mid_text) {
  RecordingHooks hooks;
  std::string md = "a " + inline_placeholder(0) + " b\n";
  BOOST_TEST(render(md, hooks) == "<p>a <span class=\"el\">E0</span> b</p>\n");
  BOOST_TEST(hooks.calls == Calls{"element 0 inline"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(two_inline_placeholders_in_one_text_node) {
  RecordingHooks hooks;
  std::string md = "a" + inline_placeholder(0) + "b " + inline_placeholder(12) + "c\n";
  BOOST_TEST(render(md, hooks) ==
             "<p>a<span class=\"el\">E0</span>b <span class=\"el\">E12</span>c</p>\n");
  BOOST_TEST(hooks.calls == (Calls{"element 0 inline", "element 12 inline"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(inline_placeholders_alone_and_inside_emphasis) {
  RecordingHooks hooks;
  std::string md = inline_placeholder(0) + inline_placeholder(1) + " *x" + inline_placeholder(2) +
                   "*\n";
  BOOST_TEST(render(md, hooks) ==
             "<p><span class=\"el\">E0</span><span class=\"el\">E1</span> "
             "<em>x<span class=\"el\">E2</span></em></p>\n");
  BOOST_TEST(hooks.calls == (Calls{"element 0 inline", "element 1 inline", "element 2 inline"}),
             boost::test_tools::per_element());
}

// --- headings ---

BOOST_AUTO_TEST_CASE(heading_gets_id_and_keeps_inline_markup) {
  RecordingHooks hooks;
  BOOST_TEST(render("## Use `foo()` *now*\n", hooks) ==
             "<h2 id=\"h1\">Use <code>foo()</code> <em>now</em></h2>\n");
  BOOST_TEST(hooks.calls == Calls{"heading 2 [Use foo() now]"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(heading_text_excludes_placeholders_and_is_trimmed) {
  RecordingHooks hooks;
  std::string md = "### " + inline_placeholder(0) + " Title " + inline_placeholder(1) + "\n";
  BOOST_TEST(render(md, hooks) ==
             "<h3 id=\"h1\"><span class=\"el\">E0</span> Title <span class=\"el\">E1</span></h3>\n");
  BOOST_TEST(hooks.calls == (Calls{"heading 3 [Title]", "element 0 inline", "element 1 inline"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(heading_text_joins_setext_lines_with_a_space) {
  RecordingHooks hooks;
  BOOST_TEST(render("Two\nlines\n---\n", hooks) == "<h2 id=\"h1\">Two\nlines</h2>\n");
  BOOST_TEST(hooks.calls == Calls{"heading 2 [Two lines]"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(heading_id_is_escaped) {
  class QuoteHooks : public RecordingHooks {
    std::string heading_id(int, std::string_view, int, int) override { return "a\"<b"; }
  } hooks;
  BOOST_TEST(render("# X\n", hooks) == "<h1 id=\"a&quot;&lt;b\">X</h1>\n");
}

BOOST_AUTO_TEST_CASE(heading_with_link_uses_hooked_url) {
  RecordingHooks hooks;
  hooks.link_prefix = "/base";
  BOOST_TEST(render("## [Link](/a) here\n", hooks) ==
             "<h2 id=\"h1\"><a href=\"/base/a\">Link</a> here</h2>\n");
  BOOST_TEST(hooks.calls == (Calls{"heading 2 [Link here]", "link /a"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(hooks_are_called_in_document_order) {
  RecordingHooks hooks;
  std::string md = "# One\n\n<!--skiff:0-->\n\nText " + inline_placeholder(1) +
                   " [l](/x)\n\n```sh\nls\n```\n\n## Two\n";
  BOOST_TEST(render(md, hooks) ==
             "<h1 id=\"h1\">One</h1>\n<div class=\"el\">E0</div>\n"
             "<p>Text <span class=\"el\">E1</span> <a href=\"/x\">l</a></p>\n"
             "<pre class=\"hooked\">1</pre>\n<h2 id=\"h2\">Two</h2>\n");
  BOOST_TEST(hooks.calls == (Calls{"heading 1 [One]", "element 0 block", "element 1 inline",
                                   "link /x", "code", "heading 2 [Two]"}),
             boost::test_tools::per_element());
}

// --- code blocks ---

BOOST_AUTO_TEST_CASE(code_blocks_go_to_the_hook) {
  RecordingHooks hooks;
  BOOST_TEST(render("```js title=\"a.js\" {2}\nlet a = 1 < 2;\n```\n\n    indented\n    more\n",
                    hooks) == "<pre class=\"hooked\">1</pre>\n<pre class=\"hooked\">2</pre>\n");
  BOOST_TEST(hooks.infos == (Calls{"js title=\"a.js\" {2}", ""}), boost::test_tools::per_element());
  BOOST_TEST(hooks.codes == (Calls{"let a = 1 < 2;\n", "indented\nmore\n"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(fenced_code_content_is_not_a_placeholder) {
  RecordingHooks hooks;
  BOOST_TEST(render("```\n<!--skiff:0-->\n```\n", hooks) == "<pre class=\"hooked\">1</pre>\n");
  BOOST_TEST(hooks.codes == Calls{"<!--skiff:0-->\n"}, boost::test_tools::per_element());
  BOOST_TEST(hooks.calls == Calls{"code"}, boost::test_tools::per_element());
}

// --- links ---

BOOST_AUTO_TEST_CASE(link_hook_sees_every_url_and_replaces_it) {
  RecordingHooks hooks;
  hooks.link_prefix = "/docs";
  BOOST_TEST(render("[a](/en/x/) ![i](/img.png \"t\") <https://auto.org> [r][ref]\n\n"
                    "[ref]: /ref/\n",
                    hooks) ==
             "<p><a href=\"/docs/en/x/\">a</a> <img src=\"/docs/img.png\" alt=\"i\" title=\"t\" /> "
             "<a href=\"/docshttps://auto.org\">https://auto.org</a> "
             "<a href=\"/docs/ref/\">r</a></p>\n");
  BOOST_TEST(hooks.calls ==
                 (Calls{"link /en/x/", "image /img.png", "link https://auto.org", "link /ref/"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(link_hook_returning_the_same_url_keeps_it) {
  RecordingHooks hooks;
  BOOST_TEST(render("[a](/x?y=1&z=2)\n", hooks) == "<p><a href=\"/x?y=1&amp;z=2\">a</a></p>\n");
  BOOST_TEST(hooks.calls == Calls{"link /x?y=1&z=2"}, boost::test_tools::per_element());
}

// --- is_inline ---

BOOST_AUTO_TEST_CASE(inline_single_paragraph_loses_its_p) {
  RecordingHooks hooks;
  BOOST_TEST(render("**x** y", hooks, true) == "<strong>x</strong> y");
}

BOOST_AUTO_TEST_CASE(inline_two_paragraphs_keep_their_p) {
  RecordingHooks hooks;
  BOOST_TEST(render("p1\n\np2\n", hooks, true) == "<p>p1</p>\n<p>p2</p>\n");
}

BOOST_AUTO_TEST_CASE(inline_non_paragraph_is_unchanged) {
  RecordingHooks hooks;
  BOOST_TEST(render("- a\n", hooks, true) == "<ul>\n<li>a</li>\n</ul>\n");
}

BOOST_AUTO_TEST_CASE(not_inline_keeps_the_p) {
  RecordingHooks hooks;
  BOOST_TEST(render("**x** y", hooks, false) == "<p><strong>x</strong> y</p>\n");
}

// --- raw HTML and safe mode ---

BOOST_AUTO_TEST_CASE(raw_html_passes_through_when_not_safe) {
  RecordingHooks hooks;
  BOOST_TEST(render("<div class=\"x\">raw</div>\n\nhi <b>bold</b> there\n", hooks) ==
             "<div class=\"x\">raw</div>\n<p>hi <b>bold</b> there</p>\n");
}

BOOST_AUTO_TEST_CASE(safe_mode_drops_raw_html_keeps_placeholders) {
  RecordingHooks hooks;
  std::string md = "<div>raw</div>\n\nhi <b>bold</b> <script>x()</script>there\n\n"
                   "<!--skiff:0-->\n\nx " +
                   inline_placeholder(1) + " y\n\n## Head <i>i</i>\n";
  BOOST_TEST(render(md, hooks, false, true) ==
             "<p>hi bold x()there</p>\n<div class=\"el\">E0</div>\n"
             "<p>x <span class=\"el\">E1</span> y</p>\n<h2 id=\"h1\">Head i</h2>\n");
  BOOST_TEST(hooks.calls == (Calls{"element 0 block", "element 1 inline", "heading 2 [Head i]"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(safe_mode_keeps_hooked_code_blocks) {
  RecordingHooks hooks;
  BOOST_TEST(render("```html\n<b>x</b>\n```\n", hooks, false, true) ==
             "<pre class=\"hooked\">1</pre>\n");
}

BOOST_AUTO_TEST_CASE(links_carry_their_text_and_start) {
  RecordingHooks hooks;
  render("Some text and [a `link`](/x/) here.\n\n- item ![alt *t*](/i.png)\n", hooks);
  BOOST_TEST(hooks.links == (std::vector<std::string>{"a link@1:15", "alt t@3:8"}),
             boost::test_tools::per_element());
}

// --- UTF-8: invalid bytes and NUL become U+FFFD, as cmark's validating parse makes them ---

namespace {

// cmark-gfm itself, always validating, with the renderer's options and
// extensions: the reference for text without headings, links or code.
std::string cmark_reference(std::string_view markdown) {
  cmark_gfm_core_extensions_ensure_registered();
  const int options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8;
  cmark_parser* parser = cmark_parser_new(options);
  for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser, ext);
    }
  }
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* doc = cmark_parser_finish(parser);
  char* html = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(parser));
  std::string out(html);
  std::free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(invalid_utf8_and_nul_become_replacement_characters) {
  RecordingHooks hooks;
  BOOST_TEST(render("a\xFF" "b\n", hooks) == "<p>a\xEF\xBF\xBD" "b</p>\n");
  BOOST_TEST(render(std::string("a\0b\n", 4), hooks) == "<p>a\xEF\xBF\xBD" "b</p>\n");
  BOOST_TEST(render("caf\xC3\xA9 \xE6\x97\xA5 \xF0\x9F\x98\xB3\n", hooks) ==
             "<p>caf\xC3\xA9 \xE6\x97\xA5 \xF0\x9F\x98\xB3</p>\n");
  // Valid text right after invalid text: each parse decides for itself.
  BOOST_TEST(render("x\xC0\xAFy\n", hooks) == cmark_reference("x\xC0\xAFy\n"));
  BOOST_TEST(render("plain\n", hooks) == "<p>plain</p>\n");
}

BOOST_AUTO_TEST_CASE(utf8_handling_matches_cmark_validation_on_random_bytes) {
  // Lead bytes of every class and their edge values, continuation bytes,
  // NUL, line ends and ASCII, in random runs (long ones cross the 8-byte
  // ASCII steps of the check at every alignment).
  const std::vector<std::string> pieces = {
      "a",        "bcdefghij", " ",         "\n",       "\r",       std::string(1, '\0'),
      "\x80",     "\xBF",      "\xC0",      "\xC1",     "\xC2",     "\xDF",
      "\xE0",     "\xE0\xA0",  "\xED",      "\xED\x9F", "\xED\xA0", "\xEF",
      "\xF0",     "\xF0\x90",  "\xF0\x8F",  "\xF4",     "\xF4\x8F", "\xF4\x90",
      "\xF5",     "\xF8",      "\xFF",      "\xC3\xA9", "\xE6\x97\xA5", "\xF0\x9F\x98\xB3",
      "\xEF\xBB\xBF", "*em*",  "- item\n",  "| a |\n|---|\n| b |\n"};
  std::mt19937 random(7);
  RecordingHooks hooks;
  for (int round = 0; round < 5000; ++round) {
    // Few kinds of piece per input, so that one kind of invalid sequence is
    // often the only one (and text often entirely valid).
    std::vector<std::string> palette = {"a", "\n"};
    for (int k = 0; k < 2; ++k) palette.push_back(pieces[random() % pieces.size()]);
    std::string markdown;
    const int count = static_cast<int>(random() % 24);
    for (int i = 0; i < count; ++i) markdown += palette[random() % palette.size()];
    if (round % 3 == 0) markdown = "some ascii text before it " + markdown;
    const std::string want = cmark_reference(markdown);
    // Code blocks (indented lines) and headings (setext) go through the
    // hooks, which the reference does not have.
    if (want.find("<pre") != std::string::npos || want.find("<h") != std::string::npos) continue;
    const std::string got = render(markdown, hooks);
    BOOST_TEST_REQUIRE(got == want, "input #" << round);
  }
}

BOOST_AUTO_TEST_CASE(utf8_handling_matches_cmark_validation_for_every_lead_byte) {
  // Every byte from 0x80 as a lead byte, followed by the edge values of
  // each continuation range, at every length up to 4 and cut short.
  const unsigned char second[] = {0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
  const unsigned char later[] = {0x41, 0x80, 0xBF, 0xC0};
  RecordingHooks hooks;
  for (int lead = 0x80; lead <= 0xFF; ++lead) {
    for (unsigned char b2 : second) {
      for (unsigned char b3 : later) {
        for (unsigned char b4 : later) {
          const std::string bytes = {static_cast<char>(lead), static_cast<char>(b2), static_cast<char>(b3),
                                     static_cast<char>(b4)};
          for (std::size_t length = 1; length <= 4; ++length) {
            // Before and after 8 ASCII bytes, and at the very end.
            for (const std::string& markdown :
                 {"abcdefgh" + bytes.substr(0, length) + "ijklmnop\n", "x" + bytes.substr(0, length)}) {
              BOOST_TEST_REQUIRE(render(markdown, hooks) == cmark_reference(markdown),
                                 "lead " << lead << " length " << length);
            }
          }
          if (lead < 0xE0) break;  // the later bytes matter from 3-byte leads on
        }
        if (lead < 0xE0) break;
      }
    }
  }
}
