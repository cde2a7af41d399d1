// <Aside type="tip" title="...">, and the `:::note[Custom title]` directive
// (the page renderer calls this component for it, with props `type` and,
// when given, `title`). Types: note (default), tip, caution, danger.
//
//   <aside class="skiff-aside skiff-aside--tip" aria-label="TITLE">
//   <p class="skiff-aside__title" aria-hidden="true">TITLE</p>
//   <div class="skiff-aside__content">CONTENT</div>
//   </aside>
//
// The title is the aside's accessible name (aria-label), so the visible copy
// is hidden from assistive technology rather than read twice.
#include <array>

#include "base/html_escape.h"
#include "render/component.h"

namespace skiff {
namespace {

struct AsideType {
  std::string_view type;
  std::string_view ui_key;         // default title, from the locale's UI strings
  std::string_view english_title;  // if the UI string is missing everywhere
};

constexpr std::array<AsideType, 4> kTypes{{
    {"note", "aside.note", "Note"},
    {"tip", "aside.tip", "Tip"},
    {"caution", "aside.caution", "Caution"},
    {"danger", "aside.danger", "Danger"},
}};

const AsideType* find_type(std::string_view type) {
  for (const AsideType& t : kTypes) {
    if (t.type == type) return &t;
  }
  return nullptr;
}

// The type asked for; an unknown or malformed one is reported and rendered
// as a note, so the content still shows.
const AsideType& resolve_type(const ComponentCall& call, RenderEnv& env) {
  const Prop* prop = call.props != nullptr ? call.props->find("type") : nullptr;
  if (prop == nullptr) return kTypes[0];
  Position pos = prop->pos.line > 0 ? prop->pos : call.pos;
  if (!prop->value.is_string()) {
    env.error(pos, "aside type must be a string: note, tip, caution or danger");
    return kTypes[0];
  }
  const AsideType* type = find_type(prop->value.string());
  if (type == nullptr) {
    env.error(pos, "unknown aside type `" + prop->value.string() +
                       "`; expected note, tip, caution or danger");
    return kTypes[0];
  }
  return *type;
}

std::string render_aside(const ComponentCall& call, RenderEnv& env) {
  const AsideType& type = resolve_type(call, env);
  std::string title = call.props != nullptr ? call.props->text("title") : "";
  if (title.empty()) title = env.ui(type.ui_key);
  if (title.empty()) title = type.english_title;

  std::string out = "<aside class=\"skiff-aside skiff-aside--";
  out += type.type;
  out += "\" aria-label=\"";
  append_escaped(out, title, /*attribute=*/true);
  out += "\">\n<p class=\"skiff-aside__title\" aria-hidden=\"true\">";
  append_escaped(out, title, /*attribute=*/false);
  out += "</p>\n<div class=\"skiff-aside__content\">\n";
  out += call.default_html;
  if (!out.ends_with('\n')) out += '\n';
  out += "</div>\n</aside>\n";
  return out;
}

ComponentSpec aside_spec() {
  ComponentSpec spec;
  spec.name = "Aside";
  spec.path = "Aside";
  spec.render = render_aside;
  spec.css = component_asset("Aside/Aside.css");
  return spec;
}

}  // namespace

static ComponentRegistration registration(aside_spec());

}  // namespace skiff
