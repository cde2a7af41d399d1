// Fuzz target: layout and site-component templates (render/html_template.h):
// compile an XHTML template, then render it with text values and slots.
//
// Values come from the names the template asks for, so every input renders
// the same way: some names are unknown (nullopt), some are "" or "false"
// (for skiff-if), the others hold markup that must come out escaped.
//
// Input size is capped (tests/fuzz/html_template_fuzz.options, max_len) to
// keep executions fast. Nesting past 256 elements is a compile error
// (TemplateCompiler's limit, which replaced a stack overflow at ~30,000).
#include <optional>
#include <string>
#include <variant>

#include "fuzz_check.h"
#include "render/html_template.h"

using namespace skiff;

namespace {

// Text values hold this marker; it may reach the output only escaped.
constexpr std::string_view kMarker = "fuzzvalue";
constexpr std::string_view kRawMarker = "<i>fuzzvalue";

std::optional<std::string> text_value(std::string_view name) {
  switch (name.size() % 4) {
    case 0: return std::nullopt;
    case 1: return name.size() % 8 == 1 ? "" : "false";
    default: return "<i>fuzzvalue \"'&amp;</i> " + std::string(name);
  }
}

std::optional<std::string> slot_value(std::string_view name) {
  if (name.size() % 2 == 0) return std::nullopt;
  return "<p>slot " + std::string(name) + "</p>";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const SourceText source("layouts/Fuzz.html", std::string(fuzz::as_text(data, size)));
  auto compiled = HtmlTemplate::compile(source);
  if (const auto* error = std::get_if<Diagnostic>(&compiled)) {
    Diagnostics diagnostics;
    diagnostics.add(*error);
    fuzz::check_diagnostics(diagnostics, source);
    return 0;
  }
  const HtmlTemplate& layout = std::get<HtmlTemplate>(compiled);
  (void)layout.text_names();
  (void)layout.slot_names();
  const std::string html = layout.render({text_value, slot_value});
  // Values are escaped wherever they land (text, attributes, script and
  // style), unless the template itself holds the marker.
  if (source.text().find(kMarker) == std::string_view::npos) {
    SKIFF_FUZZ_CHECK(html.find(kRawMarker) == std::string::npos, html.substr(0, 2000));
  }
  return 0;
}
