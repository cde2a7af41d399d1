// Page frontmatter: the YAML block between `---` lines at the top of a page.
// Parsed with yaml-cpp; every error carries its true line in the page file.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "base/source_text.h"

namespace skiff {

struct Frontmatter {
  bool present = false;  // the page starts with a `---` block
  std::string layout;
  std::string title;
  std::string description;
  std::optional<bool> i18n_ready;
  std::string setup;  // import lines, as the YAML scalar holds them
  // Every top-level key with a scalar value, as text (lists and maps are
  // kept as their YAML text), for templates (`{{ page.key }}`).
  std::map<std::string, std::string, std::less<>> values;
  // Where each top-level key is written, for diagnostics and lint.
  std::map<std::string, Position, std::less<>> key_positions;

  // Position in the page of byte `offset` of `setup`. Exact for literal
  // block scalars (`setup: |`), the key's position otherwise (a folded
  // `>` block joins its lines). The end of `setup`
  // (offset >= its size) is the place just after its last character that
  // is not a space or line end.
  Position setup_position(std::size_t offset) const;

  int setup_first_line = 0;  // file line of the first setup line
  int setup_indent = 0;      // columns stripped by YAML from each setup line
};

struct ParsedPage {
  Frontmatter frontmatter;
  std::size_t body_offset = 0;  // first byte after the closing `---` line
};

// Where the body of `text` starts: after the closing `---` of its
// frontmatter (as parse_frontmatter finds it, without reading the YAML);
// after a byte-order mark, or 0, when there is none; the end of the text
// when the frontmatter is never closed.
std::size_t frontmatter_end(std::string_view text);

// Splits and parses. A UTF-8 byte-order mark before `---` is skipped.
// Problems (no closing `---`, YAML syntax, wrong types) go to `diagnostics`
// with positions in `source`; the body offset is still usable after them.
ParsedPage parse_frontmatter(const SourceText& source, Diagnostics& diagnostics);

}  // namespace skiff
