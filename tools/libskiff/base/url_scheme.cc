#include "base/url_scheme.h"

#include <array>

namespace skiff {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// The first `limit` characters of `url` as a URL parser sees them (see
// url_scheme), lowercase.
std::string browser_head(std::string_view url, std::size_t limit) {
  std::size_t begin = 0;
  while (begin < url.size() && static_cast<unsigned char>(url[begin]) <= 0x20) ++begin;
  std::string head;
  for (std::size_t i = begin; i < url.size() && head.size() < limit; ++i) {
    const char c = url[i];
    if (c != '\t' && c != '\n' && c != '\r') head += lower(c);
  }
  return head;
}

}  // namespace

std::string url_scheme(std::string_view url) {
  const std::string head = browser_head(url, url.size());
  if (head.empty() || !is_alpha(head[0])) return {};
  for (std::size_t i = 1; i < head.size(); ++i) {
    const char c = head[i];
    if (c == ':') return head.substr(0, i);
    const bool scheme_char = is_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (!scheme_char) return {};
  }
  return {};
}

UrlKind url_kind(std::string_view url) {
  // 16 characters settle every case below ("data:image/jpeg" is 15).
  const std::string head = browser_head(url, 16);
  const std::string_view h = head;
  if (h.starts_with("javascript:") || h.starts_with("vbscript:")) return UrlKind::kScript;
  if (h.starts_with("file:")) return UrlKind::kLocalFile;
  if (!h.starts_with("data:")) return UrlKind::kOther;
  static constexpr std::array<std::string_view, 4> kRasterImages = {"data:image/png", "data:image/gif",
                                                                    "data:image/jpeg", "data:image/webp"};
  for (std::string_view image : kRasterImages) {
    if (h.starts_with(image)) return UrlKind::kDataImage;
  }
  return UrlKind::kScript;
}

}  // namespace skiff
