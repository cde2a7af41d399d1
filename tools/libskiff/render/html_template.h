// XHTML templates for layouts (SITE/layouts/*.html) and site components
// (SITE/components/**/*.html). A template is well-formed XHTML parsed once
// with pugixml and compiled to a list of segments, so rendering a page is a
// walk over that list, not a reparse.
//
// Template language (everything else is copied):
//   {{ name }}            in text or attribute values: the text value `name`,
//                         HTML-escaped; an unknown name gives "".
//   <skiff-slot name="x"/> raw HTML of slot `x` (no name: slot "default"). If
//                         the slot is unknown, the element's own children
//                         are rendered instead (fallback content).
//   skiff-if="name"       on any element: keep the element only when the
//                         text value `name` is non-empty and not "false";
//                         skiff-if="!name" keeps it only otherwise.
// Output is HTML5: `<!DOCTYPE html>` kept, void elements (meta, link, img,
// br, hr, input, source, ...) without end tags, other empty elements with
// them (`<div></div>`), script/style content unescaped, comments dropped.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/diagnostic.h"
#include "base/source_text.h"

namespace skiff {

struct TemplateValues {
  std::function<std::optional<std::string>(std::string_view name)> text;
  std::function<std::optional<std::string>(std::string_view slot)> slot;
};

class HtmlTemplate {
 public:
  // Parses and compiles; a syntax error is returned with its line and column
  // in `source` (pugixml reports a byte offset).
  static std::variant<HtmlTemplate, Diagnostic> compile(const SourceText& source);

  std::string render(const TemplateValues& values) const;

  // Names used by the template, in first-use order (for checks and lint).
  const std::vector<std::string>& text_names() const;
  const std::vector<std::string>& slot_names() const;

  struct Compiled;  // implementation detail, shared so copies are cheap

 private:
  std::shared_ptr<const Compiled> compiled_;
};

}  // namespace skiff
