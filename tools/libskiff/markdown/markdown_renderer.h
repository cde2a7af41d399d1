// Markdown to HTML with cmark-gfm (CommonMark + GFM tables, strikethrough,
// autolinks, task lists). The parsed tree is transformed before rendering:
// placeholders become their elements' HTML, headings get ids, code blocks go
// through the caller's renderer. The parser itself is never patched.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace skiff {

// A link or image as written in the Markdown.
struct MarkdownLink {
  std::string_view url;   // destination as written (reference links resolved)
  std::string_view text;  // plain text of the link (alt text of an image)
  bool image = false;      // an image, or a file raw HTML loads (<img src>, <video src>…)
  int line = 0;           // where it starts in the Markdown text (1-based,
  int column = 0;         // column in bytes)
  bool raw_html = false;  // written in raw HTML (<a href>); the URL returned is not used
};

// What the page renderer supplies. Calls come in document order, so ids and
// numbering are stable.
class MarkdownHooks {
 public:
  virtual ~MarkdownHooks() = default;
  // HTML for element N of the fragment, at a block or an inline placeholder.
  virtual std::string element_html(std::size_t index, bool block) = 0;
  // The id for a heading of `level` whose plain text is `text`.
  // `line` and `column` are where the heading starts in the Markdown text.
  virtual std::string heading_id(int level, std::string_view text, int line, int column) = 0;
  // The HTML of a fenced or indented code block; `line` and `column` are
  // where it starts in the Markdown text (1-based, column in bytes).
  virtual std::string code_block(std::string_view info, std::string_view code, int line,
                                 int column) = 0;
  // Every link and image; returns the URL to put in the page (e.g. with the
  // site's base path in front).
  virtual std::string link(const MarkdownLink& link) = 0;
};

struct MarkdownOptions {
  // Drop raw HTML written in the Markdown (placeholders excepted): for
  // untrusted contributions.
  bool safe = false;
};

// Renders `markdown`. With `is_inline`, a single paragraph is rendered
// without its <p> wrapper (for children such as `<summary>**x**</summary>`).
std::string render_markdown(std::string_view markdown, bool is_inline, MarkdownHooks& hooks,
                            const MarkdownOptions& options = {});

}  // namespace skiff
