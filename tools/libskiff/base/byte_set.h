// A set of bytes to search for. std::string_view::find_first_of calls
// memchr on the set once per character of the text, which made it the top
// cost of scanning pages (perf: 12% of `skiff lint`); a table lookup per
// character is several times faster.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>
#include <string_view>

namespace skiff {

class ByteSet {
 public:
  constexpr explicit ByteSet(std::string_view bytes) {
    for (char c : bytes) has_[static_cast<unsigned char>(c)] = true;
  }
  constexpr bool contains(char c) const { return has_[static_cast<unsigned char>(c)]; }
  // Offset of the first byte of `text` at or after `from` in the set, or npos.
  std::size_t find(std::string_view text, std::size_t from = 0) const {
    for (std::size_t i = from; i < text.size(); ++i) {
      if (has_[static_cast<unsigned char>(text[i])]) return i;
    }
    return std::string_view::npos;
  }

 private:
  std::array<bool, 256> has_{};
};

// Line ends ('\n' or '\r'): two memchr calls (vectorised in glibc) beat a
// table lookup per byte on the long lines of prose. Same interface as a
// ByteSet.
class LineEnds {
 public:
  static constexpr bool contains(char c) { return c == '\n' || c == '\r'; }
  // Searches a window at a time, so a file with only '\r' line ends (no
  // '\n' anywhere) costs the distance to the next '\r', not the rest of
  // the file, per call.
  static std::size_t find(std::string_view text, std::size_t from = 0) {
    constexpr std::size_t kWindow = 4096;
    for (std::size_t at = from; at < text.size(); at += kWindow) {
      const char* begin = text.data() + at;
      std::size_t size = std::min(kWindow, text.size() - at);
      const void* lf = std::memchr(begin, '\n', size);
      std::size_t before_lf = lf == nullptr ? size : static_cast<std::size_t>(static_cast<const char*>(lf) - begin);
      const void* cr = std::memchr(begin, '\r', before_lf);
      if (cr != nullptr) return at + static_cast<std::size_t>(static_cast<const char*>(cr) - begin);
      if (lf != nullptr) return at + before_lf;
    }
    return std::string_view::npos;
  }
};

inline constexpr LineEnds kLineEnds;

}  // namespace skiff
