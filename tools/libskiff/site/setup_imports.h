// The frontmatter `setup:` block: JavaScript import lines that bring
// components into scope, as Astro's Markdown pages declare them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace skiff {

// Side-effect imports (`import './style.css'`) are listed too, with empty
// local_name and imported_name and name_offset == specifier_offset.
struct Import {
  std::string local_name;     // name used in the page: `<Tabs>`
  std::string imported_name;  // "default" for default imports, "*" for namespace
  std::string specifier;      // the module path as written, quotes removed
  std::size_t offset = 0;     // byte offset of the `import` keyword in the setup text
  std::size_t name_offset = 0;       // byte offset of local_name
  std::size_t specifier_offset = 0;  // byte offset of the first specifier character
};

struct ImportError {
  std::size_t offset = 0;
  std::string message;
};

struct SetupImports {
  std::vector<Import> imports;
  std::vector<ImportError> errors;
};

// Parses every statement of `setup`:
//   import X from 'spec'             default
//   import { A, B as C } from "spec" named, with aliases
//   import X, { A } from 'spec'      both
//   import * as NS from 'spec'       namespace
//   import 'spec'                    side effect only (no names)
//   import type ...                  ignored (type only)
// Statements may span lines and end with an optional `;`. Comments (// and
// /* */) are skipped. Anything else (export, const, ...) is an error at its
// offset, and parsing resumes at the next line.
SetupImports parse_setup_imports(std::string_view setup);

}  // namespace skiff
