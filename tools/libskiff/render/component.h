// The contract between the page renderer and component renderers. A
// component gets its props and its children already rendered to HTML, and
// returns HTML; it never sees Markdown or source syntax.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "markdown/document.h"
#include "markdown/prop_literal.h"

namespace skiff {

class UiStrings;

// A direct child element of the component, with its content rendered.
struct ComponentChild {
  std::string name;  // tag name: "Fragment", "TabItem", "div", ...
  const Props* props = nullptr;
  std::string slot;  // its slot="..." value, or ""
  std::string html;  // rendered children of this child (not the child's own tag)
  Position pos;
};

struct ComponentCall {
  std::string_view name;  // the name used in the page (may be an alias)
  const Props* props = nullptr;
  Position pos;  // of the `<` of the opening tag
  // Direct child elements and components, in source order.
  std::vector<ComponentChild> children;
  // Everything not given to a named slot, rendered in order (Markdown
  // between children included): Astro's default slot.
  std::string default_html;
  // slot name → rendered HTML of the child(ren) that named it.
  std::map<std::string, std::string, std::less<>> slots;
};

// What a renderer may ask of the page being rendered.
class RenderEnv {
 public:
  virtual ~RenderEnv() = default;
  virtual std::string_view locale() const = 0;
  virtual bool right_to_left() const = 0;
  // UI string for the page's locale, falling back to the default locale.
  virtual std::string ui(std::string_view key) const = 0;
  // A page-unique id built from `stem` ("tabs" → "tabs-1", "tabs-2", ...).
  virtual std::string unique_id(std::string_view stem) = 0;
  virtual void error(Position pos, std::string message) = 0;
  virtual void warning(Position pos, std::string message) = 0;
  // True when `url_path` (e.g. "/videos/a.mp4") is a file in SITE/public/.
  virtual bool public_file_exists(std::string_view url_path) const = 0;
  // Records an asset the page uses (for lint and incremental builds).
  virtual void use_asset(std::string_view url_path, Position pos) = 0;
  // An asset the page uses is not in public/: an error, unless the caller
  // checks assets itself (lint's `assets` rule, from use_asset).
  virtual void missing_asset(Position pos, std::string message) { error(pos, std::move(message)); }
  // The public URL of a site path: "/videos/a.mp4" with the site's base
  // path in front ("/docs/videos/a.mp4"); other URLs are returned as given.
  virtual std::string url(std::string_view site_path) const = 0;
};

using ComponentRenderFn = std::function<std::string(const ComponentCall&, RenderEnv&)>;

struct ComponentSpec {
  std::string name;  // canonical name, e.g. "UIFrameworkTabs"
  std::string path;  // folder under components/, e.g. "tabs/UIFrameworkTabs"
  // Slot names the component understands; empty means any. Children naming
  // another slot are reported.
  std::vector<std::string> slots;
  // Names of child components it accepts without an import (e.g. TabItem).
  std::vector<std::string> child_components;
  ComponentRenderFn render;
  std::string_view css;  // stylesheet shipped with every built site using it
  std::string_view js;   // client script, may be empty (loaded with defer)
  // Script inlined in every page's <head>, for work that must happen before
  // the first paint; may be empty. Keep it tiny: every page carries it.
  std::string_view head_script;
};

// Built-in components register themselves at static-initialisation time
// (one `static ComponentRegistration` per component folder); the library
// that holds them is linked whole so none is dropped.
class ComponentRegistry {
 public:
  static ComponentRegistry& builtins();
  void add(ComponentSpec spec);
  // By folder path ("tabs/UIFrameworkTabs"), or nullptr.
  const ComponentSpec* find_by_path(std::string_view path) const;
  const ComponentSpec* find_by_name(std::string_view name) const;
  const std::vector<ComponentSpec>& all() const { return specs_; }

 private:
  std::vector<ComponentSpec> specs_;
};

struct ComponentRegistration {
  explicit ComponentRegistration(ComponentSpec spec) {
    ComponentRegistry::builtins().add(std::move(spec));
  }
};

// Embedded component assets (CSS/JS files in components/), by file name
// relative to components/, e.g. "tabs/Tabs/Tabs.css". Generated at build time.
std::string_view component_asset(std::string_view name);

}  // namespace skiff
