#include "markdown/markdown_renderer.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "base/html_escape.h"
#include "base/html_ids.h"
#include "base/utf8.h"
#include "markdown/document.h"

namespace skiff {
namespace {

constexpr int kParseOptions = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8;

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

std::unique_ptr<cmark_parser, ParserDeleter> make_parser(int options) {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(options));
  for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  return parser;
}

// Whether `text` is valid UTF-8 without NUL bytes. For such text cmark's
// CMARK_OPT_VALIDATE_UTF8 changes nothing (it replaces invalid sequences
// and NULs with U+FFFD, line by line), so the parse can skip it.
bool is_clean_utf8(std::string_view text) {
  return std::memchr(text.data(), 0, text.size()) == nullptr && is_valid_utf8(text);
}

// The parser for `markdown`, one per thread and kind, reused: cmark resets a
// parser when it finishes a document (keeping its options and extensions),
// and making one with its extensions costs about as much as parsing a short
// fragment, of which a page has many (each component's children). Nested
// render_markdown calls (components rendered while the outer tree is
// rewritten) run after the outer parse finished, so sharing is safe.
cmark_parser* parser_for(std::string_view markdown) {
  thread_local std::unique_ptr<cmark_parser, ParserDeleter> validating;
  thread_local std::unique_ptr<cmark_parser, ParserDeleter> trusting;
  if (is_clean_utf8(markdown)) {
    if (!trusting) trusting = make_parser(kParseOptions & ~CMARK_OPT_VALIDATE_UTF8);
    return trusting.get();
  }
  if (!validating) validating = make_parser(kParseOptions);
  return validating.get();
}

std::string_view literal_of(cmark_node* node) {
  const char* s = cmark_node_get_literal(node);
  return s == nullptr ? std::string_view() : std::string_view(s);
}

// Plain text of a heading: text and code literals, without placeholders.
void collect_text(cmark_node* node, std::string& out) {
  for (cmark_node* child = cmark_node_first_child(node); child != nullptr;
       child = cmark_node_next(child)) {
    cmark_node_type type = cmark_node_get_type(child);
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
      std::string_view text = literal_of(child);
      for (std::size_t at = 0; at < text.size();) {
        std::size_t open = text.find(kInlinePlaceholderOpen, at);
        if (open == std::string_view::npos) {
          out += text.substr(at);
          break;
        }
        out += text.substr(at, open - at);
        std::size_t close = text.find(kInlinePlaceholderClose, open);
        at = close == std::string_view::npos ? text.size() : close + kInlinePlaceholderClose.size();
      }
    } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      out += ' ';
    } else {
      collect_text(child, out);
    }
  }
}

// Schemes that run code or read local files, as cmark's own safe mode
// judges them: javascript:, vbscript:, file:, and data: except images.
bool is_dangerous_url(std::string_view url, bool image) {
  std::string lower;
  for (char c : url.substr(0, 20)) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  auto starts = [&](std::string_view p) { return lower.compare(0, p.size(), p) == 0; };
  if (starts("javascript:") || starts("vbscript:") || starts("file:")) return true;
  if (!starts("data:")) return false;
  bool image_data = starts("data:image/png") || starts("data:image/gif") ||
                    starts("data:image/jpeg") || starts("data:image/webp");
  return !(image && image_data);
}

class TreeRewriter {
 public:
  TreeRewriter(MarkdownHooks& hooks, const MarkdownOptions& options, std::string_view markdown)
      : hooks_(hooks), options_(options), markdown_(markdown) {}

