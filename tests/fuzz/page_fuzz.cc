// Fuzz target: one whole page, in process, through the pipeline `skiff
// build` and `skiff lint` run on every page (build/site_page.cc): the
// frontmatter, its `setup` imports resolved against the built-in and two
// site components, the component scanner, then Markdown and components to
// HTML with code highlighting on (KDE's engine is code under test too).
// Nothing is read from or written to disk per input.
//
// A few settings follow from the input's length, so that one corpus covers
// them all and every input still replays the same way: bit 0 is --safe
// (raw HTML dropped), bit 1 the right-to-left locale `ar` instead of `en`,
// bit 2 UI strings left as placeholders (as a build renders them once for
// all locales).
#include <set>
#include <string>
#include <variant>

#include "fuzz_check.h"
#include "markdown/component_scanner.h"
#include "render/component.h"
#include "render/component_resolver.h"
#include "render/page_renderer.h"
#include "render/site_component.h"
#include "site/frontmatter.h"
#include "site/locale_catalog.h"
#include "site/site_config.h"

using namespace skiff;

namespace {

struct Site {
  SiteConfig config;
  LocaleCatalog catalog;
  SiteComponents components;
  std::set<std::string, std::less<>> public_files = {"videos/demo.mp4", "favicon.svg"};
};

void add_component(SiteComponents& components, std::string path, std::string xhtml) {
  auto compiled =
      HtmlTemplate::compile(SourceText("components/" + path + ".html", std::move(xhtml)));
  if (const auto* error = std::get_if<Diagnostic>(&compiled)) {
    fuzz::fail(__FILE__, __LINE__, "site component compiles", format_diagnostic(*error));
  }
  components.add({std::move(path), std::get<HtmlTemplate>(std::move(compiled))});
}

// The embedded site's setup (site/site.yml, site/components/), written out
// here so that no input depends on files.
const Site& site() {
  static const Site site = [] {
    Site s;
    Diagnostics diagnostics;
    s.config = parse_site_config(
        SourceText("site.yml",
                   "title: Fuzz\nurl: https://fuzz.example\nbase: /docs/\ndefaultLocale: en\n"
                   "locales: [en, es, ar]\n"
                   "aliases: { \"~/components/\": components/, \"~/layouts/\": layouts/ }\n"),
        diagnostics);
    s.catalog = LocaleCatalog::load("/nonexistent", s.config, diagnostics);
    add_component(s.components, "Since",
                  "<span class=\"since\" title=\"skiff v{{ props.version }}\"><span "
                  "skiff-if=\"!props.label\">Since</span><span skiff-if=\"props.label\">{{ "
                  "props.label }}</span> v{{ props.version }}</span>");
    add_component(s.components, "cards/Badge",
                  "<span class=\"badge badge--{{ props.variant }}\"><skiff-slot/><skiff-slot "
                  "name=\"icon\"><i>no icon</i></skiff-slot></span>");
    if (diagnostics.error_count() != 0) {
      fuzz::fail(__FILE__, __LINE__, "the fuzz site loads",
                 format_diagnostic(diagnostics.all()[0]));
    }
    return s;
  }();
  return site;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Site& s = site();
  const std::string locale = (size & 2) != 0 ? "ar" : "en";
  const std::string file = "pages/" + locale + "/guides/fuzz.md";
  const SourceText source(file, std::string(fuzz::as_text(data, size)));

  Diagnostics diagnostics;
  const ParsedPage parsed = parse_frontmatter(source, diagnostics);
  const Fragment root = scan_components(source, parsed.body_offset, diagnostics);
  const ImportTable imports = resolve_imports(parsed.frontmatter, file, s.config, s.components,
                                              ComponentRegistry::builtins(), diagnostics);
  PageContext context;
  context.config = &s.config;
  context.catalog = &s.catalog;
  context.registry = &ComponentRegistry::builtins();
  context.public_files = &s.public_files;
  context.locale = locale;
  context.file = file;
  context.source = &source;
  context.markdown.safe = (size & 1) != 0;
  context.highlight = true;
  context.ui_placeholders = (size & 4) != 0;
  const PageBody body = render_page_body(root, imports, context, diagnostics);

  fuzz::check_diagnostics(diagnostics, source);
  for (const PageLink& link : body.links) {
    SKIFF_FUZZ_CHECK(link.pos.line >= 0 && link.pos.line <= source.line_count(), link.url);
  }
  for (const PageAsset& asset : body.assets) {
    SKIFF_FUZZ_CHECK(asset.pos.line >= 0 && asset.pos.line <= source.line_count(), asset.path);
  }
  for (const TocEntry& entry : body.toc) {
    SKIFF_FUZZ_CHECK(entry.depth == 2 || entry.depth == 3, entry.id);
  }
  return 0;
}
