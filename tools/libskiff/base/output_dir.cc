#include "base/output_dir.h"

#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <system_error>

#include "base/disk.h"
#include "base/interrupt.h"

namespace skiff {
namespace {

fs::path absolute_clean(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(p, ec), ec).lexically_normal();
  // "dist/" and "home/missing/.." end in an empty file name; drop it so the
  // path compares equal to its folder and names a sibling correctly.
  if (abs.has_relative_path() && abs.filename().empty()) abs = abs.parent_path();
  return abs;
}

// True when `ancestor` is `path` or one of its parents.
bool is_same_or_ancestor(const fs::path& ancestor, const fs::path& path) {
  auto a = ancestor.begin();
  auto p = path.begin();
  for (; a != ancestor.end(); ++a, ++p) {
    if (a->empty()) continue;  // trailing separator
    if (p == path.end() || *a != *p) return false;
  }
  return true;
}

bool is_empty_dir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec) && fs::is_empty(p, ec);
}

// The user's home folders: $HOME, and the password database's entry (the
// only one when HOME is unset; under sudo the two differ).
std::vector<fs::path> home_folders() {
  std::vector<fs::path> homes;
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') homes.push_back(absolute_clean(home));
  if (const passwd* entry = ::getpwuid(::getuid()); entry != nullptr && entry->pw_dir != nullptr && *entry->pw_dir != '\0') {
    homes.push_back(absolute_clean(entry->pw_dir));
  }
  return homes;
}

}  // namespace

bool OutputDir::check_target(const fs::path& target, const fs::path& site_root, std::string& error) {
  fs::path out = absolute_clean(target);
  fs::path site = absolute_clean(site_root);
  if (out == out.root_path()) {
    error = "refusing to use the root folder as the output";
    return false;
  }
  for (const fs::path& home : home_folders()) {
    if (out == home) {
      error = "refusing to use the home folder as the output";
      return false;
    }
    if (home != home.root_path() && is_same_or_ancestor(out, home)) {
      error = "refusing to use " + target.string() + " as the output: it contains the home folder";
      return false;
    }
  }
  if (is_same_or_ancestor(out, site)) {
    error = "refusing to use " + target.string() +
            " as the output: it is the site folder or contains it";
    return false;
  }
  for (const char* input : {"pages", "public", "layouts", "components", "locales", ".git"}) {
    if (is_same_or_ancestor(absolute_clean(site_root / input), out)) {
      error = std::string("refusing to write the output inside the site's ") + input +
              "/ folder, which the build reads";
      return false;
    }
  }
  std::error_code ec;
  if (fs::exists(out, ec) && !fs::is_directory(out, ec)) {
    error = target.string() + " exists and is not a folder";
    return false;
  }
  if (fs::is_directory(out, ec) && !is_empty_dir(out) && !fs::exists(out / kOutputMarker, ec)) {
    error = "refusing to replace " + target.string() +
            ": it is not empty and was not made by skiff (no " + kOutputMarker + " file)";
    return false;
  }
  return true;
}

namespace {

// Deletes a tree skiff made, its marker last: a kill part-way leaves a
// folder that still carries the marker, so the next build's
// remove_stale_siblings recognises it and finishes the job (remove_all
// goes in directory order and may take the marker first).
void remove_marked_tree(const fs::path& root) {
  std::error_code ec;
  for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename() == kOutputMarker) continue;
    std::error_code ignored;
    fs::remove_all(it->path(), ignored);
  }
  fs::remove_all(root, ec);
}

}  // namespace

bool OutputDir::begin(const fs::path& target, std::string& error) {
  target_ = absolute_clean(target);
  staging_ = target_;
  staging_ += ".skiff-tmp-" + std::to_string(::getpid());
  std::error_code ec;
  // A leftover with our pid that skiff marked was removed under the lock
  // (remove_stale_siblings); anything still there is not ours to delete.
  if (fs::exists(fs::symlink_status(staging_, ec))) {
    error = "cannot build into " + staging_.string() + ": it exists and was not made by skiff; remove it";
    return false;
  }
  fs::create_directories(staging_, ec);
  if (ec) {
    error = "cannot create " + staging_.string() + ": " + ec.message();
    return false;
  }
  active_ = true;  // from here on abandon() deletes it
  if (!write_file(staging_ / kOutputMarker, "made by skiff build; safe to delete\n", error)) {
    abandon();
    return false;
  }
  return true;
}

bool OutputDir::commit(std::string& error, Swap swap) {
  std::error_code ec;
  fs::path previous = target_;
  previous += ".skiff-old-" + std::to_string(::getpid());
  bool had_previous = fs::exists(target_, ec);
  // One atomic exchange where the file system has it: there is no moment
  // without a folder at `target`; the old tree is left at the staging path
  // (marked: a killed build's is removed by the next build).
  if (had_previous && swap == Swap::kExchange &&
      ::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) == 0) {
    active_ = false;
    remove_marked_tree(staging_);
    return true;
  }
  if (had_previous) {
    fs::rename(target_, previous, ec);
    if (ec) {
      error = "cannot move the previous output aside: " + ec.message();
      return false;
    }
  }
  fs::rename(staging_, target_, ec);
  if (ec) {
    error = "cannot move the new output into place: " + ec.message();
    if (had_previous) fs::rename(previous, target_, ec);  // put the old site back
    return false;
  }
  active_ = false;
  if (had_previous) remove_marked_tree(previous);
  return true;
}

