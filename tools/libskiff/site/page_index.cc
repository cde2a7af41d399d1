#include "site/page_index.h"

#include "base/disk.h"

namespace skiff {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string slug_of(std::string_view path, bool& ok) {
  ok = true;
  if (ends_with(path, ".mdx")) {
    path.remove_suffix(4);
  } else if (ends_with(path, ".md")) {
    path.remove_suffix(3);
  } else {
    ok = false;
    return {};
  }
  if (path.empty() || path.back() == '/') {
    ok = false;  // ".md" or "dir/.md": no name, not a page
    return {};
  }
  if (path == "index") return {};
  if (ends_with(path, "/index")) path.remove_suffix(6);
  return std::string(path);
}

void PageIndex::add(PageSource page) {
  auto locale = by_locale_.find(page.locale);
  if (locale == by_locale_.end()) locale = by_locale_.emplace(page.locale, SlugMap{}).first;
  locale->second[page.slug] = static_cast<int>(pages_.size());
  pages_.push_back(std::move(page));
}

int PageIndex::find(std::string_view locale, std::string_view slug) const {
  auto in_locale = by_locale_.find(locale);
  if (in_locale == by_locale_.end()) return -1;
  auto it = in_locale->second.find(slug);
  return it == in_locale->second.end() ? -1 : it->second;
}

PageIndex PageIndex::discover(const std::filesystem::path& site_root, const SiteConfig& config,
                              Diagnostics& diagnostics) {
  return discover(site_root, config, diagnostics, diagnostics);
}

PageIndex PageIndex::discover(const std::filesystem::path& site_root, const SiteConfig& config,
                              Diagnostics& diagnostics, Diagnostics& file_problems) {
  PageIndex index;
  for (const std::string& locale : config.locales) {
    const std::string folder = "pages/" + locale;
    const std::string prefix = (site_root / folder).native() + '/';
    // Slugs in lower case → the first page with it, for case clashes.
    std::unordered_map<std::string, int> folded;
    for (const std::string& rel : list_site_files(site_root, folder, file_problems)) {
      bool ok = false;
      std::string slug = slug_of(rel, ok);
      if (!ok) continue;
      std::string display = folder + "/" + rel;
      if (int existing = index.find(locale, slug); existing >= 0) {
        diagnostics.error(display, {}, "maps to the same URL " + page_url(config, locale, slug) +
                                           " as " + index.pages_[existing].display_path +
                                           "; rename or remove one of them");
        continue;
      }
      std::string lower = slug;
      for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      auto [clash, added] = folded.try_emplace(std::move(lower), static_cast<int>(index.pages_.size()));
      if (!added) {
        const PageSource& other = index.pages_[static_cast<std::size_t>(clash->second)];
        diagnostics.warning(display, {}, "its URL " + page_url(config, locale, slug) + " differs from that of " +
                                             other.display_path + " (" + page_url(config, locale, other.slug) +
                                             ") only in letter case: on case-insensitive file systems (macOS, "
                                             "Windows) one page overwrites the other; rename one of them");
      }
      index.add({locale, slug, display, prefix + rel});
    }
  }
  return index;
}

std::string page_url(const SiteConfig& config, std::string_view locale, std::string_view slug) {
  std::string url = config.base;
  url += locale;
  url += '/';
  if (!slug.empty()) {
    url += slug;
    url += '/';
  }
  return url;
}

}  // namespace skiff
