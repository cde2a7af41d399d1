// Numbers in messages, grouped by thousands ("104,857,600", "9,800"), as
// people read sizes and counts at a glance.
#pragma once

#include <cstdint>
#include <string>

namespace skiff {

inline std::string with_thousands(std::uint64_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace skiff
