// `skiff build`: the whole site, every locale, into an output folder.
//
// The first build (or one with `clean`) writes a fresh tree beside the
// output and swaps it in only when it succeeds. Later builds are
// incremental: the output's marker holds a record of what was built from
// what (build_state.h), and only pages whose inputs changed are rendered,
// only files whose bytes changed are written (in place, each file replaced
// whole, and only when the build succeeds: output_update.h). An incremental
// result is byte-identical to a clean build. build_site() reads top to
// bottom in the order the phases run.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "markdown/markdown_renderer.h"

namespace skiff {

struct BuildOptions {
  std::filesystem::path site;
  std::filesystem::path out;  // empty: SITE/dist
  int jobs = 0;               // 0: one per core
  MarkdownOptions markdown;
  // A part of the site, for splitting a build over CI machines: only the
  // pages shown in `locales` (empty: all), and of those only shard
  // `shard` of `shards` (1-based; pages are dealt by a hash of their output
  // path, so the split is the same on every machine). The files every part
  // would share (public/, _skiff/, index.html, 404.html, sitemap.xml, the
  // dashboard) come with the part that holds the default locale's shard 1,
  // so the parts' folders merge into the full build with no file twice.
  std::vector<std::string> locales;
  int shard = 1;
  int shards = 1;
  // Ignore the previous output's record: render every page into a fresh
  // tree and swap it in.
  bool clean = false;
  // When another build into the same output is running (OutputLock): wait
  // for it, calling `waiting` once (true), or fail at once (false).
  bool wait = true;
  std::function<void()> waiting;
};

struct BuildResult {
  bool ok = false;  // no errors, output in place
  Diagnostics diagnostics;
  std::map<std::string, int> pages_per_locale;     // translated pages
  std::map<std::string, int> fallbacks_per_locale;  // default-locale content
  std::filesystem::path out;
  std::chrono::milliseconds elapsed{0};
  // Client JavaScript a page can load: _skiff/skiff.js plus the script
  // inlined in <head>, minified.
  std::size_t client_js_bytes = 0;
  bool incremental = false;  // updated the previous output in place
  int rendered = 0;          // pages rendered (all, unless incremental)
  int written = 0;           // files written (public/ copies not counted)
  // Wall time of each phase in order, for `skiff build --timings`.
  std::vector<std::pair<std::string, double>> phases;  // name, milliseconds
};

// Called from the building thread with pages done so far and the total.
using BuildProgress = std::function<void(int done, int total)>;

BuildResult build_site(const BuildOptions& options, const BuildProgress& progress = {});

}  // namespace skiff
