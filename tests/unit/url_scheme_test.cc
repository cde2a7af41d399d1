#define BOOST_TEST_MODULE url_scheme
#include <boost/test/unit_test.hpp>

#include <string>
#include <utility>

#include "base/url_scheme.h"

using skiff::url_kind;
using skiff::url_scheme;
using skiff::UrlKind;

namespace skiff {
inline std::ostream& boost_test_print_type(std::ostream& out, UrlKind kind) {
  static const char* const kNames[] = {"kOther", "kScript", "kDataImage", "kLocalFile"};
  return out << kNames[static_cast<int>(kind)];
}
}  // namespace skiff

// Browsers skip leading spaces and C0 controls and drop tabs and line ends
// before they read the scheme; case does not matter.
BOOST_AUTO_TEST_CASE(schemes_are_read_as_browsers_read_them) {
  BOOST_TEST(url_scheme("https://a.example/x") == "https");
  BOOST_TEST(url_scheme("MailTo:a@b.c") == "mailto");
  BOOST_TEST(url_scheme("  Java\tScript:x") == "javascript");
  BOOST_TEST(url_scheme("\x01\x1Fjava\nscript:x") == "javascript");
  BOOST_TEST(url_scheme("git+ssh://h/r") == "git+ssh");
  for (const char* none : {"", "/docs/", "./a:b", "#x:y", "//cdn.example/x", "1abc:x", "a b:c", "plain"}) {
    BOOST_TEST(url_scheme(none).empty(), none);
  }
}

BOOST_AUTO_TEST_CASE(kinds) {
  const std::pair<const char*, UrlKind> cases[] = {
      {"javascript:alert(1)", UrlKind::kScript},
      {" JAVA\tSCRIPT:x", UrlKind::kScript},
      {"vbscript:msgbox", UrlKind::kScript},
      {"data:text/html,<script>", UrlKind::kScript},
      {"data:image/svg+xml,<svg onload=x>", UrlKind::kScript},
      {"data:,plain", UrlKind::kScript},
      {"data:image/png;base64,AA==", UrlKind::kDataImage},
      {"DATA:Image/GIF;base64,R0", UrlKind::kDataImage},
      {"data:image/jpeg,x", UrlKind::kDataImage},
      {"\tdata:image/webp,x", UrlKind::kDataImage},
      {"file:///etc/passwd", UrlKind::kLocalFile},
      {"FILE:c:/x", UrlKind::kLocalFile},
      {"https://a.example/javascript:x", UrlKind::kOther},
      {"./javascript:x", UrlKind::kOther},
      {"#javascript:x", UrlKind::kOther},
      {"/data:image/png", UrlKind::kOther},
      {"", UrlKind::kOther},
  };
  for (const auto& [url, kind] : cases) BOOST_TEST(url_kind(url) == kind, url);
}
