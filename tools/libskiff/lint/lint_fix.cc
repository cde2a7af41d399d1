#include "lint/lint_fix.h"

#include <algorithm>
#include <map>

#include "base/disk.h"

namespace skiff {

std::string apply_fixes_to(std::string text, std::vector<LintFix> fixes, int& applied) {
  // Last offset first, so earlier offsets stay valid.
  std::sort(fixes.begin(), fixes.end(), [](const LintFix& a, const LintFix& b) {
    return a.begin != b.begin ? a.begin > b.begin : a.end > b.end;
  });
  std::size_t limit = text.size();  // fixes must end at or before this
  for (const LintFix& fix : fixes) {
    if (fix.begin > fix.end || fix.end > limit) continue;  // outside, or overlapping one applied
    text.replace(fix.begin, fix.end - fix.begin, fix.replacement);
    limit = fix.begin;
    ++applied;
  }
  return text;
}

FixOutcome apply_fixes(const Findings& findings, const std::filesystem::path& site_root) {
  std::map<std::string, std::vector<LintFix>> by_file;
  for (const Finding& f : findings) {
    if (f.fix) by_file[f.file].push_back(*f.fix);
  }
  FixOutcome outcome;
  for (auto& [file, fixes] : by_file) {
    std::string error;
    std::filesystem::path path = site_root / file;
    auto text = read_file(path, error);
    if (!text) {
      outcome.errors.push_back(error);
      continue;
    }
    int applied = 0;
    std::string fixed = apply_fixes_to(*text, std::move(fixes), applied);
    if (applied == 0 || fixed == *text) continue;
    if (!replace_file(path, fixed, error)) {
      outcome.errors.push_back(error);
      continue;
    }
    outcome.applied += applied;
    ++outcome.files;
  }
  return outcome;
}

}  // namespace skiff