  void rewrite(cmark_node* root) {
    // Collect first: the rewrites replace nodes, which would confuse a
    // live iterator. Order of collection is document order.
    std::vector<cmark_node*> nodes;
    cmark_iter* iter = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
      if (ev == CMARK_EVENT_ENTER) nodes.push_back(cmark_iter_get_node(iter));
    }
    cmark_iter_free(iter);
    for (cmark_node* node : nodes) visit(node);
  }

 private:
  // The links the author wrote in raw HTML (`<img src>`, `<a href>` that
  // cmark keeps as HTML), at their place in the Markdown. Placeholders are
  // comments, so components' own HTML is not seen here. Safe mode drops
  // raw HTML, links and all.
  void raw_html_links(cmark_node* node) {
    if (options_.safe) return;
    // In an image's text, HTML becomes the alt attribute's text: no link.
    for (cmark_node* up = cmark_node_parent(node); up != nullptr; up = cmark_node_parent(up)) {
      if (cmark_node_get_type(up) == CMARK_NODE_IMAGE) return;
    }
    std::string_view html = literal_of(node);
    const int line = cmark_node_get_start_line(node);
    const int column = cmark_node_get_start_column(node);
    for_each_html_link(html, [&](const std::string& url, std::size_t offset, bool asset) {
      std::size_t line_begin = html.rfind('\n', offset == 0 ? 0 : offset - 1);
      int lines = static_cast<int>(std::count(html.begin(), html.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
      int at = line_begin == std::string_view::npos || lines == 0
                   ? column + static_cast<int>(offset)
                   : static_cast<int>(offset - line_begin);
      // cmark's literal lacks what containers strip (indentation, `> `,
      // list markers): find the value on the Markdown line itself, nearest
      // to the estimate.
      const std::string_view value = html.substr(offset, std::min(url.size(), html.size() - offset));
      at = column_on_line(line + lines, value, at);
      hooks_.link({url, "", asset, line + lines, at, true});
    });
  }

  // The 1-based byte column of `text` on 1-based `line` of the Markdown,
  // the occurrence nearest to `estimate`; `estimate` when it is not there.
  int column_on_line(int line, std::string_view text, int estimate) const {
    std::size_t at = 0;
    for (int l = 1; l < line && at != std::string_view::npos; ++l) {
      at = markdown_.find('\n', at);
      if (at != std::string_view::npos) ++at;
    }
    if (at == std::string_view::npos || text.empty()) return estimate;
    std::size_t end = markdown_.find('\n', at);
    std::string_view row = markdown_.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
    int best = estimate;
    int best_distance = -1;
    for (std::size_t found = row.find(text); found != std::string_view::npos; found = row.find(text, found + 1)) {
      int candidate = static_cast<int>(found) + 1;
      int distance = std::abs(candidate - estimate);
      if (best_distance < 0 || distance < best_distance) {
        best = candidate;
        best_distance = distance;
      }
    }
    return best;
  }

  void visit(cmark_node* node) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HTML_BLOCK:
        raw_html_links(node);
        html_block(node);
        break;
      case CMARK_NODE_HTML_INLINE:
        raw_html_links(node);
        if (options_.safe) cmark_node_set_literal(node, "");
        break;
      case CMARK_NODE_TEXT: text(node); break;
      case CMARK_NODE_HEADING: heading(node); break;
      case CMARK_NODE_CODE_BLOCK: code_block(node); break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE: link(node); break;
      case CMARK_NODE_ITEM: task_item(node); break;
      default: break;
    }
  }

  // GFM task items. The tasklist extension writes a bare
  // `<input type="checkbox" disabled>` that has no accessible name (a
  // critical WCAG failure). Each task item becomes a plain item whose first
  // paragraph is wrapped in a <label> with the checkbox, so the item's own
  // text names it.
  void task_item(cmark_node* node) {
    const char* type = cmark_node_get_type_string(node);
    if (type == nullptr || std::string_view(type) != "tasklist") return;
    bool checked = cmark_gfm_extensions_get_tasklist_item_checked(node);
    cmark_node* item = cmark_node_new(CMARK_NODE_ITEM);
    while (cmark_node* child = cmark_node_first_child(node)) {
      cmark_node_unlink(child);
      cmark_node_append_child(item, child);
    }
    cmark_node_replace(node, item);
    cmark_node_free(node);
    std::string input = "<input type=\"checkbox\" disabled=\"\"";
    if (checked) input += " checked=\"\"";
    cmark_node* first = cmark_node_first_child(item);
    if (first != nullptr && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
      cmark_node* open = cmark_node_new(CMARK_NODE_HTML_INLINE);
      cmark_node_set_literal(open, ("<label class=\"skiff-task\">" + input + "> ").c_str());
      cmark_node* close = cmark_node_new(CMARK_NODE_HTML_INLINE);
      cmark_node_set_literal(close, "</label>");
      cmark_node_prepend_child(first, open);
      cmark_node_append_child(first, close);
    } else {
      // An item with no text ("- [ ]" alone): nothing can name the box, so
      // it is presentation only.
      cmark_node* block = cmark_node_new(CMARK_NODE_HTML_BLOCK);
      cmark_node_set_literal(block, (input + " aria-hidden=\"true\">\n").c_str());
      if (first != nullptr) {
        cmark_node_insert_before(first, block);
      } else {
        cmark_node_append_child(item, block);
      }
    }
  }

  void html_block(cmark_node* node) {
    std::string_view literal = literal_of(node);
    int index = parse_block_placeholder(literal);
    if (index >= 0) {
      std::string html = hooks_.element_html(static_cast<std::size_t>(index), true);
      if (!html.empty() && html.back() != '\n') html += '\n';
      cmark_node_set_literal(node, html.c_str());
      return;
    }
    // A raw HTML line just above a placeholder (`<img ...>` then a
    // component) makes one HTML block of both: replace the placeholders
    // inside it, and in safe mode keep only them.
    constexpr std::string_view open = "<!--skiff:";
    std::string out;
    std::size_t at = 0;
    bool found = false;
    while (true) {
      std::size_t begin = literal.find(open, at);
      std::size_t end = begin == std::string_view::npos ? begin : literal.find("-->", begin);
      if (end == std::string_view::npos) break;
      int n = parse_block_placeholder(literal.substr(begin, end + 3 - begin));
      if (n < 0) break;
      if (!options_.safe) out += literal.substr(at, begin - at);
      out += hooks_.element_html(static_cast<std::size_t>(n), true);
      at = end + 3;
      found = true;
    }
    if (!found && !options_.safe) return;
    if (!options_.safe) out += literal.substr(at);
    cmark_node_set_literal(node, out.c_str());
  }

  // Splits a text node at inline placeholders into text and raw HTML nodes.
  void text(cmark_node* node) {
    std::string_view text = literal_of(node);
    if (text.find(kInlinePlaceholderOpen) == std::string_view::npos) return;
    std::string copy(text);
    std::size_t at = 0;
    while (at < copy.size()) {
      std::size_t open = copy.find(kInlinePlaceholderOpen, at);
      std::size_t close = open == std::string::npos ? open : copy.find(kInlinePlaceholderClose, open);
      if (open == std::string::npos || close == std::string::npos) break;
      if (open > at) insert_before(node, CMARK_NODE_TEXT, copy.substr(at, open - at));
      std::size_t index = std::strtoul(copy.c_str() + open + kInlinePlaceholderOpen.size(), nullptr, 10);
      insert_before(node, CMARK_NODE_HTML_INLINE, hooks_.element_html(index, false));
      at = close + kInlinePlaceholderClose.size();
    }
    cmark_node_set_literal(node, copy.substr(at).c_str());
  }

  static void insert_before(cmark_node* node, cmark_node_type type, const std::string& literal) {
    cmark_node* fresh = cmark_node_new(type);
    cmark_node_set_literal(fresh, literal.c_str());
    cmark_node_insert_before(node, fresh);
  }

  // Ids are given in document order as headings are met; the headings are
  // rewritten at the end, once the placeholders inside them are replaced.
  void heading(cmark_node* node) {
    std::string text;
    collect_text(node, text);
    // Placeholders and soft breaks leave stray spaces at the ends.
    std::size_t begin = text.find_first_not_of(' ');
    text = begin == std::string::npos ? "" : text.substr(begin, text.find_last_not_of(' ') - begin + 1);
    headings_.emplace_back(node, hooks_.heading_id(cmark_node_get_heading_level(node), text,
                                                   cmark_node_get_start_line(node),
                                                   cmark_node_get_start_column(node)));
  }

 public:
  // Each heading becomes raw HTML `<hN id="...">...</hN>`, since cmark's
  // HTML renderer writes no ids.
  void finish_headings(cmark_llist* extensions) {
    for (auto& [node, id] : headings_) {
      char* rendered = cmark_render_html(node, kParseOptions, extensions);
      std::string html(rendered);
      std::free(rendered);
      std::size_t open_end = html.find('>');
      if (open_end == std::string::npos) continue;
      html.insert(open_end, " id=\"" + escape_html_attribute(id) + "\"");
      cmark_node* block = cmark_node_new(CMARK_NODE_HTML_BLOCK);
      cmark_node_set_literal(block, html.c_str());
      cmark_node_replace(node, block);
      cmark_node_free(node);
    }
    headings_.clear();
  }

 private:
  void code_block(cmark_node* node) {
    const char* info = cmark_node_get_fence_info(node);
    std::string html = hooks_.code_block(info == nullptr ? "" : info, literal_of(node),
                                         cmark_node_get_start_line(node),
                                         cmark_node_get_start_column(node));
    cmark_node* block = cmark_node_new(CMARK_NODE_HTML_BLOCK);
    cmark_node_set_literal(block, html.c_str());
    cmark_node_replace(node, block);
    cmark_node_free(node);
  }

  // The text a reader sees in `node`: its text and code descendants.
  static std::string plain_text(cmark_node* node) {
    std::string out;
    cmark_iter* iter = cmark_iter_new(node);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
      cmark_node* n = cmark_iter_get_node(iter);
      cmark_node_type type = cmark_node_get_type(n);
      if (ev == CMARK_EVENT_ENTER && (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE)) {
        const char* literal = cmark_node_get_literal(n);
        if (literal != nullptr) out += literal;
      }
    }
    cmark_iter_free(iter);
    return out;
  }

  // Where a link starts. cmark-gfm 0.29 gives a link whose text spans
  // lines the line of its closing `]` with the column of its `[`; the
  // first line of its text (its first leaf's) is the true one.
  static std::pair<int, int> link_start(cmark_node* node) {
    int line = cmark_node_get_start_line(node);
    cmark_node* leaf = cmark_node_first_child(node);
    while (leaf != nullptr && cmark_node_first_child(leaf) != nullptr) leaf = cmark_node_first_child(leaf);
    if (leaf != nullptr && cmark_node_get_start_line(leaf) > 0) {
      line = std::min(line, cmark_node_get_start_line(leaf));
    }
    return {line, cmark_node_get_start_column(node)};
  }

  void link(cmark_node* node) {
    const char* url = cmark_node_get_url(node);
    std::string_view written = url == nullptr ? "" : url;
    bool image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
    std::string text = plain_text(node);
    auto [line, column] = link_start(node);
    std::string final_url = hooks_.link({written, text, image, line, column});
    if (options_.safe && is_dangerous_url(final_url, image)) final_url.clear();
    if (final_url != written) cmark_node_set_url(node, final_url.c_str());
  }

  MarkdownHooks& hooks_;
  const MarkdownOptions& options_;
  std::string_view markdown_;  // the text being rendered
  std::vector<std::pair<cmark_node*, std::string>> headings_;
};

}  // namespace

std::string render_markdown(std::string_view markdown, bool is_inline, MarkdownHooks& hooks,
                            const MarkdownOptions& options) {
  cmark_parser* parser = parser_for(markdown);
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parser_finish(parser));
  // Kept by the reset that finishing does, so the nested parses below leave it.
  cmark_llist* extensions = cmark_parser_get_syntax_extensions(parser);
  TreeRewriter rewriter(hooks, options, markdown);
  rewriter.rewrite(doc.get());
  rewriter.finish_headings(extensions);

  cmark_node* render_root = doc.get();
  cmark_node* first = cmark_node_first_child(doc.get());
  bool single_paragraph = first != nullptr && cmark_node_next(first) == nullptr &&
                          cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH;
  char* html = cmark_render_html(render_root, kParseOptions, extensions);
  std::string out(html);
  std::free(html);
  if (is_inline && single_paragraph && out.size() >= 8 && out.compare(0, 3, "<p>") == 0 &&
      out.compare(out.size() - 5, 5, "</p>\n") == 0) {
    out = out.substr(3, out.size() - 8);
  }
  return out;
}

}  // namespace skiff
