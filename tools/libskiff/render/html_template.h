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
// URL attributes (href, src, action, formaction, xlink:href, poster, cite,
// background, data, codebase) whose value holds a {{ }} value are watched:
// see TemplateUrls.
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

// What to do with watched URL attributes (see the top of this file).
struct TemplateUrls {
  // Safe mode (`--safe`): a watched URL attribute whose value, once filled
  // in, is a script URL (is_script_url) is written empty (`href=""`), as
  // cmark's safe mode does for Markdown links. URLs written out in the
  // template itself are the site's own and are kept.
  bool safe = false;
  // Called with each watched URL attribute as rendered (entities decoded,
  // before `safe` empties it): the attribute's name, the name of the first
  // {{ }} value in it, and the URL. For lint.
  std::function<void(std::string_view attribute, std::string_view first_name, std::string_view url)> seen;
};

// True for URLs a browser would run or open outside the site: url_kind
// (base/url_scheme.h) kScript or kLocalFile, so javascript:, vbscript:,
// file:, and data: except the raster images cmark allows.
bool is_script_url(std::string_view url);

class HtmlTemplate {
 public:
  // Parses and compiles; a syntax error is returned with its line and column
  // in `source` (pugixml reports a byte offset).
  static std::variant<HtmlTemplate, Diagnostic> compile(const SourceText& source);

  std::string render(const TemplateValues& values, const TemplateUrls& urls = {}) const;

  // Names used by the template, in first-use order (for checks and lint).
  const std::vector<std::string>& text_names() const;
  const std::vector<std::string>& slot_names() const;

  struct Compiled;  // implementation detail, shared so copies are cheap

 private:
  std::shared_ptr<const Compiled> compiled_;
};

}  // namespace skiff
