// <JavascriptFlavorTabs>: JavaScript and TypeScript versions of an example,
// synced across the page and remembered.
#include "tabs/fixed_slot_tabs.h"

namespace skiff {

static ComponentRegistration registration(fixed_slot_tabs_spec({
    .name = "JavascriptFlavorTabs",
    .path = "tabs/JavascriptFlavorTabs",
    .slots = {{"js", "JavaScript"}, {"ts", "TypeScript"}},
    .ui_name = "tabs.jsFlavors",
    .sync_group = "js-flavor",
}));

}  // namespace skiff
