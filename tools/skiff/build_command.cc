#include "build_command.h"

#include <fmt/core.h>

#include <chrono>
#include <cstdio>

#include "base/interrupt.h"
#include "base/terminal.h"

namespace skiff {
namespace {

// Progress only on a terminal and only once a build has run for a second:
// short builds stay quiet, CI logs get no carriage-return noise.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}
  void update(int done, int total) {
    if (!enabled_) return;
    if (std::chrono::steady_clock::now() - start_ < std::chrono::seconds(1)) return;
    fmt::print(stderr, "\r\033[Krendering pages {}/{}", done, total);
    std::fflush(stderr);
    shown_ = true;
  }
  ~ProgressLine() {
    if (shown_) fmt::print(stderr, "\r\033[K");
  }

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_;
};

void print_summary(const BuildResult& result, bool colour) {
  int pages = 0;
  int fallbacks = 0;
  std::string per_locale;
  for (const auto& [locale, n] : result.pages_per_locale) {
    pages += n;
    auto fb = result.fallbacks_per_locale.find(locale);
    int f = fb == result.fallbacks_per_locale.end() ? 0 : fb->second;
    fallbacks += f;
    per_locale += fmt::format("  {:<8} {:>5} pages", locale, n);
    if (f > 0) per_locale += fmt::format(" + {} untranslated (fallback)", f);
    per_locale += '\n';
  }
  for (const auto& [locale, f] : result.fallbacks_per_locale) {
    if (result.pages_per_locale.count(locale) == 0) {
      fallbacks += f;
      per_locale += fmt::format("  {:<8} {:>5} pages + {} untranslated (fallback)\n", locale, 0, f);
    }
  }
  const char* bold = colour ? "\033[1m" : "";
  const char* green = colour ? "\033[1;32m" : "";
  const char* red = colour ? "\033[1;31m" : "";
  const char* reset = colour ? "\033[0m" : "";
  int errors = result.diagnostics.error_count();
  int warnings = result.diagnostics.warning_count();
  if (result.ok) {
    fmt::print("{}built{} {} pages + {} fallback pages in {} ms ({} warning{})\n", green, reset, pages,
               fallbacks, result.elapsed.count(), warnings, warnings == 1 ? "" : "s");
    if (result.incremental) {
      fmt::print("  incremental: {} page{} rendered, {} file{} written (--clean renders all)\n", result.rendered,
                 result.rendered == 1 ? "" : "s", result.written, result.written == 1 ? "" : "s");
    }
    fmt::print("{}", per_locale);
    // The budget for tabs + copy + video scripts is 4 KB minified.
    fmt::print("  client JavaScript {:.1f} KB minified (tabs, copy buttons, video)\n",
               static_cast<double>(result.client_js_bytes) / 1024.0);
    fmt::print("{}open{} {}/index.html, or serve it: python3 -m http.server -d {}\n", bold, reset,
               result.out.string(), result.out.string());
  } else {
    fmt::print(stderr, "{}build failed{}: {} error{}, {} warning{}; {} was not changed\n", red, reset,
               errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s",
               result.out.string());
  }
}

}  // namespace

int run_build_command(const BuildCommandOptions& options) {
  bool progress_enabled = !options.quiet && is_terminal(stderr);
  BuildResult result;
  // ^C or SIGTERM: the build stops at a safe point and cleans up (build.h).
  catch_interrupts();
  BuildOptions build = options.build;
  build.waiting = [&] {
    fmt::print(stderr, "waiting for another skiff build into {} to finish…\n", build.out.empty() ? (build.site / "dist").string() : build.out.string());
    std::fflush(stderr);
  };
  {
    ProgressLine line(progress_enabled);
    result = build_site(build, [&](int done, int total) { line.update(done, total); });
  }
  bool colour = use_colour(stderr);
  for (const Diagnostic& d : result.diagnostics.all()) {
    if (options.quiet && d.severity != Severity::Error) continue;
    fmt::print(stderr, "{}\n", format_diagnostic(d, colour));
  }
  if (!options.quiet || !result.ok) print_summary(result, use_colour(stdout));
  if (options.timings) {
    for (const auto& [phase, ms] : result.phases) fmt::print(stderr, "{:>9.1f} ms  {}\n", ms, phase);
  }
  if (result.ok) return 0;
  // As a shell reports a process ended by the signal: 130 for SIGINT.
  if (int signal = interrupted(); signal != 0) return 128 + signal;
  return 1;
}

}  // namespace skiff
