#define BOOST_TEST_MODULE link_target
#include <boost/test/unit_test.hpp>

#include "lint/link_target.h"

using namespace skiff;
using Kind = LinkTarget::Kind;

namespace {

SiteConfig config(std::string base = "/") {
  SiteConfig c;
  c.url = "https://docs.example";
  c.base = std::move(base);
  c.locales = {"en", "es"};
  return c;
}

}  // namespace

BOOST_AUTO_TEST_CASE(external_script_and_same_page) {
  BOOST_TEST((resolve_link("https://other.example/x", "en/a/", config()).kind == Kind::External));
  BOOST_TEST((resolve_link("mailto:a@b.c", "en/a/", config()).kind == Kind::External));
  BOOST_TEST((resolve_link("//cdn.example/x.js", "en/a/", config()).kind == Kind::External));
  BOOST_TEST((resolve_link("JavaScript:alert(1)", "en/a/", config()).kind == Kind::Script));
  BOOST_TEST((resolve_link("vbscript:msgbox", "en/a/", config()).kind == Kind::Script));
  BOOST_TEST((resolve_link("data:text/html,x", "en/a/", config()).kind == Kind::Script));
  BOOST_TEST((resolve_link("data:image/svg+xml,<svg/>", "en/a/", config()).kind == Kind::Script));
  BOOST_TEST((resolve_link("data:image/png;base64,AA", "en/a/", config()).kind == Kind::DataImage));
  BOOST_TEST((resolve_link("file:///etc/passwd", "en/a/", config()).kind == Kind::LocalFile));
  LinkTarget same = resolve_link("#why-nanostores", "en/a/", config());
  BOOST_TEST((same.kind == Kind::SamePage));
  BOOST_TEST(same.fragment == "why-nanostores");
}

// Browsers skip leading spaces and control characters and drop tabs and
// line ends before reading the scheme: these run script too. Before, they
// were taken as relative paths ("not a page or file of this site").
BOOST_AUTO_TEST_CASE(script_urls_as_browsers_read_them) {
  for (const char* url : {"  JaVaScRiPt:alert(10)", "\tjavascript:x", "java\tscript:x", "\x01 vbscript:x",
                          " DATA:text/html,x"}) {
    LinkTarget t = resolve_link(url, "en/a/", config());
    BOOST_TEST((t.kind == Kind::Script), url);
  }
  BOOST_TEST(resolve_link("  JaVaScRiPt:alert(10)", "en/a/", config()).scheme == "javascript");
  BOOST_TEST(resolve_link(" DATA:text/html,x", "en/a/", config()).scheme == "data");
}

BOOST_AUTO_TEST_CASE(file_urls) {
  BOOST_TEST((resolve_link("file:///etc/passwd", "en/a/", config()).kind == Kind::LocalFile));
  BOOST_TEST((resolve_link(" FILE://server/share", "en/a/", config()).kind == Kind::LocalFile));
  // A path that merely contains "file:" later is still a path.
  BOOST_TEST((resolve_link("./file:x", "en/a/", config()).kind == Kind::SitePath));
}

BOOST_AUTO_TEST_CASE(site_paths_absolute_relative_and_with_base) {
  LinkTarget t = resolve_link("/en/guides/x/#a%20b", "en/a/", config());
  BOOST_TEST((t.kind == Kind::SitePath));
  BOOST_TEST(t.path == "en/guides/x/");
  BOOST_TEST(t.fragment == "a b");
  BOOST_TEST(resolve_link("../b/?q=1", "en/guides/a/", config()).path == "en/guides/b/");
  BOOST_TEST(resolve_link("img.png", "en/guides/a/", config()).path == "en/guides/a/img.png");
  BOOST_TEST(resolve_link("/docs/en/x/", "en/a/", config("/docs/")).path == "en/x/");
  BOOST_TEST(resolve_link("/en/x/", "en/a/", config("/docs/")).path == "en/x/");
}

BOOST_AUTO_TEST_CASE(climbing_out_is_caught_also_when_encoded) {
  BOOST_TEST((resolve_link("../../../../etc/passwd", "en/a/", config()).kind == Kind::Escapes));
  BOOST_TEST((resolve_link("%2e%2e/%2E%2E/%2e%2e/x", "en/a/", config()).kind == Kind::Escapes));
  BOOST_TEST((resolve_link("/../x", "en/a/", config()).kind == Kind::Escapes));
}

BOOST_AUTO_TEST_CASE(an_encoded_slash_is_not_a_separator) {
  LinkTarget t = resolve_link("/en/a%2Fb/", "en/x/", config());
  BOOST_TEST((t.kind == Kind::SitePath));
  BOOST_TEST(t.path == "en/a%2Fb/");
  BOOST_TEST(resolve_link("/en/caf%C3%A9/", "en/x/", config()).path == "en/caf\xC3\xA9/");
  // Climbing with an encoded slash does not climb.
  BOOST_TEST((resolve_link("..%2F..%2F..%2Fetc", "en/x/", config()).kind == Kind::SitePath));
}

BOOST_AUTO_TEST_CASE(own_domain_is_a_site_path) {
  LinkTarget t = resolve_link("https://DOCS.example/en/x/#y", "en/a/", config());
  BOOST_TEST((t.kind == Kind::SitePath));
  BOOST_TEST(t.own_domain);
  BOOST_TEST(t.path == "en/x/");
  BOOST_TEST(!resolve_link("https://docs.example.evil/en/x/", "en/a/", config()).own_domain);
  LinkTarget relative = resolve_link("//docs.example/en/x/", "en/a/", config());
  BOOST_TEST(relative.own_domain);
  BOOST_TEST(relative.path == "en/x/");
  BOOST_TEST((resolve_link("//other.example/en/x/", "en/a/", config()).kind == Kind::External));
  BOOST_TEST((resolve_link("ftp://docs.example/en/x/", "en/a/", config()).kind == Kind::External));
}

BOOST_AUTO_TEST_CASE(site_urls_pages_files_and_near_misses) {
  SiteUrls urls;
  urls.add_page("en", "guides/x", 0, false);
  urls.add_page("en", "", 1, false);
  urls.add_page("es", "guides/x", 0, true);
  urls.add_file("img/a.png");
  BOOST_TEST(urls.page("en/guides/x/") != nullptr);
  BOOST_TEST(urls.page("en/guides/x/index.html") != nullptr);
  BOOST_TEST(urls.page("es/guides/x/")->fallback);
  BOOST_TEST(urls.page("en/") != nullptr);
  BOOST_TEST(urls.page("en/guides/x") == nullptr);
  BOOST_TEST(urls.file("img/a.png"));
  BOOST_TEST(urls.near_miss("en/Guides/X").value_or("") == "en/guides/x/");
  BOOST_TEST(urls.near_miss("IMG/a.png").value_or("") == "img/a.png");
  BOOST_TEST(!urls.near_miss("en/guides/x/"));
  BOOST_TEST(!urls.near_miss("en/other/"));
}
