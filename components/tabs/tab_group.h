// One WAI-ARIA tab group (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/),
// the markup every tab component shares. tabs.js and tabs.css depend on this
// markup; change the three together.
//
//   <div class="skiff-tabs" data-sync="GROUP">          data-sync only if synced
//   <div role="tablist" aria-label="NAME">
//   <button type="button" role="tab" id="ID-tab-KEY" aria-controls="ID-panel-KEY"
//    aria-selected="true" tabindex="0" data-key="KEY">LABEL</button>   first tab
//   ...                                aria-selected="false" tabindex="-1" others
//   </div>
//   <div role="tabpanel" id="ID-panel-KEY" aria-labelledby="ID-tab-KEY"
//    tabindex="0" data-key="KEY">
//   <p class="skiff-tabs__nojs-label">LABEL</p>
//   PANEL
//   </div>
//   ...
//   </div>
//
// No panel carries `hidden`: without JavaScript every panel shows under its
// label and the tablist is hidden by CSS. tabs_prepaint.js (inlined in
// <head>) puts `skiff-js` on <html> and turns remembered or linked choices
// into CSS before the first paint; tabs.js then hides the unselected panels
// itself and marks the group data-ready.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "render/component.h"

namespace skiff {

struct TabGroupTab {
  std::string key;         // plain text, unique in the group, non-empty
  std::string label_html;  // phrasing content (it goes inside a <button>)
  std::string panel_html;
};

struct TabGroup {
  std::vector<TabGroupTab> tabs;  // in display order; the first is selected
  std::string accessible_name;    // plain text, the tablist's aria-label
  // Groups with the same non-empty sync key on a page select the same tab
  // key together, and the choice is remembered (tabs.js). "" = no sync.
  std::string sync_group;
};

// Renders `group` with ids from env.unique_id("tabs"). Keys are escaped;
// in ids, whitespace in a key becomes '-' and ids that would still collide
// get a numeric suffix, so every id on the page is unique.
std::string render_tab_group(const TabGroup& group, RenderEnv& env);

// The stylesheet and client script every tab component ships (names for
// component_asset()).
inline constexpr std::string_view kTabsScript = "tabs/tabs.js";
inline constexpr std::string_view kTabsStylesheet = "tabs/tabs.css";
inline constexpr std::string_view kTabsHeadScript = "tabs/tabs_prepaint.js";

}  // namespace skiff
