// The translation dashboard: one self-contained HTML page (no external
// assets) with a progress bar per locale and a page × locale grid linking
// each source, translation and diff. `skiff i18n --format html`.
#pragma once

#include <string>

#include "i18n/translation_status.h"
#include "site/site_config.h"

namespace skiff {

std::string i18n_dashboard_html(const I18nStatus& status, const SiteConfig& config);

}  // namespace skiff
