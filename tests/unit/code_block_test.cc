#define BOOST_TEST_MODULE code_block
#include <boost/test/unit_test.hpp>

#include <set>
#include <string>
#include <vector>

#include "render/code_block.h"

// Info-string options and the markup of a code block; the token spans
// themselves are highlighter_test's business.

using namespace skiff;

namespace {

std::size_t count(const std::string& text, std::string_view part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// The text a reader copies: the <code> element's text content.
std::string code_text(const std::string& html) {
  std::size_t begin = html.find("<code");
  begin = html.find('>', begin) + 1;
  std::size_t end = html.find("</code>", begin);
  std::string out;
  bool in_tag = false;
  for (std::size_t i = begin; i < end; ++i) {
    if (html[i] == '<') in_tag = true;
    else if (html[i] == '>') in_tag = false;
    else if (!in_tag) out += html[i];
  }
  for (auto [entity, ch] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}}) {
    for (std::size_t at; (at = out.find(entity)) != std::string::npos;) out.replace(at, std::string(entity).size(), ch);
  }
  return out;
}

// The line numbers `ranges` names (small ranges only).
std::set<int> lines(const LineRanges& ranges) {
  std::set<int> out;
  for (const auto& [first, last] : ranges.ranges()) {
    for (int n = first; n <= last; ++n) out.insert(n);
  }
  return out;
}

std::string render(std::string_view info, std::string_view code, std::vector<std::string>* warnings = nullptr) {
  CodeBlockInfo parsed = parse_code_info(info);
  return render_code_block(parsed, code, CodeBlockStrings{}, [&](std::string w) {
    if (warnings != nullptr) warnings->push_back(std::move(w));
  });
}

}  // namespace

BOOST_AUTO_TEST_CASE(language_is_the_first_word) {
  BOOST_TEST(parse_code_info("").language == "");
  BOOST_TEST(parse_code_info("  js  ").language == "js");
  BOOST_TEST(parse_code_info("js{1,3}").language == "js");
  CodeBlockInfo info = parse_code_info("js{1,3}");
  BOOST_TEST((lines(info.marked) == std::set<int>{1, 3}));
}

BOOST_AUTO_TEST_CASE(title_in_either_quotes_and_line_ranges) {
  std::vector<CodeInfoProblem> problems;
  CodeBlockInfo info = parse_code_info(R"(js title="astro.config.mjs" {2,4-6} showLineNumbers)", &problems);
  BOOST_TEST(problems.empty());
  BOOST_TEST(info.title == "astro.config.mjs");
  BOOST_TEST((lines(info.marked) == std::set<int>{2, 4, 5, 6}));
  BOOST_TEST(info.line_numbers);
  BOOST_TEST(parse_code_info("ts title='src/env.d.ts'").title == "src/env.d.ts");
  BOOST_TEST(parse_code_info(R"(sh title="my file.txt")").title == "my file.txt");
}

BOOST_AUTO_TEST_CASE(mark_ins_del_lang_frame_and_numbering) {
  std::vector<CodeInfoProblem> problems;
  CodeBlockInfo info = parse_code_info(
      R"(diff lang="js" mark={1} ins={3-4} del={2} frame=terminal startLineNumber=10)", &problems);
  BOOST_TEST(problems.empty());
  BOOST_TEST(info.content_language == "js");
  BOOST_TEST((lines(info.marked) == std::set<int>{1}));
  BOOST_TEST((lines(info.inserted) == std::set<int>{3, 4}));
  BOOST_TEST((lines(info.deleted) == std::set<int>{2}));
  BOOST_TEST(info.frame == "terminal");
  BOOST_TEST(info.first_line_number == 10);
  BOOST_TEST(info.line_numbers);
  BOOST_TEST(!parse_code_info("js showLineNumbers=false").line_numbers);
}

BOOST_AUTO_TEST_CASE(problems_name_the_option_and_its_column) {
  std::vector<CodeInfoProblem> problems;
  CodeBlockInfo info = parse_code_info(R"(js wrap title="a.js")", &problems);
  BOOST_TEST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].column == 3u);
  BOOST_TEST(problems[0].message.find("unknown code block option `wrap`") != std::string::npos);
  BOOST_TEST(info.title == "a.js");  // the rest is still read

  problems.clear();
  parse_code_info("js {5-2}", &problems);
  BOOST_TEST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].column == 3u);
  BOOST_TEST(problems[0].message.find("lower to a higher") != std::string::npos);

  problems.clear();
  parse_code_info("js {0}", &problems);
  BOOST_TEST(problems.size() == 1u);

  problems.clear();
  parse_code_info("js {1,2", &problems);
  BOOST_TEST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].message.find("closing `}`") != std::string::npos);

  problems.clear();
  parse_code_info(R"(js title="a.js)", &problems);
  BOOST_TEST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].message.find("closing quote") != std::string::npos);

  problems.clear();
  parse_code_info("js frame=fancy mark=3 startLineNumber=x", &problems);
  BOOST_TEST(problems.size() == 3u);

}

