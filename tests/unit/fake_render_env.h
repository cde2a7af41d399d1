// A RenderEnv for component tests: UI strings from a map (English defaults),
// public/ files from a set, a "/docs" base path, and every error, warning
// and asset recorded for the test to check. Plus small builders for props,
// prop values and slotted calls, so tests read like the page source.
#pragma once

#include <map>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "render/component.h"

namespace skiff {

// Boost.Test prints positions as "line:column" in failed checks.
inline std::ostream& boost_test_print_type(std::ostream& out, const Position& pos) {
  return out << pos.line << ':' << pos.column;
}

}  // namespace skiff

namespace skiff::testing {

struct Reported {
  Position pos;
  std::string message;
};

class FakeRenderEnv : public RenderEnv {
 public:
  std::map<std::string, std::string, std::less<>> ui_strings = {
      {"aside.note", "Note"},         {"aside.tip", "Tip"},
      {"aside.caution", "Caution"},   {"aside.danger", "Danger"},
      {"tabs.frameworks", "UI frameworks"},
      {"tabs.packageManagers", "Package managers"},
      {"tabs.jsFlavors", "JavaScript or TypeScript"},
      {"tabs.generic", "Tabs"},
  };
  std::set<std::string, std::less<>> public_files;
  std::string base_path = "/docs";
  bool rtl = false;

  std::vector<Reported> errors;
  std::vector<Reported> warnings;
  std::vector<std::string> assets;

  std::string_view locale() const override { return "en"; }
  bool right_to_left() const override { return rtl; }
  std::string ui(std::string_view key) const override {
    auto it = ui_strings.find(key);
    return it == ui_strings.end() ? "" : it->second;
  }
  std::string unique_id(std::string_view stem) override {
    return std::string(stem) + '-' + std::to_string(++ids_[std::string(stem)]);
  }
  void error(Position pos, std::string message) override {
    errors.push_back({pos, std::move(message)});
  }
  void warning(Position pos, std::string message) override {
    warnings.push_back({pos, std::move(message)});
  }
  bool public_file_exists(std::string_view url_path) const override {
    return public_files.contains(url_path);
  }
  void use_asset(std::string_view url_path, Position) override { assets.emplace_back(url_path); }
  std::string url(std::string_view site_path) const override {
    if (site_path.starts_with('/') && !site_path.starts_with("//")) {
      return base_path + std::string(site_path);
    }
    return std::string(site_path);
  }

 private:
  std::map<std::string, int> ids_;
};

inline PropValue str(std::string text) { return PropValue{std::move(text)}; }
inline PropValue array(PropArray items) { return PropValue{std::move(items)}; }
inline PropValue object(PropObject members) { return PropValue{std::move(members)}; }

inline Props props(std::vector<Prop> items) { return Props{std::move(items)}; }

// An empty prop list with static lifetime, for calls without props.
inline const Props& no_props() {
  static const Props empty;
  return empty;
}

// A child in a named slot: `<Fragment slot="SLOT">` whose content rendered
// to `html`.
struct SlotChild {
  std::string slot;
  std::string html;
  Position pos;
  std::string name = "Fragment";
};

// A call whose children all fill named slots, the way the page renderer
// builds it: children in source order, slots joined per name.
inline ComponentCall slotted_call(std::string_view name, const std::vector<SlotChild>& children,
                                  Position pos = {1, 1}, const Props* call_props = nullptr) {
  ComponentCall call;
  call.name = name;
  call.props = call_props != nullptr ? call_props : &no_props();
  call.pos = pos;
  call.default_html = "\n";
  for (const SlotChild& child : children) {
    call.children.push_back({child.name, &no_props(), child.slot, child.html, child.pos});
    call.slots[child.slot] += child.html;
  }
  return call;
}

inline std::string render(std::string_view path, const ComponentCall& call, RenderEnv& env) {
  const ComponentSpec* spec = ComponentRegistry::builtins().find_by_path(path);
  if (spec == nullptr) return "<no component at " + std::string(path) + ">";
  return spec->render(call, env);
}

}  // namespace skiff::testing
