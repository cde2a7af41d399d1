#include "markdown/component_scanner.h"

#include "base/byte_set.h"
#include "base/html_entities.h"
#include "base/thousands.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace skiff {
namespace {

// Where plain text stops: a line end, an escape, a code span or a tag.
constexpr ByteSet kTextStops("\r\n\\`<");

}  // namespace

namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_name_start(char c) { return is_upper(c) || is_lower(c) || c == '_' || c == '$'; }
bool is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ':';
}

// HTML elements left entirely to the Markdown parser: raw-text elements
// (their content is not Markdown), void elements (no children), and list
// and table structure, whose end tags HTML lets authors leave out.
bool is_html_container(std::string_view name) {
  static constexpr std::array<std::string_view, 37> kNot = {
      "pre",   "script", "style", "textarea", "code",   "br",    "hr",    "img",
      "input", "meta",   "link",  "source",   "track",  "wbr",   "area",  "base",
      "col",   "embed",  "param", "iframe",   "ul",     "ol",    "li",    "dl",
      "dt",    "dd",     "table", "thead",    "tbody",  "tfoot", "tr",    "td",
      "th",    "p",      "option", "select",  "colgroup"};
  return std::find(kNot.begin(), kNot.end(), name) == kNot.end();
}

// One element being built: its Markdown text so far and its elements.
struct Frame {
  Element element;
  Fragment content;
  std::size_t open_indent = 0;  // asides: indentation of the `:::` line
  bool at_line_start = false;   // opening tag had only spaces before it
  // Where children written on the opening tag's line begin, or npos: a tag
  // there counts as starting a line (`<details><summary>...`).
  std::size_t inline_start = std::string_view::npos;
  // Start tags that open no element here, so their end tags (or `:::`
  // lines) do not close this element: HTML start tags inside a line, left
  // as text (their end tags are left as text too), and tags and asides
  // nested past kMaxElementDepth, dropped (their ends are dropped too; an
  // aside's is named ":::"). An end tag matches the innermost of its own
  // name, so they are kept per name, innermost last: each end tag costs a
  // lookup, not a scan of every tag left open (quadratic on a page of
  // 100,000 inline tags).
  std::map<std::string, std::vector<bool>, std::less<>> left_open;  // name → dropped?

  void leave_open(std::string_view name, bool dropped) {
    auto at = left_open.find(name);
    if (at == left_open.end()) at = left_open.emplace(std::string(name), std::vector<bool>{}).first;
    at->second.push_back(dropped);
  }
  // Takes the innermost tag `name` left open: nullopt if there is none,
  // else whether it was dropped.
  std::optional<bool> take_left_open(std::string_view name) {
    auto at = left_open.find(name);
    if (at == left_open.end()) return std::nullopt;
    const bool dropped = at->second.back();
    at->second.pop_back();
    if (at->second.empty()) left_open.erase(at);
    return dropped;
  }
  // Offset in content.markdown where each content.lines entry starts.
  std::vector<std::size_t> line_offsets;
};

class Scanner {
 public:
  Scanner(const SourceText& source, Diagnostics& diagnostics)
      : source_(source), text_(source.text()), diagnostics_(diagnostics) {}

  Fragment run(std::size_t begin);

