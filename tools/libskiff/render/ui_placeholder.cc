#include "render/ui_placeholder.h"

#include "base/html_escape.h"

namespace skiff {
namespace {

constexpr std::string_view kOpen = "\xEE\x80\x82";   // U+E002
constexpr std::string_view kClose = "\xEE\x80\x83";  // U+E003
constexpr std::string_view kTextEnd = "'\xEE\x80\x83";
constexpr std::string_view kAttributeEnd = "&#39;\xEE\x80\x83";

}  // namespace

std::string ui_placeholder(std::string_view key) {
  std::string out(kOpen);
  out += key;
  out += kTextEnd;
  return out;
}

bool has_ui_placeholder_marks(std::string_view text) {
  return text.find(kOpen) != std::string_view::npos || text.find(kClose) != std::string_view::npos;
}

std::optional<std::string> fill_ui_placeholders(std::string_view html,
                                                const std::function<std::string(std::string_view)>& value) {
  std::string out;
  out.reserve(html.size() + html.size() / 16);
  std::size_t at = 0;
  for (std::size_t open; (open = html.find(kOpen, at)) != std::string_view::npos;) {
    out.append(html, at, open - at);
    const std::size_t key_start = open + kOpen.size();
    const std::size_t close = html.find(kClose, key_start);
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view inside = html.substr(open, close + kClose.size() - open);
    bool attribute = false;
    std::string_view key;
    if (inside.ends_with(kAttributeEnd)) {
      attribute = true;
      key = html.substr(key_start, close + kClose.size() - kAttributeEnd.size() - key_start);
    } else if (inside.ends_with(kTextEnd)) {
      key = html.substr(key_start, close + kClose.size() - kTextEnd.size() - key_start);
    } else {
      return std::nullopt;
    }
    append_escaped(out, value(key), attribute);
    at = close + kClose.size();
  }
  out.append(html, at);
  return out;
}

}  // namespace skiff
