#include "site/locale_catalog.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "base/disk.h"
#include "base/source_text.h"

namespace skiff {

std::string_view builtin_locale_file(std::string_view name);  // generated

namespace {

Position mark_position(const YAML::Mark& mark) {
  if (mark.is_null()) return {1, 1};
  return {mark.line + 1, mark.column + 1};
}

// Nested maps become dotted keys: {nav: {start: X}} → "nav.start" = X.
void flatten(const YAML::Node& node, const std::string& prefix, StringTable& out) {
  for (const auto& entry : node) {
    std::string key = prefix.empty() ? entry.first.Scalar() : prefix + "." + entry.first.Scalar();
    if (entry.second.IsMap()) {
      flatten(entry.second, key, out);
    } else if (entry.second.IsScalar()) {
      out[key] = entry.second.Scalar();
    }
  }
}

}  // namespace

StringTable parse_string_table(std::string_view yaml) {
  StringTable table;
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    if (root.IsMap()) flatten(root, "", table);
  } catch (const YAML::Exception&) {
    table.clear();
  }
  return table;
}

// BCP 47 conventions: language lower case, script title case (Hant),
// region upper case (CN): "zh-hant-tw" → "zh-Hant-TW".
std::string LocaleInfo::lang() const {
  std::string out;
  std::size_t start = 0;
  bool first = true;
  while (start <= code.size()) {
    std::size_t end = code.find('-', start);
    if (end == std::string::npos) end = code.size();
    std::string part = code.substr(start, end - start);
    for (std::size_t i = 0; i < part.size(); ++i) {
      auto c = static_cast<unsigned char>(part[i]);
      bool upper = !first && (part.size() == 2 || (part.size() == 4 && i == 0));
      part[i] = static_cast<char>(upper ? std::toupper(c) : std::tolower(c));
    }
    if (!first) out += '-';
    out += part;
    first = false;
    start = end + 1;
  }
  return out;
}

void LocaleCatalog::add_locales(std::string_view yaml, Diagnostics& diagnostics) {
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    for (const YAML::Node& entry : root) {
      LocaleInfo info;
      info.code = entry["code"].as<std::string>("");
      info.name = entry["name"].as<std::string>(info.code);
      info.english_name = entry["englishName"].as<std::string>(info.name);
      info.rtl = entry["dir"].as<std::string>("ltr") == "rtl";
      if (info.code.empty()) continue;
      bool replaced = false;
      for (LocaleInfo& existing : infos_) {
        if (existing.code == info.code) {
          existing = info;
          replaced = true;
        }
      }
      if (!replaced) infos_.push_back(std::move(info));
    }
  } catch (const YAML::Exception& e) {
    diagnostics.error("locales/locales.yml", mark_position(e.mark), "invalid YAML: " + e.msg);
  }
}

void LocaleCatalog::add_table(const std::string& code, std::string_view yaml,
                              const std::string& file, Diagnostics& diagnostics) {
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    if (root.IsMap()) {
      flatten(root, "", tables_[code]);
    } else if (!root.IsNull()) {
      diagnostics.error(file, {1, 1}, "UI strings must be a mapping of keys to text");
    }
  } catch (const YAML::Exception& e) {
    diagnostics.error(file, mark_position(e.mark), "invalid YAML: " + e.msg);
  }
}

LocaleCatalog LocaleCatalog::load(const std::filesystem::path& site_root,
                                  const SiteConfig& config, Diagnostics& diagnostics) {
  return load(site_root, config, diagnostics, diagnostics);
}

LocaleCatalog LocaleCatalog::load(const std::filesystem::path& site_root, const SiteConfig& config,
                                  Diagnostics& diagnostics, Diagnostics& file_problems) {
  LocaleCatalog catalog;
  catalog.default_locale_ = config.default_locale;
  catalog.add_locales(builtin_locale_file("locales.yml"), diagnostics);
  // Only the files list_site_files lists, which are what the build key
  // hashes: a symlinked locales/ folder (or a link out of the site) cannot
  // feed strings whose changes an incremental build would not notice.
  const std::vector<std::string> listed = list_site_files(site_root, "locales", file_problems);
  auto site_file = [&](const std::string& name) -> std::optional<std::string> {
    if (!std::binary_search(listed.begin(), listed.end(), name)) return std::nullopt;
    std::string error;
    auto text = read_file(site_root / "locales" / name, error);
    if (!text) file_problems.error("locales/" + name, {}, error);
    return text;
  };
  if (auto site_locales = site_file("locales.yml")) catalog.add_locales(*site_locales, diagnostics);
  for (const std::string& code : config.locales) {
    std::string name = code + ".yml";
    catalog.add_table(code, builtin_locale_file(name), "locales/" + name, diagnostics);
    if (auto text = site_file(name)) catalog.add_table(code, *text, "locales/" + name, diagnostics);
  }
  for (const std::string& code : config.locales) {
    bool known = false;
    for (const LocaleInfo& info : catalog.infos_) known = known || info.code == code;
    if (!known) {
      diagnostics.warning("site.yml", {}, "locale `" + code +
                          "` has no name or direction in locales/locales.yml; using its code");
    }
  }
  return catalog;
}

LocaleCatalog LocaleCatalog::from_yaml(std::string_view locales_yml,
                                       const std::map<std::string, std::string>& tables,
                                       std::string default_locale, Diagnostics& diagnostics) {
  LocaleCatalog catalog;
  catalog.default_locale_ = std::move(default_locale);
  catalog.add_locales(locales_yml, diagnostics);
  for (const auto& [code, yaml] : tables) {
    catalog.add_table(code, yaml, "locales/" + code + ".yml", diagnostics);
  }
  return catalog;
}

LocaleInfo LocaleCatalog::info(std::string_view code) const {
  for (const LocaleInfo& info : infos_) {
    if (info.code == code) return info;
  }
  return LocaleInfo{std::string(code), std::string(code), std::string(code), false};
}

std::vector<std::string> LocaleCatalog::own_keys(std::string_view locale) const {
  std::vector<std::string> keys;
  auto table = tables_.find(locale);
  if (table == tables_.end()) return keys;
  for (const auto& [key, value] : table->second) keys.push_back(key);
  return keys;
}

const std::string* LocaleCatalog::find_own(std::string_view locale, std::string_view key) const {
  auto table = tables_.find(locale);
  if (table == tables_.end()) return nullptr;
  auto it = table->second.find(key);
  return it == table->second.end() ? nullptr : &it->second;
}

std::string LocaleCatalog::ui(std::string_view locale, std::string_view key) const {
  if (const std::string* s = find_own(locale, key)) return *s;
  if (const std::string* s = find_own(default_locale_, key)) return *s;
  return std::string(key);
}

std::string fill_placeholders(std::string_view text,
                              const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      std::size_t close = text.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view name = text.substr(i + 1, close - i - 1);
        bool found = false;
        for (const auto& [key, value] : values) {
          if (key == name) {
            out += value;
            found = true;
            break;
          }
        }
        if (found) {
          i = close;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace skiff
