#include "site/site_path.h"

#include <array>
#include <filesystem>

namespace skiff {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::string site_relative_path(std::string_view written, std::string_view page_path,
                               const SiteConfig& config, std::string& error) {
  std::string joined;
  if (starts_with(written, "./") || starts_with(written, "../")) {
    std::filesystem::path base = std::filesystem::path(std::string(page_path)).parent_path();
    joined = (base / std::string(written)).generic_string();
  } else {
    for (const auto& [prefix, target] : config.aliases) {
      if (starts_with(written, prefix)) {
        joined = target + std::string(written.substr(prefix.size()));
        break;
      }
    }
  }
  if (joined.empty()) {
    error = "cannot resolve `" + std::string(written) +
            "`: use an alias from site.yml (like `~/components/`) or a path relative to the page";
    return {};
  }
  std::string path = std::filesystem::path(joined).lexically_normal().generic_string();
  if (path.empty() || starts_with(path, "..") || starts_with(path, "/")) {
    error = "`" + std::string(written) + "` points outside the site";
    return {};
  }
  return path;
}

std::string strip_source_extension(std::string path) {
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

}  // namespace skiff
