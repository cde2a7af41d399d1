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
  PageIndex index;
  for (const std::string& locale : config.locales) {
    std::vector<std::string> errors;
    std::filesystem::path root = site_root / "pages" / locale;
    const std::string prefix = root.native() + '/';
    for (const std::string& rel : list_files(root, errors)) {
      bool ok = false;
      std::string slug = slug_of(rel, ok);
      if (!ok) continue;
      std::string display = "pages/" + locale + "/" + rel;
      if (int existing = index.find(locale, slug); existing >= 0) {
        diagnostics.error(display, {}, "maps to the same URL " + page_url(config, locale, slug) +
                                           " as " + index.pages_[existing].display_path +
                                           "; rename or remove one of them");
        continue;
      }
      index.add({locale, slug, display, prefix + rel});
    }
    for (const std::string& error : errors) diagnostics.error("pages/" + locale, {}, error);
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
