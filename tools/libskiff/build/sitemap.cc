#include "build/sitemap.h"

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>

#include <memory>
#include <string>
#include <string_view>

#include "base/utf8.h"

namespace skiff {
namespace {

constexpr const char* kSitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
constexpr const char* kXhtmlNs = "http://www.w3.org/1999/xhtml";

struct BufferFree {
  void operator()(xmlBufferPtr b) const { xmlBufferFree(b); }
};
struct WriterFree {
  void operator()(xmlTextWriterPtr w) const { xmlFreeTextWriter(w); }
};
using Buffer = std::unique_ptr<xmlBuffer, BufferFree>;
using Writer = std::unique_ptr<xmlTextWriter, WriterFree>;

const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

// Characters XML 1.0 cannot carry at all, not even as references: C0
// controls other than tab/LF/CR, and U+FFFE/U+FFFF.
bool forbidden_in_xml(std::string_view seq) {
  if (seq.size() == 1) {
    const auto c = static_cast<unsigned char>(seq[0]);
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
  }
  return seq == "\xEF\xBF\xBE" || seq == "\xEF\xBF\xBF";
}

// `text` made safe for the writer, which copies bytes through unchecked:
// ill-formed UTF-8 becomes U+FFFD and XML-forbidden characters are dropped,
// so the sitemap always parses. Well-formed input comes back unchanged.
std::string xml_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    size_t subpart = 0;
    const size_t len = utf8_sequence_length(text, subpart);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      text.remove_prefix(subpart);
      continue;
    }
    const std::string_view seq = text.substr(0, len);
    if (!forbidden_in_xml(seq)) out += seq;
    text.remove_prefix(len);
  }
  return out;
}

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// `url` with every byte a URL may not hold as it is percent-encoded
// (RFC 3986; the sitemap protocol asks for escaped URLs): non-ASCII bytes,
// so a page named with invalid UTF-8 keeps its exact bytes (%FF), spaces,
// controls, `"<>\^`{|}`, and a `%` that does not start an escape. Bytes a
// URL may hold (letters, digits, `-._~:/?#[]@!$&'()*+,;=`) are kept.
std::string percent_encoded(std::string_view url) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(url.size());
  for (std::size_t i = 0; i < url.size(); ++i) {
    const auto c = static_cast<unsigned char>(url[i]);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      std::string_view("-._~:/?#[]@!$&'()*+,;=").find(static_cast<char>(c)) != std::string_view::npos ||
                      (c == '%' && i + 2 < url.size() && is_hex(url[i + 1]) && is_hex(url[i + 2]));
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// Each writer call returns < 0 on failure (only allocation can fail here);
// `ok` accumulates that so callers check once at the end.
struct Emitter {
  xmlTextWriterPtr w;
  bool ok = true;

  void check(int rc) { ok = ok && rc >= 0; }
  void start(const char* name) { check(xmlTextWriterStartElement(w, x(name))); }
  void end() { check(xmlTextWriterEndElement(w)); }
  void attribute(const char* name, std::string_view value) {
    check(xmlTextWriterWriteAttribute(w, x(name), x(xml_safe(value).c_str())));
  }
  void text_element(const char* name, std::string_view value) {
    check(xmlTextWriterWriteElement(w, x(name), x(xml_safe(value).c_str())));
  }
};

void write_alternate(Emitter& e, const SitemapAlternate& alt) {
  e.start("xhtml:link");
  e.attribute("rel", "alternate");
  e.attribute("hreflang", alt.hreflang);
  e.attribute("href", percent_encoded(alt.href));
  e.end();
}

void write_entry(Emitter& e, const SitemapEntry& entry) {
  e.start("url");
  e.text_element("loc", percent_encoded(entry.loc));
  for (const SitemapAlternate& alt : entry.alternates) write_alternate(e, alt);
  e.end();
}

void write_document(Emitter& e, const std::vector<SitemapEntry>& entries) {
  e.check(xmlTextWriterSetIndent(e.w, 1));
  e.check(xmlTextWriterSetIndentString(e.w, x("  ")));
  e.check(xmlTextWriterStartDocument(e.w, "1.0", "UTF-8", nullptr));
  e.start("urlset");
  e.attribute("xmlns", kSitemapNs);
  e.attribute("xmlns:xhtml", kXhtmlNs);
  for (const SitemapEntry& entry : entries) write_entry(e, entry);
  // Always `<urlset ...></urlset>`, never `<urlset/>`, even when empty.
  e.check(xmlTextWriterFullEndElement(e.w));
  e.check(xmlTextWriterEndDocument(e.w));
}

}  // namespace

// Returns "" only if libxml2 fails to allocate; the output depends on nothing
// but `entries` (no timestamps), so rebuilds are byte-identical.
std::string write_sitemap(const std::vector<SitemapEntry>& entries) {
  // libxml2 wants its globals set up once before any use from threads.
  static const bool initialized = (xmlInitParser(), true);
  (void)initialized;

  Buffer buffer(xmlBufferCreate());
  if (!buffer) return {};
  bool ok = false;
  {
    Writer writer(xmlNewTextWriterMemory(buffer.get(), 0));
    if (!writer) return {};
    Emitter e{writer.get()};
    write_document(e, entries);
    ok = e.ok;
  }  // freeing the writer flushes everything into `buffer`
  if (!ok) return {};
  const xmlChar* content = xmlBufferContent(buffer.get());
  return std::string(reinterpret_cast<const char*>(content),
                     static_cast<size_t>(xmlBufferLength(buffer.get())));
}

}  // namespace skiff
