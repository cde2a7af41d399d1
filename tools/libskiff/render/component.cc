#include "render/component.h"

#include <utility>

namespace skiff {

ComponentRegistry& ComponentRegistry::builtins() {
  // A function-local static: safe to use from other static initialisers.
  static ComponentRegistry registry;
  return registry;
}

void ComponentRegistry::add(ComponentSpec spec) { specs_.push_back(std::move(spec)); }

const ComponentSpec* ComponentRegistry::find_by_path(std::string_view path) const {
  for (const ComponentSpec& spec : specs_) {
    if (spec.path == path) return &spec;
  }
  return nullptr;
}

const ComponentSpec* ComponentRegistry::find_by_name(std::string_view name) const {
  for (const ComponentSpec& spec : specs_) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

}  // namespace skiff
