#include "build/output_update.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

#include <unistd.h>

#include "base/disk.h"

namespace skiff {

namespace fs = std::filesystem;

fs::path pending_path(const fs::path& out, std::string_view rel) {
  fs::path path = out / rel;
  path += ".skiff-new";
  return path;
}

bool write_pending(const fs::path& out, std::string_view rel, std::string_view data, std::string& error) {
  return write_file(pending_path(out, rel), data, error);
}

bool copy_pending(const fs::path& from, const fs::path& out, std::string_view rel, std::string& error) {
  return copy_file(from, pending_path(out, rel), error);
}

bool apply_pending(const fs::path& out, std::string_view rel, std::string& error) {
  fs::path target = out / rel;
  if (std::rename(pending_path(out, rel).c_str(), target.c_str()) != 0) {
    error = "cannot replace " + target.string() + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

namespace {

// Deletes the folders above `out`/`rel` that are empty, nearest first, up
// to `out` (never `out` itself): a clean build would not have them.
void remove_empty_folders(const fs::path& out, std::string_view rel) {
  std::string_view folder = rel;
  for (std::size_t slash; (slash = folder.rfind('/')) != std::string_view::npos;) {
    folder = folder.substr(0, slash);
    if (folder.empty() || ::rmdir((out / folder).c_str()) != 0) break;  // not empty (or gone): stop
  }
}

}  // namespace

void discard_pending(const fs::path& out, std::string_view rel) {
  if (::unlink(pending_path(out, rel).c_str()) == 0) remove_empty_folders(out, rel);
}

bool remove_output_file(const fs::path& out, std::string_view rel, std::string& error) {
  fs::path target = out / rel;
  if (::unlink(target.c_str()) != 0 && errno != ENOENT) {
    error = "cannot delete " + target.string() + ": " + std::strerror(errno);
    return false;
  }
  remove_empty_folders(out, rel);
  return true;
}

}  // namespace skiff
