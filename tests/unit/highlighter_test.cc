#define BOOST_TEST_MODULE highlighter
#include <boost/test/unit_test.hpp>

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <QtGlobal>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "render/highlighter.h"
#include "temp_dir.h"

// Real highlighting through KSyntaxHighlighting 5.103 and skiff's own
// definitions: every check parses the HTML back to text and spans, so a
// test also proves the escaping and that spans close on their own line.
// The library's Repository is used directly once, to show that the user
// definition the reproducibility test plants would be picked up without
// skiff's guard.

namespace skiff {
namespace {

// ---- helpers ---------------------------------------------------------------

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

std::vector<std::string> highlight(std::string_view language, std::string_view code) {
  std::optional<std::vector<std::string>> lines =
      Highlighter::instance().highlight_lines(language, code);
  BOOST_REQUIRE_MESSAGE(lines.has_value(), "no highlighting for " << language);
  return *lines;
}

// One line's HTML split into its text and the classes of its spans. Fails
// the test (BOOST_FAIL, so a million-character line is not a million
// assertions) unless the line is text (escaped: no raw '<', '&' only in
// &lt; &gt; &amp;) and unnested <span class="hl-…">…</span> pairs.
struct ParsedLine {
  std::string text;
  std::vector<std::pair<std::string, std::string>> spans;  // class, text
};

ParsedLine parse_line(std::string_view html) {
  ParsedLine out;
  std::optional<std::pair<std::string, std::string>> open;
  std::size_t i = 0;
  while (i < html.size()) {
    std::string_view rest = html.substr(i);
    if (rest.starts_with("<span class=\"")) {
      if (open) BOOST_FAIL("nested span in: " << html);
      std::size_t end = rest.find("\">");
      if (end == std::string_view::npos) BOOST_FAIL("unterminated tag in: " << html);
      open.emplace(std::string(rest.substr(13, end - 13)), "");
      if (!open->first.starts_with("hl-")) BOOST_FAIL("not a token class: " << open->first);
      i += end + 2;
    } else if (rest.starts_with("</span>")) {
      if (!open) BOOST_FAIL("stray </span> in: " << html);
      if (open->second.empty()) BOOST_FAIL("empty span in: " << html);
      out.spans.push_back(*open);
      open.reset();
      i += 7;
    } else {
      if (rest[0] == '<' || rest[0] == '>') BOOST_FAIL("unescaped markup in: " << html);
      std::string_view piece = rest.substr(0, 1);
      std::string_view decoded = piece;
      if (rest[0] == '&') {
        if (rest.starts_with("&lt;")) {
          piece = rest.substr(0, 4), decoded = "<";
        } else if (rest.starts_with("&gt;")) {
          piece = rest.substr(0, 4), decoded = ">";
        } else if (rest.starts_with("&amp;")) {
          piece = rest.substr(0, 5), decoded = "&";
        } else {
          BOOST_FAIL("unescaped & in: " << html);
        }
      }
      out.text += decoded;
      if (open) open->second += decoded;
      i += piece.size();
    }
  }
  if (open) BOOST_FAIL("span left open at the end of: " << html);
  return out;
}

// The text of highlighted lines, joined back into source form.
std::string text_of(const std::vector<std::string>& lines, bool trailing_newline) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += '\n';
    out += parse_line(lines[i]).text;
  }
  if (trailing_newline) out += '\n';
  return out;
}

// Classes used anywhere in the lines.
std::set<std::string> classes_of(const std::vector<std::string>& lines) {
  std::set<std::string> out;
  for (const std::string& line : lines) {
    for (const auto& span : parse_line(line).spans) out.insert(span.first);
  }
  return out;
}

// The text of every span of class `cls` in one line.
std::vector<std::string> spans_of(const std::string& line, std::string_view cls) {
  std::vector<std::string> out;
  for (const auto& span : parse_line(line).spans) {
    if (span.first == cls) out.push_back(span.second);
  }
  return out;
}

bool has_span(const std::string& line, std::string_view cls, std::string_view text) {
  for (const std::string& span : spans_of(line, cls)) {
    if (span == text) return true;
  }
  return false;
}

bool valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return false;
    }
    if (length == 3 && c == 0xED && static_cast<unsigned char>(text[i + 1]) >= 0xA0) return false;
    i += length;
  }
  return true;
}

// ---- realistic snippets, one per required language -------------------------

struct Sample {
  std::string_view language;
  std::string_view code;
  std::vector<std::string_view> classes;  // each must occur
};

