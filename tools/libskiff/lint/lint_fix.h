// `skiff lint --fix`: applies the findings' unambiguous fixes to the page
// files. Each file is rewritten once, its fixes applied last offset first;
// a fix that overlaps one already applied is left for the next run. Only
// the replaced bytes change, so line endings (LF, CRLF) stay as they were,
// and every file is replaced atomically (base/disk.h replace_file).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "lint/finding.h"

namespace skiff {

struct FixOutcome {
  int applied = 0;        // fixes written
  int files = 0;          // files changed
  std::vector<std::string> errors;  // files that could not be read or written
};

// Findings name files relative to `site_root`.
FixOutcome apply_fixes(const Findings& findings, const std::filesystem::path& site_root);

// `text` with the fixes applied (those whose range is inside the text and
// does not overlap an earlier one); `applied` counts them.
std::string apply_fixes_to(std::string text, std::vector<LintFix> fixes, int& applied);

}  // namespace skiff
