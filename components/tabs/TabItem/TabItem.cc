// <TabItem label="...">: one tab of <Tabs>. Tabs reads its TabItem children
// directly (label from the props, panel from the content), so this renderer
// only runs for a TabItem outside Tabs, which is a mistake.
#include "render/component.h"

namespace skiff {
namespace {

ComponentSpec tab_item_spec() {
  ComponentSpec spec;
  spec.name = "TabItem";
  spec.path = "tabs/TabItem";
  spec.render = [](const ComponentCall& call, RenderEnv& env) {
    env.error(call.pos, "TabItem must be a child of Tabs");
    return call.default_html;
  };
  return spec;
}

}  // namespace

static ComponentRegistration registration(tab_item_spec());

}  // namespace skiff
