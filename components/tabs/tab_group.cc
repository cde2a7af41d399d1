#include "tabs/tab_group.h"

#include <set>

#include "base/html_escape.h"

namespace skiff {
namespace {

bool is_html_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// The part of an element id that stands for `key`. HTML ids may hold any
// character but whitespace; escaping for the attribute happens on output.
std::string id_fragment(const std::string& key, std::set<std::string>& used) {
  std::string fragment = key;
  for (char& c : fragment) {
    if (is_html_space(c)) c = '-';
  }
  std::string unique = fragment;
  for (int n = 2; !used.insert(unique).second; ++n) {
    unique = fragment + '-' + std::to_string(n);
  }
  return unique;
}

void append_attribute(std::string& out, std::string_view name, std::string_view value) {
  out += ' ';
  out += name;
  out += "=\"";
  append_escaped(out, value, /*attribute=*/true);
  out += '"';
}

}  // namespace

std::string render_tab_group(const TabGroup& group, RenderEnv& env) {
  const std::string base = env.unique_id("tabs");
  std::set<std::string> used;
  std::vector<std::string> tab_ids, panel_ids;
  for (const TabGroupTab& tab : group.tabs) {
    std::string fragment = id_fragment(tab.key, used);
    tab_ids.push_back(base + "-tab-" + fragment);
    panel_ids.push_back(base + "-panel-" + fragment);
  }

  std::string out = "<div class=\"skiff-tabs\"";
  if (!group.sync_group.empty()) append_attribute(out, "data-sync", group.sync_group);
  out += ">\n<div role=\"tablist\"";
  append_attribute(out, "aria-label", group.accessible_name);
  out += ">\n";
  for (std::size_t i = 0; i < group.tabs.size(); ++i) {
    const bool selected = i == 0;
    out += "<button type=\"button\" role=\"tab\"";
    append_attribute(out, "id", tab_ids[i]);
    append_attribute(out, "aria-controls", panel_ids[i]);
    append_attribute(out, "aria-selected", selected ? "true" : "false");
    append_attribute(out, "tabindex", selected ? "0" : "-1");
    append_attribute(out, "data-key", group.tabs[i].key);
    out += '>';
    out += group.tabs[i].label_html;
    out += "</button>\n";
  }
  out += "</div>\n";
  for (std::size_t i = 0; i < group.tabs.size(); ++i) {
    out += "<div role=\"tabpanel\"";
    append_attribute(out, "id", panel_ids[i]);
    append_attribute(out, "aria-labelledby", tab_ids[i]);
    append_attribute(out, "tabindex", "0");
    append_attribute(out, "data-key", group.tabs[i].key);
    out += ">\n<p class=\"skiff-tabs__nojs-label\">";
    out += group.tabs[i].label_html;
    out += "</p>\n";
    out += group.tabs[i].panel_html;
    if (!out.ends_with('\n')) out += '\n';
    out += "</div>\n";
  }
  out += "</div>\n";
  return out;
}

}  // namespace skiff
