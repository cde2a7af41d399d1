// The component scanner: turns a page body (Markdown with MDX-style tags)
// into a Fragment tree (document.h) in one pass over the text.
//
// What it recognises, outside code:
//   <Name prop="x" other={literal}> ... </Name>, <Name ... />   components
//       (capitalised tag names), anywhere in a line;
//   <details>, <summary>, <div> ... at the start of a line        HTML
//       container elements, so the Markdown inside them is rendered as MDX
//       does (raw-text and void elements are left to the Markdown parser);
//   :::note[Title] ... :::                                        asides.
// What it leaves alone: fenced code (``` and ~~~, at any indentation, so code
// inside a tab Fragment stays code), inline code spans and backslash-escaped
// `<`. HTML comments are removed with everything inside them.
//
// Problems — unclosed or mismatched tags, a tag without `>`, props that are
// not literals, spreads, nesting deeper than kMaxDepth — are reported with
// their file position, and scanning recovers so later problems are found too.
#pragma once

#include <cstddef>

#include "base/diagnostic.h"
#include "base/source_text.h"
#include "markdown/document.h"

namespace skiff {

inline constexpr int kMaxElementDepth = 200;

// Scans source.text() from `body_offset` (the first byte after frontmatter).
Fragment scan_components(const SourceText& source, std::size_t body_offset,
                         Diagnostics& diagnostics);

// Removes the common leading indentation (spaces) of the non-blank lines.
std::string dedent(std::string_view text, int* removed = nullptr);

}  // namespace skiff
