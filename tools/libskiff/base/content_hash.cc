#include "base/content_hash.h"

namespace skiff {

std::string hash_hex(std::uint64_t hash) {
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) out[static_cast<std::size_t>(i)] = "0123456789abcdef"[hash & 15];
  return out;
}

bool parse_hash_hex(std::string_view text, std::uint64_t& hash) {
  if (text.size() != 16) return false;
  std::uint64_t value = 0;
  for (char c : text) {
    int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0) return false;
    value = value << 4 | static_cast<std::uint64_t>(digit);
  }
  hash = value;
  return true;
}

}  // namespace skiff
