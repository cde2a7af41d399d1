// File-system access for the pipeline. Every function reports failure as a
// message (errno text included) instead of throwing, so a bad file becomes a
// diagnostic and the rest of the site is still processed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace skiff {

namespace fs = std::filesystem;

// The whole file, or nullopt with `error` set.
std::optional<std::string> read_file(const fs::path& path, std::string& error);

// A size limit for read_file. A regular file larger than `max_bytes` is
// not read at all (its size comes from fstat on the open file, so a huge
// file costs neither time nor memory); the error then reads
// "<what> is 104,857,600 bytes, over the limit of 10,485,760 (<setting>)".
struct ReadLimit {
  std::uint64_t max_bytes = std::numeric_limits<std::uint64_t>::max();
  std::string_view what = "the file";
  std::string_view setting;  // where the limit is set ("site.yml maxPageBytes"), or ""
};
std::optional<std::string> read_file(const fs::path& path, std::string& error, const ReadLimit& limit);

// The limit for the site's own settings files (site.yml, locales/*.yml):
// real ones are a few kilobytes.
inline constexpr ReadLimit kSiteFileLimit{16 * 1024 * 1024, "the file", ""};

// Whether write_file's folder likely exists already (the default: try the
// file first) or likely not (make the folder first). Only a hint: the
// result is the same either way, one system call fewer when it is right.
enum class FolderHint { kLikelyExists, kLikelyMissing };
// Writes `data` to `path`, creating parent folders. Not atomic by itself:
// the build writes into a private temporary output tree (see output_dir.h).
bool write_file(const fs::path& path, std::string_view data, std::string& error,
                FolderHint hint = FolderHint::kLikelyExists);

// Replaces the file at `path` with `data` so that readers see the old or the
// new content, never a mix: written to a temporary file in the same folder
// (with the old file's permissions), then renamed over it. Editing a
// contributor's page in place (lint --fix) must not lose it on a full disk.
bool replace_file(const fs::path& path, std::string_view data, std::string& error);

// Regular files below `root` (following no symlinked folders), as paths
// relative to `root` with '/' separators, sorted so every run sees the same
// order. A missing root gives an empty list; unreadable entries are skipped
// and named in `errors`.
std::vector<std::string> list_files(const fs::path& root, std::vector<std::string>& errors);

// The files of the site folder SITE/`folder` ("pages/en", "public",
// "layouts"), listed as list_files lists them, but confined to the site:
// nothing it lists leads outside `site_root`, so nothing outside the site
// is read or published through a link. What it skips or refuses goes to
// `problems`, at its site-relative path ("pages/en/evil.md"):
//   - a symlink to a file outside the site (fully resolved): an error,
//     naming the target; not listed
//   - a symlinked folder, `folder` itself included: a warning; not followed
//     (so links can make no loop and pull in no outside tree)
//   - a broken symlink or a symlink loop: a warning; skipped
//   - a folder that cannot be read (permissions): a warning; its files are
//     skipped
// Symlinks to files inside the site are listed like the files they name.
// A missing folder is an empty list with no problem.
std::vector<std::string> list_site_files(const fs::path& site_root, std::string_view folder, Diagnostics& problems);

// SITE/`rel` ("site.yml", "locales/de.yml"), read only where
// list_site_files would list it, so that what a build reads is what its
// key hashes: not through a symlinked folder, a symlinked file only when
// it resolves inside the site (the message names the target), and only a
// regular file (a FIFO would block, a device never end). A missing file is
// nullopt with no problem; a refused, unreadable or over-the-limit one is
// nullopt with an error at `rel`: the caller named this file, and going on
// without it changes the result (a site.yml left out means default
// settings).
std::optional<std::string> read_site_file(const fs::path& site_root, std::string_view rel, Diagnostics& problems,
                                          const ReadLimit& limit = kSiteFileLimit);

// Copies file `from` to `to`, replacing it and making its parent folders.
// A real copy, not a link: tools that post-process the output must never
// edit the source.
bool copy_file(const fs::path& from, const fs::path& to, std::string& error);

}  // namespace skiff
