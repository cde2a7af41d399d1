#include "base/disk.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <system_error>

#include "base/thousands.h"

namespace skiff {

namespace {

std::string over_limit(const ReadLimit& limit, std::string_view size) {
  std::string out = std::string(limit.what) + " is " + std::string(size) + " bytes, over the limit of " +
                    with_thousands(limit.max_bytes);
  if (!limit.setting.empty()) out += " (" + std::string(limit.setting) + ")";
  return out;
}

// The real path of `path` (symlinks and .. resolved), or "" with `error`
// set to errno.
std::string resolved(const fs::path& path, int& error) {
  char* real = ::realpath(path.c_str(), nullptr);
  if (real == nullptr) {
    error = errno;
    return std::string();
  }
  std::string out(real);
  std::free(real);
  return out;
}

}  // namespace

std::optional<std::string> read_file(const fs::path& path, std::string& error) {
  return read_file(path, error, ReadLimit{});
}

std::optional<std::string> read_file(const fs::path& path, std::string& error, const ReadLimit& limit) {
  // POSIX reads: a whole file in one or two calls (pages are read on every
  // lint and build, so istream's per-character path is too slow).
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = "cannot read " + path.string() + ": " + std::strerror(errno);
    return std::nullopt;
  }
  // Closes `fd` on every way out, exceptions (a failed allocation) included.
  struct Closer {
    int fd;
    ~Closer() {
      if (fd >= 0) ::close(fd);
    }
  } closer{fd};
  std::string data;
  struct stat info {};
  const bool have_info = ::fstat(fd, &info) == 0;
  if (have_info && S_ISDIR(info.st_mode)) {
    error = "cannot read " + path.string() + ": " + std::strerror(EISDIR);
    return std::nullopt;
  }
  // A regular file that returns less than asked for is at its end: no
  // second read to see 0 (a build reads thousands of pages, twice).
  const bool regular = have_info && S_ISREG(info.st_mode);
  if (regular && static_cast<std::uint64_t>(info.st_size) > limit.max_bytes) {
    error = over_limit(limit, with_thousands(static_cast<std::uint64_t>(info.st_size)));
    return std::nullopt;
  }
  // The size is a hint: the file may grow or shrink while it is read.
  std::size_t capacity = info.st_size > 0 ? static_cast<std::size_t>(info.st_size) + 1 : 4096;
  std::size_t used = 0;
  for (;;) {
    if (used == data.size()) data.resize(std::max(capacity, data.size() * 2));
    ssize_t got = ::read(fd, data.data() + used, data.size() - used);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      int saved = errno;
      error = "cannot read " + path.string() + ": " + std::strerror(saved);
      return std::nullopt;
    }
    if (got == 0) break;
    const bool short_read = static_cast<std::size_t>(got) < data.size() - used;
    used += static_cast<std::size_t>(got);
    if (used > limit.max_bytes) {  // grew while read, or not a regular file
      error = over_limit(limit, "more than " + with_thousands(limit.max_bytes));
      return std::nullopt;
    }
    if (regular && short_read) break;
  }
  data.resize(used);
  return data;
}

