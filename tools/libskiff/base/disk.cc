#include "base/disk.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

namespace skiff {

std::optional<std::string> read_file(const fs::path& path, std::string& error) {
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

// Adds the regular files below the open folder `dir` (relative path
// `prefix`, "" or ending in '/') to `files`. readdir's d_type says what an
// entry is without a stat, except for symbolic links (followed for files,
// never for folders) and file systems that do not fill it in. Takes
// ownership of `dir`.
void list_folder(int dir, const std::string& prefix, const fs::path& root, std::vector<std::string>& files,
                 std::vector<std::string>& errors) {
  DIR* stream = ::fdopendir(dir);
  if (stream == nullptr) {
    errors.push_back("cannot list " + (root / prefix).string() + ": " + std::strerror(errno));
    ::close(dir);
    return;
  }
  for (;;) {
    errno = 0;
    const dirent* entry = ::readdir(stream);
    if (entry == nullptr) {
      if (errno != 0) errors.push_back("cannot list " + (root / prefix).string() + ": " + std::strerror(errno));
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
    if (type == DT_LNK) {  // followed to a file, never to a folder
      struct stat st;
      if (::fstatat(::dirfd(stream), name, &st, 0) != 0 || !S_ISREG(st.st_mode)) continue;  // dangling, or a folder
      type = DT_REG;
    }
    if (type == DT_REG) {
      files.push_back(prefix + name);
    } else if (type == DT_DIR) {
      int sub = ::openat(::dirfd(stream), name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
      if (sub < 0) {
        if (errno != EACCES) errors.push_back("cannot list " + (root / (prefix + name)).string() + ": " + std::strerror(errno));
        continue;  // unreadable folders are skipped, as before
      }
      list_folder(sub, prefix + name + "/", root, files, errors);
    }
  }
  ::closedir(stream);
}

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
  list_folder(dir, "", root, files, errors);
  std::sort(files.begin(), files.end());
  return files;
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