 private:
  // --- positions and output ---
  Position pos(std::size_t offset) const { return source_.position_of(offset); }
  void error(std::size_t offset, std::string message) { report(Severity::Error, pos(offset), std::move(message)); }
  void warning(std::size_t offset, std::string message) {
    report(Severity::Warning, pos(offset), std::move(message));
  }
  // Problems are kept until the end of the scan, in order, so the one
  // "nested too deep" error can name how many tags it stands for.
  void report(Severity severity, Position at, std::string message) {
    reported_.push_back({severity, source_.path(), at, std::move(message)});
  }
  void too_deep(std::size_t offset, std::string what);
  void finish_reports();
  Frame& top() { return stack_.back(); }
  // Appends page text: `s` is always a view into the page (its address
  // gives its source line, for Fragment::lines). U+E000/U+E001 delimit
  // inline placeholders, so the rare author who writes them gets U+FFFD
  // instead of a broken page.
  void emit(std::string_view s) {
    std::size_t from = static_cast<std::size_t>(s.data() - text_.data());
    std::string& md = top().content.markdown;
    for (std::size_t i = 0; i < s.size();) {
      // A line ends at '\n' or at a '\r' not followed by '\n' (old Mac
      // files), as in SourceText and cmark.
      std::size_t nl = kLineEnds.find(s, i);
      while (nl != std::string_view::npos && s[nl] == '\r' && from + nl + 1 < text_.size() &&
             text_[from + nl + 1] == '\n') {
        nl = kLineEnds.find(s, nl + 1);
      }
      std::size_t end = nl == std::string_view::npos ? s.size() : nl + 1;
      if (at_line_start()) note_line_start(source_.line_of(from + i));
      append_text(md, s.substr(i, end - i));
      i = end;
    }
  }
  static void append_text(std::string& md, std::string_view s) {
    if (s.find("\xEE\x80") == std::string_view::npos) {
      md += s;
      return;
    }
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s.compare(i, 3, kInlinePlaceholderOpen) == 0 || s.compare(i, 3, kInlinePlaceholderClose) == 0) {
        md += "\xEF\xBF\xBD";
        i += 2;
      } else {
        md += s[i];
      }
    }
  }
  // Records `line` as the source of the current Markdown line, if that line
  // has not started yet. Text taken back off the end (comment()) may have
  // left records for lines that no longer start where they did: dropped.
  // Whether the current Markdown is at the start of a line.
  bool at_line_start() {
    const std::string& md = top().content.markdown;
    return md.empty() || md.back() == '\n' || md.back() == '\r';
  }
  void note_line_start(int line) {
    Frame& frame = top();
    Fragment& f = frame.content;
    if (!at_line_start()) return;
    while (!frame.line_offsets.empty() && frame.line_offsets.back() >= f.markdown.size()) {
      frame.line_offsets.pop_back();
      f.lines.pop_back();
    }
    frame.line_offsets.push_back(f.markdown.size());
    f.lines.push_back(line);
  }

  // --- lines ---
  std::size_t line_end(std::size_t at) const;       // offset of \r or \n, or size
  std::size_t next_line(std::size_t at) const;      // offset after the line end
  bool rest_is_blank(std::size_t at) const;         // only spaces until the line end
  bool only_spaces_before(std::size_t at) const;    // only spaces since the line start
  std::size_t next_blank_line(std::size_t at);      // start of the next blank line after `at`

  // --- line-start constructs; each returns true when it consumed the line ---
  bool fence_line(std::size_t indent_end);
  bool aside_line(std::size_t line_start, std::size_t indent_end);

  // --- inline constructs; each advances pos_ ---
  void code_span();
  void comment();
  void tag();
  bool open_tag(std::size_t lt, std::string name);
  void close_tag(std::size_t lt, std::string_view name, std::size_t after);

  // --- props ---
  std::size_t expression_end(std::size_t open_brace) const;  // offset of the matching '}'
  std::size_t parse_props(std::size_t at, Element& element, bool& self_closing);

  // --- element tree ---
  void push(Element element, bool at_line_start, std::size_t open_indent);
  void close_top(std::size_t after_close);
  void close_unclosed(std::size_t at);

  const SourceText& source_;
  std::string_view text_;
  Diagnostics& diagnostics_;
  std::vector<Diagnostic> reported_;
  // Tags and asides dropped for depth: one error for all of them, at the
  // first one (reported_[too_deep_at_]), naming it (too_deep_what_).
  int too_deep_count_ = 0;
  std::size_t too_deep_at_ = 0;
  std::string too_deep_what_;
  std::vector<Frame> stack_;
  std::size_t pos_ = 0;
  std::size_t blank_cache_from_ = std::string_view::npos;  // memo for next_blank_line
  std::size_t blank_cache_ = 0;
  bool in_fence_ = false;
  char fence_char_ = 0;
  std::size_t fence_length_ = 0;
  std::size_t fence_indent_ = 0;
};

