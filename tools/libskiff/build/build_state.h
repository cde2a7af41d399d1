// What a build wrote and from what: the record an incremental build reads to
// decide which pages to render again. It lives in the output folder's
// marker file (`.skiff-output`, output_dir.h), after the marker line, so it
// goes wherever the output goes and dies with it; the parts of a split
// build carry one each, and merging them keeps one of them, which is stale
// but truthful (see build.h: a stale record only costs renders).
//
// Text, one record per line, fields separated by tabs (escaped in strings
// as \t, \n, \r, \\), ending in an "end" line. Later lines override earlier
// ones, so a build can append a journal of its changes instead of writing
// the whole record. A record that cannot be read as a whole (no "end" at
// the end) is no record: the next build is a full one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace skiff {

// A file's identity on disk: when any part differs, it is read again.
struct FileStamp {
  std::int64_t size = -1;
  std::int64_t mtime_ns = 0;
  std::uint64_t inode = 0;
  bool operator==(const FileStamp&) const = default;
};

// The stamp of `path`, or nullopt when it cannot be stat'ed. With
// `folder_fd` (an open folder), a relative `path` is taken from there:
// the kernel then walks only the path's own components.
std::optional<FileStamp> stamp_of(const std::filesystem::path& path);
std::optional<FileStamp> stamp_of(int folder_fd, const char* path);

// A page source as it was read: its stamp and hash, and what other pages'
// output depends on (its title) or the translation status reads from its
// frontmatter, so that an unchanged page need not be read at all.
struct SourceRecord {
  FileStamp stamp;
  std::uint64_t hash = 0;            // content_hash of the file
  bool has_diagnostics = false;      // its frontmatter had problems: read it every time
  std::string title;                 // frontmatter `title` ("" when none)
  std::optional<bool> i18n_ready;    // frontmatter `i18nReady`
  std::optional<std::string> source_hash;  // frontmatter `i18nSourceHash`
  bool seen = false;  // bookkeeping of the build updating the record; not stored
};

// A file the build wrote, from inputs whose hash was `key`.
struct OutputRecord {
  std::uint64_t key = 0;   // hash of everything the file was built from
  std::uint64_t hash = 0;  // content_hash of the bytes written
  bool has_diagnostics = false;  // rendering it reported problems: render it every time
  bool seen = false;  // bookkeeping of the build updating the record; not stored
};

// Hash maps keyed by path, looked up with string_views (a large site has
// tens of thousands of entries). The record lists them in no set order.
struct PathHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view path) const { return std::hash<std::string_view>{}(path); }
};
template <typename Value>
using PathMap = std::unordered_map<std::string, Value, PathHash, std::equal_to<>>;

struct BuildState {
  std::int64_t started_ns = 0;  // wall clock when the build that wrote it started
  std::uint64_t global_key = 0; // everything every page depends on (build.cc)
  std::string head;             // the git HEAD the translation status was computed at
  // Which part of a split build wrote the output ("" for all of it; see
  // BuildOptions). Another part's record is no record: it does not list
  // the files the other parts put in a merged folder.
  std::string part;
  PathMap<SourceRecord> sources;    // by display path
  PathMap<OutputRecord> outputs;    // by output-relative path
  PathMap<FileStamp> public_files;  // public/ files copied, by relative path
  // Outdated translations (display path → date, translation_status.h).
  PathMap<std::string> outdated;
  // Lines read from journals (below): when they grow past a share of the
  // record, the next build writes it whole again.
  std::size_t journal_lines = 0;
  // An update in place whose renames were not all done (see
  // build_state_apply_list): the pending files to rename over their
  // targets, and the files to delete. Empty once "applied" was written.
  std::vector<std::string> unfinished_renames;
  std::vector<std::string> unfinished_removals;
};

// The entries a build changed, for a journal: paths whose record is new,
// different or gone, and whether the outdated list changed.
struct BuildStateChanges {
  std::vector<std::string> sources;
  std::vector<std::string> outputs;
  std::vector<std::string> public_files;
  bool outdated = false;
  std::size_t size() const { return sources.size() + outputs.size() + public_files.size(); }
};

// Files whose mtime is older than this before the previous build started
// are trusted by their stamp; younger ones are read again (a change within
// the file system's timestamp granularity could keep the stamp: "racy"
// files, as git calls them).
inline constexpr std::int64_t kRacyWindowNs = 2'000'000'000;

// Wall-clock time in nanoseconds, as stamps and BuildState::started_ns use.
std::int64_t wall_clock_ns();

// The marker file's first line; the record follows it.
inline constexpr std::string_view kOutputMarkerLine = "made by skiff build; safe to delete\n";

// The whole record, marker line first.
std::string write_build_state(const BuildState& state);
// What to append to a record (after taking off its "end" line) so that it
// reads as `state`: the header, the changed entries (removals as "-S",
// "-O", "-P" lines), and "end". A build that changed a few pages of a large
// site writes a few lines instead of the whole record.
std::string build_state_journal(const BuildState& state, const BuildStateChanges& changes);
// The lines that tell the next build which renames an update in place was
// about to do ("apply", then "rename PATH" and "remove PATH" lines), put
// just before a record's final "end" line before the first rename, so that
// a build killed among the renames leaves a record the next build can
// finish (output_changes.h). kAppliedLines, written over the final "end"
// when they are done, cancels them.
std::string build_state_apply_list(const std::vector<std::string>& renames, const std::vector<std::string>& removals);
inline constexpr std::string_view kAppliedLines = "applied\nend\n";
// nullopt when `text` holds no complete record of this format.
std::optional<BuildState> read_build_state(std::string_view text);

}  // namespace skiff
