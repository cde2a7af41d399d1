#include "site/site_config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "base/disk.h"

namespace skiff {
namespace {

// yaml-cpp marks count bytes; positions count code points.
Position mark_position(const SourceText& source, const YAML::Mark& mark) {
  if (mark.is_null() || mark.pos < 0) return {};
  return source.position_of(static_cast<std::size_t>(mark.pos));
}

std::string text_of(const YAML::Node& node, std::string_view key) {
  const YAML::Node value = node[std::string(key)];
  return value && value.IsScalar() ? value.Scalar() : std::string();
}

bool is_locale_code(std::string_view code) {
  if (code.empty() || code.size() > 35 || code.front() == '-' || code.back() == '-') return false;
  for (char c : code) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string normalise_base(std::string base) {
  if (base.empty() || base.front() != '/') base.insert(base.begin(), '/');
  if (base.back() != '/') base.push_back('/');
  return base;
}

void read_sidebar(const YAML::Node& list, const SourceText& source, SiteConfig& config,
                  Diagnostics& diagnostics) {
  if (!list.IsSequence()) {
    diagnostics.error(source.path(), mark_position(source, list.Mark()), "`sidebar` must be a list of groups");
    return;
  }
  for (const YAML::Node& group_node : list) {
    NavGroup group;
    group.pos = mark_position(source, group_node.Mark());
    if (!group_node.IsMap()) {
      diagnostics.error(source.path(), group.pos, "sidebar group needs a `key`");
      continue;
    }
    group.key = text_of(group_node, "key");
    group.label = text_of(group_node, "label");
    if (group.key.empty()) {
      diagnostics.error(source.path(), group.pos, "sidebar group needs a `key`");
      continue;
    }
    const YAML::Node items = group_node["items"];
    if (items && !items.IsSequence()) {
      diagnostics.error(source.path(), mark_position(source, items.Mark()), "`items` must be a list");
      continue;
    }
    for (const YAML::Node& item_node : items) {
      NavItem item;
      item.pos = mark_position(source, item_node.Mark());
      if (!item_node.IsMap()) {
        diagnostics.error(source.path(), item.pos, "sidebar entry needs a `key`");
        continue;
      }
      item.key = text_of(item_node, "key");
      item.slug = text_of(item_node, "slug");
      item.label = text_of(item_node, "label");
      while (!item.slug.empty() && item.slug.back() == '/') item.slug.pop_back();
      while (!item.slug.empty() && item.slug.front() == '/') item.slug.erase(0, 1);
      if (item.key.empty()) {
        diagnostics.error(source.path(), item.pos, "sidebar entry needs a `key`");
        continue;
      }
      group.items.push_back(std::move(item));
    }
    config.sidebar.push_back(std::move(group));
  }
}

void read_i18n(const YAML::Node& i18n, const SourceText& source, SiteConfig& config, Diagnostics& diagnostics) {
  if (!i18n.IsMap()) {
    diagnostics.error(source.path(), mark_position(source, i18n.Mark()),
                      "`i18n` is a map like `i18n: { ignore: [typo], repository: https://github.com/o/r }`");
    return;
  }
  if (const YAML::Node ignore = i18n["ignore"]) {
    if (!ignore.IsSequence()) {
      diagnostics.error(source.path(), mark_position(source, ignore.Mark()),
                        "`i18n.ignore` is a list of commit-subject markers, like [typo, i18nIgnore]");
    } else {
      config.i18n_ignore.clear();
      for (const YAML::Node& marker : ignore) {
        if (marker.IsScalar() && !marker.Scalar().empty()) config.i18n_ignore.push_back(marker.Scalar());
      }
    }
  }
  if (const YAML::Node repository = i18n["repository"]; repository && repository.IsScalar()) {
    config.i18n_repository = repository.Scalar();
    while (!config.i18n_repository.empty() && config.i18n_repository.back() == '/') config.i18n_repository.pop_back();
  }
  if (const YAML::Node branch = i18n["branch"]; branch && branch.IsScalar()) config.i18n_branch = branch.Scalar();
  if (const YAML::Node dashboard = i18n["dashboard"]) {
    bool value = false;
    if (dashboard.IsScalar() && YAML::convert<bool>::decode(dashboard, value)) {
      config.i18n_dashboard = value;
    } else {
      diagnostics.error(source.path(), mark_position(source, dashboard.Mark()),
                        "`i18n.dashboard` is true or false (publish the translation dashboard with the site)");
    }
  }
}

void read_config(const YAML::Node& root, const SourceText& source, SiteConfig& config,
                 Diagnostics& diagnostics) {
  if (auto v = text_of(root, "title"); !v.empty()) config.title = v;
  config.url = text_of(root, "url");
  while (!config.url.empty() && config.url.back() == '/') config.url.pop_back();
  if (auto v = text_of(root, "base"); !v.empty()) config.base = normalise_base(v);
  if (auto v = text_of(root, "defaultLocale"); !v.empty()) {
    if (is_locale_code(v)) {
      config.default_locale = v;
    } else {
      diagnostics.error(source.path(), mark_position(source, root["defaultLocale"].Mark()),
                        "`" + v + "` is not a locale code (letters, digits and '-', like `en`)");
    }
  }
  if (const YAML::Node locales = root["locales"]) {
    if (!locales.IsSequence()) {
      diagnostics.error(source.path(), mark_position(source, locales.Mark()), "`locales` must be a list of codes");
    } else {
      for (const YAML::Node& code : locales) {
        // Codes become folder names and URL segments: letters, digits and
        // '-' only, so none can climb out of pages/ or the output folder.
        if (code.IsScalar() && is_locale_code(code.Scalar())) {
          config.locales.push_back(code.Scalar());
        } else {
          diagnostics.error(source.path(), mark_position(source, code.Mark()),
                            "`" + (code.IsScalar() ? code.Scalar() : std::string("?")) +
                                "` is not a locale code (letters, digits and '-', like `en` or `zh-cn`)");
        }
      }
    }
  }
  if (const YAML::Node aliases = root["aliases"]; aliases && aliases.IsMap()) {
    for (const auto& entry : aliases) {
      config.aliases.emplace_back(entry.first.Scalar(), entry.second.Scalar());
    }
  }
  if (const YAML::Node keys = root["frontmatterKeys"]; keys && keys.IsSequence()) {
    for (const YAML::Node& key : keys) config.frontmatter_keys.push_back(key.Scalar());
  }
  if (const YAML::Node max = root["maxPageBytes"]) {
    std::uint64_t value = 0;
    if (max.IsScalar() && YAML::convert<std::uint64_t>::decode(max, value) && value >= 1 &&
        max.Scalar().find_first_not_of("0123456789") == std::string::npos) {
      config.max_page_bytes = value;
    } else {
      diagnostics.error(source.path(), mark_position(source, max.Mark()),
                        "`maxPageBytes` is a whole number of bytes, at least 1 (the default is " +
                            std::to_string(SiteConfig::kDefaultMaxPageBytes) + ")");
    }
  }
  if (const YAML::Node sidebar = root["sidebar"]) read_sidebar(sidebar, source, config, diagnostics);
  if (const YAML::Node i18n = root["i18n"]) read_i18n(i18n, source, config, diagnostics);
  if (const YAML::Node lint = root["lint"]) {
    // (A default YAML::Node is a defined null: absent keys are Undefined.)
    const YAML::Node absent(YAML::NodeType::Undefined);
    const YAML::Node rules = lint.IsMap() ? lint["rules"] : absent;
    if (!lint.IsMap() || (rules && !rules.IsMap())) {
      diagnostics.error(source.path(), mark_position(source, lint.Mark()),
                        "`lint` is a map like `lint: { rules: { link-text: off } }`");
    } else if (rules) {
      for (const auto& entry : rules) {
        config.lint_rules.push_back({entry.first.Scalar(), entry.second.IsScalar() ? entry.second.Scalar() : "",
                                     mark_position(source, entry.first.Mark())});
      }
    }
    if (const YAML::Node external = lint.IsMap() ? lint["external"] : absent; external) {
      auto number = [&](const char* key, int& out, int max) {
        const YAML::Node n = external[key];
        if (!n) return;
        int value = 0;
        if (!n.IsScalar() || !YAML::convert<int>::decode(n, value) || value < 1 || value > max) {
          diagnostics.error(source.path(), mark_position(source, n.Mark()),
                            "`lint.external." + std::string(key) + "` is a whole number from 1 to " +
                                std::to_string(max));
          return;
        }
        out = value;
      };
      if (!external.IsMap()) {
        diagnostics.error(source.path(), mark_position(source, external.Mark()),
                          "`lint.external` is a map like `{ exclude: [\"https://example.com/\"], timeout: 15 }`");
      } else {
        if (const YAML::Node exclude = external["exclude"]; exclude && exclude.IsSequence()) {
          for (const YAML::Node& e : exclude) {
            if (e.IsScalar()) config.lint_external_exclude.push_back(e.Scalar());
          }
        } else if (exclude) {
          diagnostics.error(source.path(), mark_position(source, exclude.Mark()),
                            "`lint.external.exclude` is a list of URL prefixes");
        }
        number("concurrency", config.lint_external_concurrency, 256);
        number("timeout", config.lint_external_timeout_seconds, 600);
      }
    }
  }
}

void finish(SiteConfig& config) {
  // The default locale is always built and always first.
  auto it = std::find(config.locales.begin(), config.locales.end(), config.default_locale);
  if (it != config.locales.end()) config.locales.erase(it);
  config.locales.insert(config.locales.begin(), config.default_locale);
  auto has_alias = [&](std::string_view prefix) {
    return std::any_of(config.aliases.begin(), config.aliases.end(),
                       [&](const auto& a) { return a.first == prefix; });
  };
  if (!has_alias("~/components/")) config.aliases.emplace_back("~/components/", "components/");
  if (!has_alias("~/layouts/")) config.aliases.emplace_back("~/layouts/", "layouts/");
  std::stable_sort(config.aliases.begin(), config.aliases.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

}  // namespace

SiteConfig parse_site_config(const SourceText& source, Diagnostics& diagnostics) {
  SiteConfig config;
  try {
    YAML::Node root = YAML::Load(std::string(source.text()));
    if (root.IsMap()) {
      read_config(root, source, config, diagnostics);
    } else if (!root.IsNull()) {
      diagnostics.error(source.path(), {1, 1}, "site.yml must be a mapping of keys to values");
    }
  } catch (const YAML::Exception& e) {
    Position pos = e.mark.is_null() ? Position{1, 1} : mark_position(source, e.mark);
    diagnostics.error(source.path(), pos, "invalid YAML: " + e.msg);
  }
  finish(config);
  return config;
}

SiteConfig load_site_config(const std::filesystem::path& site_root, Diagnostics& diagnostics) {
  return load_site_config(site_root, diagnostics, diagnostics);
}

SiteConfig load_site_config(const std::filesystem::path& site_root, Diagnostics& diagnostics,
                            Diagnostics& file_problems) {
  std::error_code ec;
  // No site.yml: defaults, with the locales found in pages/. (A broken
  // symlink is a site.yml that read_site_file warns about.)
  if (!std::filesystem::exists(std::filesystem::symlink_status(site_root / "site.yml", ec))) {
    SiteConfig config;
    for (const auto& entry : std::filesystem::directory_iterator(site_root / "pages", ec)) {
      std::string name = entry.path().filename().string();
      if (entry.is_directory() && is_locale_code(name)) config.locales.push_back(name);
    }
    std::sort(config.locales.begin(), config.locales.end());
    if (!config.locales.empty() &&
        std::find(config.locales.begin(), config.locales.end(), "en") == config.locales.end()) {
      config.default_locale = config.locales.front();
    }
    finish(config);
    return config;
  }
  // A site.yml that links out of the site is refused, as every site file.
  auto bytes = read_site_file(site_root, "site.yml", file_problems);
  if (!bytes) {
    SiteConfig config;
    finish(config);
    return config;
  }
  return parse_site_config(SourceText("site.yml", std::move(*bytes)), diagnostics);
}

}  // namespace skiff
