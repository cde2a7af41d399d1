// The plain subset of YAML that page frontmatter nearly always is, read
// without yaml-cpp: a flat mapping whose keys are identifiers at the start
// of their line and whose values are one-line plain or quoted scalars, or
// literal blocks (`setup: |`).
//
// Why: yaml-cpp spends about 100,000 instructions on an eight-line
// frontmatter, a quarter of everything `skiff lint` does. This reader takes
// a few hundred, and declines (nullopt) anything it is not sure of: the
// caller then parses with yaml-cpp, which stays the reference. A unit test
// checks that every mapping this accepts is what yaml-cpp reads, value for
// value and position for position.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skiff {

struct SimpleYamlEntry {
  std::string key;
  std::string value;             // the scalar's value, as yaml-cpp's Scalar() gives it
  std::size_t key_offset = 0;    // byte offsets in the YAML text, where yaml-cpp's
  std::size_t value_offset = 0;  // marks point (a quoted value's quote, a block's `|`)
  bool block = false;            // a literal block scalar (`|`)
};

// The entries of `yaml` (the text between the `---` lines, '\n' or "\r\n"
// line ends) in order, or nullopt when `yaml` is not in the subset: empty
// or null values, comments, flow collections, anchors, tags, escapes,
// multi-line plain scalars, folded or chomped blocks, tabs, control
// characters, Unicode line breaks, repeated keys.
std::optional<std::vector<SimpleYamlEntry>> read_simple_yaml(std::string_view yaml);

}  // namespace skiff
