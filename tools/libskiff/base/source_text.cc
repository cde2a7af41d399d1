#include "base/source_text.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <utility>

#include "base/byte_set.h"

namespace skiff {

SourceText::SourceText(std::string path, std::string bytes)
    : path_(std::move(path)), bytes_(std::move(bytes)) {
  line_starts_.reserve(bytes_.size() / 40 + 2);
  line_starts_.push_back(0);
  // Most files have no '\r' at all: one memchr proves it, and then lines
  // are found with one memchr each instead of kLineEnds' two.
  if (std::memchr(bytes_.data(), '\r', bytes_.size()) == nullptr) {
    const char* const begin = bytes_.data();
    const char* const end = begin + bytes_.size();
    for (const char* at = begin; at < end;) {
      const auto* lf = static_cast<const char*>(std::memchr(at, '\n', static_cast<std::size_t>(end - at)));
      if (lf == nullptr) break;
      at = lf + 1;
      line_starts_.push_back(static_cast<std::size_t>(at - begin));
    }
    mark_long_lines();
    return;
  }
  // kLineEnds jumps from line end to line end (memchr), not byte by byte.
  for (std::size_t i = kLineEnds.find(bytes_); i != std::string::npos; i = kLineEnds.find(bytes_, i + 1)) {
    if (bytes_[i] == '\r' && i + 1 < bytes_.size() && bytes_[i + 1] == '\n') ++i;  // CRLF: one end
    line_starts_.push_back(i + 1);
  }
  mark_long_lines();
}

namespace {

// Code points in bytes [from, to): the bytes that are not UTF-8
// continuation bytes (invalid bytes count one each, as everywhere).
std::size_t count_code_points(const std::string& bytes, std::size_t from, std::size_t to) {
  std::size_t n = 0;
  for (std::size_t i = from; i < to; ++i) n += (static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80;
  return n;
}

}  // namespace

void SourceText::mark_long_lines() {
  for (std::size_t l = 0; l < line_starts_.size(); ++l) {
    const std::size_t start = line_starts_[l];
    const std::size_t end = l + 1 < line_starts_.size() ? line_starts_[l + 1] : bytes_.size();
    if (end - start <= kColumnStep) continue;
    std::size_t column = 1;
    for (std::size_t at = start; at + kColumnStep < end; at += kColumnStep) {
      column += count_code_points(bytes_, at, at + kColumnStep);
      column_marks_.push_back({at + kColumnStep, column});
    }
  }
}

SourceText::ColumnMark SourceText::count_from(std::size_t start, std::size_t offset) const {
  if (offset - start < kColumnStep || column_marks_.empty()) return {start, 1};
  auto it = std::upper_bound(column_marks_.begin(), column_marks_.end(), offset,
                             [](std::size_t o, const ColumnMark& m) { return o < m.offset; });
  if (it == column_marks_.begin() || std::prev(it)->offset <= start) return {start, 1};
  return *std::prev(it);
}

Position SourceText::position_of(std::size_t offset) const {
  offset = std::min(offset, bytes_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  ColumnMark from = count_from(line_starts_[line_index], offset);
  std::size_t column = from.column + count_code_points(bytes_, from.offset, offset);
  return {static_cast<int>(line_index) + 1, static_cast<int>(column)};
}

int SourceText::line_of(std::size_t offset) const {
  offset = std::min(offset, bytes_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<int>(it - line_starts_.begin());
}

std::size_t SourceText::offset_of(Position pos) const {
  if (pos.line < 1 || static_cast<std::size_t>(pos.line) > line_starts_.size()) return std::string::npos;
  std::size_t at = line_starts_[static_cast<std::size_t>(pos.line) - 1];
  for (int column = 1; column < pos.column && at < bytes_.size(); ++column) {
    ++at;
    while (at < bytes_.size() && (static_cast<unsigned char>(bytes_[at]) & 0xC0) == 0x80) ++at;
  }
  return at;
}

std::size_t SourceText::line_start(int line) const {
  if (line < 1) return 0;
  if (static_cast<std::size_t>(line) > line_starts_.size()) return bytes_.size();
  return line_starts_[static_cast<std::size_t>(line) - 1];
}

}  // namespace skiff
