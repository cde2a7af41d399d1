// Disable comments in a page, as markdownlint users write them:
//   <!-- skiff-lint-disable links anchors -->   off from this line on
//   <!-- skiff-lint-enable links -->            on again from this line
//   <!-- skiff-lint-disable-line links -->      off for this line only
//   <!-- skiff-lint-disable-next-line -->       off for the next line only
// No rule names means every rule.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "lint/finding.h"

namespace skiff {

class Suppressions {
 public:
  // Reads the comments in `text` (a page file's whole text).
  explicit Suppressions(std::string_view text);
  // Whether `rule` is silenced on 1-based `line` (0: the whole file; only a
  // disable on line 1 … before any text silences that).
  bool silenced(std::string_view rule, int line) const;

 private:
  struct Change {
    int line = 0;
    bool disable = true;
    enum { FromHere, ThisLine } scope = FromHere;
    std::set<std::string, std::less<>> rules;  // empty: all
  };
  std::vector<Change> changes_;  // in line order
};

// Removes the findings their page silences. `texts` maps each finding's
// file to its text (findings of files not in the map are kept).
void apply_suppressions(Findings& findings,
                        const std::vector<std::pair<std::string, std::string>>& texts);

}  // namespace skiff
