// A source file's bytes plus a line index, so any byte offset can be turned
// into the line and column shown in diagnostics.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace skiff {

class SourceText {
 public:
  SourceText() : line_starts_{0} {}
  // `path` is the name shown in diagnostics. Line ends may be \n, \r\n or \r.
  SourceText(std::string path, std::string bytes);

  const std::string& path() const { return path_; }
  std::string_view text() const { return bytes_; }

  // Line and column (code points, 1-based) of a byte offset; an offset at or
  // past the end maps to the position just after the last character.
  Position position_of(std::size_t offset) const;
  // Just the 1-based line of position_of(offset), without counting columns.
  int line_of(std::size_t offset) const;
  // The byte offset at `pos` (the inverse of position_of); npos when the
  // line does not exist. A column past the line's end stops at the end of
  // the text, not of the line.
  std::size_t offset_of(Position pos) const;
  // Byte offset where 1-based `line` starts; text().size() past the last line.
  std::size_t line_start(int line) const;
  int line_count() const { return static_cast<int>(line_starts_.size()); }

 private:
  std::string path_;
  std::string bytes_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace skiff
