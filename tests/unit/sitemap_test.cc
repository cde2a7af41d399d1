#define BOOST_TEST_MODULE sitemap
#include <boost/test/unit_test.hpp>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <vector>

#include "build/sitemap.h"

using skiff::SitemapAlternate;
using skiff::SitemapEntry;
using skiff::write_sitemap;

namespace {

constexpr const char* kSitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
constexpr const char* kXhtmlNs = "http://www.w3.org/1999/xhtml";

struct DocFree {
  void operator()(xmlDocPtr d) const { xmlFreeDoc(d); }
};
using Doc = std::unique_ptr<xmlDoc, DocFree>;

// Parses with libxml2 in strict mode (no network, no recovery); null on any
// well-formedness error.
Doc parse(const std::string& xml) {
  return Doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "sitemap.xml", nullptr,
                           XML_PARSE_NONET | XML_PARSE_NOBLANKS));
}

std::string str(const xmlChar* s) { return s ? reinterpret_cast<const char*>(s) : ""; }

std::string owned(xmlChar* s) {
  std::string out = str(s);
  xmlFree(s);
  return out;
}

std::string attr(xmlNodePtr node, const char* name) {
  return owned(xmlGetProp(node, reinterpret_cast<const xmlChar*>(name)));
}

std::string ns_of(xmlNodePtr node) { return node->ns ? str(node->ns->href) : ""; }

bool named(xmlNodePtr node, const char* name) {
  return node->type == XML_ELEMENT_NODE && str(node->name) == name;
}

// Element children only.
std::vector<xmlNodePtr> children(xmlNodePtr node) {
  std::vector<xmlNodePtr> out;
  for (xmlNodePtr c = node->children; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) out.push_back(c);
  }
  return out;
}

// The document read back into the writer's own structs, checking element
// names, namespaces and the fixed rel="alternate" along the way.
std::vector<SitemapEntry> read_back(const std::string& xml) {
  std::vector<SitemapEntry> entries;
  Doc doc = parse(xml);
  BOOST_TEST_REQUIRE(doc != nullptr);
  xmlNodePtr root = xmlDocGetRootElement(doc.get());
  BOOST_TEST_REQUIRE(named(root, "urlset"));
  BOOST_TEST(ns_of(root) == kSitemapNs);
  for (xmlNodePtr url : children(root)) {
    BOOST_TEST_REQUIRE(named(url, "url"));
    BOOST_TEST(ns_of(url) == kSitemapNs);
    const std::vector<xmlNodePtr> parts = children(url);
    BOOST_TEST_REQUIRE(!parts.empty());
    BOOST_TEST_REQUIRE(named(parts[0], "loc"));
    BOOST_TEST(ns_of(parts[0]) == kSitemapNs);
    SitemapEntry entry{owned(xmlNodeGetContent(parts[0])), {}};
    for (size_t i = 1; i < parts.size(); ++i) {
      BOOST_TEST_REQUIRE(named(parts[i], "link"));
      BOOST_TEST(ns_of(parts[i]) == kXhtmlNs);
      BOOST_TEST(attr(parts[i], "rel") == "alternate");
      entry.alternates.push_back({attr(parts[i], "hreflang"), attr(parts[i], "href")});
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

void check_same(const std::vector<SitemapEntry>& got, const std::vector<SitemapEntry>& want) {
  BOOST_TEST_REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    BOOST_TEST(got[i].loc == want[i].loc);
    BOOST_TEST_REQUIRE(got[i].alternates.size() == want[i].alternates.size());
    for (size_t j = 0; j < got[i].alternates.size(); ++j) {
      BOOST_TEST(got[i].alternates[j].hreflang == want[i].alternates[j].hreflang);
      BOOST_TEST(got[i].alternates[j].href == want[i].alternates[j].href);
    }
  }
}

const std::vector<SitemapEntry>& multilingual_site() {
  static const std::vector<SitemapEntry> entries{
      {"https://docs.example.com/guides/intro/",
       {{"en", "https://docs.example.com/guides/intro/"},
        {"es", "https://docs.example.com/es/guides/intro/"},
        {"zh-cn", "https://docs.example.com/zh-cn/guides/intro/"},
        {"x-default", "https://docs.example.com/guides/intro/"}}},
      {"https://docs.example.com/es/guides/intro/",
       {{"en", "https://docs.example.com/guides/intro/"},
        {"es", "https://docs.example.com/es/guides/intro/"},
        {"zh-cn", "https://docs.example.com/zh-cn/guides/intro/"},
        {"x-default", "https://docs.example.com/guides/intro/"}}},
      {"https://docs.example.com/changelog/", {}},
  };
  return entries;
}

}  // namespace

BOOST_AUTO_TEST_CASE(exact_layout_of_a_small_sitemap) {
  const std::string xml = write_sitemap({
      {"https://example.com/", {{"en", "https://example.com/"}, {"fr", "https://example.com/fr/"}}},
      {"https://example.com/about/", {}},
  });
  const std::string want =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
      "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
      "  <url>\n"
      "    <loc>https://example.com/</loc>\n"
      "    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.com/\"/>\n"
      "    <xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"https://example.com/fr/\"/>\n"
      "  </url>\n"
      "  <url>\n"
      "    <loc>https://example.com/about/</loc>\n"
      "  </url>\n"
      "</urlset>\n";
  BOOST_TEST(xml == want);
}

BOOST_AUTO_TEST_CASE(multilingual_site_round_trips) {
  const std::string xml = write_sitemap(multilingual_site());
  check_same(read_back(xml), multilingual_site());
}

BOOST_AUTO_TEST_CASE(output_is_deterministic) {
  BOOST_TEST(write_sitemap(multilingual_site()) == write_sitemap(multilingual_site()));
}

BOOST_AUTO_TEST_CASE(empty_sitemap_is_a_valid_urlset) {
  const std::string xml = write_sitemap({});
  BOOST_TEST(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0) == 0);
  Doc doc = parse(xml);
  BOOST_TEST_REQUIRE(doc != nullptr);
  xmlNodePtr root = xmlDocGetRootElement(doc.get());
  BOOST_TEST(named(root, "urlset"));
  BOOST_TEST(ns_of(root) == kSitemapNs);
  BOOST_TEST(children(root).empty());
}

