// What a browser makes of a URL's scheme. One reading for the build's
// --safe filter (render/html_template.cc) and for lint's link checks
// (lint/link_target.cc), so the two cannot disagree on what runs script.
#pragma once

#include <string>
#include <string_view>

namespace skiff {

// The scheme of `url`, lowercase, as a browser's URL parser reads it:
// leading spaces and C0 control characters skipped, tabs and line ends
// ignored anywhere ("  Java\tScript:x" is "javascript"). "" when `url` has
// no scheme (a relative path, "//host/x", "#id").
std::string url_scheme(std::string_view url);

enum class UrlKind {
  kOther,      // http:, mailto:, a path…
  kScript,     // javascript:, vbscript:, and data: other than kDataImage
               // (data:text/html and data:image/svg+xml can hold script)
  kDataImage,  // data:image/png, gif, jpeg or webp: an inline raster image,
               // as cmark's safe mode allows
  kLocalFile,  // file: (a file on the reader's own computer)
};

// The kind of `url`, read as url_scheme reads it (any case).
UrlKind url_kind(std::string_view url);

}  // namespace skiff