std::size_t Scanner::line_end(std::size_t at) const {
  std::size_t end = kLineEnds.find(text_, at);
  return end == std::string_view::npos ? text_.size() : end;
}

std::size_t Scanner::next_line(std::size_t at) const {
  std::size_t end = line_end(at);
  if (end < text_.size() && text_[end] == '\r') ++end;
  if (end < text_.size() && text_[end] == '\n') ++end;
  return end;
}

bool Scanner::rest_is_blank(std::size_t at) const {
  for (std::size_t i = at; i < text_.size() && text_[i] != '\n' && text_[i] != '\r'; ++i) {
    if (!is_space(text_[i])) return false;
  }
  return true;
}

// Memoised: code spans ask again and again from positions inside the same
// paragraph, and rescanning each time would make long pages quadratic.
std::size_t Scanner::next_blank_line(std::size_t at) {
  if (blank_cache_from_ != std::string_view::npos && at >= blank_cache_from_ && at <= blank_cache_) {
    return blank_cache_;
  }
  std::size_t line = next_line(at);
  while (line < text_.size() && !rest_is_blank(line)) line = next_line(line);
  blank_cache_from_ = at;
  blank_cache_ = std::min(line, text_.size());
  return blank_cache_;
}

bool Scanner::only_spaces_before(std::size_t at) const {
  while (at > 0) {
    char c = text_[at - 1];
    if (c == '\n' || c == '\r') return true;
    if (!is_space(c)) return false;
    --at;
  }
  return true;
}

Fragment Scanner::run(std::size_t begin) {
  stack_.push_back(Frame{});
  pos_ = begin;
  bool line_start = true;
  while (pos_ < text_.size()) {
    if (line_start) {
      line_start = false;
      std::size_t indent_end = pos_;
      while (indent_end < text_.size() && is_space(text_[indent_end])) ++indent_end;
      if (fence_line(indent_end) || aside_line(pos_, indent_end)) {
        line_start = true;
        continue;
      }
    }
    char c = text_[pos_];
    if (c == '\n' || c == '\r') {
      std::size_t next = next_line(pos_);
      emit(text_.substr(pos_, next - pos_));
      pos_ = next;
      line_start = true;
    } else if (c == '\\' && pos_ + 1 < text_.size() && text_[pos_ + 1] != '\n' &&
               text_[pos_ + 1] != '\r') {
      emit(text_.substr(pos_, 2));
      pos_ += 2;
    } else if (c == '`') {
      code_span();
    } else if (c == '<') {
      std::size_t before = pos_;
      tag();
      // A construct that ended at a line end (block element, whole-line
      // comment) leaves the scanner at the start of the next line.
      line_start = pos_ > before && (text_[pos_ - 1] == '\n' || text_[pos_ - 1] == '\r');
    } else {
      std::size_t stop = kTextStops.find(text_, pos_ + 1);
      if (stop == std::string_view::npos) stop = text_.size();
      emit(text_.substr(pos_, stop - pos_));
      pos_ = stop;
    }
  }
  if (in_fence_) {
    // An unclosed fence runs to the end, as in CommonMark; not an error.
    in_fence_ = false;
  }
  close_unclosed(text_.size());
  Fragment root = std::move(stack_.back().content);
  stack_.clear();
  finish_reports();
  return root;
}

// A page nested 10,000 deep would otherwise get 9,800 errors for one mistake.
void Scanner::too_deep(std::size_t offset, std::string what) {
  if (too_deep_count_++ > 0) return;
  too_deep_at_ = reported_.size();
  too_deep_what_ = std::move(what);
  report(Severity::Error, pos(offset), "");
}