bool write_file(const fs::path& path, std::string_view data, std::string& error, FolderHint hint) {
  // Open first and create the folders only when they are missing: a build
  // writes thousands of files into a few hundred folders, and checking
  // every folder of every path was a large share of its system time. When
  // the caller knows the folder is new (a page's own folder in a fresh
  // output), make it first and spare the open that would fail.
  int fd = -1;
  errno = ENOENT;
  if (hint == FolderHint::kLikelyMissing) {
    const fs::path parent = path.parent_path();
    if (!parent.empty() && (::mkdir(parent.c_str(), 0777) == 0 || errno == EEXIST)) {
      fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    }
  } else {
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  }
  if (fd < 0 && errno == ENOENT) {
    // Usually only the file's own folder is missing (a page's folder, its
    // parent made for an earlier page): one mkdir, where
    // create_directories would first stat the folder and its parent.
    const fs::path parent = path.parent_path();
    if (parent.empty() || ::mkdir(parent.c_str(), 0777) != 0) {
      std::error_code ec;
      fs::create_directories(parent, ec);
      if (ec) {
        error = "cannot create " + parent.string() + ": " + ec.message();
        return false;
      }
    }
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  }
  if (fd < 0) {
    error = "cannot write " + path.string() + ": " + std::strerror(errno);
    return false;
  }
  std::size_t written = 0;
  while (written < data.size()) {
    ssize_t n = ::write(fd, data.data() + written, data.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int saved = errno;
      ::close(fd);
      error = "cannot write " + path.string() + ": " + std::strerror(saved);
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) {
    error = "cannot write " + path.string() + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

bool replace_file(const fs::path& path, std::string_view data, std::string& error) {
  fs::path temp = path;
  temp += ".skiff-tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.flush();
    if (!out) {
      error = "cannot write " + temp.string() + ": " + std::strerror(errno);
      out.close();
      std::error_code ignored;
      fs::remove(temp, ignored);
      return false;
    }
  }
  // Keep an existing file's permissions; a new file keeps the default ones
  // (a missing file's status reports perms::unknown, i.e. all bits).
  std::error_code ec;
  fs::file_status old = fs::status(path, ec);
  if (!ec && fs::exists(old)) fs::permissions(temp, old.permissions(), ec);
  fs::rename(temp, path, ec);
  if (ec) {
    error = "cannot replace " + path.string() + ": " + ec.message();
    std::error_code ignored;
    fs::remove(temp, ignored);
    return false;
  }
  return true;
}

namespace {

// One listing: the folder `root` and where its findings go. Plain
// listings (list_files) follow symlinks to any file and skip what they
// cannot list quietly, as they always did; site listings (`site` set)
// confine links to the site and report everything they skip.
struct Lister {
  const fs::path& root;
  std::vector<std::string>& files;
  std::vector<std::string>& errors;  // plain listings
  // Site listings: the site's real path with a trailing '/', the listed
  // folder as shown ("pages/en/"), and where problems go.
  const std::string* site = nullptr;
  std::string display;
  Diagnostics* problems = nullptr;

  void problem(Severity severity, const std::string& rel, std::string message) const {
    std::string file = display + rel;
    while (file.size() > 1 && file.back() == '/') file.pop_back();
    problems->add({severity, std::move(file), {}, std::move(message)});
  }

  // Adds the regular files below the open folder `dir` (relative path
  // `prefix`, "" or ending in '/'). readdir's d_type says what an entry is
  // without a stat, except for symbolic links and file systems that do
  // not fill it in. Takes ownership of `dir`.
  void folder(int dir, const std::string& prefix) {
    DIR* stream = ::fdopendir(dir);
    if (stream == nullptr) {
      cannot_list(prefix, errno);
      ::close(dir);
      return;
    }
    for (;;) {
      errno = 0;
      const dirent* entry = ::readdir(stream);
      if (entry == nullptr) {
        if (errno != 0) cannot_list(prefix, errno);
        break;
      }
      const char* name = entry->d_name;
      if (name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'))) continue;
      unsigned char type = entry->d_type;
      if (type == DT_UNKNOWN) {  // file systems that do not say: ask
        struct stat st;
        if (::fstatat(::dirfd(stream), name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
        type = S_ISLNK(st.st_mode) ? DT_LNK : S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
      }
      if (type == DT_LNK && !follow_link(::dirfd(stream), prefix, name)) continue;
      if (type == DT_REG || type == DT_LNK) {
        files.push_back(prefix + name);
      } else if (type == DT_DIR) {
        int sub = ::openat(::dirfd(stream), name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
        if (sub < 0) {
          cannot_list(prefix + name + "/", errno);
          continue;
        }
        folder(sub, prefix + name + "/");
      }
    }
    ::closedir(stream);
  }

  void cannot_list(const std::string& prefix, int error) {
    if (site != nullptr) {
      std::string shown = display + prefix;
      if (!shown.empty() && shown.back() == '/') shown.pop_back();
      // Permissions are a choice someone made: a warning. Anything else
      // (an I/O error) means pages may be missing: an error.
      problem(error == EACCES ? Severity::Warning : Severity::Error, prefix,
              "cannot read folder " + shown + ": " + std::strerror(error) + "; its files are skipped");
    } else if (error != EACCES) {  // unreadable folders are skipped, as before
      errors.push_back("cannot list " + (root / prefix).string() + ": " + std::strerror(error));
    }
  }

  // Whether the symlink `name` in folder `dir` is listed: one to a regular
  // file, which in a site listing must be inside the site. Links to
  // folders are never followed.
  bool follow_link(int dir, const std::string& prefix, const char* name) {
    struct stat st;
    if (::fstatat(dir, name, &st, 0) != 0) {
      if (site != nullptr) {
        const int error = errno;
        char target[4096];
        ssize_t n = ::readlinkat(dir, name, target, sizeof target - 1);
        const std::string to = n < 0 ? std::string("?") : std::string(target, static_cast<std::size_t>(n));
        if (error == ENOENT) {
          problem(Severity::Warning, prefix + name, "broken symlink: its target `" + to + "` does not exist; skipped");
        } else if (error == ELOOP) {
          problem(Severity::Warning, prefix + name, "symlink loop: following `" + to + "` never reaches a file; skipped");
        } else {
          problem(Severity::Warning, prefix + name,
                  "cannot follow the symlink to `" + to + "`: " + std::strerror(error) + "; skipped");
        }
      }
      return false;
    }
    if (site == nullptr) return S_ISREG(st.st_mode);
    const std::string real = real_path(prefix + name);
    if (S_ISDIR(st.st_mode)) {
      problem(Severity::Warning, prefix + name, "symlinked folder not followed (it leads to " + real + ")");
      return false;
    }
    if (!S_ISREG(st.st_mode)) return false;
    if (!real.starts_with(*site)) {
      problem(Severity::Error, prefix + name, "symlink to " + real + ", which is outside the site: not read");
      return false;
    }
    return true;
  }

  std::string real_path(const std::string& rel) const {
    int error = 0;
    std::string real = resolved(root / rel, error);
    return real.empty() ? (root / rel).string() : real;
  }
};

}  // namespace

std::vector<std::string> list_files(const fs::path& root, std::vector<std::string>& errors) {
  std::vector<std::string> files;
  int dir = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) {
    // A missing root is an empty list; so is an unreadable one, as
    // unreadable folders below it are skipped.
    if (errno != ENOENT && errno != ENOTDIR && errno != EACCES) {
      errors.push_back("cannot list " + root.string() + ": " + std::strerror(errno));
    }
    return files;
  }
  Lister{root, files, errors, nullptr, "", nullptr}.folder(dir, "");
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> list_site_files(const fs::path& site_root, std::string_view folder, Diagnostics& problems) {
  std::vector<std::string> files;
  std::vector<std::string> unused;
  const fs::path root = site_root / folder;
  std::string display = std::string(folder) + "/";
  auto report = [&](Severity severity, std::string message) {
    problems.add({severity, std::string(folder), {}, std::move(message)});
  };
  struct stat st;
  if (::lstat(root.c_str(), &st) != 0) {
    // A missing folder (or a file on the way): nothing to list.
    if (errno != ENOENT && errno != ENOTDIR) {
      report(errno == EACCES ? Severity::Warning : Severity::Error,
             "cannot read folder " + std::string(folder) + ": " + std::strerror(errno) + "; its files are skipped");
    }
    return files;
  }
  // The folder itself must be where it seems: SITE/folder with no symlink
  // on the way (`public -> /etc` would publish /etc).
  int resolve_error = 0;
  std::string site = resolved(site_root, resolve_error);
  std::string real = site.empty() ? std::string() : resolved(root, resolve_error);
  if (real.empty() && !site.empty() && S_ISLNK(st.st_mode)) {
    char target[4096];
    ssize_t n = ::readlink(root.c_str(), target, sizeof target - 1);
    const std::string to = n < 0 ? std::string("?") : std::string(target, static_cast<std::size_t>(n));
    report(Severity::Warning, resolve_error == ELOOP
                                  ? "symlink loop: following `" + to + "` never reaches a folder; skipped"
                                  : "broken symlink: its target `" + to + "` does not exist; skipped");
    return files;
  }
  if (site.empty() || real.empty()) {
    report(Severity::Error, "cannot resolve " + root.string() + ": " + std::strerror(resolve_error) +
                                "; its files are skipped");
    return files;
  }
  if (site.back() != '/') site += '/';
  if (real != site + std::string(folder)) {
    struct stat target;
    if (::stat(real.c_str(), &target) == 0 && S_ISDIR(target.st_mode)) {
      report(Severity::Warning, "symlinked folder not followed (it leads to " + real + ")");
    }
    return files;
  }
  if (!S_ISDIR(st.st_mode)) return files;  // a file where the folder would be
  int dir = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
  Lister lister{root, files, unused, &site, display, &problems};
  if (dir < 0) {
    lister.cannot_list("", errno);
    return files;
  }
  lister.folder(dir, "");
  std::sort(files.begin(), files.end());
  return files;
}

std::optional<std::string> read_site_file(const fs::path& site_root, std::string_view rel, Diagnostics& problems,
                                          const ReadLimit& limit) {
  const fs::path path = site_root / rel;
  const std::string shown(rel);
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return std::nullopt;  // no such file: nothing to read
    problems.error(shown, {}, "cannot read " + shown + ": " + std::strerror(errno));
    return std::nullopt;
  }
  int error = 0;
  std::string site = resolved(site_root, error);
  if (site.empty()) {
    problems.error(shown, {}, "cannot resolve " + site_root.string() + ": " + std::strerror(error) + "; not read");
    return std::nullopt;
  }
  if (site.back() != '/') site += '/';
  // The folder the file is in must be SITE/<its folder>, as list_site_files
  // lists it: a symlinked folder on the way is not followed.
  const std::size_t slash = rel.rfind('/');
  const std::string folder = slash == std::string_view::npos ? std::string() : std::string(rel.substr(0, slash)) + "/";
  std::string real_folder = resolved(path.parent_path(), error);
  if (!real_folder.empty() && real_folder.back() != '/') real_folder += '/';  // "/" stays "/"
  if (real_folder != site + folder) {
    if (!real_folder.empty() && real_folder != "/") real_folder.pop_back();
    problems.error(shown, {}, "symlinked folder not followed (it leads to " +
                                    (real_folder.empty() ? std::string("?") : real_folder) + "); not read");
    return std::nullopt;
  }
  if (S_ISLNK(st.st_mode)) {
    const std::string real = resolved(path, error);
    if (real.empty()) {
      problems.error(shown, {}, error == ELOOP ? "symlink loop: following it never reaches a file; not read"
                                                 : "broken symlink: its target does not exist; not read");
      return std::nullopt;
    }
    if (!real.starts_with(site)) {
      problems.error(shown, {}, "symlink to " + real + ", which is outside the site: not read");
      return std::nullopt;
    }
    if (::stat(path.c_str(), &st) != 0) {
      problems.error(shown, {}, "cannot read " + shown + ": " + std::strerror(errno));
      return std::nullopt;
    }
  }
  // Only regular files, as listings list: a FIFO would block the read
  // forever, a device (/dev/zero) would never end.
  if (!S_ISREG(st.st_mode)) {
    problems.error(shown, {}, S_ISDIR(st.st_mode) ? "a folder where a file was expected; not read"
                                                    : "not a regular file (a FIFO, socket or device); not read");
    return std::nullopt;
  }
  std::string read_error;
  auto bytes = read_file(path, read_error, limit);
  if (!bytes) problems.error(shown, {}, read_error);
  return bytes;
}

bool copy_file(const fs::path& from, const fs::path& to, std::string& error) {
  std::error_code ec;
  fs::create_directories(to.parent_path(), ec);
  if (!ec) fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
  if (ec) {
    error = "cannot copy " + from.string() + " to " + to.string() + ": " + ec.message();
    return false;
  }
  return true;
}

}  // namespace skiff
