// Site components: SITE/components/**/*.html templates (html_template.h)
// that a site adds without recompiling skiff. Props are text values
// `{{ props.name }}`, children are `<skiff-slot/>`, named slots
// `<skiff-slot name="x"/>`. Everything substituted is escaped by the template.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "render/component.h"
#include "render/html_template.h"

namespace skiff {

struct SiteComponent {
  std::string path;  // "Since", "cards/Card": relative to SITE/components, no extension
  HtmlTemplate page_template;
};

class SiteComponents {
 public:
  // Compiles every template once; syntax errors go to `diagnostics`,
  // template files that cannot be read or are refused (a symlink out of
  // the site: list_site_files) to `file_problems`.
  static SiteComponents load(const std::filesystem::path& site_root, Diagnostics& diagnostics,
                             Diagnostics& file_problems);
  static SiteComponents load(const std::filesystem::path& site_root, Diagnostics& diagnostics) {
    return load(site_root, diagnostics, diagnostics);
  }
  void add(SiteComponent component);
  const SiteComponent* find(std::string_view path) const;

 private:
  std::map<std::string, SiteComponent, std::less<>> by_path_;
};

// A URL given to a site component that a browser would run or open
// outside the site (is_script_url), for lint: where the prop (or, when the
// URL is not from one prop, the component tag) is in the page.
struct ScriptUrl {
  std::string url;
  Position pos;
};

// `safe` (--safe): such URLs in URL attributes (href, src, …) are written
// empty. `script_urls`, when given, gets each one found (safe or not).
std::string render_site_component(const SiteComponent& component, const ComponentCall& call, bool safe = false,
                                  std::vector<ScriptUrl>* script_urls = nullptr);

}  // namespace skiff
