#include "build/output_changes.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "base/disk.h"
#include "base/output_dir.h"
#include "build/output_update.h"

namespace skiff {
namespace {

// Takes the final "end" line off the record in `marker` (`bytes` long, as
// read): from then on it is no record, until `journal` (which ends in
// "end") is appended. False when the file is not as read.
bool open_record(const std::filesystem::path& marker, std::size_t bytes, std::string& error) {
  int fd = ::open(marker.c_str(), O_WRONLY | O_CLOEXEC);
  struct stat st;
  bool ok = fd >= 0 && ::fstat(fd, &st) == 0 && static_cast<std::size_t>(st.st_size) == bytes && bytes >= 4 &&
            ::ftruncate(fd, static_cast<off_t>(bytes - 4)) == 0;
  if (fd >= 0) ::close(fd);
  if (!ok) error = "cannot update " + marker.string() + ": it changed during the build";
  return ok;
}

bool append_record(const std::filesystem::path& marker, const std::string& journal, std::string& error) {
  int fd = ::open(marker.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  bool ok = fd >= 0;
  for (std::size_t at = 0; ok && at < journal.size();) {
    ssize_t n = ::write(fd, journal.data() + at, journal.size() - at);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) at += static_cast<std::size_t>(n);
  }
  if (fd >= 0 && ::close(fd) != 0) ok = false;
  if (!ok) error = "cannot write " + marker.string() + ": " + std::strerror(errno);
  return ok;
}

// Renames the pending files of `renames` over their targets and deletes
// `removals`. A pending file already gone was renamed by the build that
// was killed (this also finishes one): not an error.
bool finish_update(const std::filesystem::path& out, const std::vector<std::string>& renames,
                   const std::vector<std::string>& removals, std::string& error) {
  for (const std::string& file : renames) {
    std::string rename_error;
    if (apply_pending(out, file, rename_error)) continue;
    // Looked at only when the rename fails, so the usual build pays one
    // system call per file.
    if (::access(pending_path(out, file).c_str(), F_OK) != 0 && errno == ENOENT) continue;
    error = std::move(rename_error);
    return false;
  }
  for (const std::string& file : removals) {
    if (!remove_output_file(out, file, error)) return false;
  }
  return true;
}

// Writes kAppliedLines over the record's final "end" line: one write, so a
// kill leaves the record either with its renames to do or done.
bool mark_applied(const std::filesystem::path& marker, std::string& error) {
  int fd = ::open(marker.c_str(), O_RDWR | O_CLOEXEC);
  struct stat st;
  char end[4] = {};
  bool ok = fd >= 0 && ::fstat(fd, &st) == 0 && st.st_size >= 4 &&
            ::pread(fd, end, 4, st.st_size - 4) == 4 && std::string_view(end, 4) == "end\n" &&
            ::pwrite(fd, kAppliedLines.data(), kAppliedLines.size(), st.st_size - 4) ==
                static_cast<ssize_t>(kAppliedLines.size());
  if (fd >= 0 && ::close(fd) != 0) ok = false;
  if (!ok) error = "cannot update " + marker.string() + ": " + std::strerror(errno);
  return ok;
}

}  // namespace

std::optional<BuildState> previous_build(const std::filesystem::path& out, std::size_t& bytes) {
  std::string error;
  auto text = read_file(out / kOutputMarker, error);
  if (!text) return std::nullopt;
  bytes = text->size();
  std::optional<BuildState> state = read_build_state(*text);
  if (state && (!state->unfinished_renames.empty() || !state->unfinished_removals.empty())) {
    // A build was killed among its renames: its record is whole and says
    // what is left to do. Done first, the output is that build's result.
    if (!finish_update(out, state->unfinished_renames, state->unfinished_removals, error) ||
        !mark_applied(out / kOutputMarker, error)) {
      return std::nullopt;  // then a full build replaces the lot
    }
    bytes += kAppliedLines.size() - 4;
    state->unfinished_renames.clear();
    state->unfinished_removals.clear();
  }
  return state;
}

void sweep_leftovers(OutputChanges& changes, bool in_place) {
  auto& outputs = changes.state.outputs;
  auto& public_files = changes.state.public_files;
  std::vector<std::string> gone;
  for (const auto& [file, record] : outputs) {
    if (!record.seen) gone.push_back(file);
  }
  for (const auto& [file, stamp] : public_files) {
    if (changes.public_seen.count(file) == 0) gone.push_back(file);
  }
  for (const std::string& file : gone) {
    auto output = outputs.find(file);
    const bool still_output = output != outputs.end() && output->second.seen;
    const bool still_public = changes.public_seen.count(file) > 0;
    if (output != outputs.end() && !still_output) {
      outputs.erase(output);
      changes.delta.outputs.push_back(file);
    }
    if (!still_public && public_files.erase(file) > 0) changes.delta.public_files.push_back(file);
    if (in_place && !still_output && !still_public) changes.removals.push_back(file);
    changes.changed = true;
  }
  std::sort(changes.removals.begin(), changes.removals.end());
  changes.removals.erase(std::unique(changes.removals.begin(), changes.removals.end()), changes.removals.end());
}

bool ensure_record_open(const std::filesystem::path& out, OutputChanges& changes, std::string& error) {
  if (changes.record_open) return true;
  if (!open_record(out / kOutputMarker, changes.record_bytes, error)) return false;
  changes.record_open = true;
  return true;
}

bool apply_in_place(const std::filesystem::path& out, OutputChanges& changes, std::string& error) {
  const std::filesystem::path marker = out / kOutputMarker;
  if (!changes.changed && !changes.record_open) return true;
  const BuildState& state = changes.state;
  const std::size_t entries = state.sources.size() + state.outputs.size() + state.public_files.size();
  const bool journal = state.journal_lines + changes.delta.size() + 8 < std::max<std::size_t>(64, entries / 4);
  const bool renames = !changes.pending.empty() || !changes.removals.empty();
  if ((journal || renames) && !ensure_record_open(out, changes, error)) return false;
  std::string record = journal ? build_state_journal(state, changes.delta) : write_build_state(state);
  // With renames to do, the record is closed first, listing them: a build
  // killed among them leaves a record that the next one finishes from.
  if (renames) record.insert(record.size() - 4, build_state_apply_list(changes.pending, changes.removals));
  if (!(journal ? append_record(marker, record, error) : replace_file(marker, record, error))) return false;
  if (!renames) return true;
  return finish_update(out, changes.pending, changes.removals, error) && mark_applied(marker, error);
}

void abandon_in_place(const std::filesystem::path& out, const std::vector<std::string>& written,
                      OutputChanges& changes) {
  for (const std::string& file : written) discard_pending(out, file);
  std::string error;
  if (changes.record_open) append_record(out / kOutputMarker, "end\n", error);  // if it fails: no record, a full build next
}

}  // namespace skiff
