// skiff: argument parsing and a table of commands; nothing else.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>

#include "build_command.h"

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

  CLI11_PARSE(app, argc, argv);

  if (app.got_subcommand("build")) {
    build_options.build.site = site;
    build_options.build.out = out;
    return skiff::run_build_command(build_options);
  }
  // No command: show what there is, and fail so scripts notice.
  std::fputs(app.help().c_str(), stderr);
  return 2;
}
