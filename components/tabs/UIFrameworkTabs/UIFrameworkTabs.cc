// <UIFrameworkTabs>: one tab per UI framework, synced across the page and
// remembered, so a reader who picks Vue sees Vue everywhere.
#include "tabs/fixed_slot_tabs.h"

namespace skiff {

static ComponentRegistration registration(fixed_slot_tabs_spec({
    .name = "UIFrameworkTabs",
    .path = "tabs/UIFrameworkTabs",
    .slots = {{"preact", "Preact"},
              {"react", "React"},
              {"solid", "Solid"},
              {"svelte", "Svelte"},
              {"vue", "Vue"}},
    .ui_name = "tabs.frameworks",
    .sync_group = "ui-framework",
}));

}  // namespace skiff
