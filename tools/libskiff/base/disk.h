// File-system access for the pipeline. Every function reports failure as a
// message (errno text included) instead of throwing, so a bad file becomes a
// diagnostic and the rest of the site is still processed.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skiff {

namespace fs = std::filesystem;

// The whole file, or nullopt with `error` set.
std::optional<std::string> read_file(const fs::path& path, std::string& error);

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

// Copies file `from` to `to`, replacing it and making its parent folders.
// A real copy, not a link: tools that post-process the output must never
// edit the source.
bool copy_file(const fs::path& from, const fs::path& to, std::string& error);

}  // namespace skiff
