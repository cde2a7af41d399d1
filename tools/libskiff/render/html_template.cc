#include "render/html_template.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <utility>

#include <pugixml.hpp>

#include "base/html_escape.h"
#include "base/url_scheme.h"

namespace skiff {

// The compiled form: a flat program over a pool of literal HTML. Segments
// never refer back to pugixml, so rendering is a loop over `segments`.
struct HtmlTemplate::Compiled {
  struct Segment {
    enum class Kind : std::uint8_t {
      Literal,  // append literals[a, a + b)
      Text,     // append text value text_names[a], escaped (for an attribute if `attribute`)
      Slot,     // slot slot_names[a] known: append it raw and go to b; else fall through
                // into the fallback segments, which end at b
      If,       // go to b unless text value text_names[a] is truthy
      IfNot,    // go to b if text value text_names[a] is truthy
      UrlStart,  // a watched URL attribute's value starts (url_attributes[a])
      UrlEnd,    // and ends; text_names[a] is the first value in it
    };
    Kind kind = Kind::Literal;
    bool attribute = false;
    std::uint32_t a = 0;
    std::uint32_t b = 0;
  };

  std::string literals;
  std::vector<Segment> segments;
  std::vector<std::string> text_names;
  std::vector<std::string> slot_names;
  std::vector<std::string> url_attributes;
  // Size of the last page rendered, so the next render reserves once. Only a
  // hint: relaxed loads and stores from concurrent renders are fine.
  mutable std::atomic<std::size_t> size_hint{0};
};

namespace {

using Segment = HtmlTemplate::Compiled::Segment;
using Kind = Segment::Kind;

// Templates are small; this keeps segment fields 32-bit with room for the
// literal pool to grow by escaping (at most 6 bytes per source byte).
constexpr std::size_t kMaxTemplateBytes = std::size_t{1} << 28;

// The compiler recurses once per element level, so a template nested tens
// of thousands of levels deep would overflow the stack (a crash, not a
// message). 256 is far beyond real markup (a layout rarely passes 20
// levels) and keeps the worst case a few hundred small frames; it is half
// of the 512 levels at which browsers' HTML parsers stop nesting, leaving
// room for the page and components rendered inside a layout.
constexpr int kMaxTemplateDepth = 256;

constexpr std::array<std::string_view, 14> kVoidElements = {
    "area", "base", "br", "col", "embed", "hr", "img",
    "input", "link", "meta", "param", "source", "track", "wbr"};

bool is_void_element(std::string_view name) {
  return std::find(kVoidElements.begin(), kVoidElements.end(), name) != kVoidElements.end();
}

// Elements whose content HTML does not decode, so it is written unescaped.
bool is_raw_text_element(std::string_view name) { return name == "script" || name == "style"; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Attributes whose value a browser loads or follows as a URL (HTML's
// URL-valued attributes that can run script or leave the site).
bool is_url_attribute(std::string_view name) {
  static constexpr std::array<std::string_view, 10> kUrl = {
      "href", "src", "action", "formaction", "xlink:href", "poster", "cite", "background", "data", "codebase"};
  return std::find(kUrl.begin(), kUrl.end(), name) != kUrl.end();
}

// Undoes append_escaped(…, attribute = true).
std::string unescape_attribute(std::string_view html) {
  std::string out;
  for (std::size_t i = 0; i < html.size(); ++i) {
    std::string_view rest = html.substr(i);
    if (html[i] != '&') {
      out += html[i];
    } else if (rest.starts_with("&amp;")) {
      out += '&', i += 4;
    } else if (rest.starts_with("&lt;")) {
      out += '<', i += 3;
    } else if (rest.starts_with("&gt;")) {
      out += '>', i += 3;
    } else if (rest.starts_with("&quot;")) {
      out += '"', i += 5;
    } else if (rest.starts_with("&#39;")) {
      out += '\'', i += 4;
    } else {
      out += '&';
    }
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Names of text values and slots: [A-Za-z0-9_.-]+.
bool is_valid_name(std::string_view name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '.' || c == '-';
  });
}

bool is_truthy(const std::optional<std::string>& value) {
  return value && !value->empty() && *value != "false";
}

std::optional<std::string> lookup(
    const std::function<std::optional<std::string>(std::string_view)>& fn,
    std::string_view name) {
  if (!fn) return std::nullopt;
  return fn(name);
}

// ---------------------------------------------------------------------------
// Unclosed-element diagnosis. pugixml reports a tag mismatch where it notices
// it (the wrong end tag, or the end of the file); the author wants to see the
// element that was left open, so this re-lexes the tags before that point.

struct OpenTag {
  std::string_view name;
  std::size_t offset;  // of the '<'
};

std::size_t name_end(std::string_view text, std::size_t pos) {
  while (pos < text.size() && !is_space(text[pos]) && text[pos] != '>' && text[pos] != '/') ++pos;
  return pos;
}

// Offset just past the '>' closing the start tag that begins at `lt`,
// skipping quoted attribute values; npos if unterminated.
std::size_t start_tag_end(std::string_view text, std::size_t lt) {
  for (std::size_t i = lt + 1; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"' || c == '\'') {
      i = text.find(c, i + 1);
      if (i == std::string_view::npos) return i;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// Offset just past `terminator` searched from `from`; npos if absent.
std::size_t skip_past(std::string_view text, std::size_t from, std::string_view terminator) {
  std::size_t at = text.find(terminator, from);
  return at == std::string_view::npos ? at : at + terminator.size();
}

// Elements open at offset `end` of `text` (well-formed up to there), innermost last.
std::vector<OpenTag> open_tags_before(std::string_view text, std::size_t end) {
  std::vector<OpenTag> stack;
  std::size_t i = 0;
  while (i < end) {
    std::size_t lt = text.find('<', i);
    if (lt == std::string_view::npos || lt >= end) break;
    std::string_view rest = text.substr(lt);
    if (rest.starts_with("<!--")) {
      i = skip_past(text, lt + 4, "-->");
    } else if (rest.starts_with("<![CDATA[")) {
      i = skip_past(text, lt + 9, "]]>");
    } else if (rest.starts_with("<?")) {
      i = skip_past(text, lt + 2, "?>");
    } else if (rest.starts_with("<!")) {
      i = skip_past(text, lt + 2, ">");
    } else if (rest.starts_with("</")) {
      if (!stack.empty()) stack.pop_back();
      i = skip_past(text, lt + 2, ">");
    } else {
      std::size_t after = start_tag_end(text, lt);
      bool self_closing = after != std::string_view::npos && text[after - 2] == '/';
      if (!self_closing) stack.push_back({text.substr(lt + 1, name_end(text, lt + 1) - lt - 1), lt});
      i = after;
    }
  }
  return stack;
}

// ---------------------------------------------------------------------------
// The compiler: one walk over the pugixml tree, emitting segments. Every
// compile_* function returns false after recording the first error.

class TemplateCompiler {
 public:
  explicit TemplateCompiler(const SourceText& source) : source_(source) {}

  std::variant<std::shared_ptr<HtmlTemplate::Compiled>, Diagnostic> run();

 private:
  bool parse(pugi::xml_document& doc);
  void diagnose_parse_error(const pugi::xml_parse_result& result);
  bool compile_children(pugi::xml_node parent, bool raw_text);
  bool compile_node(pugi::xml_node node, bool raw_text);
  bool compile_element(pugi::xml_node element);
  bool compile_slot(pugi::xml_node element);
  bool compile_tag(pugi::xml_node element);
  bool compile_attribute(pugi::xml_node element, pugi::xml_attribute attribute);
  bool check_void_children(pugi::xml_node element);
  bool compile_text(std::string_view text, std::size_t source_start, char region_end,
                    bool attribute);
  bool check_entities(std::size_t start, char region_end);
  std::optional<std::size_t> open_condition(pugi::xml_node element);

  void emit_literal(std::string_view html);
  void emit_escaped(std::string_view text, bool attribute);
  void grow_literal(std::size_t pool_start);
  std::size_t emit(Kind kind, std::uint32_t name, bool attribute = false);
  void close_range(std::size_t segment);
  std::uint32_t name_index(std::vector<std::string>& names, std::string_view name);

  std::size_t element_offset(pugi::xml_node element) const;
  std::size_t text_offset(pugi::xml_node text) const;
  std::size_t attribute_offset(pugi::xml_node element, pugi::xml_attribute attribute) const;
  std::size_t nth_placeholder_offset(std::size_t start, char region_end, int n) const;
  bool fail(std::size_t offset, std::string message);

  const SourceText& source_;
  std::shared_ptr<HtmlTemplate::Compiled> out_ = std::make_shared<HtmlTemplate::Compiled>();
  // False right after a conditional or slot range closes: a literal after the
  // range must not be merged into the last literal inside it.
  bool can_merge_ = false;
  int depth_ = 0;  // elements open around the one being compiled
  std::optional<Diagnostic> error_;
};

std::variant<std::shared_ptr<HtmlTemplate::Compiled>, Diagnostic> TemplateCompiler::run() {
  if (source_.text().size() > kMaxTemplateBytes) {
    fail(0, "template is too large");
    return std::move(*error_);
  }
  pugi::xml_document doc;
  if (!parse(doc) || !compile_children(doc, false)) return std::move(*error_);
  out_->literals.shrink_to_fit();
  out_->segments.shrink_to_fit();
  return std::move(out_);
}

// Keeps whitespace-only text (so output stays readable) and the doctype;
// comments and processing instructions are not parsed, hence dropped. A
// fragment may have several top-level nodes and text, as components do.
bool TemplateCompiler::parse(pugi::xml_document& doc) {
  constexpr unsigned kFlags =
      pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype | pugi::parse_fragment;
  std::string_view text = source_.text();
  pugi::xml_parse_result result =
      doc.load_buffer(text.data(), text.size(), kFlags, pugi::encoding_utf8);
  if (result) return true;
  diagnose_parse_error(result);
  return false;
}

void TemplateCompiler::diagnose_parse_error(const pugi::xml_parse_result& result) {
  std::string_view text = source_.text();
  std::size_t offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0));
  std::string message = std::string("invalid XHTML: ") + result.description();
  if (result.status != pugi::status_end_element_mismatch) {
    fail(offset, std::move(message));
    return;
  }
  // pugixml points at the name in the offending end tag, or near the end of
  // the file when elements are still open there.
  bool at_end_tag = offset >= 2 && offset <= text.size() && text.substr(offset - 2, 2) == "</";
  std::size_t end = at_end_tag ? offset - 2 : text.size();
  std::vector<OpenTag> open = open_tags_before(text, end);
  if (open.empty()) {
    fail(offset, std::move(message));
    return;
  }
  const OpenTag& tag = open.back();
  message += ": <" + std::string(tag.name) + "> is not closed";
  if (at_end_tag) {
    std::string_view closing = text.substr(offset, name_end(text, offset) - offset);
    message += " (found </" + std::string(closing) + "> on line " +
               std::to_string(source_.position_of(end).line) + ")";
  } else {
    message += " before the end of the file";
  }
  fail(tag.offset, std::move(message));
}

bool TemplateCompiler::compile_children(pugi::xml_node parent, bool raw_text) {
  for (pugi::xml_node child : parent.children()) {
    if (!compile_node(child, raw_text)) return false;
  }
  return true;
}

bool TemplateCompiler::compile_node(pugi::xml_node node, bool raw_text) {
  switch (node.type()) {
    case pugi::node_element:
      return compile_element(node);
    case pugi::node_pcdata:
      if (raw_text) {
        emit_literal(node.value());
        return true;
      }
      return compile_text(node.value(), text_offset(node), '<', false);
    case pugi::node_cdata:
      // CDATA is literal text: no placeholders; escaped unless script/style.
      if (raw_text) emit_literal(node.value()); else emit_escaped(node.value(), false);
      return true;
    case pugi::node_doctype:
      // The output is HTML5 whatever doctype the template names.
      emit_literal("<!DOCTYPE html>");
      return true;
    default:
      return true;  // comments, processing instructions, declarations: dropped
  }
}

bool TemplateCompiler::compile_element(pugi::xml_node element) {
  if (depth_ >= kMaxTemplateDepth) {
    return fail(element_offset(element), "<" + std::string(element.name()) + "> is nested deeper than " +
                                             std::to_string(kMaxTemplateDepth) +
                                             " levels, the most a template allows");
  }
  std::optional<std::size_t> condition = open_condition(element);
  if (error_) return false;
  ++depth_;
  bool ok = std::string_view(element.name()) == "skiff-slot" ? compile_slot(element)
                                                              : compile_tag(element);
  --depth_;
  if (!ok) return false;
  if (condition) close_range(*condition);
  return true;
}

// Emits the If/IfNot segment for a skiff-if attribute, returning its index
// (to be closed after the element), or nothing when there is none or on error.
std::optional<std::size_t> TemplateCompiler::open_condition(pugi::xml_node element) {
  pugi::xml_attribute attribute = element.attribute("skiff-if");
  if (!attribute) return std::nullopt;
  std::string_view name = trim(attribute.value());
  bool negated = name.starts_with('!');
  if (negated) name = trim(name.substr(1));
  std::size_t offset = attribute_offset(element, attribute);
  if (name.empty()) {
    fail(offset, "skiff-if needs the name of a text value");
    return std::nullopt;
  }
  if (!is_valid_name(name)) {
    fail(offset, "invalid name in skiff-if: names use letters, digits, '_', '.' and '-'");
    return std::nullopt;
  }
  return emit(negated ? Kind::IfNot : Kind::If, name_index(out_->text_names, name));
}

// <skiff-slot name="x">fallback</skiff-slot>: the slot's HTML, or the
// children when the slot is unknown. The element itself is never written.
bool TemplateCompiler::compile_slot(pugi::xml_node element) {
  pugi::xml_attribute attribute = element.attribute("name");
  std::string_view name = attribute ? trim(attribute.value()) : std::string_view("default");
  if (name.empty()) {
    return fail(attribute_offset(element, attribute), "<skiff-slot> has an empty name");
  }
  if (!is_valid_name(name)) {
    return fail(attribute_offset(element, attribute),
                "invalid slot name: names use letters, digits, '_', '.' and '-'");
  }
  std::size_t slot = emit(Kind::Slot, name_index(out_->slot_names, name));
  if (!compile_children(element, false)) return false;
  close_range(slot);
  return true;
}

// An ordinary element: start tag, children and end tag in HTML5 form.
bool TemplateCompiler::compile_tag(pugi::xml_node element) {
  std::string_view name = element.name();
  emit_literal("<");
  emit_literal(name);
  for (pugi::xml_attribute attribute : element.attributes()) {
    if (std::string_view(attribute.name()) == "skiff-if") continue;
    if (!compile_attribute(element, attribute)) return false;
  }
  emit_literal(">");
  if (is_void_element(name)) return check_void_children(element);
  if (!compile_children(element, is_raw_text_element(name))) return false;
  emit_literal("</");
  emit_literal(name);
  emit_literal(">");
  return true;
}

bool TemplateCompiler::compile_attribute(pugi::xml_node element, pugi::xml_attribute attribute) {
  emit_literal(" ");
  emit_literal(attribute.name());
  emit_literal("=\"");
  std::size_t offset = attribute_offset(element, attribute);
  char quote = offset > 0 && offset <= source_.text().size() ? source_.text()[offset - 1] : '"';
  const bool watched = is_url_attribute(attribute.name()) && std::string_view(attribute.value()).find("{{") != std::string_view::npos;
  std::size_t start = 0;
  if (watched) start = emit(Kind::UrlStart, name_index(out_->url_attributes, attribute.name()));
  if (!compile_text(attribute.value(), offset, quote, true)) return false;
  if (watched) {
    std::uint32_t first = 0;
    for (std::size_t k = start + 1; k < out_->segments.size(); ++k) {
      if (out_->segments[k].kind == Kind::Text) {
        first = out_->segments[k].a;
        break;
      }
    }
    emit(Kind::UrlEnd, first);
  }
  emit_literal("\"");
  return true;
}

// Void elements have no end tag in HTML, so they cannot hold content;
// whitespace between <meta ...> and </meta> is tolerated and dropped.
bool TemplateCompiler::check_void_children(pugi::xml_node element) {
  for (pugi::xml_node child : element.children()) {
    bool blank = child.type() == pugi::node_pcdata && trim(child.value()).empty();
    if (!blank && child.type() != pugi::node_comment && child.type() != pugi::node_pi) {
      return fail(element_offset(element), "<" + std::string(element.name()) +
                                               "> is a void element and cannot have content");
    }
  }
  return true;
}

// Splits decoded `text` at {{ name }} placeholders. `source_start` is where
// the raw text begins in the source and `region_end` the character ending it
// there ('<' for element text, the quote for an attribute value), used only
// to place diagnostics.
bool TemplateCompiler::compile_text(std::string_view text, std::size_t source_start,
                                    char region_end, bool attribute) {
  if (!check_entities(source_start, region_end)) return false;
  std::size_t pos = 0;
  for (int n = 0;; ++n) {
    std::size_t open = text.find("{{", pos);
    if (open == std::string_view::npos) break;
    emit_escaped(text.substr(pos, open - pos), attribute);
    std::size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) {
      return fail(nth_placeholder_offset(source_start, region_end, n),
                  "`{{` without a closing `}}`");
    }
    std::string_view name = trim(text.substr(open + 2, close - open - 2));
    if (!is_valid_name(name)) {
      return fail(nth_placeholder_offset(source_start, region_end, n),
                  "invalid name in `{{ }}`: names use letters, digits, '_', '.' and '-'");
    }
    emit(Kind::Text, name_index(out_->text_names, name), attribute);
    pos = close + 2;
  }
  emit_escaped(text.substr(pos), attribute);
  return true;
}

// pugixml decodes only XML's five entities and leaves others, such as
// &nbsp;, as text, which would then be shown literally. Reject them here,
// in the raw source of one text or attribute value.
bool TemplateCompiler::check_entities(std::size_t start, char region_end) {
  std::string_view text = source_.text();
  std::size_t end = std::min(text.find(region_end, start), text.size());
  for (std::size_t amp = text.find('&', start); amp < end; amp = text.find('&', amp + 1)) {
    std::size_t semi = text.find(';', amp);
    if (semi >= end) continue;
    std::string_view entity = text.substr(amp + 1, semi - amp - 1);
    if (entity.empty() || entity.front() == '#' || !is_valid_name(entity)) continue;
    if (entity == "amp" || entity == "lt" || entity == "gt" || entity == "quot" ||
        entity == "apos") {
      continue;
    }
    return fail(amp, "unknown entity &" + std::string(entity) +
                         "; (templates are XML): write the character itself or a numeric "
                         "reference such as &#160;");
  }
  return true;
}

// ---------------------------------------------------------------------------
// Emitting segments.

void TemplateCompiler::emit_literal(std::string_view html) {
  std::size_t start = out_->literals.size();
  out_->literals.append(html);
  grow_literal(start);
}

void TemplateCompiler::emit_escaped(std::string_view text, bool attribute) {
  std::size_t start = out_->literals.size();
  append_escaped(out_->literals, text, attribute);
  grow_literal(start);
}

// Covers pool bytes [pool_start, end) with a literal segment, extending the
// previous one when it is a literal that may be merged.
void TemplateCompiler::grow_literal(std::size_t pool_start) {
  std::size_t added = out_->literals.size() - pool_start;
  if (added == 0) return;
  std::vector<Segment>& segments = out_->segments;
  if (can_merge_ && !segments.empty() && segments.back().kind == Kind::Literal) {
    segments.back().b += static_cast<std::uint32_t>(added);
    return;
  }
  segments.push_back({Kind::Literal, false, static_cast<std::uint32_t>(pool_start),
                      static_cast<std::uint32_t>(added)});
  can_merge_ = true;
}

std::size_t TemplateCompiler::emit(Kind kind, std::uint32_t name, bool attribute) {
  out_->segments.push_back({kind, attribute, name, 0});
  can_merge_ = false;
  return out_->segments.size() - 1;
}

// Ends the range opened by segment `segment` at the current position.
void TemplateCompiler::close_range(std::size_t segment) {
  out_->segments[segment].b = static_cast<std::uint32_t>(out_->segments.size());
  can_merge_ = false;
}

std::uint32_t TemplateCompiler::name_index(std::vector<std::string>& names,
                                           std::string_view name) {
  auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) it = names.emplace(names.end(), name);
  return static_cast<std::uint32_t>(it - names.begin());
}

// ---------------------------------------------------------------------------
// Source offsets for diagnostics. pugixml parses a copy of the source in
// place, so node names and values point into a buffer laid out like it.

std::size_t TemplateCompiler::element_offset(pugi::xml_node element) const {
  std::ptrdiff_t name = element.offset_debug();
  return name > 0 ? static_cast<std::size_t>(name - 1) : 0;  // the '<'
}

std::size_t TemplateCompiler::text_offset(pugi::xml_node text) const {
  return static_cast<std::size_t>(std::max<std::ptrdiff_t>(text.offset_debug(), 0));
}

// Where the attribute's value starts, found from its distance to the
// element's name in pugixml's buffer; the element's '<' if that fails.
std::size_t TemplateCompiler::attribute_offset(pugi::xml_node element,
                                               pugi::xml_attribute attribute) const {
  std::ptrdiff_t name = element.offset_debug();
  if (!attribute || name < 0) return element_offset(element);
  auto base = reinterpret_cast<std::uintptr_t>(element.name()) - static_cast<std::uintptr_t>(name);
  auto value = reinterpret_cast<std::uintptr_t>(attribute.value());
  if (value < base || value - base > source_.text().size()) return element_offset(element);
  return static_cast<std::size_t>(value - base);
}

// Offset of the n-th (0-based) "{{" in the raw region starting at `start`;
// `start` itself if the raw text does not show it (e.g. entity-made braces).
std::size_t TemplateCompiler::nth_placeholder_offset(std::size_t start, char region_end,
                                                     int n) const {
  std::string_view text = source_.text();
  std::size_t end = std::min(text.find(region_end, start), text.size());
  std::size_t at = text.find("{{", start);
  for (; at < end && n > 0; --n) {
    std::size_t close = text.find("}}", at + 2);
    at = close >= end ? std::string_view::npos : text.find("{{", close + 2);
  }
  return at < end ? at : start;
}

bool TemplateCompiler::fail(std::size_t offset, std::string message) {
  if (!error_) {
    error_ = Diagnostic{Severity::Error, source_.path(), source_.position_of(offset),
                        std::move(message)};
  }
  return false;
}

// Reservation for a page: the last page's size, or the literals plus room
// for values, so the output normally grows once.
std::size_t initial_capacity(const HtmlTemplate::Compiled& compiled) {
  std::size_t literal = compiled.literals.size();
  return std::max(compiled.size_hint.load(std::memory_order_relaxed),
                  literal + literal / 4 + 1024);
}

}  // namespace

bool is_script_url(std::string_view url) {
  const UrlKind kind = url_kind(url);
  return kind == UrlKind::kScript || kind == UrlKind::kLocalFile;
}

std::variant<HtmlTemplate, Diagnostic> HtmlTemplate::compile(const SourceText& source) {
  auto result = TemplateCompiler(source).run();
  if (auto* diagnostic = std::get_if<Diagnostic>(&result)) return std::move(*diagnostic);
  HtmlTemplate compiled;
  compiled.compiled_ = std::move(std::get<std::shared_ptr<Compiled>>(result));
  return compiled;
}

std::string HtmlTemplate::render(const TemplateValues& values, const TemplateUrls& urls) const {
  if (!compiled_) return {};
  const Compiled& c = *compiled_;
  std::string out;
  out.reserve(initial_capacity(c));
  const std::size_t count = c.segments.size();
  std::size_t url_begin = 0;  // where the current watched URL's value starts in `out`
  std::uint32_t url_attribute = 0;  // and its name, in url_attributes
  for (std::size_t i = 0; i < count;) {
    const Segment& s = c.segments[i];
    switch (s.kind) {
      case Kind::Literal:
        out.append(c.literals, s.a, s.b);
        ++i;
        break;
      case Kind::Text:
        if (auto value = lookup(values.text, c.text_names[s.a])) {
          append_escaped(out, *value, s.attribute);
        }
        ++i;
        break;
      case Kind::Slot:
        if (auto html = lookup(values.slot, c.slot_names[s.a])) {
          out += *html;
          i = s.b;
        } else {
          ++i;
        }
        break;
      case Kind::If:
      case Kind::IfNot: {
        bool keep = is_truthy(lookup(values.text, c.text_names[s.a])) == (s.kind == Kind::If);
        i = keep ? i + 1 : s.b;
        break;
      }
      case Kind::UrlStart:
        url_begin = out.size();
        url_attribute = s.a;
        ++i;
        break;
      case Kind::UrlEnd:
        if (urls.safe || urls.seen) {
          std::string url = unescape_attribute(std::string_view(out).substr(url_begin));
          std::string_view first = s.a < c.text_names.size() ? std::string_view(c.text_names[s.a]) : "";
          if (urls.seen) urls.seen(c.url_attributes[url_attribute], first, url);
          if (urls.safe && is_script_url(url)) out.resize(url_begin);
        }
        ++i;
        break;
    }
  }
  c.size_hint.store(out.size() + out.size() / 8, std::memory_order_relaxed);
  return out;
}

const std::vector<std::string>& HtmlTemplate::text_names() const {
  static const std::vector<std::string> kNone;
  return compiled_ ? compiled_->text_names : kNone;
}

const std::vector<std::string>& HtmlTemplate::slot_names() const {
  static const std::vector<std::string> kNone;
  return compiled_ ? compiled_->slot_names : kNone;
}

}  // namespace skiff
