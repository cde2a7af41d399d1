#include "lint/link_target.h"

#include <cctype>
#include <vector>

#include "base/url_scheme.h"

namespace skiff {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "%2e%2E" → "..": links are compared as the server will see them.
// `%XX` escapes decoded. In a path (`path`), `%2F` stays as written: it is
// a character of a segment, not a separator (servers do not split on it).
std::string percent_decode(std::string_view s, bool path = false) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      char c = static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      if (path && c == '/') {
        out += s.substr(i, 3);
      } else {
        out += c;
      }
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Normalises "a/./b/../c" segment by segment; false if ".." climbs above
// the root. A trailing '/' is kept.
bool normalise(std::string_view path, std::string& out) {
  std::vector<std::string> segments;
  std::size_t at = 0;
  while (at <= path.size()) {
    std::size_t end = path.find('/', at);
    if (end == std::string_view::npos) end = path.size();
    std::string_view segment = path.substr(at, end - at);
    if (segment == "..") {
      if (segments.empty()) return false;
      segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.emplace_back(segment);
    }
    at = end + 1;
  }
  out.clear();
  for (const std::string& s : segments) {
    if (!out.empty()) out += '/';
    out += s;
  }
  bool trailing = !path.empty() && (path.back() == '/' || path.ends_with("/.") || path.ends_with("/.."));
  if (trailing && !out.empty()) out += '/';
  return true;
}

std::string folded(std::string_view path) {
  std::string out = lower(path);
  while (!out.empty() && out.back() == '/') out.pop_back();
  return out;
}

}  // namespace

LinkTarget resolve_link(std::string_view url, std::string_view page_path, const SiteConfig& config) {
  LinkTarget target;
  target.scheme = url_scheme(url);
  const std::string& scheme = target.scheme;
  switch (url_kind(url)) {
    case UrlKind::kScript:
      target.kind = LinkTarget::Kind::Script;
      return target;
    case UrlKind::kDataImage:
      target.kind = LinkTarget::Kind::DataImage;
      return target;
    case UrlKind::kLocalFile:
      target.kind = LinkTarget::Kind::LocalFile;
      return target;
    case UrlKind::kOther:
      break;
  }
  std::string_view rest = url;
  if (!scheme.empty() || url.starts_with("//")) {
    // The site's own domain written out (also scheme-relative, `//host/…`):
    // checked like a site path.
    std::string own = config.url;
    bool web = scheme == "http" || scheme == "https" || (scheme.empty() && url.starts_with("//"));
    if (own.empty() || !web) return target;
    std::string_view after_scheme = url.substr(url.find("//") == std::string_view::npos ? 0 : url.find("//") + 2);
    std::string_view own_host = std::string_view(own).substr(own.find("//") == std::string::npos ? 0 : own.find("//") + 2);
    if (lower(after_scheme.substr(0, own_host.size())) != lower(own_host)) return target;
    std::string_view tail = after_scheme.substr(own_host.size());
    if (!tail.empty() && tail[0] != '/' && tail[0] != '#' && tail[0] != '?') return target;  // another host
    target.own_domain = true;
    rest = tail.empty() ? std::string_view("/") : tail;
  }

  std::size_t hash = rest.find('#');
  if (hash != std::string_view::npos) {
    target.fragment = percent_decode(rest.substr(hash + 1));
    rest = rest.substr(0, hash);
  }
  std::size_t query = rest.find('?');
  if (query != std::string_view::npos) rest = rest.substr(0, query);
  if (rest.empty()) {
    target.kind = LinkTarget::Kind::SamePage;
    return target;
  }
  std::string decoded = percent_decode(rest, /*path=*/true);
  std::string joined;
  if (decoded[0] == '/') {
    // Site-absolute: the base path in front is optional in the source.
    std::string_view base = config.base;
    std::string_view path = decoded;
    if (base.size() > 1 && (path.starts_with(base) || path == base.substr(0, base.size() - 1))) {
      path = path.substr(std::min(path.size(), base.size()));
    } else {
      path = path.substr(1);
    }
    joined = std::string(path);
    if (decoded.back() == '/' && !joined.empty() && joined.back() != '/') joined += '/';
  } else {
    // Relative to the page's folder (pages are served as folders: en/x/).
    std::string_view dir = page_path.substr(0, page_path.rfind('/') + 1);
    joined = std::string(dir) + decoded;
  }
  std::string normal;
  if (!normalise(joined, normal)) {
    target.kind = LinkTarget::Kind::Escapes;
    return target;
  }
  target.kind = LinkTarget::Kind::SitePath;
  target.path = normal;
  return target;
}

void SiteUrls::add_page(const std::string& locale, const std::string& slug, int source, bool fallback) {
  std::string path = slug.empty() ? locale + "/" : locale + "/" + slug + "/";
  folded_[folded(path)] = path;
  pages_[path] = Page{locale, slug, source, fallback};
}

void SiteUrls::add_file(const std::string& path) {
  folded_.emplace(folded(path), path);
  files_.insert(path);
}

const SiteUrls::Page* SiteUrls::page(std::string_view path) const {
  std::string key(path);
  if (key.ends_with("index.html")) key.resize(key.size() - 10);
  auto it = pages_.find(key);
  return it == pages_.end() ? nullptr : &it->second;
}

bool SiteUrls::file(std::string_view path) const { return files_.count(std::string(path)) > 0; }

std::optional<std::string> SiteUrls::near_miss(std::string_view path) const {
  auto it = folded_.find(folded(path));
  if (it == folded_.end() || it->second == path) return std::nullopt;
  return it->second;
}

}  // namespace skiff
