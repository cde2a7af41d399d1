// Heading ids compatible with GitHub's slugger (github-slugger, used by
// GitHub, Astro and Starlight): lower-cased, punctuation and symbols removed,
// spaces turned into hyphens; repeats get -1, -2, ... within one page.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace skiff {

// The slug of `text` with no uniqueness (github-slugger's `slug()`).
std::string github_slug(std::string_view text);

// Unique slugs for one page, in document order.
class Slugger {
 public:
  std::string slug(std::string_view text);
  // Records an id that exists already (e.g. `<a id>` in raw HTML), so later
  // headings do not collide with it.
  void reserve(std::string_view id);
  void reset() { occurrences_.clear(); }

 private:
  std::unordered_map<std::string, int> occurrences_;
};

}  // namespace skiff
