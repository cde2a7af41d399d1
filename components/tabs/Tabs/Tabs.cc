// <Tabs>: a tab group with free-form tabs, in either of two styles:
//
//   <Tabs sharedStore="pm">               <Tabs>
//     <TabItem label="npm">...</TabItem>    <Fragment slot="tab.npm">npm</Fragment>
//     <TabItem label="pnpm">...</TabItem>   <Fragment slot="panel.npm">...</Fragment>
//   </Tabs>                               </Tabs>
//
// TabItem labels are text; tab.KEY slots are HTML. Numbered slot keys
// (tab.1.npm / panel.1.npm) put their tabs first, by number; the others
// follow in source order. `sharedStore` names the sync group: Tabs with the
// same store (or a fixed-slot tab component with that group name) switch
// together.
#include <algorithm>
#include <charconv>
#include <climits>
#include <optional>

#include "base/html_escape.h"
#include "tabs/tab_group.h"

namespace skiff {
namespace {

// One tab being assembled from the children that name it.
struct TabEntry {
  std::string key;
  int order = INT_MAX;  // from a numbered slot key; unnumbered tabs sort last
  Position pos;         // the first child naming this tab
  std::optional<std::string> label_html;
  std::optional<std::string> panel_html;
};

struct SlotName {
  bool is_tab = false;  // tab.KEY, or else panel.KEY
  std::optional<int> order;
  std::string key;
};

// "tab.npm", "panel.npm", "tab.2.npm" (order 2); nullopt for other names.
std::optional<SlotName> parse_slot_name(std::string_view slot) {
  SlotName name;
  if (slot.starts_with("tab.")) {
    name.is_tab = true;
    slot.remove_prefix(4);
  } else if (slot.starts_with("panel.")) {
    slot.remove_prefix(6);
  } else {
    return std::nullopt;
  }
  std::size_t digits = 0;
  while (digits < slot.size() && slot[digits] >= '0' && slot[digits] <= '9') ++digits;
  if (digits > 0 && digits <= 9 && digits + 1 < slot.size() && slot[digits] == '.') {
    int order = 0;
    std::from_chars(slot.data(), slot.data() + digits, order);  // <= 9 digits: fits
    name.order = order;
    slot.remove_prefix(digits + 1);
  }
  if (slot.empty()) return std::nullopt;
  name.key = std::string(slot);
  return name;
}

std::string_view trim(std::string_view text) {
  const char* space = " \t\n\r\f";
  std::size_t begin = text.find_first_not_of(space);
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(space) - begin + 1);
}

// A tab label goes inside a <button>, which takes phrasing content only, so
// the <p> that Markdown wraps around a one-line slot is dropped.
std::string phrasing_label(std::string_view html) {
  html = trim(html);
  if (html.starts_with("<p>") && html.ends_with("</p>")) {
    std::string_view inner = html.substr(3, html.size() - 7);
    if (inner.find("<p") == std::string_view::npos) return std::string(trim(inner));
  }
  return std::string(html);
}

class TabCollector {
 public:
  explicit TabCollector(RenderEnv& env) : env_(env) {}

  void add_tab_item(const ComponentChild& child) {
    std::string label = child.props != nullptr ? child.props->text("label") : "";
    if (trim(label).empty()) {
      env_.error(child.pos, "TabItem needs a `label` prop: the text of its tab");
      return;
    }
    std::string key = label;
    if (find(key) != nullptr) {
      env_.warning(child.pos, "Tabs has two tabs labelled `" + label +
                                  "`; readers cannot tell them apart");
      for (int n = 2; find(key) != nullptr; ++n) key = label + '-' + std::to_string(n);
    }
    TabEntry& entry = add(key, child.pos);
    entry.label_html = escape_html_text(label);
    entry.panel_html = child.html;
  }

  void add_slot(const ComponentChild& child, const SlotName& name, const std::string& html) {
    TabEntry* entry = find(name.key);
    if (entry == nullptr) entry = &add(name.key, child.pos);
    if (name.order && entry->order == INT_MAX) entry->order = *name.order;
    // Several children naming one slot arrive already joined in `html`.
    std::optional<std::string>& part = name.is_tab ? entry->label_html : entry->panel_html;
    if (!part) part = name.is_tab ? phrasing_label(html) : html;
  }

  // Completes half-given tabs (with a warning) and sorts them.
  TabGroup finish() {
    TabGroup group;
    for (TabEntry& entry : entries_) {
      if (!entry.panel_html) {
        env_.warning(entry.pos, "tab `" + entry.key + "` has no panel; add a child with slot=\"panel." +
                                    entry.key + "\"");
        entry.panel_html.emplace();
      }
      if (!entry.label_html) {
        env_.warning(entry.pos, "panel `" + entry.key + "` has no tab; add a child with slot=\"tab." +
                                    entry.key + "\"");
        entry.label_html = escape_html_text(entry.key);
      }
    }
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const TabEntry& a, const TabEntry& b) { return a.order < b.order; });
    for (TabEntry& entry : entries_) {
      group.tabs.push_back({entry.key, std::move(*entry.label_html), std::move(*entry.panel_html)});
    }
    return group;
  }

 private:
  TabEntry* find(const std::string& key) {
    for (TabEntry& entry : entries_) {
      if (entry.key == key) return &entry;
    }
    return nullptr;
  }
  TabEntry& add(std::string key, Position pos) {
    TabEntry& entry = entries_.emplace_back();
    entry.key = std::move(key);
    entry.pos = pos;
    return entry;
  }

  RenderEnv& env_;
  std::vector<TabEntry> entries_;
};

std::string render_tabs(const ComponentCall& call, RenderEnv& env) {
  TabCollector collector(env);
  for (const ComponentChild& child : call.children) {
    if (child.slot.empty()) {
      if (child.name == "TabItem") collector.add_tab_item(child);
      continue;  // other unslotted children are default content: ignored
    }
    std::optional<SlotName> name = parse_slot_name(child.slot);
    if (!name) {
      env.error(child.pos, "unknown slot `" + child.slot +
                               "` for Tabs; expected tab.KEY or panel.KEY (or use TabItem)");
      continue;
    }
    auto joined = call.slots.find(child.slot);
    collector.add_slot(child, *name, joined != call.slots.end() ? joined->second : child.html);
  }
  TabGroup group = collector.finish();
  if (group.tabs.empty()) {
    env.error(call.pos, "Tabs has no tabs; give it TabItem children or tab.KEY/panel.KEY slots");
    return "";
  }
  group.accessible_name = env.ui("tabs.generic");
  if (call.props != nullptr) group.sync_group = call.props->text("sharedStore");
  return render_tab_group(group, env);
}

ComponentSpec tabs_spec() {
  ComponentSpec spec;
  spec.name = "Tabs";
  spec.path = "tabs/Tabs";
  // No slots declared: tab.KEY / panel.KEY take any KEY and are checked
  // when rendering.
  spec.child_components = {"TabItem"};
  spec.render = render_tabs;
  spec.css = component_asset(kTabsStylesheet);
  spec.js = component_asset(kTabsScript);
  spec.head_script = component_asset(kTabsHeadScript);
  return spec;
}

}  // namespace

static ComponentRegistration registration(tabs_spec());

}  // namespace skiff
