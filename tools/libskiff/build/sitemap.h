// sitemap.xml with xhtml:link hreflang alternates, as search engines read it
// for multilingual sites. Written with libxml2's text writer.
#pragma once

#include <string>
#include <vector>

namespace skiff {

struct SitemapAlternate {
  std::string hreflang;  // BCP 47 code, e.g. "es", "zh-cn", or "x-default"
  std::string href;      // absolute URL
};

struct SitemapEntry {
  std::string loc;  // absolute URL
  std::vector<SitemapAlternate> alternates;
};

// The whole document, UTF-8, deterministic for the same entries. URLs are
// written percent-encoded (a page file `ü b.md` is at `.../%C3%BC%20b/`).
std::string write_sitemap(const std::vector<SitemapEntry>& entries);

}  // namespace skiff
