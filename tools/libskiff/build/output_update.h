// Updating a built site in place, for incremental builds (build.h). Each
// new file is first written beside its target as NAME.skiff-new; only when
// the whole build has succeeded are they renamed over their targets. A
// reader of the site sees every file whole, old or new, never a mix within
// one file; a build that fails renames nothing; a build killed during the
// renames leaves a mix of old and new files and a record listing the
// renames left (output_changes.h), which the next build does first.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace skiff {

// `out`/`rel` + ".skiff-new".
std::filesystem::path pending_path(const std::filesystem::path& out, std::string_view rel);

// Writes `data` as the pending new version of `rel` (parent folders made).
bool write_pending(const std::filesystem::path& out, std::string_view rel, std::string_view data,
                   std::string& error);
// Copies `from` as the pending new version of `rel`.
bool copy_pending(const std::filesystem::path& from, const std::filesystem::path& out, std::string_view rel,
                  std::string& error);
// Renames the pending version of `rel` over it.
bool apply_pending(const std::filesystem::path& out, std::string_view rel, std::string& error);
// Deletes the pending version of `rel`, if any, and the folders it made
// that are left empty. `rel` is relative, with no ".." (the record is
// checked on reading: build_state.h).
void discard_pending(const std::filesystem::path& out, std::string_view rel);
// Deletes `rel` (a file the site no longer has) and the folders above it
// that it leaves empty, up to `out` (never `out` itself). A file already
// gone is no error.
bool remove_output_file(const std::filesystem::path& out, std::string_view rel, std::string& error);

}  // namespace skiff
