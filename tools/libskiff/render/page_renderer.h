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

// A link or image in the page body, for lint.
struct PageLink {
  std::string url;   // as written
  std::string text;  // what the reader sees (alt text for images)
  bool image = false;
  Position pos;      // in the page file ({} if unknown)
};

// A public file a component uses (a video source), for lint.
struct PageAsset {
  std::string path;  // "/videos/a.mp4", or a URL as written
  Position pos;
};

struct PageBody {
  std::string html;
  std::vector<TocEntry> toc;        // h2 and h3, in order
  std::vector<std::string> ids;     // every heading id
  std::vector<PageLink> links;      // links and images, in document order
  std::vector<PageAsset> assets;    // public files that components use
  std::set<std::string, std::less<>> component_names;  // every component tag used
  std::vector<ResolvedComponent> unused_imports;        // imported, never used
  struct RepeatedHeading {
    std::string text;
    std::string id;  // the id it got ("setup-1")
    Position pos;
  };
  std::vector<RepeatedHeading> repeated_headings;  // same text as an earlier heading
  // With PageContext::ui_placeholders: whether every UI string was left as
  // a placeholder (ui_placeholder.h), so that filling them for another
  // locale gives that locale's rendering. False when one could not be (a
  // locale has it empty, which components treat as missing).
  bool ui_all_placeholders = true;
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
  bool highlight = true;  // syntax-highlight code blocks (lint turns it off)
  // False: missing public files are not errors here; the caller checks
  // PageBody::assets (lint).
  bool report_missing_assets = true;
  // Leave UI strings as placeholders in the HTML (ui_placeholder.h); the
  // caller fills them for the locale it shows the body in.
  bool ui_placeholders = false;
};

PageBody render_page_body(const Fragment& root, const ImportTable& imports,
                          const PageContext& context, Diagnostics& diagnostics);

}  // namespace skiff
