// Loading a site: everything `skiff build` and `skiff lint` know before any
// page body is rendered — configuration, locales, the page list, layouts,
// site components, public files, and every page's frontmatter (titles feed
// navigation and links).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "build/layout.h"
#include "render/site_component.h"
#include "site/frontmatter.h"
#include "site/locale_catalog.h"
#include "site/page_index.h"
#include "site/site_config.h"

namespace skiff {

// Read-only once loaded, so pages can be rendered from it in parallel.
struct LoadedSite {
  std::filesystem::path root;
  SiteConfig config;
  LocaleCatalog catalog;
  PageIndex pages;
  SiteComponents components;
  Layouts layouts;
  std::set<std::string, std::less<>> public_files;  // "videos/a.mp4"
  std::vector<Frontmatter> frontmatter;             // per PageIndex entry
  std::vector<std::size_t> body_offsets;            // per PageIndex entry
  std::vector<std::string> titles;                  // per PageIndex entry
  std::vector<Diagnostics> page_diagnostics;        // frontmatter problems, per entry
  std::vector<std::uint64_t> source_hashes;         // content_hash of each page file, per entry
};

// Phase 1: configuration, locales, page list, templates, public files
// (site.root must be set). Files and folders that cannot be read, or that
// are refused or skipped (symlinks out of the site, symlinked folders:
// list_site_files), go to `file_problems`; the rest to `diagnostics`.
void load_site(LoadedSite& site, Diagnostics& diagnostics, Diagnostics& file_problems);
// The same, with every problem in `diagnostics`.
void load_site(LoadedSite& site, Diagnostics& diagnostics);

// Page `page`'s bytes, or nullopt with `error` set: when it cannot be
// read, or when it is larger than site.yml's `maxPageBytes` (then it is
// not read at all).
std::optional<std::string> read_page(const SiteConfig& config, const PageSource& page, std::string& error);

// Phase 2: every page's frontmatter, on `jobs` threads. With `only`, just
// the entries i where (*only)[i] is true; the others are left as they are
// (an incremental build fills them from its record, build_state.h). Sizes
// the per-entry vectors to the page count.
void read_frontmatter(LoadedSite& site, int jobs, const std::vector<char>* only = nullptr);

// The title navigation shows for a page: its frontmatter `title`, else its
// slug, else (the home page) the site's title.
std::string page_title(const LoadedSite& site, const PageSource& page, const std::string& frontmatter_title);

// Runs `work(i)` for i in [0, count) on `jobs` threads. Only for work that
// does not parse Markdown (see process_pool.h for why).
void parallel_for(int count, int jobs, const std::function<void(int)>& work);

}  // namespace skiff
