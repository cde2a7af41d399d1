#include "lint_command.h"

#include <cstdio>

#include "base/terminal.h"
#include "lint/lint_fix.h"
#include "lint/lint_report.h"

namespace skiff {

int run_lint_command(const LintCommandOptions& options) {
  std::optional<LintFormat> format = parse_lint_format(options.format);
  if (!format) {
    std::fprintf(stderr, "skiff lint: unknown format `%s` (text, github, json or sarif)\n",
                 options.format.c_str());
    return 2;
  }
  LintOptions lint = options.lint;
  lint.external = options.external;
  LintResult result = lint_site(lint);
  if (options.fix && !result.config_error) {
    FixOutcome fixed = apply_fixes(result.findings, options.lint.site);
    for (const std::string& error : fixed.errors) std::fprintf(stderr, "skiff lint: %s\n", error.c_str());
    // On stderr: stdout stays one parseable report in the machine formats.
    std::fprintf(stderr, "fixed %d problem%s in %d file%s; checking again\n", fixed.applied,
                 fixed.applied == 1 ? "" : "s", fixed.files, fixed.files == 1 ? "" : "s");
    if (fixed.applied > 0) result = lint_site(lint);
    if (!fixed.errors.empty()) result.config_error = true;
  }
  LintReportOptions report;
  report.colour = *format == LintFormat::Text && use_colour(stdout);
  report.site_root = options.lint.site.string();
  std::string out = format_lint_report(result.findings, *format, report);
  std::fwrite(out.data(), 1, out.size(), stdout);
  // On stderr, so machine formats stay one document on stdout.
  if (result.external_links > 0) {
    std::fprintf(stderr, "%d external links (%d distinct URLs) %s\n", result.external_links,
                 result.external_urls,
                 result.external_checked ? "checked" : "not checked: add --external to fetch them");
  }
  if (!result.external_note.empty()) std::fprintf(stderr, "skiff lint: %s\n", result.external_note.c_str());
  if (result.config_error) return 2;
  for (const Finding& f : result.findings) {
    if (f.severity == Severity::Error) return 1;
  }
  return 0;
}

}  // namespace skiff
