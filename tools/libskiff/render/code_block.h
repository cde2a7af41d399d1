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
//   <button type="button" class="skiff-copy" data-copied="COPIED">COPY</button>
//   <span class="skiff-sr-only" role="status"></span></div>      (announcements)
//   <pre tabindex="0"><code class="language-js">
//   <span class="line">…highlighted spans…</span>\n      one per source line;
//   <mark class="line mark">…</mark>\n                    marked lines,
//   <ins class="line ins">…</ins>\n <del class="line del">…</del>\n   added/removed
//   </code></pre>
//   </figure>
//
// Line numbers and the +/- of ins/del lines are drawn by CSS, never written
// into the text, so copying the block (button or selection) yields the code
// alone. A plain ```diff is a patch: its text is kept as written (a copy is
// a valid patch) and its lines are coloured (diff-add, diff-del, diff-meta).
// With lang="js" it is code that changed: the first character of each line
// (+, - or a space) becomes the ins/del marker and the rest is highlighted
// as js; header lines (+++, ---, @@, diff, index) are kept whole.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace skiff {

// Line numbers as written, e.g. {2,4-6}: closed intervals, 1-based. Kept
// as intervals so that a hostile {1-2000000000} costs nothing.
class LineRanges {
 public:
  void add(int first, int last) { ranges_.emplace_back(first, last); }
  bool contains(int line) const;
  bool empty() const { return ranges_.empty(); }
  int last() const;  // the highest line named, 0 if none
  const std::vector<std::pair<int, int>>& ranges() const { return ranges_; }

 private:
  std::vector<std::pair<int, int>> ranges_;
};

// Line numbers above this are refused as typos (and keep ints from overflowing).
inline constexpr int kMaxCodeLine = 1000000;

struct CodeBlockInfo {
  std::string language;         // first word of the info string, "" if none
  std::string title;            // title="…", "" if none
  LineRanges marked;
  LineRanges inserted;
  LineRanges deleted;
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

// Localized text of the copy button, and whether to highlight (lint
// renders pages only for their links and ids, and skips the cost).
struct CodeBlockStrings {
  std::string copy = "Copy";
  std::string copied = "Copied!";
  bool highlight = true;
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
