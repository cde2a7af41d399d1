// The translation dashboard: one self-contained HTML page (inline styles, no
// script, no external assets) with a progress bar per locale, a page ×
// locale grid linking each source, translation, diff and new translation,
// the UI strings each locale lacks, and how the statuses were decided.
// `skiff i18n --format html` prints it; `skiff build` publishes it at
// <out>/_skiff/i18n/index.html when site.yml says `i18n: { dashboard: true }`.
#pragma once

#include <string>

#include "i18n/translation_status.h"
#include "site/site_config.h"

namespace skiff {

struct I18nDashboardOptions {
  // Link each page's built URL in the site (page_url: `skiff build`
  // publishes the dashboard inside the site); off for a standalone file.
  bool site_links = false;
};

std::string i18n_dashboard_html(const I18nStatus& status, const SiteConfig& config,
                                const I18nDashboardOptions& options = {});

}  // namespace skiff