// Hostile info strings: each is a warning, in constant memory, never a hang.
BOOST_AUTO_TEST_CASE(hostile_ranges_cost_nothing) {
  std::vector<CodeInfoProblem> problems;
  parse_code_info("js {2147483647}", &problems);  // once an endless loop (int overflow)
  BOOST_TEST(problems.size() == 1u);
  problems.clear();
  parse_code_info("js {1-999999999}", &problems);
  BOOST_TEST(problems.size() == 1u);
  problems.clear();
  parse_code_info("js {99999999999999999999}", &problems);
  BOOST_TEST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].message.find("from 1 to 1000000") != std::string::npos);
  // Many large ranges: kept as intervals, not as a set of a million lines each.
  std::string many = "js {";
  for (int i = 0; i < 2000; ++i) many += (i ? "," : "") + std::string("1-1000000");
  many += "}";
  problems.clear();
  CodeBlockInfo info = parse_code_info(many, &problems);
  BOOST_TEST(problems.empty());
  BOOST_TEST(info.marked.ranges().size() == 2000u);
  BOOST_TEST(info.marked.contains(999999));
  BOOST_TEST(info.marked.last() == 1000000);
  std::vector<std::string> warnings;
  render_code_block(info, "a\n", {}, [&](std::string w) { warnings.push_back(w); });
  BOOST_TEST(warnings.size() == 1u);
}

// Expressive Code's text markers are one token each (spaces and all), and
// a warning, not a cascade of them.
BOOST_AUTO_TEST_CASE(text_markers_and_stray_tokens_are_one_warning_each) {
  std::vector<CodeInfoProblem> problems;
  CodeBlockInfo info = parse_code_info(R"(js "marked text" /re gex/ ins="x y" = title="t")", &problems);
  BOOST_TEST_REQUIRE(problems.size() == 4u);
  BOOST_TEST(problems[0].message.find("`\"marked text\"`") != std::string::npos);
  BOOST_TEST(problems[1].column == 17u);
  BOOST_TEST(problems[1].message.find("`/re gex/`") != std::string::npos);
  BOOST_TEST(problems[2].message.find("`ins` takes line ranges") != std::string::npos);
  BOOST_TEST(problems[3].message == "`=` is not an option");
  BOOST_TEST(info.title == "t");
}

BOOST_AUTO_TEST_CASE(show_line_numbers_takes_a_first_number_like_docusaurus) {
  CodeBlockInfo info = parse_code_info("js showLineNumbers=5");
  BOOST_TEST(info.line_numbers);
  BOOST_TEST(info.first_line_number == 5);
  std::vector<CodeInfoProblem> problems;
  parse_code_info("js showLineNumbers=maybe", &problems);
  BOOST_TEST(problems.size() == 1u);
}

BOOST_AUTO_TEST_CASE(markup_has_title_label_copy_button_and_one_span_per_line) {
  CodeBlockInfo info = parse_code_info(R"(js title="a<b>.js" {2})");
  std::string html = render_code_block(info, "const a = 1;\nconst b = '<x>';\n", {"Copiar", "¡Copiado!"});
  BOOST_TEST(html.starts_with("<figure class=\"skiff-code\" data-language=\"js\">\n"));
  BOOST_TEST(html.find("<figcaption class=\"skiff-code__title\">a&lt;b&gt;.js</figcaption>") != std::string::npos);
  BOOST_TEST(html.find("<span class=\"skiff-code__lang\">JavaScript</span>") != std::string::npos);
  BOOST_TEST(html.find("<button type=\"button\" class=\"skiff-copy\" data-copied=\"¡Copiado!\">Copiar</button>") !=
             std::string::npos);
  BOOST_TEST(html.find("<pre tabindex=\"0\"><code class=\"language-js\">") != std::string::npos);
  BOOST_TEST(count(html, "class=\"line") == 2u);
  BOOST_TEST(count(html, "<mark class=\"line mark\">") == 1u);
  BOOST_TEST(html.find("</button><span class=\"skiff-sr-only\" role=\"status\"></span></div>") != std::string::npos);
  BOOST_TEST(html.find("hl-") != std::string::npos);  // highlighted
  BOOST_TEST(code_text(html) == "const a = 1;\nconst b = '<x>';\n");
}

BOOST_AUTO_TEST_CASE(unknown_language_is_escaped_plain_text_without_error) {
  std::vector<std::string> warnings;
  std::string html = render("klingon", "<qapla'> & \"batlh\"\n", &warnings);
  BOOST_TEST(warnings.empty());
  BOOST_TEST(html.find("data-language=\"klingon\"") != std::string::npos);
  BOOST_TEST(html.find("<span class=\"skiff-code__lang\">klingon</span>") != std::string::npos);
  BOOST_TEST(html.find("hl-") == std::string::npos);
  BOOST_TEST(html.find("&lt;qapla'&gt; &amp; \"batlh\"") != std::string::npos);
  BOOST_TEST(code_text(html) == "<qapla'> & \"batlh\"\n");
}

