// skiff: argument parsing and a table of commands; nothing else.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "build_command.h"
#include "lint_command.h"

namespace {

constexpr const char* kDescription =
    "skiff builds, checks and tracks translations of multilingual documentation sites\n"
    "written in Markdown with MDX-style components.";

constexpr const char* kBuildHelp = R"(Examples:
  skiff build                     build the site in the current folder into ./dist
  skiff build site --out public   build site/ into public/
  skiff build site --jobs 1       render on one thread (output is identical)

The output folder is replaced only when the build succeeds; skiff refuses to
write over a folder it did not create.)";

void add_build(CLI::App& app, skiff::BuildCommandOptions& options, std::string& site, std::string& out) {
  CLI::App* build = app.add_subcommand("build", "Build the static HTML site for every locale");
  build->footer(kBuildHelp);
  build->add_option("SITE", site, "Site folder holding site.yml and pages/")->capture_default_str();
  build->add_option("-o,--out", out, "Output folder (default: SITE/dist)");
  build->add_option("-j,--jobs", options.build.jobs, "Pages rendered in parallel (default: one per core)")
      ->check(CLI::NonNegativeNumber);
  build->add_flag("-q,--quiet", options.quiet, "Print only errors and the failure summary");
  build->add_flag("--safe", options.build.markdown.safe,
                  "Drop raw HTML from page bodies (for untrusted contributions)");
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
headings, encoding, external (with --external), config.
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

  CLI11_PARSE(app, argc, argv);

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
