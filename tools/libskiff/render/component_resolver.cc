#include "render/component_resolver.h"

#include <array>
#include <filesystem>

#include "site/setup_imports.h"

namespace skiff {
namespace {

constexpr std::string_view kStarlight = "@astrojs/starlight/components";

std::string strip_extension(std::string path) {
  static constexpr std::array<std::string_view, 10> kExtensions = {
      ".astro", ".html", ".mdx", ".md", ".jsx", ".tsx", ".js", ".ts", ".vue", ".svelte"};
  std::size_t slash = path.rfind('/');
  std::size_t dot = path.rfind('.');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) {
    std::string_view ext = std::string_view(path).substr(dot);
    for (std::string_view known : kExtensions) {
      if (ext == known) {
        path.resize(dot);
        break;
      }
    }
  }
  if (path.size() > 6 && path.compare(path.size() - 6, 6, "/index") == 0) path.resize(path.size() - 6);
  return path;
}

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
  std::string site_relative;
  if (starts_with(specifier, "./") || starts_with(specifier, "../")) {
    std::filesystem::path base = std::filesystem::path(std::string(page_path)).parent_path();
    site_relative = (base / std::string(specifier)).lexically_normal().generic_string();
  } else {
    for (const auto& [prefix, target] : config.aliases) {
      if (starts_with(specifier, prefix)) {
        std::string joined = target + std::string(specifier.substr(prefix.size()));
        site_relative = std::filesystem::path(joined).lexically_normal().generic_string();
        break;
      }
    }
  }
  if (site_relative.empty()) {
    error = "cannot resolve `" + std::string(specifier) +
            "`: components are imported from the site's components/ folder "
            "(`~/components/...` or a relative path)";
    return {};
  }
  if (starts_with(site_relative, "..") || starts_with(site_relative, "/")) {
    error = "`" + std::string(specifier) + "` points outside the site";
    return {};
  }
  if (!starts_with(site_relative, "components/")) {
    error = "`" + std::string(specifier) + "` resolves to " + site_relative +
            ", which is not in the site's components/ folder";
    return {};
  }
  std::string path = strip_extension(site_relative.substr(11));
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
