#include "render/site_component.h"

#include <variant>

#include "base/disk.h"
#include "base/source_text.h"

namespace skiff {

SiteComponents SiteComponents::load(const std::filesystem::path& site_root, Diagnostics& diagnostics,
                                    Diagnostics& file_problems) {
  SiteComponents components;
  std::filesystem::path root = site_root / "components";
  for (const std::string& rel : list_site_files(site_root, "components", file_problems)) {
    if (rel.size() < 6 || rel.compare(rel.size() - 5, 5, ".html") != 0) continue;
    std::string display = "components/" + rel;
    std::string error;
    auto bytes = read_file(root / rel, error);
    if (!bytes) {
      file_problems.error(display, {}, error);
      continue;
    }
    auto compiled = HtmlTemplate::compile(SourceText(display, std::move(*bytes)));
    if (auto* d = std::get_if<Diagnostic>(&compiled)) {
      diagnostics.add(*d);
      // Pages using it get an empty stand-in: the error above fails the
      // build, and "cannot resolve" on every page would bury it.
      components.add({rel.substr(0, rel.size() - 5), HtmlTemplate()});
      continue;
    }
    components.add({rel.substr(0, rel.size() - 5), std::get<HtmlTemplate>(std::move(compiled))});
  }
  return components;
}

void SiteComponents::add(SiteComponent component) {
  std::string key = component.path;
  by_path_.insert_or_assign(std::move(key), std::move(component));
}

const SiteComponent* SiteComponents::find(std::string_view path) const {
  auto it = by_path_.find(path);
  return it == by_path_.end() ? nullptr : &it->second;
}

std::string render_site_component(const SiteComponent& component, const ComponentCall& call, bool safe,
                                  std::vector<ScriptUrl>* script_urls) {
  TemplateValues values;
  values.text = [&](std::string_view name) -> std::optional<std::string> {
    constexpr std::string_view prefix = "props.";
    if (name.substr(0, prefix.size()) != prefix) return std::nullopt;
    const Prop* prop = call.props->find(name.substr(prefix.size()));
    if (prop == nullptr) return std::nullopt;
    return prop->value.to_text();
  };
  values.slot = [&](std::string_view name) -> std::optional<std::string> {
    if (name == "default") return call.default_html;
    auto it = call.slots.find(name);
    if (it == call.slots.end()) return std::nullopt;
    return it->second;
  };
  TemplateUrls urls;
  urls.safe = safe;
  if (script_urls != nullptr) {
    urls.seen = [&](std::string_view, std::string_view first_name, std::string_view url) {
      if (!is_script_url(url)) return;
      constexpr std::string_view prefix = "props.";
      const Prop* prop = first_name.starts_with(prefix) ? call.props->find(first_name.substr(prefix.size())) : nullptr;
      script_urls->push_back({std::string(url), prop != nullptr ? prop->pos : call.pos});
    };
  }
  // Templates are files: the line ends around their markup are not part of
  // the component, and would split an inline use from its sentence.
  std::string html = component.page_template.render(values, urls);
  std::size_t begin = html.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return {};
  std::size_t end = html.find_last_not_of(" \t\r\n");
  return html.substr(begin, end - begin + 1);
}

}  // namespace skiff