void Scanner::finish_reports() {
  if (too_deep_count_ > 0) {
    std::string& message = reported_[too_deep_at_].message;
    message = "elements nested deeper than " + std::to_string(kMaxElementDepth) + " levels; " + too_deep_what_;
    message += too_deep_count_ == 1 ? " is ignored"
                                    : " and " + with_thousands(static_cast<std::uint64_t>(too_deep_count_ - 1)) + " more nested as deep are ignored";
  }
  for (Diagnostic& d : reported_) diagnostics_.add(std::move(d));
  reported_.clear();
}

bool Scanner::fence_line(std::size_t indent_end) {
  // Most lines are prose: decide on the first character before finding the
  // line's end.
  if (!in_fence_ && (indent_end >= text_.size() || (text_[indent_end] != '`' && text_[indent_end] != '~'))) {
    return false;
  }
  std::size_t end = line_end(indent_end);
  std::string_view line = text_.substr(indent_end, end - indent_end);
  auto run_length = [&](char ch) {
    std::size_t n = 0;
    while (n < line.size() && line[n] == ch) ++n;
    return n;
  };
  std::size_t indent = indent_end - pos_;
  if (in_fence_) {
    std::size_t n = run_length(fence_char_);
    // CommonMark: a closing fence may be indented up to 3 spaces (relative
    // to the container, here approximated by the opening fence).
    bool closes = n >= fence_length_ && rest_is_blank(indent_end + n) && indent <= fence_indent_ + 3;
    if (closes) in_fence_ = false;
  } else {
    if (line.empty() || (line[0] != '`' && line[0] != '~')) return false;
    std::size_t n = run_length(line[0]);
    if (n < 3) return false;
    // A backtick fence's info string may not contain backticks.
    if (line[0] == '`' && line.substr(n).find('`') != std::string_view::npos) return false;
    in_fence_ = true;
    fence_indent_ = indent;
    fence_char_ = line[0];
    fence_length_ = n;
  }
  std::size_t next = next_line(pos_);
  emit(text_.substr(pos_, next - pos_));
  pos_ = next;
  return true;
}

bool Scanner::aside_line(std::size_t line_start, std::size_t indent_end) {
  if (text_.compare(indent_end, 3, ":::") != 0) return false;
  std::size_t at = indent_end + 3;
  std::size_t end = line_end(at);
  if (rest_is_blank(at)) {
    // `:::` closes the innermost open aside (or dropped one); with none open
    // it is text.
    if (top().take_left_open(":::").has_value()) {
      pos_ = next_line(indent_end);
      return true;
    }
    auto open = std::find_if(stack_.rbegin(), stack_.rend(), [](const Frame& f) {
      return f.element.kind == ElementKind::Aside;
    });
    if (open == stack_.rend()) return false;
    while (top().element.kind != ElementKind::Aside) {
      error(top().element.pos.line ? source_.line_start(top().element.pos.line) : indent_end,
            "<" + top().element.name + "> is not closed before the end of the aside");
      close_top(indent_end);
    }
    pos_ = next_line(indent_end);
    close_top(pos_);
    return true;
  }
  std::size_t name_end = at;
  while (name_end < end && (is_lower(text_[name_end]) || is_upper(text_[name_end]) ||
                            text_[name_end] == '-')) {
    ++name_end;
  }
  if (name_end == at) return false;
  Element aside;
  aside.kind = ElementKind::Aside;
  aside.name = std::string(text_.substr(at, name_end - at));
  aside.pos = pos(indent_end);
  aside.block = true;
  std::size_t rest = name_end;
  if (rest < end && text_[rest] == '[') {
    std::size_t close = text_.find(']', rest);
    if (close == std::string_view::npos || close > end) {
      error(rest, "aside title `[` is not closed with `]`");
    } else {
      aside.title = std::string(text_.substr(rest + 1, close - rest - 1));
      rest = close + 1;
    }
  }
  if (!rest_is_blank(rest)) {
    error(rest, "unexpected text after `:::" + aside.name +
                    "`; put the title in brackets, like `:::" + aside.name + "[Title]`");
  }
  if (static_cast<int>(stack_.size()) > kMaxElementDepth) {
    too_deep(indent_end, "the aside `:::" + aside.name + "`");
    top().leave_open(":::", true);
    pos_ = next_line(indent_end);
    return true;
  }
  pos_ = next_line(indent_end);
  push(std::move(aside), true, indent_end - line_start);
  return true;
}