const std::vector<Sample>& samples() {
  static const std::vector<Sample> all = {
      {"bash",
       "#!/usr/bin/env bash\n# Install and start the dev server\nif [ -z \"$CI\" ]; then\n"
       "  npm install --save-dev astro\nfi\nnpm run dev -- --port 4321\n",
       {"hl-kw", "hl-str", "hl-com", "hl-var"}},
      {"js",
       "import { defineConfig } from 'astro/config';\n\n// https://astro.build/config\n"
       "export default defineConfig({\n  site: 'https://example.com',\n  port: 4321,\n});\n",
       {"hl-imp", "hl-str", "hl-com", "hl-num", "hl-fn"}},
      {"jsx",
       "export default function Counter({ start = 0 }) {\n  const [count, setCount] = useState(start);\n"
       "  // render\n  return <button className=\"btn\" onClick={() => setCount(count + 1)}>{count}</button>;\n}\n",
       {"hl-kw", "hl-str", "hl-com", "hl-tag", "hl-attr"}},
      {"ts",
       "interface Props {\n  title: string;\n  count?: number;\n}\n/* the greeting */\n"
       "export function greet({ title }: Props): string {\n  return `Hello ${title}`;\n}\n",
       {"hl-kw", "hl-str", "hl-com", "hl-type"}},
      {"tsx",
       "import type { ReactNode } from 'react';\n// a card\nexport const Card = ({ children }: { children: ReactNode }) => (\n"
       "  <div className=\"card\">{children}</div>\n);\n",
       {"hl-kw", "hl-str", "hl-com", "hl-tag"}},
      {"json",
       "{\n  \"name\": \"my-site\",\n  \"version\": \"1.0.0\",\n  \"private\": true,\n  \"workspaces\": [1, 2.5, null]\n}\n",
       {"hl-str", "hl-attr", "hl-num"}},
      {"html",
       "<!doctype html>\n<html lang=\"en\">\n  <!-- the page -->\n  <body class=\"home\">\n"
       "    <p>Fish &amp; chips</p>\n    <script>const a = 1;</script>\n  </body>\n</html>\n",
       {"hl-tag", "hl-attr", "hl-str", "hl-com", "hl-kw"}},
      {"css",
       "/* Theme */\n:root {\n  --accent: #2563eb;\n}\n.card > h2:hover {\n  color: var(--accent);\n"
       "  font-family: \"Inter\", sans-serif;\n  margin: 0 auto 1.5rem;\n}\n",
       {"hl-kw", "hl-str", "hl-com", "hl-num"}},
      {"astro",
       "---\nimport Layout from '../layouts/Layout.astro';\nconst { title } = Astro.props;\n---\n"
       "<Layout title={title}>\n  <!-- heading -->\n  <h1 class=\"title\">{title}</h1>\n</Layout>\n",
       {"hl-imp", "hl-kw", "hl-str", "hl-com", "hl-tag", "hl-attr"}},
      {"vue",
       "<script setup lang=\"ts\">\nimport { ref } from 'vue';\nconst count = ref<number>(0);\n</script>\n\n"
       "<template>\n  <!-- counter -->\n  <button @click=\"count++\">Count: {{ count * 2 }}</button>\n</template>\n\n"
       "<style scoped>\nbutton { font-weight: bold; }\n</style>\n",
       {"hl-imp", "hl-kw", "hl-str", "hl-com", "hl-tag", "hl-attr", "hl-num", "hl-type"}},
      {"svelte",
       "<script>\n  let name = 'world';\n  let items = [1, 2];\n</script>\n\n{#if name}\n"
       "  <h1 on:click={() => (name = '')}>Hello {name}!</h1>\n{:else}\n  <!-- nobody -->\n{/if}\n\n"
       "<style>\n  h1 { color: purple; }\n</style>\n",
       {"hl-kw", "hl-str", "hl-com", "hl-tag", "hl-attr", "hl-num"}},
      {"yaml",
       "# Site settings\ntitle: \"My docs\"\nlocales:\n  - en\n  - fr\nsearch: true\nport: 4321\n",
       {"hl-str", "hl-com", "hl-const", "hl-num"}},
      {"md",
       "# Getting started\n\nRun the **dev** server:\n\n```sh\nnpm run dev\n```\n\n- Read [the guide](./guide/)\n"
       "<!-- TODO: screenshots -->\n",
       {"hl-fn", "hl-str", "hl-com"}},
      {"mdx",
       "---\ntitle: Tabs\n---\nimport { Tabs } from '@astrojs/starlight/components';\n\n## Usage\n\n"
       "<!-- a comment -->\nUse `Tabs` to group content.\n",
       {"hl-fn", "hl-str", "hl-com"}},
      {"diff",
       "diff --git a/src/index.js b/src/index.js\n--- a/src/index.js\n+++ b/src/index.js\n@@ -1,3 +1,3 @@\n"
       " import x from 'y';\n-const port = 3000;\n+const port = 4321;\n",
       {"hl-kw", "hl-ins", "hl-del"}},
      {"c",
       "#include <stdio.h>\n\n/* Print a greeting. */\nint main(void) {\n  printf(\"Hello, %s\\n\", \"world\");\n"
       "  return 0;\n}\n",
       {"hl-pp", "hl-kw", "hl-str", "hl-com", "hl-type", "hl-num"}},
      {"cpp",
       "#include <vector>\n\n// Sum of squares\ntemplate <typename T>\nT sum(const std::vector<T>& v) {\n"
       "  T total{};\n  for (const T& x : v) total += x * x;\n  return total;\n}\n"
       "auto s = sum<int>({1, 2, 3}); const char* name = \"sum\";\n",
       {"hl-pp", "hl-kw", "hl-str", "hl-com", "hl-num"}},
      {"python",
       "import os\n\n\ndef build(path: str = \".\") -> int:\n    \"\"\"Build the site.\"\"\"\n"
       "    # count pages\n    return len(os.listdir(path)) + 1\n",
       {"hl-imp", "hl-kw", "hl-str", "hl-com", "hl-bi", "hl-num"}},
  };
  return all;
}

