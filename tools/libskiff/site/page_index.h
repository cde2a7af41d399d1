// The site's pages: every SITE/pages/<locale>/**/*.md and *.mdx, with the
// URL each one is served at. Discovery only lists files; reading and
// parsing happen later, in parallel.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "site/site_config.h"

namespace skiff {

struct PageSource {
  std::string locale;
  std::string slug;          // "core-concepts/sharing-state"; "" for index.md
  std::string display_path;  // "pages/en/core-concepts/sharing-state.md", for messages
  std::filesystem::path file;
};

class PageIndex {
 public:
  // Lists the pages of every configured locale. Two files that map to one
  // URL (a.md and a.mdx, a.md and a/index.md) are an error naming both; the
  // first in path order is kept.
  static PageIndex discover(const std::filesystem::path& site_root, const SiteConfig& config,
                            Diagnostics& diagnostics);

  const std::vector<PageSource>& pages() const { return pages_; }
  // Index into pages() of `slug` in `locale`, or -1.
  int find(std::string_view locale, std::string_view slug) const;
  void add(PageSource page);  // keeps the lookup in step; for discover and tests

 private:
  std::vector<PageSource> pages_;
  std::map<std::string, int, std::less<>> by_key_;  // "locale\0slug"
};

// The page's URL path: base + locale + "/" + slug + "/" ("/es/guides/x/").
std::string page_url(const SiteConfig& config, std::string_view locale, std::string_view slug);

// Slug of a file path under pages/<locale>/, or "" with ok=false for files
// that are not pages. "guides/index.mdx" → "guides", "index.md" → "".
std::string slug_of(std::string_view relative_path, bool& ok);

}  // namespace skiff
