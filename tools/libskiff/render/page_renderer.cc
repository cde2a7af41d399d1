#include "render/page_renderer.h"

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <utility>

#include "base/html_escape.h"
#include "base/html_ids.h"
#include "markdown/slugger.h"
#include "render/code_block.h"
#include "render/ui_placeholder.h"

namespace skiff {
namespace {

using ElementFn = std::function<std::string(std::size_t index, bool block)>;

class PageRenderer final : public RenderEnv {
 public:
  PageRenderer(const ImportTable& imports, const PageContext& context, Diagnostics& diagnostics)
      : imports_(imports), context_(context), diagnostics_(diagnostics) {}

  PageBody render(const Fragment& root) {
    body_.html = render_fragment(root, [&](std::size_t i, bool) {
      return render_element(root.elements[i]);
    });
    body_.ui_all_placeholders = all_placeholders_;
    return std::move(body_);
  }

  // --- RenderEnv ---
  std::string_view locale() const override { return context_.locale; }
  bool right_to_left() const override { return context_.catalog->info(context_.locale).rtl; }
  std::string ui(std::string_view key) const override {
    if (context_.ui_placeholders) {
      if (deferrable(key)) return ui_placeholder(key);
      all_placeholders_ = false;
    }
    return context_.catalog->ui(context_.locale, key);
  }
  // A UI string can wait for the fill when its key is a plain identifier and
  // no locale has it empty (components replace an empty string with their
  // own default, which the fill could not know).
  bool deferrable(std::string_view key) const {
    if (key.empty() || key.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") !=
                           std::string_view::npos) {
      return false;
    }
    for (const std::string& locale : context_.config->locales) {
      if (context_.catalog->ui(locale, key).empty()) return false;
    }
    return true;
  }
  std::string unique_id(std::string_view stem) override {
    int n = ++id_counters_[std::string(stem)];
    return std::string(stem) + "-" + std::to_string(n);
  }
  void error(Position pos, std::string message) override {
    diagnostics_.error(context_.file, pos, std::move(message));
  }
  void warning(Position pos, std::string message) override {
    diagnostics_.warning(context_.file, pos, std::move(message));
  }
  bool public_file_exists(std::string_view url_path) const override {
    while (!url_path.empty() && url_path.front() == '/') url_path.remove_prefix(1);
    return context_.public_files != nullptr && context_.public_files->count(url_path) > 0;
  }
  void use_asset(std::string_view url_path, Position pos) override {
    body_.assets.push_back({std::string(url_path), pos});
  }
  void missing_asset(Position pos, std::string message) override {
    if (context_.report_missing_assets) error(pos, std::move(message));
  }
  std::string url(std::string_view site_path) const override { return site_url(site_path); }

  // Site-absolute paths ("/en/x/") get the base path in front, unless they
  // already start with it; other URLs are returned as written.
  std::string site_url(std::string_view path) const {
    const std::string& base = context_.config->base;
    if (path.empty() || path[0] != '/' || (path.size() > 1 && path[1] == '/') ||
        base == "/" || path.substr(0, base.size()) == base ||
        path == std::string_view(base).substr(0, base.size() - 1)) {
      return std::string(path);
    }
    return base + std::string(path.substr(1));
  }

 private:
  class Hooks final : public MarkdownHooks {
   public:
    Hooks(PageRenderer& page, const Fragment& fragment, const ElementFn& element)
        : page_(page), fragment_(fragment), element_(element), count_(fragment.elements.size()) {}
    // Placeholder text the author wrote (or that CommonMark parsed
    // differently from the scanner) may name an element that is not there.
    std::string element_html(std::size_t index, bool block) override {
      return index < count_ ? element_(index, block) : std::string();
    }
    std::string heading_id(int level, std::string_view text, int line, int column) override {
      return page_.heading_id(level, text, page_.page_position(fragment_.source_position(line, column)));
    }
    std::string code_block(std::string_view info, std::string_view code, int line,
                           int column) override {
      return page_.code_block(info, code, page_.page_position(fragment_.source_position(line, column)));
    }
    std::string link(const MarkdownLink& link) override {
      page_.body_.links.push_back({std::string(link.url), std::string(link.text), link.image,
                                   page_.page_position(fragment_.source_position(link.line, link.column))});
      return page_.site_url(link.url);
    }

