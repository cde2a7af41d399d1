#include "base/disk.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

namespace skiff {

std::optional<std::string> read_file(const fs::path& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read " + path.string() + ": " + std::strerror(errno);
    return std::nullopt;
  }
  std::string data;
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (!ec) data.reserve(static_cast<std::size_t>(size));
  data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    error = "cannot read " + path.string() + ": " + std::strerror(errno);
    return std::nullopt;
  }
  return data;
}

bool write_file(const fs::path& path, std::string_view data, std::string& error) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) {
    error = "cannot create " + path.parent_path().string() + ": " + ec.message();
    return false;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  out.close();
  if (!out) {
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

std::vector<std::string> list_files(const fs::path& root, std::vector<std::string>& errors) {
  std::vector<std::string> files;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return files;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    errors.push_back("cannot list " + root.string() + ": " + ec.message());
    return files;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      errors.push_back("cannot list below " + root.string() + ": " + ec.message());
      break;
    }
    std::error_code status_ec;
    if (it->is_regular_file(status_ec)) {
      files.push_back(it->path().lexically_relative(root).generic_string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool copy_tree(const fs::path& from, const fs::path& to, std::string& error) {
  std::vector<std::string> errors;
  for (const std::string& rel : list_files(from, errors)) {
    std::error_code ec;
    fs::path target = to / rel;
    fs::create_directories(target.parent_path(), ec);
    if (!ec) fs::copy_file(from / rel, target, fs::copy_options::overwrite_existing, ec);
    if (ec) {
      error = "cannot copy " + (from / rel).string() + ": " + ec.message();
      return false;
    }
  }
  if (!errors.empty()) {
    error = errors.front();
    return false;
  }
  return true;
}

}  // namespace skiff
