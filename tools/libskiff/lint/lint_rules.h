// The rules of `skiff lint`, in one table: their ids (as findings, site.yml
// `lint.rules` and disable comments name them) and a one-line description
// (SARIF's rule headings). lint.h explains what each one reports.
#pragma once

#include <array>
#include <string_view>

namespace skiff {

struct LintRule {
  std::string_view id;
  std::string_view description;
};

inline constexpr std::array<LintRule, 17> kLintRules = {{
    {"links", "Links point to pages and files that exist inside the site"},
    {"anchors", "Link fragments name an id on the target page"},
    {"link-locale", "Links stay in the page's own locale"},
    {"assets", "Images and video sources are files in public/"},
    {"link-style", "Site links use the exact case and the trailing slash"},
    {"own-domain", "Links to the site itself are paths, not absolute URLs"},
    {"link-text", "Link text says where the link goes"},
    {"script-url", "No javascript:, vbscript: or data: links; data: images only as PNG, GIF, JPEG or WebP"},
    {"pages", "Every translated page has a default-locale page and a URL of its own"},
    {"frontmatter", "Frontmatter is valid YAML with the keys skiff expects"},
    {"components", "Components are imported, closed and given valid props and slots"},
    {"unused-import", "Every setup import is used on the page"},
    {"headings", "Headings in one section have different texts, so different ids"},
    {"encoding", "Files are valid UTF-8 without a byte-order mark or mojibake"},
    {"external", "External links answer"},
    {"read", "Every site file can be read, and none is a symlink out of the site"},
    {"config", "site.yml and locale files are valid"},
}};

// The rule named `id`, or nullptr.
constexpr const LintRule* find_lint_rule(std::string_view id) {
  for (const LintRule& rule : kLintRules) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

}  // namespace skiff
