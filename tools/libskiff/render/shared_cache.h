// A cache that the worker processes of one run_in_workers call share
// (build/process_pool.h): what one worker computed, the others can reuse.
// The highlighter keeps its results here, so a code block that appears on
// pages rendered by different workers is highlighted once, not once per
// worker (KSyntaxHighlighting costs ~80,000 instructions a line).
//
// One anonymous shared mapping, made by the parent before it forks and
// unmapped after the workers exit. Entries are written once and never
// changed or removed; an entry is published by one compare-and-swap of
// its offset into a hash slot, so a worker that dies while writing leaves
// nothing half-visible. Two workers computing the same value at once both
// insert it: the first wins, the second finds the slot taken by an equal
// key and stops. When the space is used up, inserts are dropped (callers
// keep their own per-process cache).
//
// Without an open mapping (no workers: --jobs 1, tests, other commands)
// find() finds nothing and insert() does nothing.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace skiff::shared_cache {

// Opens the mapping (bytes of address space; pages are only used as
// entries fill them). In the parent, before forking; closed by close().
// Returns false (and leaves the cache off) when the mapping fails or one is
// open already.
bool open(std::size_t bytes = std::size_t{64} << 20);
// Unmaps it. In the parent, after every worker has exited.
void close();
bool is_open();

// The value stored under `key`, viewing the mapping (valid until close()).
std::optional<std::string_view> find(std::string_view key);
// Stores `value` under `key` unless the key is there already or the space
// is full.
void insert(std::string_view key, std::string_view value);

}  // namespace skiff::shared_cache
