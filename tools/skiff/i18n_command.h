// `skiff i18n`: translation status of a site, from git history.
#pragma once

#include <string>
#include <vector>

namespace skiff {

struct I18nCommandOptions {
  std::string site = ".";
  std::string format = "text";  // text, json, markdown, html
  int fail_under = -1;          // exit 1 when a locale is below this percentage
  std::vector<std::string> changed_files;  // markdown: only pages these files touch
  std::vector<std::string> mark;           // translations to stamp with their source's hash
  std::string out;              // write the report here (atomically) instead of stdout
};

// Prints the report; returns 0, 1 (--fail-under not met) or 2 (usage,
// configuration, or a file that could not be written).
int run_i18n_command(const I18nCommandOptions& options);

}  // namespace skiff
