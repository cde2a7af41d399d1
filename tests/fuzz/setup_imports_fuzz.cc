// Fuzz target: the frontmatter `setup:` block, JavaScript import lines
// (site/setup_imports.h).
#include "fuzz_check.h"
#include "site/setup_imports.h"

using namespace skiff;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view setup = fuzz::as_text(data, size);
  const SetupImports parsed = parse_setup_imports(setup);
  // Every offset points into the text, so positions can be shown for it.
  for (const Import& import : parsed.imports) {
    SKIFF_FUZZ_CHECK(import.offset < size, std::to_string(import.offset));
    SKIFF_FUZZ_CHECK(import.name_offset <= size, std::to_string(import.name_offset));
    SKIFF_FUZZ_CHECK(import.specifier_offset <= size, std::to_string(import.specifier_offset));
    SKIFF_FUZZ_CHECK(import.local_name.empty() == import.imported_name.empty(), import.specifier);
  }
  for (const ImportError& error : parsed.errors) {
    SKIFF_FUZZ_CHECK(error.offset <= size, std::to_string(error.offset) + ": " + error.message);
    SKIFF_FUZZ_CHECK(!error.message.empty(), std::to_string(error.offset));
  }
  return 0;
}
