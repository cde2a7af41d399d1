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
  // past the end maps to the position just after the last character. Costs
  // a binary search plus counting at most kColumnStep bytes, however long
  // the line: a page that is one 1 MB line with 50,000 links would
  // otherwise recount the line for each of them.
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

  // Lines longer than this get a column mark every kColumnStep bytes.
  static constexpr std::size_t kColumnStep = 1024;

 private:
  // The column (1-based, in code points) at byte `offset` of its line.
  struct ColumnMark {
    std::size_t offset;
    std::size_t column;
  };
  // Where counting may start for `offset` on the line starting at `start`:
  // the last mark after `start` and not after `offset`, else the line start.
  ColumnMark count_from(std::size_t start, std::size_t offset) const;
  void mark_long_lines();

  std::string path_;
  std::string bytes_;
  std::vector<std::size_t> line_starts_;
  // Marks inside long lines only, in offset order; built with the line
  // index, so a SourceText stays immutable and safe to share between
  // threads. Ordinary files (no line over kColumnStep bytes) have none.
  std::vector<ColumnMark> column_marks_;
};

}  // namespace skiff
