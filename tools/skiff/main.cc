// skiff: argument parsing and a table of commands; nothing else.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "build_command.h"
#include "i18n_command.h"
#include "lint_command.h"

namespace {

constexpr const char* kDescription =
    "skiff builds, checks and tracks translations of multilingual documentation sites\n"
    "written in Markdown with MDX-style components.";

constexpr const char* kBuildHelp = R"(Examples:
  skiff build                     build the site in the current folder into ./dist
  skiff build site --out public   build site/ into public/
  skiff build site --jobs 1       render on one thread (output is identical)

Splitting a large site over CI machines (each part in its own folder; the
folders merge into the full build, no file in two parts):
  skiff build site --locale en --out part-en
  skiff build site --locale es,ja --out part-es-ja
  skiff build site --shard 2/8 --out part-2   pages dealt by a hash of their path

Builds are incremental: the output remembers what it was built from, and
the next build renders only the pages whose text, title or translation
status changed (a change to site.yml, layouts/, components/, locales/ or a
title renders every page) and rewrites only the files whose bytes changed.
The result is byte for byte what a clean build gives.
  skiff build site --clean        render everything into a fresh folder

A first or --clean build writes a fresh folder beside the output and swaps
it in only when the build succeeds; an incremental build replaces files
only when it succeeds, each one whole. skiff refuses to write over a folder
it did not create.

Builds into one output take turns: a second build waits for the first
("waiting for another skiff build into OUT to finish…"), or with --no-wait
fails at once (exit 1). ^C or SIGTERM stops a build: it removes what it
wrote, leaves the previous output as it was and exits 130 (SIGINT) or 143.
A killed build's leftovers (OUT.skiff-tmp-*, OUT.skiff-old-*, a half-done
update) are removed or finished by the next build into OUT.)";

void add_build(CLI::App& app, skiff::BuildCommandOptions& options, std::string& site, std::string& out) {
  CLI::App* build = app.add_subcommand("build", "Build the static HTML site for every locale");
  build->footer(kBuildHelp);
  build->add_option("SITE", site, "Site folder holding site.yml and pages/")->capture_default_str();
  build->add_option("-o,--out", out, "Output folder (default: SITE/dist)");
  build->add_option("-j,--jobs", options.build.jobs, "Pages rendered in parallel (default: one per core)")
      ->check(CLI::NonNegativeNumber);
  build->add_flag("-q,--quiet", options.quiet, "Print only errors and the failure summary");
  build->add_flag("--timings", options.timings, "Print how long each phase of the build took");
  build->add_flag("--clean", options.build.clean,
                  "Ignore the previous output: render every page into a fresh folder and swap it in");
  build->add_flag("--no-wait{false}", options.build.wait,
                  "Fail at once when another build into the same output is running, instead of waiting");
  build->add_flag("--safe", options.build.markdown.safe,
                  "Drop raw HTML from page bodies (for untrusted contributions)");
  build->add_option("--locale", options.build.locales, "Build only the pages shown in these locales (es,fr)")
      ->delimiter(',');
  build->add_option_function<std::string>(
      "--shard",
      [&options](const std::string& value) {
        int k = 0;
        int n = 0;
        char slash = 0;
        char extra = 0;
        if (std::sscanf(value.c_str(), "%d%c%d%c", &k, &slash, &n, &extra) != 3 || slash != '/' || n < 1 || k < 1 ||
            k > n) {
          throw CLI::ValidationError("--shard", "expected K/N with 1 <= K <= N, like 2/8, not `" + value + "`");
        }
        options.build.shard = k;
        options.build.shards = n;
      },
      "Build only part K of N (K/N, like 2/8): a deterministic share of the pages");
}

constexpr const char* kLintHelp = R"(Examples:
  skiff lint                       check the site in the current folder
  skiff lint site                  check site/
  skiff lint site --format github  annotations for GitHub Actions
  skiff lint site --format sarif > lint.sarif   for code scanning
  skiff lint site --fix            repair what is unambiguous, then report
  skiff lint site site/pages/en/a.md
                                   report only this page (links into the
                                   rest of the site still resolve)

Rules: links, anchors, link-locale, assets, link-style, own-domain,
link-text, script-url, pages, frontmatter, components, unused-import,
headings, encoding, external (with --external), read, config.
Set a rule's level in site.yml:
  lint: { rules: { link-text: off, own-domain: error } }
Silence one in a page with <!-- skiff-lint-disable RULE --> (from that line
on), <!-- skiff-lint-disable-line RULE --> or -next-line.

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage or
configuration error.)";

