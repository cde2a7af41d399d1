#include "tabs/fixed_slot_tabs.h"

#include <algorithm>
#include <utility>

#include "base/html_escape.h"
#include "tabs/tab_group.h"

namespace skiff {
namespace {

bool is_blank(std::string_view html) {
  return std::all_of(html.begin(), html.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  });
}

bool declares(const FixedSlotTabs& tabs, std::string_view slot) {
  return std::any_of(tabs.slots.begin(), tabs.slots.end(),
                     [&](const FixedSlot& s) { return s.key == slot; });
}

std::string expected_slots(const FixedSlotTabs& tabs) {
  std::vector<std::string_view> keys;
  for (const FixedSlot& slot : tabs.slots) keys.push_back(slot.key);
  return join_alternatives(keys);
}

}  // namespace

std::string join_alternatives(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

std::string render_fixed_slot_tabs(const FixedSlotTabs& tabs, const ComponentCall& call,
                                   RenderEnv& env) {
  for (const ComponentChild& child : call.children) {
    if (!child.slot.empty() && !declares(tabs, child.slot)) {
      env.error(child.pos, "unknown slot `" + child.slot + "` for " + std::string(tabs.name) +
                               "; expected " + expected_slots(tabs));
    }
  }
  if (!is_blank(call.default_html)) {
    env.warning(call.pos, std::string(tabs.name) +
                              " ignores content outside its slots; wrap it in "
                              "<Fragment slot=\"...\">");
  }

  TabGroup group;
  group.accessible_name = env.ui(tabs.ui_name);
  group.sync_group = tabs.sync_group;
  for (const FixedSlot& slot : tabs.slots) {
    auto given = call.slots.find(slot.key);
    if (given == call.slots.end()) continue;
    group.tabs.push_back({std::string(slot.key), escape_html_text(slot.label), given->second});
  }
  if (group.tabs.empty()) {
    env.error(call.pos, std::string(tabs.name) + " has no tabs; give it at least one of the slots " +
                            expected_slots(tabs));
    return "";
  }
  return render_tab_group(group, env);
}

ComponentSpec fixed_slot_tabs_spec(FixedSlotTabs tabs) {
  ComponentSpec spec;
  spec.name = std::string(tabs.name);
  spec.path = std::string(tabs.path);
  for (const FixedSlot& slot : tabs.slots) spec.slots.emplace_back(slot.key);
  spec.css = component_asset(kTabsStylesheet);
  spec.js = component_asset(kTabsScript);
  spec.head_script = component_asset(kTabsHeadScript);
  spec.render = [tabs = std::move(tabs)](const ComponentCall& call, RenderEnv& env) {
    return render_fixed_slot_tabs(tabs, call, env);
  };
  return spec;
}

}  // namespace skiff
