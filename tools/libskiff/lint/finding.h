// A lint finding: one problem `skiff lint` reports, with the rule that found
// it, an exact position and, when the repair is unambiguous, the fix that
// `--fix` applies. Checks produce findings; report formats print them; the
// command decides the exit status. None of them print or exit.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace skiff {

// Replace bytes [begin, end) of the file with `replacement`. Offsets are
// into the file as read (frontmatter included), so fixes from different
// checks on one file can be applied together, last offset first.
struct LintFix {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string replacement;
  friend bool operator==(const LintFix&, const LintFix&) = default;
};

struct Finding {
  std::string rule;                  // rule id: "links", "anchors", "encoding", …
  Severity severity = Severity::Error;
  std::string file;                  // as shown: relative to the site, e.g. pages/en/a.md
  Position pos;                      // 1-based line and column (code points)
  std::string message;               // one sentence, no trailing period needed
  std::optional<LintFix> fix;        // set only when the repair is unambiguous
};

using Findings = std::vector<Finding>;

}  // namespace skiff
