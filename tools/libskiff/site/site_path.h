// Paths written inside a page — import specifiers, `layout:` values — are
// resolved the way a bundler would, to a path relative to the site root:
//   ~/components/tabs/Tabs.astro   an alias from site.yml → components/tabs/Tabs.astro
//   ../../components/tabs/Tabs     relative to the page file
// One place for this rule, so imports and layouts can never disagree.
#pragma once

#include <string>
#include <string_view>

#include "site/site_config.h"

namespace skiff {

// The site-relative path `written` names from the page `page_path` (as shown
// in diagnostics, e.g. "pages/en/guides/a.md"), or "" with `error` set when it
// uses neither an alias nor a relative path, or climbs out of the site.
std::string site_relative_path(std::string_view written, std::string_view page_path,
                               const SiteConfig& config, std::string& error);

// `path` without a known source extension (.astro, .html, .md, .mdx, .jsx,
// .tsx, .js, .ts, .vue, .svelte) and without a trailing "/index".
std::string strip_source_extension(std::string path);

}  // namespace skiff
