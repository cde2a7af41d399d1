// What one build does to its output and to the record in the output's
// marker (build_state.h), for build.cc: entries updated as pages are
// rendered, leftovers swept, and at the end either the pending files put
// in place with the record updated (apply_in_place) or everything undone
// (abandon_in_place). Keeps the rules that make an in-place build safe to
// stop at any point in one place (see apply_in_place).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "build/build_state.h"

namespace skiff {

// What one build does to its output, collected for the end: the record it
// leaves, and (in place) the files waiting to be renamed or deleted.
//
// In place, `state` starts as the previous build's record and is updated
// entry by entry (a large site has tens of thousands: building a second
// record and comparing the two cost more than the no-op build's real
// work). Entries this build produces are marked `seen`; the rest are the
// site's leftovers, swept at the end. `changed` says whether the record on
// disk must be rewritten.
struct OutputChanges {
  BuildState state;
  bool changed = false;
  BuildStateChanges delta;      // what changed, for a journal (build_state.h)
  std::size_t record_bytes = 0;  // size of the marker file the record was read from
  // In place: the record's "end" line was taken off before the first
  // pending file was written (open_record), so that a build killed from
  // then until apply_in_place closes it listing its renames leaves no
  // record, and the next build is a full one into a fresh folder (which
  // leaves no stray NAME.skiff-new behind).
  bool record_open = false;
  std::vector<std::string> pending;   // written as NAME.skiff-new (in place)
  std::vector<std::string> removals;  // files the site no longer has (in place)
  std::set<std::string, std::less<>> public_seen;
  int written = 0;

  // Records output `file` as built from `key` with bytes `hash`; `record`
  // is its entry (output_record), or nullptr for a new one.
  void record_output(const std::string& file, OutputRecord* record, std::uint64_t key, std::uint64_t hash,
                     bool has_diagnostics) {
    OutputRecord now{key, hash, has_diagnostics, true};
    if (record == nullptr) {
      state.outputs[file] = now;
      changed = true;
      delta.outputs.push_back(file);
    } else if (!(record->key == key && record->hash == hash && record->has_diagnostics == has_diagnostics)) {
      *record = now;
      changed = true;
      delta.outputs.push_back(file);
    } else {
      record->seen = true;
    }
  }
  OutputRecord* output_record(std::string_view file) {
    auto it = state.outputs.find(file);
    return it == state.outputs.end() ? nullptr : &it->second;
  }
};


// The record in `out`'s marker, when `out` is a folder skiff made and the
// record is whole; `bytes` gets the marker's size (for open_record). When
// the record lists renames a killed build did not finish (apply_in_place),
// they are done first; if they cannot be, there is no record. Call only
// while holding the output's lock (output_dir.h).
std::optional<BuildState> previous_build(const std::filesystem::path& out, std::size_t& bytes);

// Outputs and public files of the previous build that this one did not
// produce: dropped from the record and, in place, listed for deletion.
void sweep_leftovers(OutputChanges& changes, bool in_place);

// Takes the record's "end" line off (once) before anything is written in
// place: from then on the marker holds no record until apply_in_place or
// abandon_in_place closes it. False when the marker is not as it was read.
bool ensure_record_open(const std::filesystem::path& out, OutputChanges& changes, std::string& error);

// Puts an in-place build's pending files into place, deletes what the site
// lost, and updates the record: by a journal of the changed entries (a few
// lines for a one-page edit) unless journals have grown to a quarter of the
// record, then whole. The new record is closed before the first rename,
// with the list of renames and removals to do (build_state_apply_list), and
// marked "applied" after the last: a build killed among them leaves a
// whole record that the next build finishes from (previous_build) before
// anything else, so its output is this build's. Nothing is written when
// nothing changed.
bool apply_in_place(const std::filesystem::path& out, OutputChanges& changes, std::string& error);

// A failed in-place build: the pending files in `written` go (with the
// folders they made), and the record is closed again as it was.
void abandon_in_place(const std::filesystem::path& out, const std::vector<std::string>& written,
                      OutputChanges& changes);

}  // namespace skiff
