// One page body rendered from a loaded site: scan the components, resolve
// the `setup` imports, render Markdown and components. What `skiff build`
// and `skiff lint` both do to a page before they part ways (layout and
// write; link and id checks).
#pragma once

#include <string>

#include "base/diagnostic.h"
#include "base/source_text.h"
#include "build/site_loader.h"
#include "render/page_renderer.h"

namespace skiff {

struct SitePageOptions {
  std::string locale;        // the locale the page is shown in
  MarkdownOptions markdown;
  bool highlight = true;     // syntax-highlight code blocks
  bool report_missing_assets = true;  // false: the caller checks PageBody::assets
  bool ui_placeholders = false;       // PageContext::ui_placeholders
  // Warn about a byte-order mark, invalid UTF-8 and NUL bytes (the messages
  // of lint's `encoding` rule, as warnings; not its mojibake guesses), so
  // `skiff build` is not silent about them. Lint turns it off: its rule
  // reports them.
  bool report_encoding = true;
};

// `source` is page `index`'s text (the caller read it); problems go to
// `diagnostics` with positions in it. The page's frontmatter and body offset
// come from site.frontmatter / site.body_offsets (read_frontmatter)…
PageBody render_site_page(const LoadedSite& site, int index, const SourceText& source,
                          const SitePageOptions& options, Diagnostics& diagnostics);
// … or from the caller, who parsed `source` itself (lint reads each page
// once, in its worker, and never fills site.frontmatter).
PageBody render_site_page(const LoadedSite& site, int index, const SourceText& source,
                          const Frontmatter& frontmatter, std::size_t body_offset,
                          const SitePageOptions& options,
                          Diagnostics& diagnostics);

}  // namespace skiff
