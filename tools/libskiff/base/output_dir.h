// The output folder is replaced atomically: a build writes into a fresh
// temporary sibling and only a successful build swaps it in, so an error,
// a crash or an interrupt leaves the previous site untouched.
//
// Safety: skiff only ever deletes a folder that it created, which it marks
// with a `.skiff-output` file, and refuses `/`, the home folder or any of
// its ancestors, the site folder or any of its ancestors, and any place
// inside a folder the build reads (the site's pages/, public/, layouts/,
// components/, locales/ and .git), as the output.
//
// Builds into one output take turns (OutputLock); the one holding the lock
// removes what killed builds left beside the output (remove_stale_siblings).
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace skiff {

namespace fs = std::filesystem;

class OutputDir {
 public:
  // Checks `target` against the safety rules above (site_root: the site
  // being built). On refusal returns false with `error` set.
  static bool check_target(const fs::path& target, const fs::path& site_root, std::string& error);

  // Creates the temporary sibling `<target>.skiff-tmp-<pid>`, marked (its
  // `.skiff-output` file) before anything else is written in it, so that a
  // build killed at any point leaves a folder recognisably skiff's: marked,
  // or (killed between the mkdir and the marker) empty.
  bool begin(const fs::path& target, std::string& error);
  // Where the build writes while it runs.
  const fs::path& staging() const { return staging_; }
  // How commit() swaps: kExchange is one renameat2 RENAME_EXCHANGE, and
  // where the file system lacks it, falls back to kTwoRenames: the previous
  // tree to `<target>.skiff-old-<pid>`, then the new one to `target` (a kill
  // in between leaves no output; remove_stale_siblings puts the previous
  // one back). Builds always ask for kExchange; tests ask for the fallback.
  enum class Swap { kExchange, kTwoRenames };
  // Swaps the staging tree in for `target` and deletes the previous tree.
  bool commit(std::string& error, Swap swap = Swap::kExchange);
  // Deletes the staging tree (the build failed); `target` is untouched.
  void abandon();

  ~OutputDir();

 private:
  fs::path target_;
  fs::path staging_;
  bool active_ = false;
};

// One build at a time into an output: an exclusive flock(2) on the sibling
// file `<target>.skiff-lock`. A sibling, not the output itself or a file in
// it, because it must exist whatever state the output is in (missing, or
// moved aside during the swap); not the parent folder, which would make
// builds into different outputs of one folder (the parts of a split build)
// wait for each other. The kernel releases the lock when the holder exits,
// however it exits; forked workers share it (the same open file) and die
// with their parent (process_pool.h), so a killed build never keeps it.
// The holder deletes the file before releasing it, so it is only there while
// a build runs (or after a killed one, until the next build ends).
class OutputLock {
 public:
  // Takes the lock. When another build holds it: with `wait`, calls
  // `waiting` once and waits until it is free or an interrupt arrives
  // (interrupt.h); without, fails at once. False with `error` set.
  bool acquire(const fs::path& target, bool wait, const std::function<void()>& waiting, std::string& error);
  // Deletes the lock file and releases the lock.
  void release();
  const fs::path& path() const { return path_; }
  ~OutputLock() { release(); }

 private:
  fs::path path_;
  int fd_ = -1;
};

// What remove_stale_siblings did.
struct StaleSiblings {
  std::vector<fs::path> removed;
  fs::path restored;  // the previous output put back at `target`, or empty
};

// Cleans up after builds into `target` that were killed. When `target` is
// missing and the only marked `<target>.skiff-old-PID` has a marked
// `<target>.skiff-tmp-PID` beside it (what a swap without RENAME_EXCHANGE
// killed between its two renames leaves), that previous output is renamed
// back to `target`. Then it removes the sibling folders
// `<target>.skiff-tmp-*` (a fresh build's staging tree) and
// `<target>.skiff-old-*` (a previous tree moved aside by a swap), when they
// carry skiff's marker or are empty, and the record's temporary copies
// (`<target>/.skiff-output.skiff-tmp-*`). Anything else is left alone,
// whatever its name. Call only while holding the target's OutputLock: then
// no running build owns them.
StaleSiblings remove_stale_siblings(const fs::path& target);

inline constexpr const char* kOutputMarker = ".skiff-output";

}  // namespace skiff
