#include "i18n/git_history.h"

#include <charconv>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "base/disk.h"
#include "base/subprocess.h"

namespace skiff {
namespace {

std::string_view trim_newlines(std::string_view s) {
  while (!s.empty() && (s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

int to_int(std::string_view s, int fallback) {
  int n = fallback;
  if (std::from_chars(s.data(), s.data() + s.size(), n).ec != std::errc()) return fallback;
  return n;
}

// One entry of `--raw`: ":100644 100644 OLDBLOB NEWBLOB STATUS", paths after.
struct RawEntry {
  char status = 'M';
  int score = 100;  // rename similarity
  std::string old_blob;
  std::string path;      // the path after the commit
  std::string old_path;  // renames and copies: the path before
};

// The raw entries of one record's body (after the header): tokens
// separated by NUL, each entry ":modes blobs STATUS" then its path(s).
// Anything else (other diff formats) is skipped.
std::vector<RawEntry> parse_changes(std::string_view body) {
  std::vector<RawEntry> entries;
  std::vector<std::string_view> tokens;
  for (std::size_t at = 0; at < body.size();) {
    std::size_t end = body.find('\0', at);
    if (end == std::string_view::npos) end = body.size();
    tokens.push_back(trim_newlines(body.substr(at, end - at)));
    at = end + 1;
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::string_view t = tokens[i];
    if (t.empty() || t[0] != ':') continue;
    // ":100644 100644 old new S" then one path, or two for R and C.
    RawEntry e;
    std::size_t fields = 0;
    for (std::size_t at = 1; at < t.size() && fields < 5;) {
      std::size_t end = t.find(' ', at);
      if (end == std::string_view::npos) end = t.size();
      std::string_view field = t.substr(at, end - at);
      if (fields == 2) e.old_blob = std::string(field);
      if (fields == 4 && !field.empty()) {
        e.status = field[0];
        if (field.size() > 1) e.score = to_int(field.substr(1), 100);
      }
      ++fields;
      at = end + 1;
    }
    if (e.old_blob.find_first_not_of('0') == std::string::npos) e.old_blob.clear();
    if ((e.status == 'R' || e.status == 'C') && i + 2 < tokens.size()) {
      e.old_path = std::string(tokens[i + 1]);
      e.path = std::string(tokens[i + 2]);
      i += 2;
    } else if (i + 1 < tokens.size()) {
      e.path = std::string(tokens[i + 1]);
      i += 1;
    } else {
      continue;
    }
    entries.push_back(std::move(e));
  }
  return entries;
}

// Current names, followed from the newest commit back: a path seen in an
// older commit is the file `alias` says, or no current file at all
// (`gone`: deleted, or another file that had the name before).
class Names {
 public:
  // The current path of `path` as of the commit being read; "" when none.
  std::string current(const std::string& path) const {
    if (gone_.count(path) > 0) return {};
    auto it = alias_.find(path);
    return it == alias_.end() ? path : it->second;
  }
  void rename(const std::string& older, const std::string& newer, const std::string& current_path) {
    alias_[older] = current_path;
    gone_.erase(older);
    if (newer != older) forget(newer);
  }
  void forget(const std::string& path) {
    alias_.erase(path);
    gone_.insert(path);
  }

 private:
  std::unordered_map<std::string, std::string> alias_;
  std::unordered_set<std::string> gone_;
};

}  // namespace

void parse_git_log(std::string_view log, std::string_view prefix, GitHistory& history) {
  Names names;
  for (std::size_t at = log.find('\x1e'); at != std::string_view::npos;) {
    std::size_t next = log.find('\x1e', at + 1);
    std::string_view record = log.substr(at + 1, next == std::string_view::npos ? std::string_view::npos : next - at - 1);
    at = next;
    std::size_t header_end = record.find('\0');
    std::string_view header = record.substr(0, header_end);
    std::size_t f1 = header.find('\x1f');
    std::size_t f2 = f1 == std::string_view::npos ? f1 : header.find('\x1f', f1 + 1);
    if (f2 == std::string_view::npos) continue;
    GitCommit commit;
    commit.hash = std::string(header.substr(0, f1));
    commit.time = to_int(header.substr(f1 + 1, f2 - f1 - 1), 0);
    commit.subject = std::string(header.substr(f2 + 1));
    const int index = static_cast<int>(history.commits.size());
    history.commits.push_back(std::move(commit));
    if (header_end == std::string_view::npos) continue;
    std::vector<RawEntry> changes = parse_changes(record.substr(header_end + 1));

    // First file every change under the names as they are before this
    // commit's renames and deletions; then update the names.
    struct Filed {
      std::string current;
      FileChange change;
    };
    std::vector<Filed> filed;
    for (const RawEntry& e : changes) {
      if (e.status == 'D') continue;  // a deleted file is no current file
      std::string current = names.current(e.path);
      if (current.empty()) continue;
      FileChange change;
      change.commit = index;
      change.content = !(e.status == 'R' && e.score == 100);
      change.created = e.status == 'A' || e.status == 'C';
      change.old_blob = e.old_blob;
      filed.push_back({std::move(current), std::move(change)});
    }
    for (const RawEntry& e : changes) {
      if (e.status == 'R') {
        std::string current = names.current(e.path);
        if (current.empty()) {
          names.forget(e.old_path);
        } else {
          names.rename(e.old_path, e.path, current);
        }
      } else if (e.status == 'A' || e.status == 'C' || e.status == 'D') {
        names.forget(e.path);
      }
    }
    for (Filed& f : filed) {
      if (!f.current.starts_with(prefix)) continue;
      history.files[f.current.substr(prefix.size())].push_back(std::move(f.change));
    }
  }
}

namespace {

// The cache: one header line, then git log's output as it came.
//   skiff-git-log 1 <HEAD> <shallow 0|1> <prefix>\t<folders, space-separated>
std::string cache_header(const std::string& head, bool shallow, const std::string& prefix,
                         const std::vector<std::string>& folders) {
  std::string h = "skiff-git-log 1 " + head + " " + (shallow ? "1" : "0") + " " + prefix + "\t";
  for (const std::string& f : folders) h += f + " ";
  return h + "\n";
}

// The cached HEAD and log when `cached` was written for the same shallowness,
// prefix and folders; empty otherwise.
std::pair<std::string, std::string_view> read_cache(std::string_view cached, bool shallow, const std::string& prefix,
                                                    const std::vector<std::string>& folders) {
  std::size_t end = cached.find('\n');
  if (end == std::string_view::npos || !cached.starts_with("skiff-git-log 1 ")) return {};
  std::string_view header = cached.substr(0, end + 1);
  std::size_t head_end = header.find(' ', 16);
  if (head_end == std::string_view::npos) return {};
  std::string head(header.substr(16, head_end - 16));
  if (header != cache_header(head, shallow, prefix, folders)) return {};
  return {head, cached.substr(end + 1)};
}

}  // namespace

std::string git_head(const std::filesystem::path& site_root) {
  ProcessResult head = run_process({"git", "rev-parse", "HEAD"}, site_root);
  if (!head.started || head.exit_code != 0) return "";
  while (!head.out.empty() && (head.out.back() == '\n' || head.out.back() == '\r')) head.out.pop_back();
  return head.out;
}

GitHistory read_git_history(const std::filesystem::path& site_root, const std::vector<std::string>& folders,
                            const std::filesystem::path& cache_file) {
  GitHistory history;
  ProcessResult where = run_process(
      {"git", "rev-parse", "--show-prefix", "--is-shallow-repository", "HEAD"}, site_root);
  if (!where.started) {
    history.state = GitHistory::State::Failed;
    history.message = "git is not installed (" + where.error + "): statuses are missing/done only";
    return history;
  }
  if (where.exit_code != 0) {
    history.state = GitHistory::State::NoRepository;
    history.message = "not in a git repository: statuses are missing/done only (no history, so nothing is outdated)";
    return history;
  }
  // Three lines: the prefix (may be empty), true/false, HEAD.
  std::vector<std::string> lines;
  for (std::size_t at = 0; at <= where.out.size();) {
    std::size_t end = where.out.find('\n', at);
    if (end == std::string::npos) end = where.out.size();
    lines.emplace_back(where.out.substr(at, end - at));
    at = end + 1;
  }
  if (lines.size() < 3) {
    history.state = GitHistory::State::Failed;
    history.message = "unexpected output from git rev-parse";
    return history;
  }
  const std::string prefix = lines[0];
  const bool shallow = lines[1] == "true";
  history.head = lines[2];
  history.prefix = prefix;
  // What the cache already has, if it is for this history.
  std::string cached_text;
  std::string cached_head;
  std::string_view cached_log;
  if (!cache_file.empty()) {
    std::string error;
    if (auto text = read_file(cache_file, error)) {
      cached_text = std::move(*text);
      std::tie(cached_head, cached_log) = read_cache(cached_text, shallow, prefix, folders);
    }
    if (!cached_head.empty() && cached_head != history.head) {
      ProcessResult ancestor = run_process({"git", "merge-base", "--is-ancestor", cached_head, history.head}, site_root);
      if (!ancestor.started || ancestor.exit_code != 0) cached_head.clear();  // rewritten history: read it all
    }
  }
  std::string log_text;
  if (!cached_head.empty() && cached_head == history.head) {
    log_text = std::string(cached_log);
  } else {
    std::vector<std::string> argv = {"git", "-c", "core.quotePath=false", "log", "-M", "--raw",
                                     "--no-abbrev", "-z", "--format=%x1e%H%x1f%ct%x1f%s"};
    if (!cached_head.empty()) argv.push_back(cached_head + ".." + history.head);
    argv.push_back("--");
    for (const std::string& folder : folders) argv.push_back(folder);
    ProcessResult log = run_process(argv, site_root);
    if (!log.started || log.exit_code != 0) {
      history.state = GitHistory::State::Failed;
      history.message = "git log failed: " + (log.started ? log.err : log.error);
      return history;
    }
    // New commits come first: the log stays newest first.
    log_text = cached_head.empty() ? std::move(log.out) : log.out + std::string(cached_log);
    if (!cache_file.empty()) {
      std::error_code ec;
      std::filesystem::create_directories(cache_file.parent_path(), ec);
      std::string error;
      replace_file(cache_file, cache_header(history.head, shallow, prefix, folders) + log_text, error);
    }
  }
  parse_git_log(log_text, prefix, history);
  history.state = shallow ? GitHistory::State::Shallow : GitHistory::State::Full;
  if (shallow) {
    history.message = "this is a shallow clone: history before its oldest commit is missing. "
                      "Run `git fetch --unshallow` (in CI: actions/checkout with fetch-depth: 0)";
  }
  return history;
}

}  // namespace skiff
