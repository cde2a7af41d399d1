// Renders a page body — the scanner's Fragment tree — to HTML: Markdown
// through cmark-gfm, elements through their components, headings with
// unique GitHub-style ids, and an index of what the page contains (TOC,
// ids, links, assets) for the layout, lint and incremental builds.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/source_text.h"
#include "markdown/document.h"
#include "markdown/markdown_renderer.h"
#include "render/component_resolver.h"
#include "site/locale_catalog.h"
#include "site/site_config.h"

namespace skiff {

struct TocEntry {
  int depth = 2;  // 2 or 3
  std::string id;
  std::string text;
};

struct PageBody {
  std::string html;
  std::vector<TocEntry> toc;        // h2 and h3, in order
  std::vector<std::string> ids;     // every heading id
  std::vector<std::string> links;   // link and image destinations as written
  std::vector<std::string> assets;  // public files that components use
};

// What rendering a page needs from the site; all of it read-only and shared
// by the threads that render pages in parallel.
struct PageContext {
  const SiteConfig* config = nullptr;
  const LocaleCatalog* catalog = nullptr;
  const ComponentRegistry* registry = nullptr;
  const std::set<std::string, std::less<>>* public_files = nullptr;  // "videos/a.mp4"
  std::string locale;
  std::string file;  // the page as shown in diagnostics
  // The page's text, for exact positions inside code-block info strings;
  // may be null (positions then point at the fence).
  const SourceText* source = nullptr;
  MarkdownOptions markdown;
};

PageBody render_page_body(const Fragment& root, const ImportTable& imports,
                          const PageContext& context, Diagnostics& diagnostics);

}  // namespace skiff