void Scanner::code_span() {
  std::size_t n = 0;
  while (pos_ + n < text_.size() && text_[pos_ + n] == '`') ++n;
  // The span ends at the next run of exactly n backticks before a blank line.
  std::size_t search = pos_ + n;
  std::size_t blank = next_blank_line(search);
  while (search < text_.size()) {
    std::size_t found = text_.find('`', search);
    if (found == std::string_view::npos || found >= blank) break;
    std::size_t m = 0;
    while (found + m < text_.size() && text_[found + m] == '`') ++m;
    if (m == n) {
      emit(text_.substr(pos_, found + m - pos_));
      pos_ = found + m;
      return;
    }
    search = found + m;
  }
  emit(text_.substr(pos_, n));
  pos_ += n;
}

void Scanner::comment() {
  std::size_t start = pos_;
  std::size_t close = text_.find("-->", start + 4);
  bool whole_lines = only_spaces_before(start);
  if (close == std::string_view::npos) {
    warning(start, "HTML comment is never closed; the rest of the page is ignored");
    pos_ = text_.size();
    return;
  }
  pos_ = close + 3;
  // A comment on lines of its own disappears with its lines, so it cannot
  // split the paragraph or list around it.
  if (whole_lines && rest_is_blank(pos_)) {
    std::string& md = top().content.markdown;
    while (!md.empty() && is_space(md.back())) md.pop_back();
    pos_ = next_line(pos_);
  }
}

void Scanner::tag() {
  std::size_t lt = pos_;
  if (text_.compare(lt, 4, "<!--") == 0) {
    comment();
    return;
  }
  bool closing = lt + 1 < text_.size() && text_[lt + 1] == '/';
  std::size_t name_begin = lt + (closing ? 2 : 1);
  std::size_t name_end = name_begin;
  if (name_end < text_.size() && is_name_start(text_[name_end])) {
    while (name_end < text_.size() && is_name_char(text_[name_end])) ++name_end;
  }
  std::string_view name = text_.substr(name_begin, name_end - name_begin);
  char after = name_end < text_.size() ? text_[name_end] : '\0';
  bool delimited = after == ' ' || after == '\t' || after == '\n' || after == '\r' ||
                   after == '>' || after == '/';
  bool component = !name.empty() && is_upper(name[0]);
  bool html = !name.empty() && is_lower(name[0]) && is_html_container(name);
  if (name.empty() || !delimited || name.find(':') != std::string_view::npos || (!component && !html)) {
    emit(text_.substr(lt, 1));
    ++pos_;
    return;
  }
  if (closing) {
    std::size_t gt = name_end;
    while (gt < text_.size() && is_space(text_[gt])) ++gt;
    if (gt >= text_.size() || text_[gt] != '>') {
      if (component) error(lt, "closing tag </" + std::string(name) + " is missing its `>`");
      emit(text_.substr(lt, 1));
      ++pos_;
      return;
    }
    close_tag(lt, name, gt + 1);
    return;
  }
  // HTML containers count as elements only at the start of a line, where
  // CommonMark would otherwise swallow the Markdown inside them.
  if (html && !only_spaces_before(lt) && lt != top().inline_start) {
    top().leave_open(name, false);
    emit(text_.substr(lt, 1));
    ++pos_;
    return;
  }
  if (!open_tag(lt, std::string(name))) {
    emit(text_.substr(lt, 1));
    pos_ = lt + 1;
  }
}

