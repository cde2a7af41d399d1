#include "build/site_page.h"

#include "lint/encoding_check.h"
#include "markdown/component_scanner.h"
#include "render/component.h"
#include "render/component_resolver.h"

namespace skiff {

PageBody render_site_page(const LoadedSite& site, int index, const SourceText& source,
                          const SitePageOptions& options, Diagnostics& diagnostics) {
  const auto i = static_cast<std::size_t>(index);
  return render_site_page(site, index, source, site.frontmatter[i], site.body_offsets[i], options,
                          diagnostics);
}

PageBody render_site_page(const LoadedSite& site, int index, const SourceText& source,
                          const Frontmatter& frontmatter, std::size_t body_offset,
                          const SitePageOptions& options, Diagnostics& diagnostics) {
  const PageSource& page = site.pages.pages()[static_cast<std::size_t>(index)];
  if (options.report_encoding) {
    // Mojibake is a guess that pages may silence for lint (a page that
    // shows `â€™` on purpose); the build leaves it to lint.
    for (Finding& f : check_encoding(page.display_path, source.text(), EncodingChecks::kDamageOnly)) {
      diagnostics.warning(std::move(f.file), f.pos, std::move(f.message));
    }
  }
  Fragment root = scan_components(source, body_offset, diagnostics);
  ImportTable imports = resolve_imports(frontmatter, page.display_path, site.config,
                                        site.components, ComponentRegistry::builtins(), diagnostics);
  PageContext context;
  context.config = &site.config;
  context.catalog = &site.catalog;
  context.registry = &ComponentRegistry::builtins();
  context.public_files = &site.public_files;
  context.locale = options.locale;
  context.file = page.display_path;
  context.source = &source;
  context.markdown = options.markdown;
  context.highlight = options.highlight;
  context.report_missing_assets = options.report_missing_assets;
  context.ui_placeholders = options.ui_placeholders;
  return render_page_body(root, imports, context, diagnostics);
}

}  // namespace skiff
