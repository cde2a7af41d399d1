// The output folder is replaced atomically: a build writes into a fresh
// temporary sibling and only a successful build swaps it in, so an error,
// a crash or an interrupt leaves the previous site untouched.
//
// Safety: skiff only ever deletes a folder that it created, which it marks
// with a `.skiff-output` file, and refuses `/`, the home folder, the site
// folder or any of its ancestors, and any place inside the site's input
// folders (pages/, public/), as the output.
#pragma once

#include <filesystem>
#include <string>

namespace skiff {

namespace fs = std::filesystem;

class OutputDir {
 public:
  // Checks `target` against the safety rules above (site_root: the site
  // being built). On refusal returns false with `error` set.
  static bool check_target(const fs::path& target, const fs::path& site_root, std::string& error);

  // Creates the temporary sibling `<target>.skiff-tmp-<pid>`.
  bool begin(const fs::path& target, std::string& error);
  // Where the build writes while it runs.
  const fs::path& staging() const { return staging_; }
  // Swaps the staging tree in for `target` and deletes the previous tree.
  bool commit(std::string& error);
  // Deletes the staging tree (the build failed); `target` is untouched.
  void abandon();

  ~OutputDir();

 private:
  fs::path target_;
  fs::path staging_;
  bool active_ = false;
};

inline constexpr const char* kOutputMarker = ".skiff-output";

}  // namespace skiff