BOOST_AUTO_TEST_CASE(no_language_means_no_label_and_no_class) {
  std::string html = render("", "plain\n");
  BOOST_TEST(html.starts_with("<figure class=\"skiff-code\">"));
  BOOST_TEST(html.find("skiff-code__lang") == std::string::npos);
  BOOST_TEST(html.find("<code>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(language_aliases_resolve_to_one_name) {
  BOOST_TEST(render("JavaScript", "let a;\n").find("data-language=\"js\"") != std::string::npos);
  BOOST_TEST(render("sh", "ls\n").find("data-language=\"bash\"") != std::string::npos);
}

// A plain diff is a patch: copied as written, its lines coloured.
BOOST_AUTO_TEST_CASE(plain_diff_keeps_its_markers_as_text) {
  std::string patch = "--- a/x.js\n+++ b/x.js\n@@ -1,2 +1,2 @@\n-const a = 1;\n+const a = 2;\n keep();\n";
  std::string html = render("diff", patch);
  BOOST_TEST(count(html, "<span class=\"line diff-meta\">") == 3u);
  BOOST_TEST(count(html, "<span class=\"line diff-del\">") == 1u);
  BOOST_TEST(count(html, "<span class=\"line diff-add\">") == 1u);
  BOOST_TEST(code_text(html) == patch);
}

// A diff with a content language is code that changed: markers become
// <ins>/<del> lines (drawn by CSS), the rest is highlighted.
BOOST_AUTO_TEST_CASE(diff_with_lang_moves_markers_out_of_the_text) {
  std::string html = render("diff lang=\"js\"", "@@ -1 +1 @@\n-const a = 1;\n+const a = 2;\n keep();\n");
  BOOST_TEST(count(html, "<del class=\"line del\">") == 1u);
  BOOST_TEST(count(html, "<ins class=\"line ins\">") == 1u);
  BOOST_TEST(code_text(html) == "@@ -1 +1 @@\nconst a = 1;\nconst a = 2;\nkeep();\n");
}

BOOST_AUTO_TEST_CASE(diff_with_lang_highlights_the_content) {
  std::string plain = render("diff", "+const a = 1;\n");
  std::string js = render("diff lang=\"js\"", "+const a = 1;\n");
  BOOST_TEST(plain.find("hl-") == std::string::npos);
  BOOST_TEST(js.find("hl-") != std::string::npos);
  BOOST_TEST(code_text(js) == "const a = 1;\n");
}

BOOST_AUTO_TEST_CASE(ins_and_del_ranges_on_any_language) {
  std::string html = render("js ins={1} del={2}", "a();\nb();\n");
  BOOST_TEST(count(html, "<ins class=\"line ins\">") == 1u);
  BOOST_TEST(count(html, "<del class=\"line del\">") == 1u);
  BOOST_TEST(code_text(html) == "a();\nb();\n");
}

BOOST_AUTO_TEST_CASE(marking_past_the_end_warns) {
  std::vector<std::string> warnings;
  render("js {7}", "a();\nb();\n", &warnings);
  BOOST_TEST_REQUIRE(warnings.size() == 1u);
  BOOST_TEST(warnings[0] == "line 7 cannot be marked: the code block has 2 lines");
}

BOOST_AUTO_TEST_CASE(line_numbers_are_css_not_text) {
  std::string html = render("js startLineNumber=5", "a();\nb();\n");
  BOOST_TEST(html.find("skiff-code--numbered") != std::string::npos);
  BOOST_TEST(html.find("style=\"counter-reset:line 4\"") != std::string::npos);
  BOOST_TEST(code_text(html) == "a();\nb();\n");
  BOOST_TEST(render("js showLineNumbers", "a();\n").find("counter-reset") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(carriage_returns_and_empty_blocks) {
  BOOST_TEST(code_text(render("js", "a();\r\nb();\r\n")) == "a();\nb();\n");
  std::string empty = render("js", "");
  BOOST_TEST(count(empty, "<span class=\"line") == 0u);
  BOOST_TEST(empty.find("</code></pre>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(shell_blocks_look_like_a_terminal_unless_titled) {
  BOOST_TEST(render("sh", "ls\n").find("skiff-code--terminal") != std::string::npos);
  BOOST_TEST(render("sh title=\"setup.sh\"", "ls\n").find("skiff-code--terminal") == std::string::npos);
  BOOST_TEST(render("js frame=terminal", "a\n").find("skiff-code--terminal") != std::string::npos);
  BOOST_TEST(render("sh frame=code", "ls\n").find("skiff-code--terminal") == std::string::npos);
}
