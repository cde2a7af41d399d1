#include "base/html_ids.h"

#include <algorithm>
#include <cctype>

#include "base/html_entities.h"

namespace skiff {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

// ASCII case-insensitive `s == lower_word` (`lower_word` is lower case).
// No copies: this runs on every tag and attribute of every page.
bool is_word(std::string_view s, std::string_view lower_word) {
  if (s.size() != lower_word.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower_word[i]) return false;
  }
  return true;
}

// Where the raw text of a <script>/<style> opened at `at` ends: at its
// closing tag, in any letter case, as browsers end it.
std::size_t end_of_raw_text(std::string_view html, std::size_t at, std::string_view tag) {
  for (std::size_t close = at; (close = html.find("</", close)) != std::string_view::npos; close += 2) {
    std::string_view name = html.substr(close + 2, tag.size());
    if (name.size() == tag.size() && std::equal(name.begin(), name.end(), tag.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        })) {
      return close;
    }
  }
  return html.size();
}

// Calls `visit(tag, name, value, value_offset)` for every attribute with a
// value in `html`, in order, skipping comments and raw text.
template <typename Visit>
void for_each_attribute(std::string_view html, Visit&& visit) {
  std::size_t at = 0;
  while ((at = html.find('<', at)) != std::string_view::npos) {
    if (html.compare(at, 4, "<!--") == 0) {
      std::size_t end = html.find("-->", at + 4);
      at = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    std::size_t name_begin = at + 1;
    std::size_t name_end = name_begin;
    while (name_end < html.size() && is_name_char(html[name_end])) ++name_end;
    if (name_end == name_begin) {
      ++at;
      continue;
    }
    std::string_view tag = html.substr(name_begin, name_end - name_begin);
    // Attributes up to the end of the tag.
    std::size_t i = name_end;
    while (i < html.size() && html[i] != '>') {
      while (i < html.size() && (is_space(html[i]) || html[i] == '/')) ++i;
      std::size_t attr_begin = i;
      while (i < html.size() && !is_space(html[i]) && html[i] != '=' && html[i] != '>' && html[i] != '/') ++i;
      std::string_view attr = html.substr(attr_begin, i - attr_begin);
      while (i < html.size() && is_space(html[i])) ++i;
      std::string_view value;
      std::size_t value_offset = i;
      bool has_value = false;
      if (i < html.size() && html[i] == '=') {
        ++i;
        while (i < html.size() && is_space(html[i])) ++i;
        has_value = true;
        if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
          char quote = html[i];
          std::size_t close = html.find(quote, i + 1);
          if (close == std::string_view::npos) close = html.size();
          value = html.substr(i + 1, close - i - 1);
          value_offset = i + 1;
          i = std::min(html.size(), close + 1);
        } else {
          std::size_t begin = i;
          while (i < html.size() && !is_space(html[i]) && html[i] != '>') ++i;
          value = html.substr(begin, i - begin);
          value_offset = begin;
        }
      }
      if (attr.empty() && i < html.size() && html[i] != '>') ++i;  // stray character
      if (has_value && !value.empty()) visit(tag, attr, value, value_offset);
    }
    at = i;
    // Raw text and escapable raw text elements: their content is not markup.
    if (is_word(tag, "script") || is_word(tag, "style") || is_word(tag, "textarea") || is_word(tag, "title")) {
      at = end_of_raw_text(html, at, tag);
    }
  }
}

std::string decoded(std::string_view value) {
  return value.find('&') == std::string_view::npos ? std::string(value) : decode_html_entities(value);
}

}  // namespace

std::set<std::string, std::less<>> html_ids(std::string_view html) {
  std::set<std::string, std::less<>> ids;
  add_html_ids(html, ids);
  return ids;
}

void add_html_ids(std::string_view html, std::set<std::string, std::less<>>& ids) {
  for_each_attribute(html, [&](std::string_view tag, std::string_view attr, std::string_view value, std::size_t) {
    if (is_word(attr, "id") || (is_word(attr, "name") && is_word(tag, "a"))) ids.insert(decoded(value));
  });
}

void for_each_html_link(std::string_view html,
                        const std::function<void(const std::string& url, std::size_t offset, bool asset)>& visit) {
  for_each_attribute(html, [&](std::string_view tag, std::string_view attr, std::string_view value,
                               std::size_t offset) {
    bool link = is_word(attr, "href") && (is_word(tag, "a") || is_word(tag, "area") || is_word(tag, "link"));
    bool asset = (is_word(attr, "src") &&
                  (is_word(tag, "img") || is_word(tag, "source") || is_word(tag, "video") ||
                   is_word(tag, "audio") || is_word(tag, "track") || is_word(tag, "iframe") ||
                   is_word(tag, "embed") || is_word(tag, "script"))) ||
                 (is_word(attr, "poster") && is_word(tag, "video"));
    if (link || asset) visit(decoded(value), offset, asset);
  });
}

}  // namespace skiff
