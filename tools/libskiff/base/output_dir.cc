#include "base/output_dir.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <system_error>

#include "base/disk.h"

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

}  // namespace

bool OutputDir::check_target(const fs::path& target, const fs::path& site_root, std::string& error) {
  fs::path out = absolute_clean(target);
  fs::path site = absolute_clean(site_root);
  if (out == out.root_path()) {
    error = "refusing to use the root folder as the output";
    return false;
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    if (out == absolute_clean(home)) {
      error = "refusing to use the home folder as the output";
      return false;
    }
  }
  if (is_same_or_ancestor(out, site)) {
    error = "refusing to use " + target.string() +
            " as the output: it is the site folder or contains it";
    return false;
  }
  for (const char* input : {"pages", "public"}) {
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

bool OutputDir::begin(const fs::path& target, std::string& error) {
  target_ = absolute_clean(target);
  staging_ = target_;
  staging_ += ".skiff-tmp-" + std::to_string(::getpid());
  std::error_code ec;
  fs::remove_all(staging_, ec);  // a leftover of a killed build with our pid
  fs::create_directories(staging_, ec);
  if (ec) {
    error = "cannot create " + staging_.string() + ": " + ec.message();
    return false;
  }
  if (!write_file(staging_ / kOutputMarker, "made by skiff build; safe to delete\n", error)) {
    return false;
  }
  active_ = true;
  return true;
}

bool OutputDir::commit(std::string& error) {
  std::error_code ec;
  fs::path previous = target_;
  previous += ".skiff-old-" + std::to_string(::getpid());
  bool had_previous = fs::exists(target_, ec);
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
  if (had_previous) fs::remove_all(previous, ec);
  return true;
}

void OutputDir::abandon() {
  if (!active_) return;
  std::error_code ec;
  fs::remove_all(staging_, ec);
  active_ = false;
}

OutputDir::~OutputDir() { abandon(); }

}  // namespace skiff
