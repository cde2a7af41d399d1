// The output formats of `skiff lint`: findings in, one string out, for the
// command to print. Text is for people, the other three are for machines:
// GitHub Actions annotations, a JSON document, and SARIF 2.1.0 for code
// scanning. Every format writes the findings in the order given (the checks
// decide the order) and none of them prints or decides the exit status.
//
// text    `file:line:col: error links: message`, one line per finding (line 0,
//         the whole file: `file: error links: message`), then a blank line
//         and the summary. Colour only when asked (the command asks on a
//         terminal without NO_COLOR): the severity word, in the colours of
//         format_diagnostic. Control characters in file names and messages
//         are written as `\n`, `\r` or `\xNN`, so a finding is always one
//         line and page content cannot send escape sequences to a terminal.
//         With no findings the output is the summary alone.
//
// github  One workflow command per finding,
//           ::error file=F,line=L,col=C,title=skiff RULE::MESSAGE
//         (`::warning` for warnings, `::notice` for notes). `line` and `col`
//         are left out when they are 0. F is the repository path (see
//         LintReportOptions::site_root). Escaped as GitHub's runner expects:
//         the message `%` → `%25`, CR → `%0D`, LF → `%0A`; properties (file,
//         title) also `:` → `%3A` and `,` → `%2C`. The summary follows as a
//         plain log line (not a command, so it takes none of the few
//         annotations GitHub shows per step).
//
// json    One document (UTF-8, keys in this order, a trailing newline):
//           {
//             "version": 1,                 // of this schema; bumped on any incompatible change
//             "findings": [
//               { "rule": "links",
//                 "severity": "error",      // "error" | "warning" | "note"
//                 "file": "pages/en/a.md",  // Finding::file, as given (relative to the site)
//                 "line": 3,                // 1-based; 0 = the whole file
//                 "column": 7,              // 1-based, in code points; 0 = unknown
//                 "message": "…",
//                 "fix": { "begin": 120, "end": 131, "replacement": "…" }  // byte offsets, or null
//               } ],
//             "summary": {
//               "errors": 3, "warnings": 1, "notes": 0,
//               "rules": { "links": 2, "anchors": 1, "encoding": 1 }  // summary order
//             }
//           }
//         Bytes that are not UTF-8 in any string become U+FFFD.
//
// sarif   SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), one
//         run: tool.driver is skiff with its version and a `rules` entry
//         (id, shortDescription) for each rule that occurs, in order of first
//         occurrence; columnKind "unicodeCodePoints" (skiff counts code
//         points, GitHub assumes UTF-16 units unless told). Each result has
//         ruleId, ruleIndex, level ("error" | "warning" | "note"),
//         message.text, and one location: artifactLocation {uri, uriBaseId
//         "%SRCROOT%"} with the repository path percent-encoded, and a region
//         {startLine, startColumn} unless the line is 0 (startColumn only when
//         the column is known). A finding with a fix gets `fixes`: one
//         artifactChange whose replacement deletes {byteOffset, byteLength}
//         and inserts {text}.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "lint/finding.h"

namespace skiff {

enum class LintFormat { Text, GitHub, Json, Sarif };

// "text", "github", "json" or "sarif" (exactly; the command lists them in
// --help); anything else is nullopt.
std::optional<LintFormat> parse_lint_format(std::string_view name);

struct LintReportOptions {
  bool colour = false;               // text only; the caller decides (base/terminal.h)
  std::string tool_version = "0.1.0";  // SARIF driver version
  std::string information_uri;       // SARIF driver informationUri (absolute URI); left out when empty
  // The site's folder relative to the repository root ("docs", "" or "."
  // when the site is the root). GitHub annotations and SARIF locations name
  // files relative to the repository, findings name them relative to the
  // site, so github and sarif prefix this; text and json do not. An absolute
  // path gives SARIF file:// URIs instead of %SRCROOT%-relative ones.
  std::string site_root;
};

// Writes every finding (in the given order) plus, for text and github, the
// summary line. Returns the whole output, ending in a newline.
std::string format_lint_report(const Findings& findings, LintFormat format,
                               const LintReportOptions& options);

// "3 errors, 1 warning (links 2, anchors 1, encoding 1)", or "no problems
// found". Counts of zero are left out; rules by count, most first, ties in
// order of first occurrence. No trailing newline.
std::string lint_summary(const Findings& findings);

}  // namespace skiff
