// Where a link written in a page points, resolved the way a browser would
// from the page's URL, and classified for lint: another site, this page, a
// page of the site (by locale and slug), a file in public/, or nowhere.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "site/site_config.h"

namespace skiff {

struct LinkTarget {
  enum class Kind {
    External,   // another site, mailto:, tel:, … (not checked without --external)
    Script,     // javascript:, vbscript:, data: that can hold script (url_kind)
    DataImage,  // data:image/png, gif, jpeg, webp: fine as an image, not as a link
    LocalFile,  // file: (a file on the reader's own computer)
    SamePage,   // "#anchor" alone
    SitePath,   // a path inside the site: see `path`
    Escapes,    // a relative path that climbs above the site root
  };
  Kind kind = Kind::External;
  std::string path;      // SitePath: site-relative, no base, no leading '/': "en/guides/x/"
  std::string fragment;  // without '#', percent-decoded; "" when none
  bool own_domain = false;  // written as https://<site url>/…
  // The scheme, lowercase ("javascript"), as a browser reads it: after
  // leading spaces and control characters, without tabs and line ends.
  std::string scheme;
};

// Resolves `url` as written on the page served at `page_path` (site-relative,
// like "en/guides/x/"). `config` gives the base path and the site's URL.
LinkTarget resolve_link(std::string_view url, std::string_view page_path, const SiteConfig& config);

// The URL paths a built site serves: every page in every locale (translated
// or fallback), public files and generated files. Lookups are by the
// site-relative path a LinkTarget holds.
class SiteUrls {
 public:
  // A page at `locale`/`slug` (slug "" is the locale's home), built from
  // source page `source` (an index into the site's page list).
  void add_page(const std::string& locale, const std::string& slug, int source, bool fallback);
  void add_file(const std::string& path);  // "videos/a.mp4", "sitemap.xml"

  struct Page {
    std::string locale;
    std::string slug;
    int source = -1;
    bool fallback = false;
  };
  // The page served at `path` ("en/x/" or "en/x/index.html"), if any.
  const Page* page(std::string_view path) const;
  bool file(std::string_view path) const;
  // The exact path of a page or file that `path` names when compared
  // ignoring case and a missing trailing slash ("en/Guides/X" →
  // "en/guides/x/"), or nullopt.
  std::optional<std::string> near_miss(std::string_view path) const;

 private:
  // Hashed: every link of every page is looked up here, and in an ordered
  // map the keys' long shared prefixes ("en/guides/…") made each lookup
  // a dozen long string comparisons.
  std::unordered_map<std::string, Page> pages_;      // "en/x/" → page
  std::unordered_set<std::string> files_;
  std::unordered_map<std::string, std::string> folded_;  // lowercase, no trailing '/' → exact
};

}  // namespace skiff