// ---- every required language ---------------------------------------------

BOOST_AUTO_TEST_SUITE(languages)

BOOST_AUTO_TEST_CASE(each_required_language_highlights_and_keeps_its_text) {
  for (const Sample& sample : samples()) {
    BOOST_TEST_CONTEXT("language " << sample.language) {
      BOOST_TEST(Highlighter::instance().canonical(sample.language) == sample.language);
      std::vector<std::string> lines = highlight(sample.language, sample.code);
      BOOST_TEST(lines.size() ==
                 static_cast<std::size_t>(std::count(sample.code.begin(), sample.code.end(), '\n')));
      BOOST_TEST(text_of(lines, true) == sample.code);
      std::set<std::string> classes = classes_of(lines);
      std::string html;
      for (const std::string& line : lines) html += line + "\n";
      for (std::string_view cls : sample.classes) {
        BOOST_TEST(classes.count(std::string(cls)) == 1u, cls << " missing in:\n" << html);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(definitions_load_without_library_warnings) {
  // A mistake in skiff's grammars (unknown context, bad regex, missing
  // IncludeRules target) is only reported as a Qt warning when the
  // definition is first used; the highlighter collects those.
  for (const Sample& sample : samples()) highlight(sample.language, sample.code);
  std::vector<std::string> messages = Highlighter::library_messages();
  std::string all;
  for (const std::string& m : messages) all += m + "\n";
  BOOST_TEST(messages.empty(), all);
}

BOOST_AUTO_TEST_CASE(qt_messages_are_kept_not_printed) {
  Highlighter::instance();  // installs the message handler
  qWarning("skiff test message");
  std::vector<std::string> messages = Highlighter::library_messages();
  BOOST_REQUIRE(!messages.empty());
  BOOST_TEST(messages.back() == "skiff test message");
}

BOOST_AUTO_TEST_CASE(tokens_get_the_documented_classes) {
  std::vector<std::string> js = highlight("js", "const s = 'x'; // c\nreturn 0x1F;");
  BOOST_TEST(has_span(js[0], "hl-kw", "const"));
  BOOST_TEST(has_span(js[0], "hl-str", "'x'"));
  BOOST_TEST(has_span(js[0], "hl-com", "// c"));
  BOOST_TEST(has_span(js[1], "hl-kw", "return"));
  BOOST_TEST(has_span(js[1], "hl-num", "0x1F"));
  // Operators and plain identifiers stay unwrapped.
  BOOST_TEST(parse_line(js[0]).spans.size() == 3u);

  std::vector<std::string> diff = highlight("diff", "-old\n+new\n unchanged\n");
  BOOST_TEST(has_span(diff[0], "hl-del", "-old"));
  BOOST_TEST(has_span(diff[1], "hl-ins", "+new"));
  BOOST_TEST(parse_line(diff[2]).spans.empty());

  std::vector<std::string> html = highlight("html", "<a href=\"/\">home</a>");
  BOOST_TEST(has_span(html[0], "hl-tag", "<a"));
  BOOST_TEST(has_span(html[0], "hl-str", "\"/\""));
  BOOST_TEST(spans_of(html[0], "hl-attr").size() == 1u);

  std::vector<std::string> json = highlight("json", "{\"key\": \"value\", \"n\": 1}");
  BOOST_TEST(has_span(json[0], "hl-attr", "\"key\""));
  BOOST_TEST(has_span(json[0], "hl-str", "\"value\""));
  BOOST_TEST(!contains(json[0], "hl-fn"));  // JSON punctuation is not a function

  std::vector<std::string> yaml = highlight("yaml", "enabled: true\nname: plain words\n");
  BOOST_TEST(has_span(yaml[0], "hl-const", "true"));

  std::vector<std::string> css = highlight("css", "a:hover { color: red; }");
  BOOST_TEST(spans_of(css[0], "hl-com").empty());  // pseudo-classes are not comments
}

BOOST_AUTO_TEST_CASE(adjacent_tokens_of_one_class_share_a_span) {
  // "export default" is two Import tokens with a space between: one span.
  std::vector<std::string> lines = highlight("js", "export default x;");
  BOOST_TEST(lines[0] == "<span class=\"hl-imp\">export default</span> x;");
  // Leading indentation stays outside spans.
  lines = highlight("js", "\t  return 1;");
  BOOST_TEST(lines[0].starts_with("\t  <span class=\"hl-kw\">return</span>"));
}

BOOST_AUTO_TEST_SUITE_END()

// ---- language names ------------------------------------------------------

BOOST_AUTO_TEST_SUITE(names)

BOOST_AUTO_TEST_CASE(aliases_resolve_to_canonical_names) {
  const Highlighter& h = Highlighter::instance();
  const std::vector<std::pair<std::vector<std::string_view>, std::string_view>> groups = {
      {{"sh", "shell", "bash", "console", "shellsession", "zsh", "Bash", "SH"}, "bash"},
      {{"js", "javascript", "mjs", "cjs", "JS", "JavaScript"}, "js"},
      {{"jsx", "JSX"}, "jsx"},
      {{"ts", "typescript", "mts", "cts", "TS"}, "ts"},
      {{"tsx"}, "tsx"},
      {{"json"}, "json"},
      {{"jsonc", "json5"}, "jsonc"},
      {{"html", "htm", "xhtml", "HTML"}, "html"},
      {{"css"}, "css"},
      {{"scss"}, "scss"},
      {{"astro"}, "astro"},
      {{"vue"}, "vue"},
      {{"svelte"}, "svelte"},
      {{"yaml", "yml"}, "yaml"},
      {{"md", "markdown"}, "md"},
      {{"mdx"}, "mdx"},
      {{"diff", "patch"}, "diff"},
      {{"c", "h"}, "c"},
      {{"cpp", "c++", "cc", "cxx", "hpp", "C++"}, "cpp"},
      {{"python", "py"}, "python"},
      {{"rust", "rs"}, "rust"},
      {{"go"}, "go"},
      {{"toml"}, "toml"},
      {{"ini"}, "ini"},
      {{"sql"}, "sql"},
      {{"xml", "svg"}, "xml"},
  };
  for (const auto& [aliases, canonical] : groups) {
    for (std::string_view alias : aliases) {
      BOOST_TEST(h.canonical(alias) == canonical, alias << " → " << h.canonical(alias));
    }
  }
}

BOOST_AUTO_TEST_CASE(other_library_languages_by_name_or_extension) {
  const Highlighter& h = Highlighter::instance();
  BOOST_TEST(h.canonical("Lua") == "lua");          // definition name
  BOOST_TEST(h.canonical("cmake") == "cmake");
  BOOST_TEST(h.canonical("hs") == "hs");            // *.hs → Haskell
  BOOST_TEST(h.display_name("hs") == "Haskell");
  BOOST_TEST(h.display_name("Lua") == "Lua");
  BOOST_REQUIRE(Highlighter::instance().highlight_lines("lua", "local x = 1 -- one").has_value());
}

BOOST_AUTO_TEST_CASE(display_names) {
  const Highlighter& h = Highlighter::instance();
  BOOST_TEST(h.display_name("sh") == "Shell");
  BOOST_TEST(h.display_name("mjs") == "JavaScript");
  BOOST_TEST(h.display_name("tsx") == "TSX");
  BOOST_TEST(h.display_name("astro") == "Astro");
  BOOST_TEST(h.display_name("nope") == "");
}

BOOST_AUTO_TEST_CASE(unknown_languages_give_nothing) {
  Highlighter& h = Highlighter::instance();
  for (std::string_view word : {"", "text", "plaintext", "nosuchlanguage", "java script", "*.js"}) {
    BOOST_TEST(h.canonical(word) == "", word);
    BOOST_TEST(!h.highlight_lines(word, "x < y").has_value(), word);
  }
  // Hidden helper definitions (skiff's shared markup, the library's
  // "Comments") are not languages.
  BOOST_TEST(h.canonical("skiff markup") == "");
  BOOST_TEST(h.canonical("comments") == "");
}

BOOST_AUTO_TEST_SUITE_END()

// ---- text handling -------------------------------------------------------

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(markup_characters_are_escaped) {
  std::string_view code = "if (a < b && c > \"<d>\") { x = '&amp;'; }";
  std::vector<std::string> lines = highlight("js", code);
  BOOST_TEST(text_of(lines, false) == code);  // parse_line rejects raw < > and bare &
  BOOST_TEST(contains(lines[0], "a &lt; b &amp;&amp; c &gt;"));
  BOOST_TEST(contains(lines[0], "\"&lt;d&gt;\""));  // quotes need no escaping in text
  BOOST_TEST(contains(lines[0], "'&amp;amp;'"));
}

BOOST_AUTO_TEST_CASE(line_splitting) {
  BOOST_TEST(highlight("js", "").empty());
  BOOST_TEST(highlight("js", "\n") == std::vector<std::string>{""});
  BOOST_TEST(highlight("js", "x\n").size() == 1u);
  BOOST_TEST(highlight("js", "x").size() == 1u);
  BOOST_TEST(highlight("js", "x\n\ny\n\n").size() == 4u);
}

BOOST_AUTO_TEST_CASE(spans_close_on_every_line_of_a_multiline_comment) {
  std::vector<std::string> js = highlight("js", "/* one\n   two\n   three */ let x;\n");
  BOOST_REQUIRE(js.size() == 3u);
  BOOST_TEST(js[0] == "<span class=\"hl-com\">/* one</span>");
  BOOST_TEST(js[1] == "   <span class=\"hl-com\">two</span>");
  BOOST_TEST(js[2] == "   <span class=\"hl-com\">three */</span> <span class=\"hl-kw\">let</span> x;");

  std::vector<std::string> css = highlight("css", "a {\n  /* first\n     second */\n  color: red;\n}\n");
  BOOST_TEST(has_span(css[1], "hl-com", "/* first"));
  BOOST_TEST(has_span(css[2], "hl-com", "second */"));
  BOOST_TEST(spans_of(css[3], "hl-com").empty());

  // A template literal spans lines too; so does a Python docstring.
  std::vector<std::string> tpl = highlight("ts", "const s = `a\nb ${x}\nc`;");
  BOOST_TEST(has_span(tpl[1], "hl-str", "b ${"));
  std::vector<std::string> py = highlight("python", "\"\"\"doc\nmore\"\"\"\n");
  BOOST_TEST(parse_line(py[1]).spans.size() == 1u);
}

BOOST_AUTO_TEST_CASE(crlf_line_ends_are_kept_outside_spans) {
  std::vector<std::string> crlf = highlight("js", "const a = 'x'; // c\r\nlet b;\r\n");
  std::vector<std::string> lf = highlight("js", "const a = 'x'; // c\nlet b;\n");
  BOOST_REQUIRE(crlf.size() == 2u);
  BOOST_TEST(crlf[0] == lf[0] + "\r");
  BOOST_TEST(crlf[1] == lf[1] + "\r");
  // A lone '\r' elsewhere is text.
  BOOST_TEST(text_of(highlight("js", "a\rb"), false) == "a\rb");
}

BOOST_AUTO_TEST_CASE(tabs_are_kept) {
  std::string_view code = "function f() {\n\treturn\t1;\n}";
  BOOST_TEST(text_of(highlight("js", code), false) == code);
}

BOOST_AUTO_TEST_CASE(non_ascii_text_round_trips) {
  // Two-, three- and four-byte UTF-8 (a surrogate pair in UTF-16) inside
  // and around tokens: the library counts UTF-16 units, skiff bytes.
  std::string_view code = "const café = \"日本語 😀\"; // 🎉 ok\nlet ü = '𝒳';";
  std::vector<std::string> lines = highlight("js", code);
  BOOST_TEST(text_of(lines, false) == code);
  BOOST_TEST(has_span(lines[0], "hl-str", "\"日本語 😀\""));
  BOOST_TEST(has_span(lines[0], "hl-com", "// 🎉 ok"));
  BOOST_TEST(has_span(lines[1], "hl-str", "'𝒳'"));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_becomes_replacement_characters) {
  std::string code = "const s = \"a\xff\xfe b\"; // \xc3\n\xe2\x82 x\n";
  code += std::string("\xed\xa0\x80", 3);  // an encoded surrogate
  std::vector<std::string> lines = highlight("js", code);
  BOOST_REQUIRE(lines.size() == 3u);
  for (const std::string& line : lines) BOOST_TEST(valid_utf8(line));
  BOOST_TEST(contains(lines[0], "\xEF\xBF\xBD"));
  BOOST_TEST(!spans_of(lines[0], "hl-str").empty());
  BOOST_TEST(!spans_of(lines[0], "hl-com").empty());
}

BOOST_AUTO_TEST_CASE(a_million_character_line) {
  std::string code;
  while (code.size() < 1'000'000) code += "x=f(1,\"s\");";
  code.resize(1'000'000);
  std::vector<std::string> lines = highlight("js", code);
  BOOST_REQUIRE(lines.size() == 1u);
  BOOST_TEST(text_of(lines, false) == code);
  // The start is highlighted; past kMaxHighlightedLineUnits it is text.
  BOOST_TEST(lines[0].starts_with("x=<span class=\"hl-fn\">f</span>(<span class=\"hl-num\">1</span>"));
  BOOST_TEST(!contains(std::string_view(lines[0]).substr(lines[0].size() - 100'000), "<span"));
  // Highlighting still continues on the next line.
  lines = highlight("js", code + "\nreturn 1;");
  BOOST_TEST(has_span(lines[1], "hl-kw", "return"));
}

BOOST_AUTO_TEST_CASE(a_surrogate_pair_at_the_highlighting_limit_stays_whole) {
  // The pair straddles the cut: the highlighter sees half of it.
  std::string code = "'" + std::string(Highlighter::kMaxHighlightedLineUnits - 2, 'a') + "😀😀'";
  std::vector<std::string> lines = highlight("js", code);
  BOOST_TEST(valid_utf8(lines[0]));
  BOOST_TEST(text_of(lines, false) == code);
}

BOOST_AUTO_TEST_SUITE_END()

// ---- skiff's own definitions ------------------------------------------------

BOOST_AUTO_TEST_SUITE(component_languages)

BOOST_AUTO_TEST_CASE(astro_frontmatter_is_typescript_and_the_body_markup) {
  std::vector<std::string> lines = highlight("astro",
                                             "---\n"
                                             "import Card from '../components/Card.astro';\n"
                                             "interface Props { title: string }\n"
                                             "const { title } = Astro.props as Props;\n"
                                             "---\n"
                                             "<Card title={title.toUpperCase()} {...rest}>\n"
                                             "  <h1 class=\"big\">{items.map((i) => <li>{i}</li>)}</h1>\n"
                                             "  ---\n"
                                             "</Card>\n"
                                             "<script>\n  const n: number = 1;\n</script>\n");
  BOOST_TEST(has_span(lines[0], "hl-com", "---"));
  BOOST_TEST(has_span(lines[1], "hl-imp", "import"));
  BOOST_TEST(has_span(lines[1], "hl-str", "'../components/Card.astro'"));
  BOOST_TEST(has_span(lines[2], "hl-kw", "interface"));  // TypeScript, not JavaScript
  BOOST_TEST(has_span(lines[2], "hl-type", "string"));
  BOOST_TEST(has_span(lines[4], "hl-com", "---"));
  BOOST_TEST(has_span(lines[5], "hl-tag", "<Card"));
  BOOST_TEST(has_span(lines[5], "hl-attr", "title"));
  BOOST_TEST(has_span(lines[5], "hl-fn", "toUpperCase"));  // {expression}
  BOOST_TEST(spans_of(lines[5], "hl-err").empty());         // {...spread}
  BOOST_TEST(has_span(lines[6], "hl-tag", "<h1"));
  BOOST_TEST(has_span(lines[6], "hl-tag", "<li>"));         // JSX inside an expression
  BOOST_TEST(parse_line(lines[7]).spans.empty());           // --- in the body is text
  BOOST_TEST(has_span(lines[10], "hl-kw", "const"));
}

BOOST_AUTO_TEST_CASE(astro_without_frontmatter_is_markup) {
  std::vector<std::string> lines = highlight("astro", "<p>{a}</p>\n---\nconst x = 1;\n---\n");
  BOOST_TEST(has_span(lines[0], "hl-tag", "<p>"));
  BOOST_TEST(parse_line(lines[2]).spans.empty());  // not a frontmatter: plain text
}

BOOST_AUTO_TEST_CASE(vue_interpolations_directives_script_and_style) {
  std::vector<std::string> lines = highlight("vue",
                                             "<script setup lang=\"ts\">\n"
                                             "const n: number = 1;\n"
                                             "</script>\n"
                                             "<template>\n"
                                             "  <p v-if=\"n > 0\" :title=\"'t'\">{{ n + 2 }} items</p>\n"
                                             "</template>\n"
                                             "<script>\nexport default { data() { return {}; } };\n</script>\n"
                                             "<style lang=\"scss\">\n$c: red;\np { color: $c; }\n</style>\n");
  BOOST_TEST(has_span(lines[1], "hl-type", "number"));  // lang="ts"
  BOOST_TEST(has_span(lines[4], "hl-attr", "v-if"));
  BOOST_TEST(has_span(lines[4], "hl-num", "0"));        // directive value is code
  BOOST_TEST(has_span(lines[4], "hl-str", "\"'t'\""));  // quotes and string: one span
  BOOST_TEST(has_span(lines[4], "hl-num", "2"));        // {{ interpolation }}
  BOOST_TEST(has_span(lines[7], "hl-imp", "export default"));
  BOOST_TEST(has_span(lines[10], "hl-var", "$c"));      // lang="scss"
  BOOST_TEST(has_span(lines[11], "hl-kw", "color"));
  BOOST_TEST(has_span(lines[12], "hl-tag", "</style>"));
}

BOOST_AUTO_TEST_CASE(svelte_blocks_expressions_script_and_style) {
  std::vector<std::string> lines = highlight("svelte",
                                             "<script lang=\"ts\">\n  let count: number = 0;\n</script>\n"
                                             "{#each items as item (item.id)}\n"
                                             "  <button on:click={() => count++} class:active={count > 1}>{item.name}</button>\n"
                                             "{:else}\n  <p>None</p>\n{/each}\n"
                                             "{@html '<b>x</b>'}\n"
                                             "<style>\n  p { color: red; }\n</style>\n");
  BOOST_TEST(has_span(lines[1], "hl-type", "number"));
  BOOST_TEST(has_span(lines[3], "hl-kw", "{#each"));
  BOOST_TEST(has_span(lines[4], "hl-attr", "on:click"));
  BOOST_TEST(has_span(lines[4], "hl-num", "1"));
  BOOST_TEST(spans_of(lines[4], "hl-err").empty());
  BOOST_TEST(has_span(lines[5], "hl-kw", "{:else"));
  BOOST_TEST(has_span(lines[7], "hl-kw", "{/each"));
  BOOST_TEST(has_span(lines[8], "hl-str", "'<b>x</b>'"));
  BOOST_TEST(has_span(lines[10], "hl-kw", "color"));
}

BOOST_AUTO_TEST_SUITE_END()

// ---- cache -----------------------------------------------------------------

BOOST_AUTO_TEST_SUITE(cache)

BOOST_AUTO_TEST_CASE(results_are_memoised_per_language_and_code) {
  Highlighter h;
  auto first = h.highlight_lines("js", "const a = 1;");
  BOOST_TEST(h.cache_entries() == 1u);
  auto again = h.highlight_lines("javascript", "const a = 1;");  // same canonical language
  BOOST_TEST(h.cache_entries() == 1u);
  BOOST_TEST(*first == *again);
  h.highlight_lines("ts", "const a = 1;");
  BOOST_TEST(h.cache_entries() == 2u);
  h.highlight_lines("nosuchlanguage", "const a = 1;");
  BOOST_TEST(h.cache_entries() == 2u);
}

// Lines are memoised by the state they start in: one text inside and
// outside a comment, a string or an Astro frontmatter fence, in either
// order, comes out as a highlighter that never saw the other block makes it.
BOOST_AUTO_TEST_CASE(memoised_lines_follow_the_state_they_start_in) {
  const std::vector<std::pair<std::string, std::string>> blocks = {
      {"js", "const a = 1;\n/* open\nconst a = 1;\n*/\nconst a = 1;"},
      {"js", "let s = `x\nconst a = 1;\n`;\nconst a = 1;"},
      {"js", "const a = 1;\nconst a = 1; /* open\n*/ const a = 1;"},
      {"css", "a { color: red; }\n/* a { color: red; }\na { color: red; } */"},
      {"astro", "---\nconst a = 1;\n---\nconst a = 1;\n<p>{a}</p>"},
      {"astro", "<p>{a}</p>\nconst a = 1;\n---\nconst a = 1;"},
      {"python", "x = 1\n\"\"\"\nx = 1\n\"\"\"\nx = 1"},
      {"sh", "echo hi\ncat <<EOF\necho hi\nEOF\necho hi"},
  };
  // Each block alone, in a highlighter of its own.
  std::vector<std::vector<std::string>> alone;
  for (const auto& [language, code] : blocks) {
    Highlighter fresh;
    alone.push_back(*fresh.highlight_lines(language, code));
  }
  for (bool reversed : {false, true}) {
    Highlighter shared;
    for (std::size_t n = 0; n < blocks.size(); ++n) {
      const std::size_t i = reversed ? blocks.size() - 1 - n : n;
      auto lines = shared.highlight_lines(blocks[i].first, blocks[i].second);
      BOOST_REQUIRE(lines.has_value());
      BOOST_TEST(*lines == alone[i], "block " << i << (reversed ? " (reversed order)" : ""));
    }
  }
  // The same text does come out differently in the two states.
  BOOST_TEST(alone[0][0] != alone[0][2]);
  BOOST_TEST(alone[0][0] == alone[0][4]);
}

BOOST_AUTO_TEST_CASE(the_cache_stays_within_its_budget) {
  const std::size_t budget = 64 * 1024;
  Highlighter h(budget);
  std::string snippet(1000, 'x');
  for (int i = 0; i < 500; ++i) {
    auto lines = h.highlight_lines("js", "let v" + std::to_string(i) + " = 1; // " + snippet);
    BOOST_REQUIRE(lines.has_value());
    BOOST_TEST(h.cache_bytes() <= budget);
  }
  BOOST_TEST(h.cache_entries() > 10u);
  BOOST_TEST(h.cache_entries() < 500u);
  // A block larger than an eighth of the budget is highlighted, not cached.
  const std::size_t entries = h.cache_entries();
  BOOST_TEST(h.highlight_lines("js", std::string(budget, 'y')).has_value());
  BOOST_TEST(h.cache_entries() == entries);
}

BOOST_AUTO_TEST_SUITE_END()

// ---- reproducibility ---------------------------------------------------------

BOOST_AUTO_TEST_SUITE(reproducibility)

// Sets an environment variable for one scope.
struct EnvOverride {
  EnvOverride(const char* name, const std::string& value) : name(name) {
    if (const char* old = std::getenv(name)) previous = old;
    ::setenv(name, value.c_str(), 1);
  }
  ~EnvOverride() {
    if (previous) {
      ::setenv(name, previous->c_str(), 1);
    } else {
      ::unsetenv(name);
    }
  }
  const char* name;
  std::optional<std::string> previous;
};

// A user definition that would turn all JavaScript into errors, with a
// version far above the library's, under both folders the library reads.
void write_bogus_javascript(const std::filesystem::path& data_home) {
  const char* xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<!DOCTYPE language>\n"
      "<language name=\"JavaScript\" version=\"9999\" kateversion=\"5.0\" section=\"Scripts\"\n"
      "          extensions=\"*.js\" author=\"test\" license=\"MIT\">\n"
      "<highlighting><contexts>\n"
      "  <context name=\"Normal\" attribute=\"Bogus\" lineEndContext=\"#stay\" />\n"
      "</contexts><itemDatas><itemData name=\"Bogus\" defStyleNum=\"dsError\" /></itemDatas>\n"
      "</highlighting></language>\n";
  for (const char* folder : {"org.kde.syntax-highlighting/syntax", "katepart5/syntax"}) {
    std::filesystem::create_directories(data_home / folder);
    std::ofstream(data_home / folder / "javascript.xml") << xml;
  }
}

BOOST_AUTO_TEST_CASE(user_definitions_cannot_change_the_output) {
  const std::string code = "const a = 'x'; // c\n";
  const auto expected = Highlighter::instance().highlight_lines("js", code);

  testing::TempDir dir;
  write_bogus_javascript(dir.path);
  EnvOverride home("XDG_DATA_HOME", dir.path.string());
  EnvOverride dirs("XDG_DATA_DIRS", dir.path.string());

  {
    // The override is real: a plain repository picks it up.
    KSyntaxHighlighting::Repository repository;
    BOOST_TEST(repository.definitionForName(QStringLiteral("JavaScript")).version() == 9999);
  }

  Highlighter h;  // built with the user folder in the environment
  BOOST_TEST(*h.highlight_lines("js", code) == *expected);
  BOOST_TEST(!contains((*h.highlight_lines("js", code))[0], "hl-err"));
  // The environment is as it was.
  BOOST_TEST(std::getenv("XDG_DATA_HOME") == dir.path.string());
  BOOST_TEST(std::getenv("XDG_DATA_DIRS") == dir.path.string());
}

BOOST_AUTO_TEST_CASE(unset_variables_are_unset_again) {
  EnvOverride home("XDG_DATA_HOME", "");
  ::unsetenv("XDG_DATA_HOME");
  Highlighter h;
  BOOST_TEST(std::getenv("XDG_DATA_HOME") == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace skiff
