// The replay test: runs a fuzz target's LLVMFuzzerTestOneInput, without
// libFuzzer, on every file of the folders given (its seed corpus and the
// inputs that once crashed it, tests/fuzz/regressions/TARGET/). Linked with
// each target in every build, gcc's included, so what fuzzing found stays
// fixed; in the sanitizer build (build-san) it also runs them under ASan and
// UBSan.
//
// usage: TARGET_replay [--optional] FOLDER|FILE...   names each input, then
// a count per folder; exits 1 when a folder is missing or holds no file (a
// corpus lost by accident), unless `--optional` came just before it (a
// target's regressions folder, which exists once fuzzing found something).
// A broken contract or a crash aborts, naming the input first.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputs_of(const fs::path& path) {
  std::vector<fs::path> files;
  std::error_code error;
  if (fs::is_regular_file(path, error)) return {path};
  for (fs::recursive_directory_iterator it(path, error), end; !error && it != end;
       it.increment(error)) {
    if (it->is_regular_file(error)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());  // the same order on every run
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s [--optional] FOLDER|FILE...\n", argv[0]);
    return 2;
  }
  int status = 0;
  bool optional = false;
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--optional") {
      optional = true;
      continue;
    }
    const std::vector<fs::path> files = inputs_of(argv[i]);
    if (files.empty()) {
      std::fprintf(stderr, "%s: no inputs (missing or empty)%s\n", argv[i],
                   optional ? ", optional" : "");
      if (!optional) status = 1;
      optional = false;
      continue;
    }
    optional = false;
    for (const fs::path& file : files) {
      std::ifstream in(file, std::ios::binary);
      const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
      if (!in && !in.eof()) {
        std::fprintf(stderr, "%s: cannot read\n", file.c_str());
        status = 1;
        continue;
      }
      // Named before it runs (stderr is unbuffered), so a crash report
      // follows the name of the input that caused it.
      std::fprintf(stderr, "%s\n", file.c_str());
      LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    }
    std::fprintf(stderr, "%s: %zu inputs replayed\n", argv[i], files.size());
  }
  return status;
}
