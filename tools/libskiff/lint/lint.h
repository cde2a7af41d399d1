// `skiff lint`: checks a site's sources without writing anything. Every page
// is rendered in memory exactly as `skiff build` renders it (minus syntax
// highlighting), so links are checked against the ids the built pages really
// have, and component problems are the ones the build would hit.
//
// Rules (ids as used in findings, site.yml and disable comments):
//   links        link to a page or file the site does not have, or climbing
//                out of the site
//   anchors      #fragment that is not an id on the target page
//   link-locale  link from a page in one locale to another locale's pages
//   assets       image or video source missing from public/
//   link-style   missing trailing slash or wrong case (warning, fixable)
//   own-domain   absolute link to the site's own URL (warning, fixable)
//   link-text    vague link text such as "click here" (warning)
//   script-url   javascript: link
//   pages        translation without a default-locale page
//   frontmatter  YAML errors, missing title, unknown layout, non-boolean
//                i18nReady, unknown keys (warning)
//   components   scanner, import, slot and prop problems
//   unused-import  a `setup` import no tag uses (warning)
//   headings     two headings with the same text, so the same id (warning)
//   encoding     invalid UTF-8, byte-order mark, NUL, mojibake
//   external     (with --external) http(s) links that do not answer
//   read         a page or site file that cannot be read or is too large,
//                a symlink out of the site (error); a skipped symlinked
//                folder, broken symlink or unreadable folder (warning)
//   config       site.yml and locale files
//
// A rule is silenced for a page with `<!-- skiff-lint-disable RULE… -->`
// (from that line on; `skiff-lint-enable` ends it; no rule = all rules),
// or for one line with `skiff-lint-disable-line` / `-next-line`.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "lint/finding.h"

namespace skiff {

struct LintOptions {
  // Check external http(s) links over the network (lint/external_links,
  // settings from site.yml `lint.external`; cache in
  // SITE/.skiff-cache/external-links.json). Off: they are only counted.
  bool external = false;
  std::filesystem::path site = ".";
  // Only these page files are reported (paths as given on the command line,
  // resolved against the current folder); links into the rest of the site
  // still resolve. Empty: every page.
  std::vector<std::filesystem::path> files;
  int jobs = 0;  // worker processes that render pages; 0 = one per core
};

struct LintResult {
  Findings findings;          // ordered by file, line, column
  int pages_checked = 0;
  int external_links = 0;     // http(s) links in the reported pages
  int external_urls = 0;      // distinct ones
  bool external_checked = false;
  std::string external_note;  // e.g. a cache problem, for the command to show
  bool config_error = false;  // the site could not be read as a site (exit 2)
};

LintResult lint_site(const LintOptions& options);

}  // namespace skiff
