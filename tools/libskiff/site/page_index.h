// The site's pages: every SITE/pages/<locale>/**/*.md and *.mdx, with the
// URL each one is served at. Discovery only lists files; reading and
// parsing happen later, in parallel.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/diagnostic.h"
#include "site/site_config.h"

namespace skiff {

struct PageSource {
  std::string locale;
  std::string slug;          // "core-concepts/sharing-state"; "" for index.md
  std::string display_path;  // "pages/en/core-concepts/sharing-state.md", for messages
  // The file to read. A string, not a path: a large site has tens of
  // thousands, and a path splits itself into components on construction.
  std::string file;
};

class PageIndex {
 public:
  // Lists the pages of every configured locale. Two files that map to one
  // URL (a.md and a.mdx, a.md and a/index.md) are an error naming both; the
  // first in path order is kept.
  // Two files whose URLs differ only in letter case (b.md and B.md) are a
  // warning: their output folders are one folder on case-insensitive file
  // systems (macOS, Windows). Files the listing skips or refuses (symlinks
  // out of the site, unreadable folders: list_site_files) go to
  // `file_problems`.
  static PageIndex discover(const std::filesystem::path& site_root, const SiteConfig& config,
                            Diagnostics& diagnostics, Diagnostics& file_problems);
  // The same, with every problem in `diagnostics`.
  static PageIndex discover(const std::filesystem::path& site_root, const SiteConfig& config,
                            Diagnostics& diagnostics);

  const std::vector<PageSource>& pages() const { return pages_; }
  // Index into pages() of `slug` in `locale`, or -1.
  int find(std::string_view locale, std::string_view slug) const;
  void add(PageSource page);  // keeps the lookup in step; for discover and tests

 private:
  // Looked up for every link, sidebar item and locale of every page: hashed,
  // and without building a key string.
  struct SlugHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view slug) const { return std::hash<std::string_view>{}(slug); }
  };
  using SlugMap = std::unordered_map<std::string, int, SlugHash, std::equal_to<>>;
  std::vector<PageSource> pages_;
  std::map<std::string, SlugMap, std::less<>> by_locale_;  // locale → slug → index
};

// The page's URL path: base + locale + "/" + slug + "/" ("/es/guides/x/").
std::string page_url(const SiteConfig& config, std::string_view locale, std::string_view slug);

// Slug of a file path under pages/<locale>/, or "" with ok=false for files
// that are not pages. "guides/index.mdx" → "guides", "index.md" → "".
std::string slug_of(std::string_view relative_path, bool& ok);

}  // namespace skiff
