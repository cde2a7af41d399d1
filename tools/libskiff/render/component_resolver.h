// Which component a tag name means on a page: the page's `setup` imports,
// resolved once per page to a built-in component (components/<path>/) or a
// site component (SITE/components/<path>.html).
//
// Specifiers are resolved like a bundler would, within the site:
//   ~/components/tabs/UIFrameworkTabs.astro   alias from site.yml → tabs/UIFrameworkTabs
//   ../../../components/tabs/Tabs             relative to the page file
//   ~/components/tabs + { Tabs, TabItem }     named imports from a folder
//   @astrojs/starlight/components + { Tabs }  Starlight's built-ins, by name
// The extension (.astro, .html, .tsx, ...) is ignored. A site component of
// the same path wins over a built-in, so a site can override one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "render/component.h"
#include "render/site_component.h"
#include "site/frontmatter.h"
#include "site/site_config.h"

namespace skiff {

struct ResolvedComponent {
  std::string local_name;
  const ComponentSpec* builtin = nullptr;  // exactly one of these is set
  const SiteComponent* site = nullptr;
  Position pos;  // of the name in the import
};

class ImportTable {
 public:
  const ResolvedComponent* find(std::string_view local_name) const;
  void add(ResolvedComponent component) { entries_.push_back(std::move(component)); }
  const std::vector<ResolvedComponent>& entries() const { return entries_; }

 private:
  std::vector<ResolvedComponent> entries_;
};

// Parses `setup` and resolves each import; problems are reported at their
// position in the page (`page_path` as shown, e.g. "pages/en/a/b.md").
ImportTable resolve_imports(const Frontmatter& frontmatter, std::string_view page_path,
                            const SiteConfig& config, const SiteComponents& site_components,
                            const ComponentRegistry& registry, Diagnostics& diagnostics);

// The component path (relative to a components/ folder, no extension) that
// `specifier` names, or "" with `error` set.
std::string component_path_of(std::string_view specifier, std::string_view page_path,
                              const SiteConfig& config, std::string& error);

}  // namespace skiff
