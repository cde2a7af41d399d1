// FNV-1a, 64-bit: a fast, stable, non-cryptographic hash for deciding
// whether text changed (i18n digests and source hashes) and for dealing
// pages to build shards. Stable across machines and runs: its values are
// stored in caches and frontmatter (i18nSourceHash).
#pragma once

#include <cstdint>
#include <string_view>

namespace skiff {

inline constexpr std::uint64_t kFnv1aStart = 0xcbf29ce484222325ULL;

// The hash of `bytes`, continuing from `hash` (kFnv1aStart for a new one).
constexpr std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = kFnv1aStart) {
  for (char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return hash;
}

}  // namespace skiff