BOOST_AUTO_TEST_CASE(ampersands_are_escaped_in_loc_and_href) {
  const std::vector<SitemapEntry> entries{
      {"https://example.com/search?q=a&lang=en",
       {{"de", "https://example.com/de/search?q=a&lang=de&x=1"}}}};
  const std::string xml = write_sitemap(entries);
  BOOST_TEST(xml.find("<loc>https://example.com/search?q=a&amp;lang=en</loc>") !=
             std::string::npos);
  BOOST_TEST(xml.find("href=\"https://example.com/de/search?q=a&amp;lang=de&amp;x=1\"") !=
             std::string::npos);
  BOOST_TEST(xml.find("&lang") == std::string::npos);  // no bare ampersand
  check_same(read_back(xml), entries);
}

BOOST_AUTO_TEST_CASE(pre_escaped_entities_are_escaped_again) {
  // The writer takes URLs as plain text: "&amp;" means those five characters.
  const std::vector<SitemapEntry> entries{{"https://example.com/?a=1&amp;b=2", {}}};
  const std::string xml = write_sitemap(entries);
  BOOST_TEST(xml.find("?a=1&amp;amp;b=2") != std::string::npos);
  check_same(read_back(xml), entries);
}

BOOST_AUTO_TEST_CASE(apostrophes_stay_and_quotes_are_percent_encoded) {
  const std::vector<SitemapEntry> entries{
      {"https://example.com/\"q\"/'s", {{"en", "https://example.com/\"q\"/'s"}}}};
  const std::vector<SitemapEntry> want{
      {"https://example.com/%22q%22/'s", {{"en", "https://example.com/%22q%22/'s"}}}};
  check_same(read_back(write_sitemap(entries)), want);
}

// The sitemap protocol wants RFC 3986 URLs: every byte outside the URL
// alphabet is percent-encoded, non-ASCII ones as their UTF-8 bytes.
BOOST_AUTO_TEST_CASE(urls_are_percent_encoded) {
  const std::vector<SitemapEntry> entries{
      {"https://example.com/zh-cn/指南/", {{"zh-cn", "https://example.com/zh-cn/指南/"}}},
      {"https://example.com/es/guía/", {{"es", "https://example.com/es/guía/"}}},
      {"https://example.com/en/a b/<x>{y}|^`\\/", {}},
      // An escape stays as it is; a lone '%' is encoded.
      {"https://example.com/en/a%20b/100%/%zz/", {}},
      {"https://example.com/en/-._~:@!$&'()*+,;=/?q#f", {}}};
  const std::vector<SitemapEntry> want{
      {"https://example.com/zh-cn/%E6%8C%87%E5%8D%97/", {{"zh-cn", "https://example.com/zh-cn/%E6%8C%87%E5%8D%97/"}}},
      {"https://example.com/es/gu%C3%ADa/", {{"es", "https://example.com/es/gu%C3%ADa/"}}},
      {"https://example.com/en/a%20b/%3Cx%3E%7By%7D%7C%5E%60%5C/", {}},
      {"https://example.com/en/a%20b/100%25/%25zz/", {}},
      {"https://example.com/en/-._~:@!$&'()*+,;=/?q#f", {}}};
  check_same(read_back(write_sitemap(entries)), want);
}

BOOST_AUTO_TEST_CASE(bad_input_still_gives_well_formed_xml) {
  // Bytes of invalid UTF-8 and control characters are percent-encoded in
  // URLs, so a page named with them is found at its URL; in other values
  // invalid UTF-8 becomes U+FFFD and characters XML cannot hold vanish.
  const std::vector<SitemapEntry> entries{
      {"https://example.com/a\xFF" "b/\x01", {{"e\x02n\xFF", "https://example.com/\xC3"}}},
      // A cut-short emoji is one U+FFFD (its maximal subpart), as browsers
      // decode it; then the 'x'.
      {"https://example.com/c/", {{"f\xF0\x9F\x98x", "https://example.com/c/"}}}};
  const std::vector<SitemapEntry> want{
      {"https://example.com/a%FFb/%01", {{"en\uFFFD", "https://example.com/%C3"}}},
      {"https://example.com/c/", {{"f\uFFFDx", "https://example.com/c/"}}}};
  check_same(read_back(write_sitemap(entries)), want);
}

BOOST_AUTO_TEST_CASE(entry_and_alternate_order_is_kept) {
  std::vector<SitemapEntry> entries;
  for (int i = 0; i < 50; ++i) {
    const std::string n = std::to_string(49 - i);
    entries.push_back({"https://example.com/p" + n + "/",
                       {{"zz", "https://example.com/zz/p" + n + "/"},
                        {"aa", "https://example.com/aa/p" + n + "/"}}});
  }
  check_same(read_back(write_sitemap(entries)), entries);
}
