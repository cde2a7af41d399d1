// The history of a site's pages and UI strings, read from git in one pass:
// one `git log` for every file (not a process per file), renames followed
// back to each file's current name.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace skiff {

struct GitCommit {
  std::string hash;
  std::int64_t time = 0;  // committer date, Unix seconds
  std::string subject;
};

// One commit's change to a file, filed under the file's current path.
// (No line counts: asking git for them, --numstat, diffs every blob of the
// history and made the pass 15 times slower; translation_status counts the
// lines of the few changes it reports.)
struct FileChange {
  int commit = 0;          // index into GitHistory::commits (0 = newest)
  bool content = true;     // false: renamed without a change to its text
  bool created = false;    // the file appeared in this commit
  std::string old_blob;    // its blob before the commit ("" when created)
};

struct GitHistory {
  enum class State {
    Full,          // the whole history
    Shallow,       // a shallow clone: commits before the cut are missing
    NoRepository,  // the site is not in a git work tree
    Failed,        // git is missing or failed (see `message`)
  };
  State state = State::Failed;
  std::string message;             // what went wrong, or how to deepen the clone
  std::string head;                // HEAD's hash
  std::string prefix;              // the site's folder in the repository ("site/", or "")
  std::vector<GitCommit> commits;  // newest first (git log order)
  // Site-relative current path ("pages/en/a.md") → its changes, newest first.
  std::map<std::string, std::vector<FileChange>, std::less<>> files;

  const std::vector<FileChange>* changes(std::string_view path) const {
    auto it = files.find(path);
    return it == files.end() ? nullptr : &it->second;
  }
};

// HEAD's hash for the site at `site_root`, or "" when it is not in a git
// work tree or git fails: one `git rev-parse`, for callers that keep results
// computed from the history and need to know whether it moved.
std::string git_head(const std::filesystem::path& site_root);

// Reads the history of `folders` (site-relative, e.g. "pages", "locales")
// of the site at `site_root`. With a `cache_file`, git log's output is kept
// there with the HEAD it covers: the next run at the same HEAD reads no
// history, and after new commits only `git log CACHED..HEAD` runs (when the
// cached HEAD is an ancestor; otherwise, or after a clone is deepened, the
// whole history is read again). A cache that cannot be written is no error.
GitHistory read_git_history(const std::filesystem::path& site_root, const std::vector<std::string>& folders,
                            const std::filesystem::path& cache_file = {});

// Parses the output of
//   git log -M --raw --no-abbrev -z --format=%x1e%H%x1f%ct%x1f%s
// whose paths are relative to the repository root; `prefix` is the site's
// folder in the repository ("site/", or "" at the root). Files outside the
// prefix are left out. (Separate from read_git_history for tests.)
void parse_git_log(std::string_view log, std::string_view prefix, GitHistory& history);

}  // namespace skiff
