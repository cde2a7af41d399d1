// The document tree of a page body, as the component scanner builds it:
// Markdown text in which each component, HTML container element or aside
// has been replaced by a placeholder, plus those elements with their own
// children. The Markdown parser then sees ordinary Markdown, and elements
// come back in at their placeholders (see markdown_renderer.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "markdown/prop_literal.h"

namespace skiff {

struct Prop {
  std::string name;
  PropValue value;
  Position pos;  // of the prop name, in the page file
};

struct Props {
  std::vector<Prop> items;
  const Prop* find(std::string_view name) const;
  // String value of prop `name` (strings only), or `fallback`.
  std::string text(std::string_view name, std::string_view fallback = "") const;
};

struct Element;

// Markdown with placeholders. A block placeholder is a line of its own,
// `<!--skiff:N-->` (an HTML block to CommonMark, so it can interrupt a
// paragraph and sits inside list items at its indentation); an inline one is
// U+E000 N U+E001 (private-use characters that no real text contains).
struct Fragment {
  std::string markdown;
  std::vector<Element> elements;  // elements[N] belongs to placeholder N
  // Children written on the opening tag's line (`<summary>**x**</summary>`):
  // rendered as inline Markdown, without a wrapping paragraph.
  bool is_inline = false;
  // Where `markdown` came from: lines[i] is the page-file line (1-based) of
  // markdown line i + 1, and `indent` the spaces dedent took off the front
  // of each line. Lines end at '\n', '\r\n' or a lone '\r', as in cmark.
  std::vector<int> lines;
  int indent = 0;
  // Where the text after an inline placeholder resumes: an element written
  // inside a line (`see <a href="…">this</a> and [x](…)`) is shorter as a
  // placeholder, and may span lines. Columns are bytes, before dedent.
  struct Resume {
    int line = 0;            // 1-based line of `markdown`
    int column = 0;          // its byte column just after the placeholder
    Position source;         // the page-file line and byte column there
  };
  std::vector<Resume> resumes;  // in order

  // The page-file position of 1-based `line` and byte `column` of
  // `markdown` (as cmark reports them); the column stays in bytes. {0, 0}
  // when the line is not in the map.
  Position source_position(int line, int column) const;
};

enum class ElementKind {
  Component,  // <UIFrameworkTabs>, <Fragment slot="react">, <LoopingVideo />
  Html,       // <details>, <summary>, <div> at the start of a line
  Aside,      // :::note[Title] ... :::
};

struct Element {
  ElementKind kind = ElementKind::Component;
  std::string name;  // component name, HTML tag name or aside type
  Props props;       // components: parsed props
  std::string raw_attributes;  // HTML elements: attributes exactly as written
  std::string title;           // asides: the [custom title], or ""
  Position pos;                // of `<` or of the `:::`
  bool self_closing = false;
  bool block = false;  // stood alone on its lines (block placeholder)
  Fragment children;
};

inline constexpr std::string_view kInlinePlaceholderOpen = "\xEE\x80\x80";   // U+E000
inline constexpr std::string_view kInlinePlaceholderClose = "\xEE\x80\x81";  // U+E001

std::string block_placeholder(std::size_t index);
std::string inline_placeholder(std::size_t index);
// Index of the block placeholder `literal` (an HTML block's text), or -1.
int parse_block_placeholder(std::string_view literal);

}  // namespace skiff
