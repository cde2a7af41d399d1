#include "lint/page_ids.h"

#include <cctype>

#include "base/html_entities.h"

namespace skiff {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::set<std::string, std::less<>> html_ids(std::string_view html) {
  std::set<std::string, std::less<>> ids;
  std::size_t at = 0;
  while ((at = html.find('<', at)) != std::string_view::npos) {
    if (html.compare(at, 4, "<!--") == 0) {
      std::size_t end = html.find("-->", at + 4);
      at = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    std::size_t name_begin = at + 1;
    std::size_t name_end = name_begin;
    while (name_end < html.size() && (std::isalnum(static_cast<unsigned char>(html[name_end])) || html[name_end] == '-')) {
      ++name_end;
    }
    if (name_end == name_begin) {
      ++at;
      continue;
    }
    std::string tag = lower(html.substr(name_begin, name_end - name_begin));
    // Attributes up to the end of the tag.
    std::size_t i = name_end;
    while (i < html.size() && html[i] != '>') {
      while (i < html.size() && (is_space(html[i]) || html[i] == '/')) ++i;
      std::size_t attr_begin = i;
      while (i < html.size() && !is_space(html[i]) && html[i] != '=' && html[i] != '>' && html[i] != '/') ++i;
      std::string attr = lower(html.substr(attr_begin, i - attr_begin));
      while (i < html.size() && is_space(html[i])) ++i;
      std::string value;
      bool has_value = false;
      if (i < html.size() && html[i] == '=') {
        ++i;
        while (i < html.size() && is_space(html[i])) ++i;
        has_value = true;
        if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
          char quote = html[i];
          std::size_t close = html.find(quote, i + 1);
          if (close == std::string_view::npos) close = html.size();
          value = std::string(html.substr(i + 1, close - i - 1));
          i = std::min(html.size(), close + 1);
        } else {
          std::size_t begin = i;
          while (i < html.size() && !is_space(html[i]) && html[i] != '>') ++i;
          value = std::string(html.substr(begin, i - begin));
        }
      }
      if (attr.empty() && i < html.size() && html[i] != '>') ++i;  // stray character
      if (has_value && !value.empty() && (attr == "id" || (attr == "name" && tag == "a"))) {
        ids.insert(decode_html_entities(value));
      }
    }
    at = i;
    // Raw text elements: their content is not markup.
    if (tag == "script" || tag == "style") {
      std::size_t close = html.find("</" + tag, at);
      at = close == std::string_view::npos ? html.size() : close;
    }
  }
  return ids;
}

}  // namespace skiff
