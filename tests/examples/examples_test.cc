// Runs the spec-style example files in this folder against the real page
// pipeline (frontmatter → imports → scanner → renderer), like cmark's spec
// tests. Each example is
//
//   ```````````````````````````````` example
//   Markdown page (frontmatter optional)
//   .
//   expected HTML of the page body
//   ````````````````````````````````
//
// and must render with no diagnostics; an `example error` block lists the
// expected diagnostics (`pages/en/example.md:line:col: error: ...`) instead of HTML.
// Pages without a `setup:` block get every built-in component imported by
// its name, so examples stay short.
//
// usage: examples_test FILE.md...   prints one line per failure and
// "N passed, M failed". With SKIFF_UPDATE_EXAMPLES=1 it instead rewrites
// each example's expected part with what the pipeline produces now (review
// the diff before committing it).
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "markdown/component_scanner.h"
#include "render/component.h"
#include "render/component_resolver.h"
#include "render/page_renderer.h"
#include "site/frontmatter.h"
#include "site/locale_catalog.h"
#include "site/site_config.h"

namespace {

using namespace skiff;

struct Example {
  std::string file;
  int line = 0;  // of the opening fence
  bool error = false;
  std::string input;
  std::string expected;
};

constexpr std::string_view kFence = "````````````````````````````````";

std::vector<Example> read_examples(const std::string& path) {
  std::ifstream in(path);
  std::vector<Example> examples;
  std::string line;
  int number = 0;
  Example current;
  enum { Outside, Input, Expected } state = Outside;
  while (std::getline(in, line)) {
    ++number;
    if (state == Outside) {
      if (line.rfind(std::string(kFence) + " example", 0) == 0) {
        current = Example{path, number, line.find("error") != std::string::npos, "", ""};
        state = Input;
      }
    } else if (line == kFence) {
      examples.push_back(current);
      state = Outside;
    } else if (state == Input && line == ".") {
      state = Expected;
    } else {
      (state == Input ? current.input : current.expected) += line + "\n";
    }
  }
  return examples;
}

std::string run(const Example& example, std::string& diagnostics_text) {
  static const SiteConfig config = [] {
    Diagnostics ignored;
    return parse_site_config(SourceText("site.yml", "locales: [en, es]\n"), ignored);
  }();
  static const LocaleCatalog catalog = [] {
    Diagnostics ignored;
    return LocaleCatalog::load("/nonexistent", config, ignored);
  }();
  static const std::set<std::string, std::less<>> public_files = {"videos/a.mp4"};

  Diagnostics diagnostics;
  SourceText source("pages/en/example.md", example.input);
  ParsedPage parsed = parse_frontmatter(source, diagnostics);
  Fragment root = scan_components(source, parsed.body_offset, diagnostics);
  ImportTable imports;
  if (parsed.frontmatter.setup.empty()) {
    for (const ComponentSpec& spec : ComponentRegistry::builtins().all()) {
      imports.add({spec.name, &spec, nullptr, {}});
    }
  } else {
    imports = resolve_imports(parsed.frontmatter, "pages/en/example.md", config, SiteComponents{},
                              ComponentRegistry::builtins(), diagnostics);
  }
  PageContext context;
  context.config = &config;
  context.catalog = &catalog;
  context.registry = &ComponentRegistry::builtins();
  context.public_files = &public_files;
  context.locale = "en";
  context.file = "pages/en/example.md";
  context.source = &source;
  PageBody body = render_page_body(root, imports, context, diagnostics);
  for (const Diagnostic& d : diagnostics.all()) diagnostics_text += format_diagnostic(d) + "\n";
  return body.html;
}

// Rewrites `path` with each example's expected part replaced by `actual`
// (one entry per example, in order).
bool rewrite_expected(const std::string& path, const std::vector<std::string>& actual) {
  std::ifstream in(path);
  std::string out;
  std::string line;
  std::size_t index = 0;
  enum { Outside, Input, Expected } state = Outside;
  while (std::getline(in, line)) {
    if (state == Outside) {
      if (line.rfind(std::string(kFence) + " example", 0) == 0) state = Input;
    } else if (line == kFence) {
      if (state == Expected && index < actual.size()) out += actual[index];
      ++index;
      state = Outside;
    } else if (state == Input && line == ".") {
      out += line + "\n";
      state = Expected;
      continue;
    }
    if (state != Expected) out += line + "\n";
  }
  in.close();
  std::ofstream file(path, std::ios::trunc);
  file << out;
  return static_cast<bool>(file);
}

}  // namespace

int main(int argc, char** argv) {
  // Never in CI: a run that rewrites its expectations cannot fail.
  const char* update = std::getenv("SKIFF_UPDATE_EXAMPLES");
  if (update != nullptr && std::string(update) == "1" && std::getenv("CI") == nullptr) {
    for (int i = 1; i < argc; ++i) {
      std::vector<std::string> actual;
      for (const Example& example : read_examples(argv[i])) {
        std::string diagnostics;
        std::string html = run(example, diagnostics);
        actual.push_back(example.error ? diagnostics : html);
      }
      if (!rewrite_expected(argv[i], actual)) std::cout << argv[i] << ": could not rewrite\n";
    }
    std::cout << "examples rewritten; review the diff\n";
    return 0;
  }
  int passed = 0;
  int failed = 0;
  for (int i = 1; i < argc; ++i) {
    std::vector<Example> examples = read_examples(argv[i]);
    if (examples.empty()) {  // unreadable, or a file that lost its examples
      ++failed;
      std::cout << argv[i] << ": no examples read\n";
    }
    for (const Example& example : examples) {
      std::string diagnostics;
      std::string html = run(example, diagnostics);
      std::string actual = example.error ? diagnostics : html;
      bool ok = actual == example.expected && (example.error || diagnostics.empty());
      if (ok) {
        ++passed;
        continue;
      }
      ++failed;
      std::cout << example.file << ":" << example.line << ": example failed\n--- input\n"
                << example.input << "--- expected\n" << example.expected << "--- actual\n"
                << actual;
      if (!example.error && !diagnostics.empty()) std::cout << "--- diagnostics\n" << diagnostics;
      std::cout << "\n";
    }
  }
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 && passed > 0 ? 0 : 1;
}
