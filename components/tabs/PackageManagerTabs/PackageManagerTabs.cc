// <PackageManagerTabs>: one tab per package manager (npm, pnpm, yarn),
// synced across the page and remembered.
#include "tabs/fixed_slot_tabs.h"

namespace skiff {

static ComponentRegistration registration(fixed_slot_tabs_spec({
    .name = "PackageManagerTabs",
    .path = "tabs/PackageManagerTabs",
    .slots = {{"npm", "npm"}, {"pnpm", "pnpm"}, {"yarn", "yarn"}},
    .ui_name = "tabs.packageManagers",
    .sync_group = "package-manager",
}));

}  // namespace skiff
