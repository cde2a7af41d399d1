#include "base/html_escape.h"

namespace skiff {

void append_escaped(std::string& out, std::string_view text, bool attribute) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"':
        if (attribute) out += "&quot;"; else out += c;
        break;
      case '\'':
        if (attribute) out += "&#39;"; else out += c;
        break;
      default: out += c;
    }
  }
}

std::string escape_html_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped(out, text, false);
  return out;
}

std::string escape_html_attribute(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped(out, text, true);
  return out;
}

}  // namespace skiff