   private:
    PageRenderer& page_;
    const Fragment& fragment_;
    const ElementFn& element_;
    std::size_t count_;
  };

  std::string render_fragment(const Fragment& fragment, const ElementFn& element) {
    Hooks hooks(*this, fragment, element);
    return render_markdown(fragment.markdown, fragment.is_inline, hooks, context_.markdown);
  }

  // Children of `element`, each nested element rendered in place.
  std::string render_children(const Element& element) {
    const Fragment& children = element.children;
    return render_fragment(children, [&](std::size_t i, bool) {
      return render_element(children.elements[i]);
    });
  }

  // A code block whose fence starts at `fence` in the page file.
  std::string code_block(std::string_view info, std::string_view code, Position fence) {
    std::vector<CodeInfoProblem> problems;
    CodeBlockInfo parsed = parse_code_info(info, &problems);
    for (const CodeInfoProblem& problem : problems) {
      warning(info_position(fence, info, problem.column), problem.message);
    }
    CodeBlockStrings strings{ui("code.copy"), ui("code.copied"), context_.highlight};
    return render_code_block(parsed, code, strings,
                             [&](std::string message) { warning(fence, std::move(message)); });
  }

  // `pos` with its column, counted in bytes from the line start (as cmark
  // and Fragment::source_position count), turned into code points.
  Position page_position(Position pos) const {
    const SourceText* source = context_.source;
    if (source == nullptr || pos.line < 1 || pos.line > source->line_count()) return pos;
    return source->position_of(source->line_start(pos.line) + static_cast<std::size_t>(std::max(0, pos.column - 1)));
  }

