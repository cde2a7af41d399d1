// Tab components with a fixed set of named slots, one tab per slot
// (UIFrameworkTabs, PackageManagerTabs, JavascriptFlavorTabs):
//
//   <UIFrameworkTabs>
//     <Fragment slot="react">...</Fragment>
//     <Fragment slot="vue">...</Fragment>
//   </UIFrameworkTabs>
//
// Tabs appear in the declared slot order whatever the source order, and
// slots not given are skipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "render/component.h"

namespace skiff {

struct FixedSlot {
  std::string_view key;    // slot name, e.g. "react"
  std::string_view label;  // plain text tab label, e.g. "React"
};

struct FixedSlotTabs {
  std::string_view name;       // canonical component name, for messages
  std::string_view path;       // folder under components/
  std::vector<FixedSlot> slots;
  std::string_view ui_name;    // UI string key of the tablist's accessible name
  std::string_view sync_group;
};

// Reports (as errors) children naming an undeclared slot, at the child, and
// a call giving none of the slots; content outside the slots is ignored with
// a warning.
std::string render_fixed_slot_tabs(const FixedSlotTabs& tabs, const ComponentCall& call,
                                   RenderEnv& env);

// The registry entry: slots declared, tabs.css/tabs.js attached.
ComponentSpec fixed_slot_tabs_spec(FixedSlotTabs tabs);

// "a, b or c": the list of expected names in messages.
std::string join_alternatives(const std::vector<std::string_view>& names);

}  // namespace skiff
