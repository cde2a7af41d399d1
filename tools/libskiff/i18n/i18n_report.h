// `skiff i18n` output: a text table per locale (progress bar), JSON,
// Markdown for pull-request comments, and links to sources, diffs and new
// translations when site.yml names the repository.
#pragma once

#include <set>
#include <string>

#include "i18n/translation_status.h"
#include "site/site_config.h"

namespace skiff {

struct I18nReportOptions {
  bool colour = false;
  // Markdown: only pages whose source or translation is one of these files
  // (site-relative, "pages/es/a.md"); empty: every page.
  std::set<std::string, std::less<>> changed_files;
};

// Links for a page, from site.yml `i18n.repository` / `i18n.branch`; all
// empty when no repository is set.
struct TranslationLinks {
  std::string source;       // the source page in the repository
  std::string translation;  // the translation ("" when missing)
  std::string diff;         // the source's changes since the translation (outdated)
  std::string create;       // a new-file form prefilled with path and frontmatter (missing)
};
TranslationLinks translation_links(const SiteConfig& config, const I18nStatus& status,
                                   const PageTranslations& page, const TranslationStatus& t);

std::string i18n_text(const I18nStatus& status, const SiteConfig& config, const I18nReportOptions& options);
std::string i18n_json(const I18nStatus& status, const SiteConfig& config);
std::string i18n_markdown(const I18nStatus& status, const SiteConfig& config, const I18nReportOptions& options);

}  // namespace skiff
