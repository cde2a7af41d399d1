// What every fuzz target shares: the libFuzzer entry point's signature, the
// input as text, and checks of the contracts that hold for ANY input (a
// diagnostic's position lies inside its file, offsets inside their text).
// A broken contract aborts, so libFuzzer (or the replay test, replay_main.cc)
// stops there and keeps the input, as it does for a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "base/source_text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace skiff::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

[[noreturn]] inline void fail(const char* file, int line, const char* what, std::string detail) {
  std::fprintf(stderr, "%s:%d: fuzz contract broken: %s\n  %s\n", file, line, what, detail.c_str());
  std::abort();
}

#define SKIFF_FUZZ_CHECK(condition, detail) \
  do {                                      \
    if (!(condition)) ::skiff::fuzz::fail(__FILE__, __LINE__, #condition, (detail)); \
  } while (false)

// Every diagnostic names `source`'s file, has a message, and sits at a
// position that exists in it: line 0 (the whole file), or a line of the file
// with a column from 1 to one past the line's last character.
inline void check_diagnostics(const Diagnostics& diagnostics, const SourceText& source) {
  for (const Diagnostic& d : diagnostics.all()) {
    const std::string shown = format_diagnostic(d);
    SKIFF_FUZZ_CHECK(d.file == source.path(), shown);
    SKIFF_FUZZ_CHECK(!d.message.empty(), shown);
    SKIFF_FUZZ_CHECK(d.pos.line >= 0 && d.pos.line <= source.line_count(), shown);
    if (d.pos.line == 0) continue;
    const std::size_t begin = source.line_start(d.pos.line);
    const std::size_t end = source.line_start(d.pos.line + 1);
    // Columns count code points; a line has at most as many as it has bytes.
    SKIFF_FUZZ_CHECK(d.pos.column >= 1 &&
                         static_cast<std::size_t>(d.pos.column) <= end - begin + 1,
                     shown);
  }
}

}  // namespace skiff::fuzz
