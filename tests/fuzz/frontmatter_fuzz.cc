// Fuzz target: a page's frontmatter, split from the body and read as YAML
// (site/frontmatter.h), as any page file of a site may hold it.
//
// The YAML is read by site/simple_yaml when it is in the plain subset, and
// by yaml-cpp otherwise; yaml-cpp is the reference. So whatever simple_yaml
// accepts, here the frontmatter's YAML and also the whole input taken as
// YAML, must be what yaml-cpp reads: the same keys, values and marks (the
// contract tests/unit/simple_yaml_test.cc checks on chosen inputs).
#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "site/frontmatter.h"
#include "site/simple_yaml.h"

using namespace skiff;

namespace {

// parse_frontmatter's one change to the YAML: yaml-cpp does not take a lone
// CR as a line end (simple_yaml's contract covers LF and CRLF only).
std::string lone_cr_to_lf(std::string_view text) {
  std::string yaml(text);
  for (std::size_t i = 0; i < yaml.size(); ++i) {
    if (yaml[i] == '\r' && (i + 1 == yaml.size() || yaml[i + 1] != '\n')) yaml[i] = '\n';
  }
  return yaml;
}

void check_simple_yaml_agrees(const std::string& yaml) {
  const auto entries = read_simple_yaml(yaml);
  if (!entries) return;
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    fuzz::fail(__FILE__, __LINE__, "simple_yaml accepts only what yaml-cpp reads",
               "yaml-cpp: " + e.msg + "\nYAML: " + yaml);
  }
  SKIFF_FUZZ_CHECK(root.IsMap() && root.size() == entries->size(), "YAML: " + yaml);
  std::size_t i = 0;
  for (const auto& pair : root) {
    const SimpleYamlEntry& e = (*entries)[i++];
    const std::string theirs = pair.second.IsScalar() ? pair.second.Scalar() : "(not a scalar)";
    const std::string context = "key `" + e.key + "`: simple_yaml read `" + e.value +
                                "`, yaml-cpp `" + theirs + "`\nYAML: " + yaml;
    SKIFF_FUZZ_CHECK(pair.first.IsScalar() && pair.first.Scalar() == e.key, context);
    SKIFF_FUZZ_CHECK(pair.second.IsScalar() && pair.second.Scalar() == e.value, context);
    SKIFF_FUZZ_CHECK(pair.first.Mark().pos == static_cast<int>(e.key_offset), context);
    SKIFF_FUZZ_CHECK(pair.second.Mark().pos == static_cast<int>(e.value_offset), context);
  }
}

// The YAML between the fences as parse_frontmatter hands it to the readers
// (lone_cr_to_lf), or nullopt when the frontmatter is absent or unclosed.
std::optional<std::string> frontmatter_yaml(const SourceText& source, const ParsedPage& page,
                                            const Diagnostics& diagnostics) {
  if (!page.frontmatter.present || page.body_offset == 0) return std::nullopt;
  for (const Diagnostic& d : diagnostics.all()) {
    if (d.message.find("never closed") != std::string::npos) return std::nullopt;
  }
  const std::size_t yaml_begin = source.line_start(2);
  const std::size_t fence_begin = source.line_start(source.line_of(page.body_offset - 1));
  if (fence_begin < yaml_begin) return std::nullopt;
  return lone_cr_to_lf(source.text().substr(yaml_begin, fence_begin - yaml_begin));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const SourceText source("pages/en/fuzz.md", std::string(fuzz::as_text(data, size)));
  Diagnostics diagnostics;
  const ParsedPage page = parse_frontmatter(source, diagnostics);
  fuzz::check_diagnostics(diagnostics, source);

  // The body starts inside the text, where frontmatter_end (which never
  // reads the YAML) says it does.
  SKIFF_FUZZ_CHECK(page.body_offset <= size, std::to_string(page.body_offset));
  SKIFF_FUZZ_CHECK(frontmatter_end(source.text()) == page.body_offset,
                   std::to_string(frontmatter_end(source.text())) + " != " +
                       std::to_string(page.body_offset));

  // Positions inside `setup` (where import errors are reported) lie in the
  // page. (Three offsets: setup_position counts from the start, so every
  // offset would make each input quadratic.)
  const Frontmatter& fm = page.frontmatter;
  for (std::size_t offset : {std::size_t{0}, fm.setup.size() / 2, fm.setup.size()}) {
    const Position pos = fm.setup_position(offset);
    SKIFF_FUZZ_CHECK(pos.line >= 0 && pos.line <= source.line_count(),
                     std::to_string(pos.line) + ":" + std::to_string(pos.column));
  }
  for (const auto& [key, pos] : fm.key_positions) {
    SKIFF_FUZZ_CHECK(pos.line >= 1 && pos.line <= source.line_count(), key);
  }

  if (auto yaml = frontmatter_yaml(source, page, diagnostics)) check_simple_yaml_agrees(*yaml);
  check_simple_yaml_agrees(lone_cr_to_lf(source.text()));
  return 0;
}
