#include "base/html_entities.h"

#include <libxml/HTMLparser.h>

#include <cstdlib>

#include "base/utf8.h"

namespace skiff {
namespace {

// The code point of the reference body between `&` and `;`, or -1.
long lookup(std::string_view body) {
  if (body.size() > 1 && body[0] == '#') {
    bool hex = body[1] == 'x' || body[1] == 'X';
    std::string digits(body.substr(hex ? 2 : 1));
    if (digits.empty() || digits.size() > 8) return -1;
    char* end = nullptr;
    long value = std::strtol(digits.c_str(), &end, hex ? 16 : 10);
    return *end == '\0' ? value : -1;
  }
  std::string name(body);
  const htmlEntityDesc* entity = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
  return entity == nullptr ? -1 : static_cast<long>(entity->value);
}

}  // namespace

std::string decode_html_entities(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      std::size_t semi = text.find(';', i + 1);
      if (semi != std::string_view::npos && semi - i <= 33) {
        long cp = lookup(text.substr(i + 1, semi - i - 1));
        if (cp >= 0) {
          append_utf8(out, cp == 0 ? 0xFFFD : static_cast<char32_t>(cp));
          i = semi;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace skiff
