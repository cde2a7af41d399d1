#include "render/component_resolver.h"

#include "site/setup_imports.h"
#include "site/site_path.h"

namespace skiff {
namespace {

constexpr std::string_view kStarlight = "@astrojs/starlight/components";

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

const ResolvedComponent* ImportTable::find(std::string_view local_name) const {
  for (const ResolvedComponent& entry : entries_) {
    if (entry.local_name == local_name) return &entry;
  }
  return nullptr;
}

std::string component_path_of(std::string_view specifier, std::string_view page_path,
                              const SiteConfig& config, std::string& error) {
  std::string site_relative = site_relative_path(specifier, page_path, config, error);
  if (site_relative.empty()) return {};
  if (!starts_with(site_relative, "components/")) {
    error = "`" + std::string(specifier) + "` resolves to " + site_relative +
            ", which is not in the site's components/ folder";
    return {};
  }
  std::string path = strip_source_extension(site_relative.substr(11));
  while (!path.empty() && path.back() == '/') path.pop_back();
  if (path.empty()) {
    error = "`" + std::string(specifier) + "` names the components folder, not a component";
  }
  return path;
}

ImportTable resolve_imports(const Frontmatter& frontmatter, std::string_view page_path,
                            const SiteConfig& config, const SiteComponents& site_components,
                            const ComponentRegistry& registry, Diagnostics& diagnostics) {
  ImportTable table;
  if (frontmatter.setup.empty()) return table;
  SetupImports parsed = parse_setup_imports(frontmatter.setup);
  std::string file(page_path);
  for (const ImportError& e : parsed.errors) {
    diagnostics.error(file, frontmatter.setup_position(e.offset), "setup: " + e.message);
  }
  for (const Import& import : parsed.imports) {
    if (import.local_name.empty()) continue;  // side-effect import: nothing to render
    ResolvedComponent resolved;
    resolved.local_name = import.local_name;
    resolved.pos = frontmatter.setup_position(import.name_offset);
    Position spec_pos = frontmatter.setup_position(import.specifier_offset);
    if (import.specifier == kStarlight) {
      resolved.builtin = registry.find_by_name(import.imported_name);
      if (resolved.builtin == nullptr) {
        diagnostics.error(file, resolved.pos, "`" + import.imported_name +
                                                  "` is not a component skiff provides for " +
                                                  std::string(kStarlight));
        continue;
      }
      table.add(std::move(resolved));
      continue;
    }
    std::string error;
    std::string path = component_path_of(import.specifier, page_path, config, error);
    if (path.empty()) {
      diagnostics.error(file, spec_pos, error);
      continue;
    }
    // Named imports from a folder name the component inside it.
    std::vector<std::string> candidates;
    if (import.imported_name != "default" && import.imported_name != "*") {
      candidates.push_back(path + "/" + import.imported_name);
    }
    candidates.push_back(path);
    for (const std::string& candidate : candidates) {
      if ((resolved.site = site_components.find(candidate)) != nullptr) break;
      if ((resolved.builtin = registry.find_by_path(candidate)) != nullptr) break;
    }
    if (resolved.site == nullptr && resolved.builtin == nullptr) {
      diagnostics.error(file, spec_pos,
                        "cannot resolve `" + import.specifier + "`: no built-in component at components/" +
                            candidates.front() + "/ and no site component components/" +
                            candidates.front() + ".html");
      continue;
    }
    table.add(std::move(resolved));
  }
  return table;
}

}  // namespace skiff
