// Code blocks: the HTML of one fenced or indented code block, highlighted at
// build time (render/highlighter).
//
// The fence's info string is the language (first word) and then options,
// in the syntax docs authors know from Expressive Code / Starlight:
//
//   ```js title="astro.config.mjs" {2,4-6} showLineNumbers
//   ```diff lang="js"            a diff whose lines are highlighted as js
//   ```ts ins={3} del={1-2}      lines shown as added / removed
//
//   {2,4-6} or mark={…}   lines to emphasise        title="…" / title='…'
//   ins={…} del={…}       added / removed lines      showLineNumbers[=false]
//   lang="…"              content language of a diff startLineNumber=N
//   frame="code|terminal|none|auto"   the window look (title bar or not)
//
// Markup (code_block.css and code_copy.js depend on it; change together):
//
//   <figure class="skiff-code" data-language="js">    + skiff-code--numbered,
//   <figcaption class="skiff-code__title">TITLE</figcaption>   --terminal
//   <div class="skiff-code__bar"><span class="skiff-code__lang">JavaScript</span>
//   <button type="button" class="skiff-copy" data-copied="COPIED">COPY</button></div>
//   <pre tabindex="0"><code class="language-js">
//   <span class="line">…highlighted spans…</span>\n      one per source line,
//   <span class="line mark">…</span>\n                    + mark / ins / del
//   </code></pre>
//   </figure>
//
// Line numbers and diff markers are drawn by CSS (::before), never written
// into the text, so copying the block (button or selection) yields the code
// alone. In ```diff blocks the first character of each line (+, - or a
// space) is such a marker; header lines (+++, ---, @@, diff, index) are kept
// whole.
#pragma once

#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace skiff {

struct CodeBlockInfo {
  std::string language;         // first word of the info string, "" if none
  std::string title;            // title="…", "" if none
  std::set<int> marked;         // 1-based line numbers, as written
  std::set<int> inserted;
  std::set<int> deleted;
  bool line_numbers = false;
  int first_line_number = 1;
  std::string content_language; // lang="…" (for diff blocks), "" if none
  std::string frame;            // "", "code", "terminal", "none" or "auto"
};

// A problem in an info string; `column` is the byte offset of the option
// in the info string.
struct CodeInfoProblem {
  std::size_t column = 0;
  std::string message;
};

// Parses an info string. Problems (unknown options, bad ranges, unclosed
// quotes) are returned, never thrown; what could be read is kept.
CodeBlockInfo parse_code_info(std::string_view info, std::vector<CodeInfoProblem>* problems = nullptr);

// Localized text of the copy button.
struct CodeBlockStrings {
  std::string copy = "Copy";
  std::string copied = "Copied!";
};

// Renders one block. `warn` receives problems found while rendering (a
// marked line past the end of the code); it may be empty.
std::string render_code_block(const CodeBlockInfo& info, std::string_view code,
                              const CodeBlockStrings& strings,
                              const std::function<void(std::string)>& warn = {});

// The stylesheet and client script code blocks ship (names for
// component_asset()).
inline constexpr std::string_view kCodeStylesheet = "code/code_block.css";
inline constexpr std::string_view kHighlightStylesheet = "code/highlight.css";
inline constexpr std::string_view kCodeScript = "code/code_copy.js";

}  // namespace skiff