void OutputDir::abandon() {
  if (!active_) return;
  remove_marked_tree(staging_);
  active_ = false;
}

OutputDir::~OutputDir() { abandon(); }

bool OutputLock::acquire(const fs::path& target, bool wait, const std::function<void()>& waiting,
                         std::string& error) {
  release();
  path_ = absolute_clean(target);
  path_ += ".skiff-lock";
  bool told = false;
  for (;;) {
    int fd = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0 && errno == ENOENT) {
      // The output's parent is missing: the build would make it anyway.
      std::error_code ec;
      fs::create_directories(path_.parent_path(), ec);
      fd = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    }
    if (fd < 0) {
      error = "cannot create the lock file " + path_.string() + ": " + std::strerror(errno);
      return false;
    }
    int got;
    // Polled, not a blocking flock: under SA_RESTART (interrupt.h) a
    // blocked flock would not return for an interrupt.
    while ((got = ::flock(fd, LOCK_EX | LOCK_NB)) != 0 && errno == EWOULDBLOCK) {
      if (!wait) {
        ::close(fd);
        error = "another skiff build into " + target.string() + " is running (it holds " + path_.string() +
                "); not waiting for it (--no-wait)";
        return false;
      }
      if (!told) {
        if (waiting) waiting();
        told = true;
      }
      if (int signal = interrupted(); signal != 0) {
        ::close(fd);
        error = std::string("interrupted by ") + signal_name(signal) +
                " while waiting for another skiff build into " + target.string() + "; nothing was changed";
        return false;
      }
      timespec pause{0, 50'000'000};
      ::nanosleep(&pause, nullptr);
    }
    if (got != 0 && errno != EINTR) {
      error = "cannot lock " + path_.string() + ": " + std::strerror(errno);
      ::close(fd);
      return false;
    }
    // The holder deletes the file before it releases the lock: a lock won
    // on a file that is gone (or was made again since) guards nothing.
    struct stat held;
    struct stat named;
    if (got == 0 && ::fstat(fd, &held) == 0 && ::stat(path_.c_str(), &named) == 0 && held.st_ino == named.st_ino &&
        held.st_dev == named.st_dev) {
      fd_ = fd;
      return true;
    }
    ::close(fd);
  }
}

void OutputLock::release() {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());
  ::close(fd_);
  fd_ = -1;
}

StaleSiblings remove_stale_siblings(const fs::path& target) {
  StaleSiblings result;
  std::vector<fs::path>& removed = result.removed;
  const fs::path out = absolute_clean(target);
  const std::string name = out.filename().string();
  std::error_code ec;
  std::vector<fs::path> ours;  // leftovers skiff made
  std::vector<std::string> old_pids;  // marked OUT.skiff-old-PID: their PIDs
  std::vector<std::string> new_pids;  // marked OUT.skiff-tmp-PID
  for (const auto& entry : fs::directory_iterator(out.parent_path(), ec)) {
    const std::string entry_name = entry.path().filename().string();
    const bool old = entry_name.starts_with(name + ".skiff-old-");
    if (!entry_name.starts_with(name + ".skiff-tmp-") && !old) continue;
    std::error_code e;
    // Folders only (a symbolic link is not followed), and only skiff's.
    if (!entry.is_directory(e) || entry.is_symlink(e)) continue;
    const bool marked = fs::is_regular_file(fs::symlink_status(entry.path() / kOutputMarker, e));
    if (!marked && !is_empty_dir(entry.path())) continue;
    ours.push_back(entry.path());
    if (marked) (old ? old_pids : new_pids).push_back(entry_name.substr(name.size() + 11));
  }
  // A swap by two renames (no RENAME_EXCHANGE) killed between them leaves
  // exactly this: no output, the previous one moved aside whole, and the
  // same build's new tree still at its staging path. The previous output
  // is put back. Anything else (an old tree alone may be half deleted: the
  // build deletes it after the swap; or several candidates, which builds
  // taking turns cannot leave) is not guessed at.
  if (old_pids.size() == 1 && std::find(new_pids.begin(), new_pids.end(), old_pids.front()) != new_pids.end() &&
      !fs::exists(fs::symlink_status(out, ec))) {
    fs::path previous = out;
    previous += ".skiff-old-" + old_pids.front();
    fs::rename(previous, out, ec);
    if (!ec) {
      result.restored = previous;
      std::erase(ours, previous);
    }
  }
  for (const fs::path& path : ours) {
    std::error_code e;
    if (fs::remove_all(path, e) != static_cast<std::uintmax_t>(-1) && !e) removed.push_back(path);
  }
  // replace_file's temporary copy of the record (disk.h), inside the output.
  const std::string record_temp = std::string(kOutputMarker) + ".skiff-tmp-";
  for (const auto& entry : fs::directory_iterator(out, ec)) {
    std::error_code e;
    if (!entry.path().filename().string().starts_with(record_temp) || !entry.is_regular_file(e) ||
        entry.is_symlink(e)) {
      continue;
    }
    if (fs::remove(entry.path(), e)) removed.push_back(entry.path());
  }
  return result;
}

}  // namespace skiff
