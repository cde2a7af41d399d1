#include "base/source_text.h"

#include <algorithm>
#include <cstring>
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
    return;
  }
  // kLineEnds jumps from line end to line end (memchr), not byte by byte.
  for (std::size_t i = kLineEnds.find(bytes_); i != std::string::npos; i = kLineEnds.find(bytes_, i + 1)) {
    if (bytes_[i] == '\r' && i + 1 < bytes_.size() && bytes_[i + 1] == '\n') ++i;  // CRLF: one end
    line_starts_.push_back(i + 1);
  }
}

Position SourceText::position_of(std::size_t offset) const {
  offset = std::min(offset, bytes_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  int column = 1;
  for (std::size_t i = line_starts_[line_index]; i < offset; ++i) {
    // Count code points: skip UTF-8 continuation bytes.
    if ((static_cast<unsigned char>(bytes_[i]) & 0xC0) != 0x80) ++column;
  }
  return {static_cast<int>(line_index) + 1, column};
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
