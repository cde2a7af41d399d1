// Locales and UI strings. Built-in data (the repository's locales/, embedded
// in the binary) is overlaid by the site's own SITE/locales/<code>.yml, and
// every lookup falls back key by key: locale → default locale → the key.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "site/site_config.h"

namespace skiff {

struct LocaleInfo {
  std::string code;          // "es", "zh-cn"
  std::string name;          // native name, "Español"
  std::string english_name;  // "Spanish"
  bool rtl = false;
  // BCP 47 form for lang/hreflang attributes: "zh-CN", "pt-BR".
  std::string lang() const;
};

using StringTable = std::map<std::string, std::string, std::less<>>;

class LocaleCatalog {
 public:
  // Built-in strings for `config.locales` plus SITE/locales overrides,
  // read only as list_site_files lists locales/ (not through a symlinked
  // locales/ folder, nor a symlink out of the site). Problems with their content go to
  // `diagnostics`; files that cannot be read or are refused to
  // `file_problems`.
  static LocaleCatalog load(const std::filesystem::path& site_root, const SiteConfig& config,
                            Diagnostics& diagnostics, Diagnostics& file_problems);
  // The same, every problem in `diagnostics`.
  static LocaleCatalog load(const std::filesystem::path& site_root, const SiteConfig& config,
                            Diagnostics& diagnostics);
  // From YAML texts only (for tests): `locales_yml` as locales/locales.yml,
  // `tables` code → YAML text of UI strings.
  static LocaleCatalog from_yaml(std::string_view locales_yml,
                                 const std::map<std::string, std::string>& tables,
                                 std::string default_locale, Diagnostics& diagnostics);

  // The locale's metadata; a code without any is described by the code.
  LocaleInfo info(std::string_view code) const;
  // UI string `key` for `locale`, falling back to the default locale, then
  // to the key itself (so a missing string is visible, not blank).
  std::string ui(std::string_view locale, std::string_view key) const;
  // Only the locale's own table, no fallback (nullptr if none): for i18n.
  const std::string* find_own(std::string_view locale, std::string_view key) const;
  // The keys the locale's own table has (built-in and site strings), sorted.
  std::vector<std::string> own_keys(std::string_view locale) const;
  const std::string& default_locale() const { return default_locale_; }

 private:
  void add_table(const std::string& code, std::string_view yaml, const std::string& file,
                 Diagnostics& diagnostics);
  void add_locales(std::string_view yaml, Diagnostics& diagnostics);

  std::string default_locale_;
  std::vector<LocaleInfo> infos_;
  std::map<std::string, StringTable, std::less<>> tables_;
};

// The strings of one UI-strings YAML text, nested maps flattened to dotted
// keys ("nav.start"); empty when the text is not such a map.
StringTable parse_string_table(std::string_view yaml);

// Replaces `{name}` placeholders in a UI string (unknown ones are kept).
std::string fill_placeholders(std::string_view text,
                              const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace skiff