std::size_t Scanner::expression_end(std::size_t open) const {
  int depth = 0;
  std::vector<char> templates;  // open template literals, for `${ ... }`
  for (std::size_t i = open; i < text_.size(); ++i) {
    char c = text_[i];
    if (c == '"' || c == '\'') {
      for (++i; i < text_.size() && text_[i] != c && text_[i] != '\n'; ++i) {
        if (text_[i] == '\\') ++i;
      }
    } else if (c == '`') {
      for (++i; i < text_.size() && text_[i] != '`'; ++i) {
        if (text_[i] == '\\') ++i;
      }
    } else if (c == '/' && i + 1 < text_.size() && text_[i + 1] == '/') {
      i = line_end(i);
    } else if (c == '/' && i + 1 < text_.size() && text_[i + 1] == '*') {
      std::size_t close = text_.find("*/", i + 2);
      if (close == std::string_view::npos) return std::string_view::npos;
      i = close + 1;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}') {
      if (--depth == 0) return i;
    }
  }
  return std::string_view::npos;
}

// Parses attributes from `at` up to and including `>` or `/>`; returns the
// offset after the tag, or npos when the tag never ends.
std::size_t Scanner::parse_props(std::size_t at, Element& element, bool& self_closing) {
  std::size_t attributes_begin = at;
  std::size_t i = at;
  while (i < text_.size()) {
    char c = text_[i];
    if (is_space(c) || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    if (c == '>' || (c == '/' && i + 1 < text_.size() && text_[i + 1] == '>')) {
      self_closing = c == '/';
      if (element.kind == ElementKind::Html) {
        std::string_view raw = text_.substr(attributes_begin, i - attributes_begin);
        while (!raw.empty() && (is_space(raw.front()) || raw.front() == '\n' || raw.front() == '\r')) raw.remove_prefix(1);
        while (!raw.empty() && (is_space(raw.back()) || raw.back() == '\n' || raw.back() == '\r')) raw.remove_suffix(1);
        element.raw_attributes = std::string(raw);
      }
      return i + (self_closing ? 2 : 1);
    }
    if (c == '{') {
      std::size_t close = expression_end(i);
      if (close == std::string_view::npos) return std::string_view::npos;
      error(i, "spread props like `{...props}` are not allowed: skiff renders at build time, "
               "so every prop must be written out as a literal");
      i = close + 1;
      continue;
    }
    if (!is_name_start(c) && c != '@' && c != ':') {
      if (c == '<') return std::string_view::npos;  // a new tag: this one never ended
      error(i, std::string("unexpected `") + c + "` in the tag <" + element.name + ">");
      ++i;
      continue;
    }
    std::size_t name_begin = i;
    while (i < text_.size() && (is_name_char(text_[i]) || text_[i] == '@')) ++i;
    Prop prop;
    prop.name = std::string(text_.substr(name_begin, i - name_begin));
    prop.pos = pos(name_begin);
    prop.value.value = true;  // a bare attribute is `true`, as in JSX
    std::size_t j = i;
    while (j < text_.size() && is_space(text_[j])) ++j;
    if (j < text_.size() && text_[j] == '=') {
      ++j;
      while (j < text_.size() && is_space(text_[j])) ++j;
      char q = j < text_.size() ? text_[j] : '\0';
      if (q == '"' || q == '\'') {
        std::size_t close = text_.find(q, j + 1);
        if (close == std::string_view::npos) return std::string_view::npos;
        prop.value.value = decode_html_entities(text_.substr(j + 1, close - j - 1));
        i = close + 1;
      } else if (q == '{') {
        std::size_t close = expression_end(j);
        if (close == std::string_view::npos) return std::string_view::npos;
        if (element.kind == ElementKind::Component) {
          auto parsed = parse_prop_literal(text_.substr(j + 1, close - j - 1));
          if (auto* e = std::get_if<PropParseError>(&parsed)) {
            error(j + 1 + e->offset, "prop `" + prop.name + "`: " + e->message);
          } else {
            prop.value = std::move(std::get<PropValue>(parsed));
          }
        }
        i = close + 1;
      } else {
        error(j, "prop `" + prop.name + "` needs a value in quotes or braces");
        i = j;
      }
    }
    element.props.items.push_back(std::move(prop));
  }
  return std::string_view::npos;
}

bool Scanner::open_tag(std::size_t lt, std::string name) {
  Element element;
  element.kind = is_upper(name[0]) ? ElementKind::Component : ElementKind::Html;
  element.name = std::move(name);
  element.pos = pos(lt);
  bool self_closing = false;
  std::size_t after = parse_props(lt + 1 + element.name.size(), element, self_closing);
  if (after == std::string_view::npos) {
    if (element.kind == ElementKind::Component) {
      error(lt, "the tag <" + element.name + "> is not finished with `>` or `/>`");
      pos_ = lt + 1 + element.name.size();  // skip the name: report it once
      emit(text_.substr(lt, pos_ - lt));
      return true;
    }
    return false;  // malformed HTML is left to the Markdown parser
  }
  if (static_cast<int>(stack_.size()) > kMaxElementDepth) {
    too_deep(lt, "the tag <" + element.name + ">");
    if (!self_closing) top().leave_open(element.name, true);
    pos_ = after;
    return true;
  }
  bool at_line_start = only_spaces_before(lt) || lt == top().inline_start;
  element.self_closing = self_closing;
  pos_ = after;
  if (self_closing) {
    push(std::move(element), at_line_start, 0);
    close_top(after);
    return true;
  }
  // Children on the tag's own line are inline Markdown; otherwise the
  // children are blocks starting on the next line.
  bool inline_children = !rest_is_blank(after);
  if (!inline_children) pos_ = next_line(after);
  element.children.is_inline = inline_children;
  push(std::move(element), at_line_start, 0);
  top().content.is_inline = inline_children;
  if (inline_children) {
    std::size_t first = after;
    while (first < text_.size() && is_space(text_[first])) ++first;
    top().inline_start = first;
  }
  return true;
}

void Scanner::close_tag(std::size_t lt, std::string_view name, std::size_t after) {
  if (std::optional<bool> dropped = top().take_left_open(name)) {
    if (*dropped) {
      pos_ = after;
    } else {
      emit(text_.substr(lt, 1));
      pos_ = lt + 1;
    }
    return;
  }
  auto open = std::find_if(stack_.rbegin(), stack_.rend() - 1, [&](const Frame& f) {
    return f.element.kind != ElementKind::Aside && f.element.name == name;
  });
  if (open == stack_.rend() - 1) {
    if (is_upper(name[0])) {
      error(lt, "closing tag </" + std::string(name) + "> has no matching <" + std::string(name) + ">");
      pos_ = after;
    } else {
      emit(text_.substr(lt, 1));  // stray HTML end tag: the Markdown parser passes it through
      pos_ = lt + 1;
    }
    return;
  }
  while (&top() != &*open) {
    const Element& inner = top().element;
    if (inner.kind == ElementKind::Aside) {
      error(lt, "</" + std::string(name) + "> closes an element opened before the aside `:::" +
                    inner.name + "` (line " + std::to_string(inner.pos.line) + ") ends");
    } else if (inner.kind == ElementKind::Html) {
      // HTML end tags are optional in places (`<li>`, `<p>`): close quietly.
    } else {
      error(lt, "<" + inner.name + "> (line " + std::to_string(inner.pos.line) +
                    ") is not closed before </" + std::string(name) + ">");
    }
    close_top(lt);
  }
  pos_ = after;
  close_top(after);
}

void Scanner::push(Element element, bool at_line_start, std::size_t open_indent) {
  Frame frame;
  frame.element = std::move(element);
  frame.at_line_start = at_line_start;
  frame.open_indent = open_indent;
  stack_.push_back(std::move(frame));
}

// Pops the innermost element, finishes its children and puts its
// placeholder into the parent. `after_close` is where scanning resumes.
void Scanner::close_top(std::size_t after_close) {
  Frame frame = std::move(stack_.back());
  stack_.pop_back();
  Element element = std::move(frame.element);
  element.children = std::move(frame.content);
  std::string& md = element.children.markdown;
  if (element.kind == ElementKind::Html && element.children.is_inline) {
    // `<details><summary>…</summary>` + more lines: block children.
    std::size_t last = md.find_last_not_of(" \t\r\n");
    element.children.is_inline = last == std::string::npos || md.substr(0, last).find('\n') == std::string::npos;
  }
  if (element.children.is_inline) {
    auto first = md.find_first_not_of(" \t\r\n");
    md = first == std::string::npos ? std::string() : md.substr(first, md.find_last_not_of(" \t\r\n") - first + 1);
  } else {
    // Block children end with exactly one line end (none when empty).
    while (!md.empty() && (is_space(md.back()) || md.back() == '\n' || md.back() == '\r')) md.pop_back();
    md = dedent(md, &element.children.indent);
    if (!md.empty()) md += '\n';
  }
  bool block = element.kind == ElementKind::Aside ||
               (frame.at_line_start && pos_ == after_close && rest_is_blank(after_close));
  element.block = block;
  note_line_start(element.pos.line);
  Fragment& parent = top().content;
  std::size_t index = parent.elements.size();
  if (block) {
    if (element.kind == ElementKind::Aside) {
      parent.markdown.append(frame.open_indent, ' ');
    }
    parent.markdown += block_placeholder(index);
    parent.markdown += '\n';
    if (pos_ == after_close && element.kind != ElementKind::Aside) pos_ = next_line(after_close);
  } else {
    parent.markdown += inline_placeholder(index);
    // The text after it comes from `pos_` in the page.
    const Frame& frame_now = top();
    std::size_t line_begin = frame_now.line_offsets.empty() ? 0 : frame_now.line_offsets.back();
    const int resume_line = source_.line_of(pos_);
    parent.resumes.push_back({static_cast<int>(parent.lines.size()),
                              static_cast<int>(parent.markdown.size() - line_begin) + 1,
                              {resume_line, static_cast<int>(pos_ - source_.line_start(resume_line)) + 1}});
  }
  parent.elements.push_back(std::move(element));
}

void Scanner::close_unclosed(std::size_t at) {
  while (stack_.size() > 1) {
    const Element& e = top().element;
    if (e.kind == ElementKind::Aside) {
      report(Severity::Error, e.pos, "aside `:::" + e.name + "` is never closed with a `:::` line");
    } else if (e.kind == ElementKind::Component) {
      report(Severity::Error, e.pos, "<" + e.name + "> is never closed (reached end of file)");
    } else {
      report(Severity::Warning, e.pos, "<" + e.name + "> is never closed (reached end of file)");
    }
    pos_ = at;
    close_top(at);
  }
}

}  // namespace

std::string dedent(std::string_view text, int* removed) {
  std::size_t common = std::string_view::npos;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    std::size_t spaces = 0;
    while (spaces < line.size() && line[spaces] == ' ') ++spaces;
    bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (!blank) common = std::min(common, spaces);
    at = end + 1;
  }
  if (removed != nullptr) *removed = common == std::string_view::npos ? 0 : static_cast<int>(common);
  if (common == 0 || common == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    std::size_t strip = 0;
    while (strip < common && strip < line.size() && line[strip] == ' ') ++strip;
    out += line.substr(strip);
    if (end < text.size()) out += '\n';
    at = end + 1;
  }
  return out;
}

Fragment scan_components(const SourceText& source, std::size_t body_offset,
                         Diagnostics& diagnostics) {
  Scanner scanner(source, diagnostics);
  return scanner.run(body_offset);
}

}  // namespace skiff
