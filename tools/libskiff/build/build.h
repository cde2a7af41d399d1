// `skiff build`: the whole site, every locale, into an output folder that is
// replaced only when the build succeeds. build_site() reads top to bottom in
// the order the phases run.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
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
};

// Called from the building thread with pages done so far and the total.
using BuildProgress = std::function<void(int done, int total)>;

BuildResult build_site(const BuildOptions& options, const BuildProgress& progress = {});

}  // namespace skiff