  // Where byte `offset` of a fence's info string is in the page: found by
  // reading the fence line (fence characters, then spaces, then the info).
  Position info_position(Position fence, std::string_view info, std::size_t offset) const {
    const SourceText* source = context_.source;
    if (source == nullptr || fence.line < 1 || fence.line > source->line_count()) return fence;
    std::string_view text = source->text();
    std::size_t at = source->line_start(fence.line);
    std::size_t end = text.find_first_of("\r\n", at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    std::size_t found = line.find(info.substr(0, info.find_first_of("\r\n")));
    if (info.empty() || found == std::string_view::npos) return fence;
    return source->position_of(at + found + offset);
  }

  std::string heading_id(int level, std::string_view text, Position pos) {
    std::string id = slugger_.slug(text);
    // The same text twice in one section (markdownlint's MD024 with
    // siblings_only): the second one gets "-1", and a reader cannot tell
    // the two apart in the table of contents. "Example" under each of
    // several sections is fine.
    level = std::clamp(level, 1, 6);
    std::string parent;
    for (int l = level - 1; l >= 1 && parent.empty(); --l) parent = open_headings_[static_cast<std::size_t>(l)];
    if (!seen_headings_.insert({parent, std::string(text)}).second) {
      body_.repeated_headings.push_back({std::string(text), id, pos});
    }
    open_headings_[static_cast<std::size_t>(level)] = id;
    for (int l = level + 1; l <= 6; ++l) open_headings_[static_cast<std::size_t>(l)].clear();
    body_.ids.push_back(id);
    if (level == 2 || level == 3) body_.toc.push_back({level, id, std::string(text)});
    return id;
  }

  std::string render_element(const Element& element) {
    switch (element.kind) {
      case ElementKind::Aside: return render_aside(element);
      case ElementKind::Html: return render_html(element);
      case ElementKind::Component: return render_component(element);
    }
    return {};
  }

  // HTML containers keep their tag and attributes as written; in safe mode
  // (raw HTML dropped) only their rendered children remain.
  std::string render_html(const Element& element) {
    if (context_.markdown.safe) return element.self_closing ? "" : render_children(element);
    // Its links (`<a href>` is an element here, its text Markdown), at the tag.
    for_each_html_link("<" + element.name + " " + element.raw_attributes + ">",
                       [&](const std::string& url, std::size_t, bool asset) {
                         body_.links.push_back({url, "", asset, element.pos});
                       });
    std::string out = "<" + element.name;
    if (!element.raw_attributes.empty()) out += " " + element.raw_attributes;
    out += ">";
    if (!element.self_closing) {
      if (!element.children.is_inline) out += "\n";
      out += render_children(element);
    }
    out += "</" + element.name + ">";  // `<div />` is not void in HTML: close it
    return out;
  }

  std::string render_aside(const Element& element) {
    const ComponentSpec* spec = context_.registry->find_by_path("Aside");
    Props props;
    props.items.push_back({"type", PropValue{element.name}, element.pos});
    if (!element.title.empty()) props.items.push_back({"title", PropValue{element.title}, element.pos});
    ComponentCall call;
    call.name = "Aside";
    call.props = &props;
    call.pos = element.pos;
    call.default_html = render_children(element);
    if (spec == nullptr) return call.default_html;
    return spec->render(call, *this);
  }

  // Which component `element` names: an import, or an error. Built-ins used
  // without an import still render (the error fails the build anyway), so
  // one mistake does not hide the rest of the page.
  ResolvedComponent resolve(const Element& element) {
    if (const ResolvedComponent* imported = imports_.find(element.name)) return *imported;
    ResolvedComponent fallback;
    fallback.builtin = context_.registry->find_by_name(element.name);
    if (fallback.builtin != nullptr) {
      error(element.pos, "<" + element.name + "> is used but not imported; add `import " +
                             element.name + " from '~/components/" + fallback.builtin->path +
                             ".astro'` to the page's setup");
    } else {
      error(element.pos, "unknown component <" + element.name +
                             ">: import it in the page's setup from a built-in or a site component");
    }
    return fallback;
  }

  std::string render_component(const Element& element) {
    if (element.name == "Fragment") return render_children(element);
    ResolvedComponent resolved = resolve(element);
    const ComponentSpec* spec = resolved.builtin;
    ComponentCall call;
    call.name = element.name;
    call.props = &element.props;
    call.pos = element.pos;
    const Fragment& children = element.children;
    call.default_html = render_fragment(children, [&](std::size_t i, bool) -> std::string {
      const Element& child = children.elements[i];
      std::string slot = child.kind == ElementKind::Aside ? "" : child.props.text("slot");
      bool is_fragment = child.kind == ElementKind::Component && child.name == "Fragment";
      bool is_part = spec != nullptr &&
                     std::find(spec->child_components.begin(), spec->child_components.end(),
                               child.name) != spec->child_components.end();
      if (slot.empty() && !is_fragment && !is_part) return render_element(child);
      ComponentChild part;
      part.name = child.name;
      part.props = &child.props;
      part.slot = slot;
      part.pos = child.pos;
      part.html = child.kind == ElementKind::Html ? render_html(child) : render_children(child);
      std::string in_place = slot.empty() && is_fragment ? part.html : std::string();
      if (!slot.empty()) call.slots[slot] += part.html;
      call.children.push_back(std::move(part));
      return in_place;
    });
    if (spec != nullptr) return spec->render(call, *this);
    if (resolved.site != nullptr) {
      // Script URLs in its props: emptied with --safe, checked by lint.
      std::vector<ScriptUrl> script_urls;
      std::string html = render_site_component(*resolved.site, call, context_.markdown.safe, &script_urls);
      for (ScriptUrl& u : script_urls) body_.links.push_back({std::move(u.url), "", false, u.pos});
      return html;
    }
    return call.default_html;
  }

  const ImportTable& imports_;
  const PageContext& context_;
  Diagnostics& diagnostics_;
  PageBody body_;
  mutable bool all_placeholders_ = true;  // see PageBody::ui_all_placeholders
  Slugger slugger_;
  std::array<std::string, 7> open_headings_;  // id of the latest heading per level (1-6)
  std::set<std::pair<std::string, std::string>> seen_headings_;  // (parent id, text)
  std::map<std::string, int> id_counters_;
};

}  // namespace

namespace {

// Every component tag in `fragment` and below (HTML elements and asides
// are not components).
void collect_component_names(const Fragment& fragment, std::set<std::string, std::less<>>& names) {
  for (const Element& element : fragment.elements) {
    if (element.kind == ElementKind::Component) names.insert(element.name);
    collect_component_names(element.children, names);
  }
}

}  // namespace

PageBody render_page_body(const Fragment& root, const ImportTable& imports,
                          const PageContext& context, Diagnostics& diagnostics) {
  PageRenderer renderer(imports, context, diagnostics);
  PageBody body = renderer.render(root);
  collect_component_names(root, body.component_names);
  for (const ResolvedComponent& import : imports.entries()) {
    if (body.component_names.count(import.local_name) == 0) body.unused_imports.push_back(import);
  }
  return body;
}

}  // namespace skiff