void add_lint(CLI::App& app, skiff::LintCommandOptions& options, std::string& site,
              std::vector<std::string>& files) {
  CLI::App* lint = app.add_subcommand("lint", "Check links, anchors, components, frontmatter and encoding");
  lint->footer(kLintHelp);
  lint->add_option("SITE", site, "Site folder holding site.yml and pages/")->capture_default_str();
  lint->add_option("FILES", files, "Only report these page files");
  lint->add_option("-f,--format", options.format, "Output: text, github, json or sarif")
      ->capture_default_str();
  lint->add_option("-j,--jobs", options.lint.jobs, "Pages rendered in parallel (default: one per core)")
      ->check(CLI::NonNegativeNumber);
  lint->add_flag("--external", options.external,
                 "Also check http(s) links over the network (settings: site.yml lint.external; "
                 "results cached for a day in SITE/.skiff-cache/)");
  lint->add_flag("--fix", options.fix,
                 "Apply the unambiguous fixes in place (link case and trailing slash, own-domain "
                 "links, mojibake, byte-order marks), then report what is left");
}

constexpr const char* kI18nHelp = R"(Examples:
  skiff i18n site                         status per locale, from git history
  skiff i18n site --format markdown --changed-files site/pages/en/a.md
                                          a pull-request comment about these pages
  skiff i18n site --format html --out status.html
                                          a self-contained dashboard page
  skiff i18n site --fail-under 80         exit 1 when a locale is under 80 % done
  skiff i18n site --mark site/pages/es/a.md
                                          record that es/a.md matches its source now

Statuses: missing, outdated (the source changed after the translation's
last commit; source commits whose subject holds an i18n.ignore marker, by
default i18nIgnore, en-only, typo or broken link, do not count), done, and
unknown (a shallow clone cut the history). A translation holding
`i18nSourceHash:` (written by --mark) is decided by that hash instead: exact,
also in shallow clones. Only source pages with `i18nReady: true` count.
site.yml: i18n: { ignore: [...], repository: https://github.com/o/r, branch: main }

Exit status: 0; 1 with --fail-under not met; 2 usage or configuration error.)";

void add_i18n(CLI::App& app, skiff::I18nCommandOptions& options) {
  CLI::App* i18n = app.add_subcommand("i18n", "Report untranslated and outdated pages and UI strings per locale");
  i18n->footer(kI18nHelp);
  i18n->add_option("SITE", options.site, "Site folder holding site.yml and pages/")->capture_default_str();
  i18n->add_option("-f,--format", options.format, "Output: text, json, markdown or html")->capture_default_str();
  i18n->add_option("-o,--out", options.out, "Write the report to this file (atomically) instead of stdout");
  i18n->add_option("--fail-under", options.fail_under, "Exit 1 when a locale's completion is under this percentage")
      ->check(CLI::Range(0, 100));
  i18n->add_option("--changed-files", options.changed_files,
                   "Markdown: only the pages these files (sources or translations) touch");
  i18n->add_option("--mark", options.mark,
                   "Write i18nSourceHash of its source into each of these translations, then exit");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{kDescription, "skiff"};
  app.set_version_flag("--version", "skiff 0.1.0");
  app.require_subcommand(0, 1);
  app.footer("Run `skiff COMMAND --help` for a command's options and examples.");

  skiff::BuildCommandOptions build_options;
  std::string site = ".";
  std::string out;
  add_build(app, build_options, site, out);
  skiff::LintCommandOptions lint_options;
  std::string lint_site = ".";
  std::vector<std::string> lint_files;
  add_lint(app, lint_options, lint_site, lint_files);
  skiff::I18nCommandOptions i18n_options;
  add_i18n(app, i18n_options);

  CLI11_PARSE(app, argc, argv);
  if (app.got_subcommand("i18n")) return skiff::run_i18n_command(i18n_options);

  if (app.got_subcommand("build")) {
    build_options.build.site = site;
    build_options.build.out = out;
    return skiff::run_build_command(build_options);
  }
  if (app.got_subcommand("lint")) {
    lint_options.lint.site = lint_site;  // (jobs is set by CLI11 directly)
    for (const std::string& f : lint_files) lint_options.lint.files.emplace_back(f);
    return skiff::run_lint_command(lint_options);
  }
  // No command: show what there is, and fail so scripts notice.
  std::fputs(app.help().c_str(), stderr);
  return 2;
}
