// SITE/site.yml: the one place a site is configured.
//
//   title: Skiff Docs
//   url: https://docs.example.com      # origin for sitemap and canonical URLs
//   base: /                            # path the site is served under
//   defaultLocale: en
//   locales: [en, es, ja]
//   aliases: { "~/components/": components/, "~/layouts/": layouts/ }
//   frontmatterKeys: [editUrl]         # extra frontmatter keys pages may use
//   i18n: { dashboard: true }          # translation status (see SiteConfig::i18n_*)
//   maxPageBytes: 10485760             # larger page files are an error, not read
//   sidebar:
//     - key: concepts                  # stable id; locales translate by key
//       label: Core concepts
//       items:
//         - { key: sharing-state, slug: core-concepts/sharing-state, label: Sharing State }
//
// Without site.yml a site still builds: locales are the folders in pages/,
// the default locale is `en` when present.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "base/source_text.h"

namespace skiff {

struct NavItem {
  std::string key;
  std::string slug;   // page path under pages/<locale>/, "" for the home page
  std::string label;  // default-locale label; empty: the page's title
  Position pos;
};

struct NavGroup {
  std::string key;
  std::string label;
  std::vector<NavItem> items;
  Position pos;
};

struct SiteConfig {
  std::string title = "Documentation";
  std::string url;         // no trailing slash; empty: relative URLs only
  std::string base = "/";  // always starts and ends with '/'
  std::string default_locale = "en";
  std::vector<std::string> locales;  // default locale first
  // Import alias prefix → folder relative to the site root, longest first.
  std::vector<std::pair<std::string, std::string>> aliases;
  std::vector<std::string> frontmatter_keys;
  // `lint: { rules: { link-text: off, own-domain: error } }`: rule id →
  // "off", "warning" or "error", with where it is written (lint checks the
  // ids and levels; site_config knows no rules).
  struct LintRuleSetting {
    std::string rule;
    std::string level;
    Position pos;
  };
  std::vector<LintRuleSetting> lint_rules;
  // `lint: { external: { exclude: [...], concurrency: 16, timeout: 15 } }`:
  // settings of `skiff lint --external` (0 = the checker's default).
  std::vector<std::string> lint_external_exclude;
  int lint_external_concurrency = 0;
  int lint_external_timeout_seconds = 0;
  std::vector<NavGroup> sidebar;
  // `i18n: { ignore: [typo], repository: https://github.com/o/r, branch: main,
  //          dashboard: true }`
  // for `skiff i18n` and `skiff build`: source commits whose subject holds
  // one of `ignore` (case-insensitive) do not make translations outdated;
  // `repository` and `branch` make links to sources, diffs and new
  // translations; `dashboard` makes `skiff build` publish the translation
  // dashboard at <out>/_skiff/i18n/index.html.
  std::vector<std::string> i18n_ignore = {"i18nIgnore", "en-only", "typo", "broken link"};
  std::string i18n_repository;  // no trailing slash
  std::string i18n_branch = "main";
  bool i18n_dashboard = false;
  // `maxPageBytes`: a page file larger than this is an error at the page
  // and is not read (build and lint would otherwise need about 25 times
  // its size in memory). 10 MiB by default: the longest real docs pages
  // are well under 1 MiB.
  static constexpr std::uint64_t kDefaultMaxPageBytes = 10 * 1024 * 1024;
  std::uint64_t max_page_bytes = kDefaultMaxPageBytes;
};

// Reads SITE/site.yml if present (through read_site_file: not through a
// symlink out of the site). Problems with its content go to `diagnostics`;
// a site.yml that cannot be read or is refused goes to `file_problems`
// (lint's "read" rule). Defaults stand in for what was not read.
SiteConfig load_site_config(const std::filesystem::path& site_root, Diagnostics& diagnostics,
                            Diagnostics& file_problems);
// The same, every problem in `diagnostics`.
SiteConfig load_site_config(const std::filesystem::path& site_root, Diagnostics& diagnostics);

// Parses site.yml text (the testable core of load_site_config).
SiteConfig parse_site_config(const SourceText& source, Diagnostics& diagnostics);

}  // namespace skiff
