// Fuzz target: the component and directive scanner (markdown/
// component_scanner.h) on a page body: tags, props, asides, code fences,
// HTML containers and comments, nested and unclosed.
#include "fuzz_check.h"
#include "markdown/component_scanner.h"

using namespace skiff;

namespace {

// Every placeholder's element exists, and the line map covers the text.
void check_fragment(const Fragment& fragment, const SourceText& source, int depth) {
  SKIFF_FUZZ_CHECK(depth <= kMaxElementDepth + 1, std::to_string(depth));
  for (int line : fragment.lines) {
    SKIFF_FUZZ_CHECK(line >= 1 && line <= source.line_count(), std::to_string(line));
  }
  for (const Element& element : fragment.elements) {
    SKIFF_FUZZ_CHECK(element.pos.line >= 1 && element.pos.line <= source.line_count(),
                     element.name + " at line " + std::to_string(element.pos.line));
    check_fragment(element.children, source, depth + 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const SourceText source("pages/en/fuzz.md", std::string(fuzz::as_text(data, size)));
  Diagnostics diagnostics;
  const Fragment root = scan_components(source, 0, diagnostics);
  fuzz::check_diagnostics(diagnostics, source);
  check_fragment(root, source, 0);
  (void)dedent(source.text());
  return 0;
}
