// XXH3 (libxxhash), 64-bit: the hash an incremental build keeps of every
// page source and every file it wrote, to tell what changed. Fast enough to
// hash all of a large site's sources and output on every build (memory
// speed, where FNV-1a costs about a nanosecond a byte). Not for values that
// must stay stable across libxxhash versions or machines: those use
// fnv1a.h. A build state with hashes from another version is just stale.
#pragma once

// The state struct is public only with this defined (stack allocation).
#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace skiff {

inline std::uint64_t content_hash(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

// A hash of several values in order. Each string is added with its length,
// so ("ab", "c") and ("a", "bc") differ.
class KeyHash {
 public:
  KeyHash() { XXH3_64bits_reset(&state_); }
  KeyHash& add(std::string_view text) {
    add(static_cast<std::uint64_t>(text.size()));
    XXH3_64bits_update(&state_, text.data(), text.size());
    return *this;
  }
  KeyHash& add(std::uint64_t value) {
    XXH3_64bits_update(&state_, &value, sizeof value);
    return *this;
  }
  std::uint64_t value() const { return XXH3_64bits_digest(&state_); }

 private:
  XXH3_state_t state_;
};

// 16 lowercase hex digits, and back (false on anything else).
std::string hash_hex(std::uint64_t hash);
bool parse_hash_hex(std::string_view text, std::uint64_t& hash);

}  // namespace skiff
