#include "render/shared_cache.h"

#include <sys/mman.h>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <new>

#include "base/fnv1a.h"

namespace skiff::shared_cache {
namespace {

using Slot = std::atomic<std::uint64_t>;
static_assert(Slot::is_always_lock_free, "slots are shared between processes");

// The mapping: a header, the hash slots (entry offsets, 0: empty), then the
// entries, each 8-byte aligned.
struct Header {
  std::atomic<std::uint64_t> used;  // end of the entries handed out so far
  std::uint64_t capacity;           // size of the mapping
};
struct Entry {
  std::uint64_t hash;
  std::uint32_t key_size;
  std::uint32_t value_size;
  // key bytes, then value bytes
};

constexpr std::size_t kSlots = std::size_t{1} << 16;
constexpr std::size_t kMaxProbes = 64;
constexpr std::size_t kEntriesBegin = sizeof(Header) + kSlots * sizeof(Slot);

char* base = nullptr;
std::size_t mapped = 0;

Header& header() { return *reinterpret_cast<Header*>(base); }
Slot& slot(std::size_t i) { return reinterpret_cast<Slot*>(base + sizeof(Header))[i]; }
const Entry& entry_at(std::uint64_t offset) { return *reinterpret_cast<const Entry*>(base + offset); }

std::string_view key_of(const Entry& e) {
  return {reinterpret_cast<const char*>(&e + 1), e.key_size};
}

bool holds(const Entry& e, std::uint64_t hash, std::string_view key) {
  return e.hash == hash && key_of(e) == key;
}

}  // namespace

bool open(std::size_t bytes) {
  if (base != nullptr || bytes < kEntriesBegin + 4096) return false;
  void* memory = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (memory == MAP_FAILED) return false;
  base = static_cast<char*>(memory);
  mapped = bytes;
  // A fresh anonymous mapping is zeroed: every slot is empty.
  new (&header().used) std::atomic<std::uint64_t>(kEntriesBegin);
  header().capacity = bytes;
  return true;
}

void close() {
  if (base == nullptr) return;
  ::munmap(base, mapped);
  base = nullptr;
  mapped = 0;
}

bool is_open() { return base != nullptr; }

std::optional<std::string_view> find(std::string_view key) {
  if (base == nullptr) return std::nullopt;
  const std::uint64_t hash = fnv1a(key);
  for (std::size_t probe = 0, i = hash & (kSlots - 1); probe < kMaxProbes; ++probe, i = (i + 1) & (kSlots - 1)) {
    const std::uint64_t offset = slot(i).load(std::memory_order_acquire);
    if (offset == 0) return std::nullopt;
    const Entry& e = entry_at(offset);
    if (holds(e, hash, key)) {
      return std::string_view(reinterpret_cast<const char*>(&e + 1) + e.key_size, e.value_size);
    }
  }
  return std::nullopt;
}

void insert(std::string_view key, std::string_view value) {
  if (base == nullptr) return;
  const std::uint64_t size = (sizeof(Entry) + key.size() + value.size() + 7) & ~std::uint64_t{7};
  if (key.size() > UINT32_MAX || value.size() > UINT32_MAX || size > mapped) return;
  const std::uint64_t hash = fnv1a(key);
  // Look first: the common duplicate costs no space.
  if (find(key)) return;
  const std::uint64_t offset = header().used.fetch_add(size, std::memory_order_relaxed);
  if (offset + size > header().capacity) return;  // full: the space stays unused
  auto* e = reinterpret_cast<Entry*>(base + offset);
  e->hash = hash;
  e->key_size = static_cast<std::uint32_t>(key.size());
  e->value_size = static_cast<std::uint32_t>(value.size());
  char* data = reinterpret_cast<char*>(e + 1);
  std::memcpy(data, key.data(), key.size());
  std::memcpy(data + key.size(), value.data(), value.size());
  for (std::size_t probe = 0, i = hash & (kSlots - 1); probe < kMaxProbes; ++probe, i = (i + 1) & (kSlots - 1)) {
    std::uint64_t expected = 0;
    // Release: the entry's bytes are visible to whoever loads the offset.
    if (slot(i).compare_exchange_strong(expected, offset, std::memory_order_release, std::memory_order_acquire)) {
      return;
    }
    if (holds(entry_at(expected), hash, key)) return;  // another worker stored it meanwhile
  }
}

}  // namespace skiff::shared_cache
