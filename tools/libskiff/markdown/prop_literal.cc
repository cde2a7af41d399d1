#include "markdown/prop_literal.h"

#include "base/utf8.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <system_error>
#include <unordered_map>
#include <utility>

namespace skiff {
namespace {

// Deeper nesting is an error. The parser recurses once per array or object,
// so this bound is also what keeps hostile input from exhausting the stack.
constexpr int kMaxDepth = 256;

// Longest excerpt of the source quoted in an error message.
constexpr std::size_t kMaxQuotedBytes = 40;

// ---------------------------------------------------------------------------
// UTF-8

// Byte length of the UTF-8 sequence that starts with `lead` (1 for stray
// continuation bytes, so scanning always advances).
std::size_t utf8_sequence_length(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
  if (lead >= 0xC2) return 2;
  return 1;
}

// ---------------------------------------------------------------------------
// Characters

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Value of `c` as a digit in bases up to 16, or -1.
int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_digit_in(char c, int radix) {
  const int value = digit_value(c);
  return value >= 0 && value < radix;
}

// Byte length of the JavaScript whitespace or line terminator at `pos`, or 0:
// ASCII whitespace, NBSP, the other Unicode space separators, the BOM, and
// U+2028/U+2029. Non-ASCII spaces matter because editors paste them.
std::size_t whitespace_length(std::string_view s, std::size_t pos) {
  const auto byte = [&](std::size_t i) {
    return pos + i < s.size() ? static_cast<unsigned char>(s[pos + i]) : 0u;
  };
  switch (byte(0)) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\v':
    case '\f': return 1;
    case 0xC2: return byte(1) == 0xA0 ? 2 : 0;                     // U+00A0
    case 0xE1: return byte(1) == 0x9A && byte(2) == 0x80 ? 3 : 0;  // U+1680
    case 0xE2:
      if (byte(1) == 0x80 && ((byte(2) >= 0x80 && byte(2) <= 0x8A) || byte(2) == 0xA8 ||
                              byte(2) == 0xA9 || byte(2) == 0xAF)) {
        return 3;  // U+2000–U+200A, U+2028, U+2029, U+202F
      }
      return byte(1) == 0x81 && byte(2) == 0x9F ? 3 : 0;           // U+205F
    case 0xE3: return byte(1) == 0x80 && byte(2) == 0x80 ? 3 : 0;  // U+3000
    case 0xEF: return byte(1) == 0xBB && byte(2) == 0xBF ? 3 : 0;  // U+FEFF
    default: return 0;
  }
}

// JavaScript identifiers, approximated: ASCII letters, `_`, `$` and every
// non-ASCII character that is not whitespace. That is enough to find the
// whole offending word for an error; the parser never accepts one as a value.
bool is_word_byte(std::string_view s, std::size_t pos, bool first) {
  const auto c = static_cast<unsigned char>(s[pos]);
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$') return true;
  if (!first && c >= '0' && c <= '9') return true;
  return c >= 0x80 && whitespace_length(s, pos) == 0;
}

// The word starting at `pos`, or an empty view when none starts there.
std::string_view word_at(std::string_view s, std::size_t pos) {
  if (pos >= s.size() || !is_word_byte(s, pos, true)) return {};
  std::size_t end = pos + 1;
  while (end < s.size() && is_word_byte(s, end, false)) ++end;
  return s.substr(pos, end - pos);
}

// Whether `token` occurs at `pos`; false past the end (never throws, unlike
// string_view::compare).
bool starts_with_at(std::string_view s, std::size_t pos, std::string_view token) {
  return pos <= s.size() && s.substr(pos).starts_with(token);
}

// `text` in backticks for an error message, shortened at a UTF-8 boundary.
// Text containing a backtick gets Markdown's double fence: `` ` ``.
std::string quoted(std::string_view text) {
  std::string shown(text);
  if (text.size() > kMaxQuotedBytes) {
    std::size_t cut = kMaxQuotedBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    shown = std::string(text.substr(0, cut)) + "…";
  }
  if (shown.find('`') != std::string::npos) return "`` " + shown + " ``";
  return "`" + shown + "`";
}

// What sits at `pos`, for "found ..." in error messages.
std::string describe(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return "end of input";
  if (s[pos] == '\n' || s[pos] == '\r') return "a line break";
  if (std::string_view word = word_at(s, pos); !word.empty()) return quoted(word);
  const std::size_t length = utf8_sequence_length(static_cast<unsigned char>(s[pos]));
  return quoted(s.substr(pos, length));
}

// Where whitespace and comments starting at `pos` end. An unterminated
// `/* ...` runs to the end of the text and is reported by the caller.
struct Trivia {
  std::size_t end = 0;
  std::optional<std::size_t> unclosed_comment;
};

Trivia scan_trivia(std::string_view s, std::size_t pos) {
  while (pos < s.size()) {
    if (const std::size_t space = whitespace_length(s, pos); space > 0) {
      pos += space;
    } else if (starts_with_at(s, pos, "//")) {
      pos = s.find_first_of("\n\r", pos);
      if (pos == std::string_view::npos) pos = s.size();
    } else if (starts_with_at(s, pos, "/*")) {
      const std::size_t close = s.find("*/", pos + 2);
      if (close == std::string_view::npos) return {s.size(), pos};
      pos = close + 2;
    } else {
      break;
    }
  }
  return {pos, std::nullopt};
}

// Offset of the `)` that closes the `(` at `open`, if any. Only used to tell
// a call from an arrow function when choosing an error message, so strings
// and comments are skipped roughly and other brackets are ignored.
std::optional<std::size_t> find_closing_paren(std::string_view s, std::size_t open) {
  int depth = 0;
  std::size_t pos = open;
  while (pos < s.size()) {
    const char c = s[pos];
    if (c == '\'' || c == '"' || c == '`') {
      ++pos;
      while (pos < s.size() && s[pos] != c) pos += s[pos] == '\\' ? 2 : 1;
      ++pos;
    } else if (starts_with_at(s, pos, "//") || starts_with_at(s, pos, "/*")) {
      pos = scan_trivia(s, pos).end;
    } else {
      if (c == '(') ++depth;
      if (c == ')' && --depth == 0) return pos;
      ++pos;
    }
  }
  return std::nullopt;
}

// Words that are JavaScript syntax rather than names of variables.
bool is_keyword(std::string_view word) {
  static constexpr std::string_view kKeywords[] = {
      "await",    "break",   "case",   "catch",  "class",  "const", "continue",
      "debugger", "default", "delete", "do",     "else",   "enum",  "export",
      "extends",  "finally", "for",    "if",     "import", "in",    "instanceof",
      "let",      "return",  "super",  "switch", "this",   "throw", "try",
      "typeof",   "var",     "void",   "while",  "with",   "yield"};
  for (std::string_view keyword : kKeywords) {
    if (word == keyword) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Numbers

// `digits` in `radix` 2, 8 or 16 as the nearest double. Binary and octal are
// re-spelled in hex so that from_chars rounds values beyond 2^53 correctly.
double radix_digits_to_double(const std::string& digits, int radix) {
  std::string hex;
  if (radix == 16) {
    hex = digits;
  } else {
    const int bits_per_digit = radix == 2 ? 1 : 3;
    std::string bits;
    for (char c : digits) {
      const int value = digit_value(c);
      for (int bit = bits_per_digit - 1; bit >= 0; --bit) bits += (value >> bit) & 1 ? '1' : '0';
    }
    bits.insert(0, (4 - bits.size() % 4) % 4, '0');
    for (std::size_t i = 0; i < bits.size(); i += 4) {
      const int nibble = (bits[i] - '0') * 8 + (bits[i + 1] - '0') * 4 + (bits[i + 2] - '0') * 2 +
                         (bits[i + 3] - '0');
      hex += "0123456789abcdef"[nibble];
    }
  }
  double value = 0;
  const auto result =
      std::from_chars(hex.data(), hex.data() + hex.size(), value, std::chars_format::hex);
  // Integers only ever overflow; JavaScript makes that Infinity.
  if (result.ec == std::errc::result_out_of_range) return std::numeric_limits<double>::infinity();
  return value;
}

// Power of ten of the leading non-zero digit of a normalised decimal
// ("123.45e6" → 8), used to tell overflow from underflow; 0 for zero.
long decimal_magnitude(std::string_view number) {
  const std::size_t e = number.find('e');
  long exponent = 0;
  if (e != std::string_view::npos) {
    const bool negative = number[e + 1] == '-';
    for (std::size_t i = e + 1; i < number.size(); ++i) {
      if (is_ascii_digit(number[i])) {
        exponent = std::min(exponent * 10 + (number[i] - '0'), 1'000'000'000L);
      }
    }
    if (negative) exponent = -exponent;
    number = number.substr(0, e);
  }
  const std::size_t point = std::min(number.find('.'), number.size());
  for (std::size_t i = 0; i < number.size(); ++i) {
    if (number[i] == '.' || number[i] == '0') continue;
    const long position =
        i < point ? static_cast<long>(point - i - 1) : -static_cast<long>(i - point);
    return position + exponent;
  }
  return 0;
}

// A normalised decimal literal ("12.5e-3", always with integer digits) as
// the nearest double; out-of-range values become Infinity or 0 like in JS.
double decimal_to_double(const std::string& number) {
  double value = 0;
  const auto result = std::from_chars(number.data(), number.data() + number.size(), value,
                                      std::chars_format::general);
  if (result.ec == std::errc::result_out_of_range) {
    return decimal_magnitude(number) > 0 ? std::numeric_limits<double>::infinity() : 0.0;
  }
  return value;
}

// JavaScript's Number::toString(10): the shortest digits that round-trip,
// positioned as ECMAScript prescribes (plain up to 1e21, exponent beyond,
// "0.000001" down to 1e-7).
std::string js_number_to_string(double value) {
  if (std::isnan(value)) return "NaN";
  if (value == 0) return "0";  // also -0
  if (value < 0) return "-" + js_number_to_string(-value);
  if (std::isinf(value)) return "Infinity";

  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  const std::string_view shortest(buffer, static_cast<std::size_t>(result.ptr - buffer));
  const std::size_t e = shortest.find('e');
  std::string digits(shortest.substr(0, e));
  if (digits.size() > 1) digits.erase(1, 1);  // the '.'
  // to_chars writes the exponent as e+XX or e-XX.
  int exponent = 0;
  std::from_chars(shortest.data() + e + 2, shortest.data() + shortest.size(), exponent);
  if (shortest[e + 1] == '-') exponent = -exponent;

  const int k = static_cast<int>(digits.size());
  const int n = exponent + 1;  // digits before the decimal point
  if (k <= n && n <= 21) return digits + std::string(static_cast<std::size_t>(n - k), '0');
  if (0 < n && n <= 21) {
    return digits.substr(0, static_cast<std::size_t>(n)) + "." +
           digits.substr(static_cast<std::size_t>(n));
  }
  if (-6 < n && n <= 0) return "0." + std::string(static_cast<std::size_t>(-n), '0') + digits;
  const std::string mantissa = k == 1 ? digits : digits.substr(0, 1) + "." + digits.substr(1);
  return mantissa + "e" + (n - 1 >= 0 ? "+" : "-") + std::to_string(std::abs(n - 1));
}

// ---------------------------------------------------------------------------
// Strings

// Accumulates a JavaScript string as UTF-8. JavaScript strings are UTF-16, so
// escapes may spell one code point as two surrogate halves (`\uD83D\uDE00`):
// a high half waits here for its low half. A half without its partner has no
// UTF-8 form and becomes U+FFFD, as TextEncoder does.
class StringBuilder {
 public:
  void append_byte(char c) {
    flush_pending();
    out_ += c;
  }

  // A code point or UTF-16 code unit written as an escape.
  void append_escaped(char32_t cp) {
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      flush_pending();
      pending_high_ = cp;
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      if (pending_high_ != 0) {
        append_utf8(out_, 0x10000 + ((pending_high_ - 0xD800) << 10) + (cp - 0xDC00));
        pending_high_ = 0;
      } else {
        append_utf8(out_, 0xFFFD);
      }
    } else {
      flush_pending();
      append_utf8(out_, cp);
    }
  }

  std::string finish() {
    flush_pending();
    return std::move(out_);
  }

 private:
  void flush_pending() {
    if (pending_high_ != 0) append_utf8(out_, 0xFFFD);
    pending_high_ = 0;
  }

  std::string out_;
  char32_t pending_high_ = 0;
};

// ---------------------------------------------------------------------------
// Parser

// Recursive descent over the literal subset of JavaScript expressions.
// Every parse_* function returns false after recording the first error in
// `error_`; callers return false at once, so exactly one error is reported.
class LiteralParser {
 public:
  explicit LiteralParser(std::string_view text) : text_(text) {}

  std::variant<PropValue, PropParseError> run() {
    if (!skip_trivia()) return error_;
    if (at_end()) {
      fail(pos_, "empty prop value; expected a literal such as a string, number, array or object");
      return error_;
    }
    PropValue value;
    if (!parse_value(value) || !skip_trivia()) return error_;
    if (!at_end()) {
      fail(pos_, "unexpected " + describe(text_, pos_) +
                     " after the value; a prop must be a single literal");
      return error_;
    }
    return value;
  }

 private:
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  bool at(std::string_view token) const { return starts_with_at(text_, pos_, token); }
  bool digit_at(std::size_t pos) const { return pos < text_.size() && is_ascii_digit(text_[pos]); }

  bool fail(std::size_t offset, std::string message) {
    error_ = {offset, std::move(message)};
    return false;
  }

  bool fail_unclosed(std::size_t open, std::string_view what) {
    return fail(open, "unterminated " + std::string(what) + ": " + quoted(text_.substr(open, 1)) +
                          " is never closed");
  }

  bool skip_trivia() {
    const Trivia trivia = scan_trivia(text_, pos_);
    if (trivia.unclosed_comment) {
      return fail(*trivia.unclosed_comment, "unterminated comment: `/*` is never closed");
    }
    pos_ = trivia.end;
    return true;
  }

  // Precondition for all parse_* functions: pos_ is at the first byte of the
  // construct (not at trivia).
  bool parse_value(PropValue& out) {
    if (at_end()) return fail(pos_, "expected a value, found end of input");
    const char c = peek();
    if (c == '[') return parse_array(out);
    if (c == '{') return parse_object(out);
    if (c == '\'' || c == '"' || c == '`') {
      std::string text;
      if (!parse_string(text)) return false;
      out.value = std::move(text);
      return true;
    }
    if (c == '-' || c == '+') return parse_signed_number(out);
    if (at("...")) {
      return fail(pos_, "spread (`...`) is not allowed in props; write the values out");
    }
    if (is_ascii_digit(c) || (c == '.' && digit_at(pos_ + 1))) {
      double number = 0;
      if (!parse_number(number)) return false;
      out.value = number;
      return true;
    }
    if (c == '(') return reject_parenthesized();
    if (!word_at(text_, pos_).empty()) return parse_word(out);
    return fail(pos_, "unexpected " + describe(text_, pos_) +
                          "; expected a literal (string, number, array, object, true, false or "
                          "null)");
  }

  bool enter_nesting(std::size_t open) {
    if (++depth_ > kMaxDepth) {
      return fail(open, "arrays and objects nested deeper than " + std::to_string(kMaxDepth) +
                            " levels are not allowed in props");
    }
    return true;
  }

  bool parse_array(PropValue& out) {
    const std::size_t open = pos_++;
    if (!enter_nesting(open)) return false;
    PropArray items;
    for (;;) {
      if (!skip_trivia()) return false;
      if (at_end()) return fail_unclosed(open, "array");
      if (peek() == ']') break;
      if (peek() == ',') {
        return fail(pos_, "empty array element (`,,`); write `null` or `undefined` for a gap");
      }
      PropValue item;
      if (!parse_value(item) || !skip_trivia()) return false;
      items.push_back(std::move(item));
      if (at_end()) return fail_unclosed(open, "array");
      if (peek() == ',') {
        ++pos_;
      } else if (peek() != ']') {
        return fail(pos_,
                    "expected `,` or `]` after an array element, found " + describe(text_, pos_));
      }
    }
    ++pos_;
    --depth_;
    out.value = std::move(items);
    return true;
  }

  bool parse_object(PropValue& out) {
    const std::size_t open = pos_++;
    if (!enter_nesting(open)) return false;
    PropObject members;
    // JavaScript keeps a repeated key at its first position with its last
    // value; the index makes that O(1) per member for large objects.
    std::unordered_map<std::string, std::size_t> index;
    for (;;) {
      if (!skip_trivia()) return false;
      if (at_end()) return fail_unclosed(open, "object");
      if (peek() == '}') break;
      PropMember member;
      if (!parse_member(open, member) || !skip_trivia()) return false;
      const auto [slot, inserted] = index.emplace(member.key, members.size());
      if (inserted) {
        members.push_back(std::move(member));
      } else {
        members[slot->second].value = std::move(member.value);
      }
      if (at_end()) return fail_unclosed(open, "object");
      if (peek() == ',') {
        ++pos_;
      } else if (peek() != '}') {
        return fail(pos_,
                    "expected `,` or `}` after an object member, found " + describe(text_, pos_));
      }
    }
    ++pos_;
    --depth_;
    out.value = std::move(members);
    return true;
  }

  // `key: value`; `open` is the object's `{`, for unterminated-object errors.
  bool parse_member(std::size_t open, PropMember& out) {
    const std::size_t key_offset = pos_;
    bool bare_name = false;
    if (!parse_key(out.key, bare_name) || !skip_trivia()) return false;
    if (at_end()) return fail_unclosed(open, "object");
    if (peek() != ':') return reject_member_without_colon(key_offset, out.key, bare_name);
    ++pos_;
    if (!skip_trivia()) return false;
    if (at_end()) return fail_unclosed(open, "object");
    return parse_value(out.value);
  }

  // A property name: identifier (keywords included, as in JavaScript),
  // single- or double-quoted string, or number (keyed by its canonical
  // text, so `{1.50: x}` has key "1.5").
  bool parse_key(std::string& key, bool& bare_name) {
    const char c = peek();
    if (at("...")) {
      return fail(pos_, "spread (`...`) is not allowed in props; write the members out");
    }
    if (c == '[') return fail(pos_, "computed keys (`[...]: value`) are not allowed in props");
    if (c == '`') {
      return fail(pos_, "template literals cannot be object keys; use '...' or \"...\"");
    }
    if (c == '\'' || c == '"') return parse_string(key);
    if (is_ascii_digit(c) || (c == '.' && digit_at(pos_ + 1))) {
      double number = 0;
      if (!parse_number(number)) return false;
      key = js_number_to_string(number);
      return true;
    }
    const std::string_view word = word_at(text_, pos_);
    if (word.empty()) {
      return fail(pos_, "expected a property key (a name, string or number), found " +
                            describe(text_, pos_));
    }
    key = word;
    bare_name = true;
    pos_ += word.size();
    return true;
  }

  // A key not followed by `:`: a shorthand property (`{ title }`, which
  // reads the variable `title`), a method, or a plain syntax error.
  bool reject_member_without_colon(std::size_t key_offset, const std::string& key, bool bare_name) {
    if (bare_name && (peek() == ',' || peek() == '}')) {
      return fail(key_offset, quoted(key) + " is a variable (shorthand property); props must be " +
                                  "literals, so write `" + key + ": value`");
    }
    if (peek() == '(') return fail(key_offset, "methods are not allowed in props");
    return fail(pos_,
                "expected `:` after the key " + quoted(key) + ", found " + describe(text_, pos_));
  }

  // A '...', "..." or `...` string. Line breaks end '...' and "..." strings
  // (an error); in `...` they are kept, with \r\n and \r read as \n as in JS.
  bool parse_string(std::string& out) {
    const std::size_t open = pos_;
    const char quote = text_[pos_++];
    const bool is_template = quote == '`';
    StringBuilder text;
    for (;;) {
      if (at_end()) {
        return fail(open, "unterminated string: missing the closing " + quoted({&quote, 1}));
      }
      const char c = peek();
      if (c == quote) break;
      if (c == '\\') {
        if (!parse_escape(text, open)) return false;
        continue;
      }
      if (c == '\n' || c == '\r') {
        if (!is_template) {
          return fail(
              open, "unterminated string: the line ends before the closing " + quoted({&quote, 1}));
        }
        pos_ += at("\r\n") ? 2 : 1;
        text.append_byte('\n');
        continue;
      }
      if (is_template && at("${")) {
        return fail(pos_,
                    "template literals with `${...}` are not allowed in props: they run code");
      }
      text.append_byte(c);
      ++pos_;
    }
    ++pos_;
    out = text.finish();
    return true;
  }

  // The escape at pos_ (a backslash) inside the string opened at `open`.
  bool parse_escape(StringBuilder& out, std::size_t open) {
    const std::size_t backslash = pos_++;
    if (at_end()) {
      return fail(open,
                  "unterminated string: missing the closing " + quoted(text_.substr(open, 1)));
    }
    const char c = text_[pos_++];
    switch (c) {
      case 'n': out.append_byte('\n'); return true;
      case 't': out.append_byte('\t'); return true;
      case 'r': out.append_byte('\r'); return true;
      case 'b': out.append_byte('\b'); return true;
      case 'f': out.append_byte('\f'); return true;
      case 'v': out.append_byte('\v'); return true;
      case 'x': return parse_hex_escape(out, backslash);
      case 'u': return parse_unicode_escape(out, backslash);
      case '\n': return true;  // line continuation
      case '\r':
        if (!at_end() && peek() == '\n') ++pos_;
        return true;
      case '0':
        if (!digit_at(pos_)) {
          out.append_byte('\0');
          return true;
        }
        [[fallthrough]];
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
        return fail(backslash,
                    "octal escapes like `\\1` are not allowed (strict mode); use `\\x01` "
                    "or `\\u0001`");
      case '8':
      case '9':
        return fail(backslash, quoted(text_.substr(backslash, 2)) + " is not a valid escape");
      default:
        // U+2028 and U+2029 after a backslash continue the line like \n.
        if (starts_with_at(text_, pos_ - 1, "\u2028") ||
            starts_with_at(text_, pos_ - 1, "\u2029")) {
          pos_ += 2;
          return true;
        }
        // Identity escape: \' \" \\ \` \$ and any other character stand for
        // themselves (a multi-byte character's other bytes follow as text).
        out.append_byte(c);
        return true;
    }
  }

  bool parse_hex_escape(StringBuilder& out, std::size_t backslash) {
    if (pos_ + 2 > text_.size() || !is_digit_in(text_[pos_], 16) ||
        !is_digit_in(text_[pos_ + 1], 16)) {
      return fail(backslash, "`\\x` must be followed by two hexadecimal digits");
    }
    out.append_escaped(
        static_cast<char32_t>(digit_value(text_[pos_]) * 16 + digit_value(text_[pos_ + 1])));
    pos_ += 2;
    return true;
  }

  // \uXXXX (a UTF-16 code unit, possibly half a surrogate pair) or \u{X...}
  // (a code point up to 10FFFF).
  bool parse_unicode_escape(StringBuilder& out, std::size_t backslash) {
    char32_t value = 0;
    if (!at_end() && peek() == '{') {
      ++pos_;
      std::size_t count = 0;
      for (; !at_end() && is_digit_in(peek(), 16); ++pos_, ++count) {
        value = value * 16 + static_cast<char32_t>(digit_value(peek()));
        if (value > 0x10FFFF) return fail(backslash, "`\\u{...}` is beyond U+10FFFF");
      }
      if (count == 0 || at_end() || peek() != '}') {
        return fail(backslash, "`\\u{` must be followed by hexadecimal digits and `}`");
      }
      ++pos_;
    } else {
      for (int i = 0; i < 4; ++i, ++pos_) {
        if (at_end() || !is_digit_in(peek(), 16)) {
          return fail(backslash, "`\\u` must be followed by four hexadecimal digits or `{...}`");
        }
        value = value * 16 + static_cast<char32_t>(digit_value(peek()));
      }
    }
    out.append_escaped(value);
    return true;
  }

  // `-` or `+`, optional trivia, then a number, Infinity or NaN.
  bool parse_signed_number(PropValue& out) {
    const bool negative = peek() == '-';
    const char sign = peek();
    ++pos_;
    if (!skip_trivia()) return false;
    double number = 0;
    if (!at_end() && (is_ascii_digit(peek()) || (peek() == '.' && digit_at(pos_ + 1)))) {
      if (!parse_number(number)) return false;
    } else if (const std::string_view word = word_at(text_, pos_); !word.empty()) {
      if (word == "Infinity") {
        number = std::numeric_limits<double>::infinity();
      } else if (word == "NaN") {
        number = std::numeric_limits<double>::quiet_NaN();
      } else {
        return reject_word(pos_, word);
      }
      pos_ += word.size();
    } else {
      return fail(pos_, "expected a number after " + quoted({&sign, 1}) + ", found " +
                            describe(text_, pos_));
    }
    out.value = negative ? -number : number;
    return true;
  }

  // Decimal (`12`, `1.5`, `.5`, `5.`, `1e-3`) or 0x/0o/0b literal, with `_`
  // separators between digits. pos_ is at a digit or at `.` before a digit.
  bool parse_number(double& out) {
    const std::size_t start = pos_;
    const char prefix = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
    if (peek() == '0' && (prefix == 'x' || prefix == 'X' || prefix == 'o' || prefix == 'O' ||
                          prefix == 'b' || prefix == 'B')) {
      const int radix = (prefix == 'x' || prefix == 'X')   ? 16
                        : (prefix == 'o' || prefix == 'O') ? 8
                                                           : 2;
      pos_ += 2;
      std::string digits;
      if (!scan_digits(radix, digits)) return false;
      if (digits.empty()) {
        return fail(start, quoted(text_.substr(start, 2)) + " must be followed by digits");
      }
      out = radix_digits_to_double(digits, radix);
    } else {
      std::string number;
      if (!scan_decimal(start, number)) return false;
      out = decimal_to_double(number);
    }
    return check_number_end(start);
  }

  // Appends the decimal literal at pos_ to `number` normalised for
  // from_chars: separators dropped, "5." → "5", ".5" → "0.5".
  bool scan_decimal(std::size_t start, std::string& number) {
    if (peek() == '0' && pos_ + 1 < text_.size() &&
        (is_ascii_digit(text_[pos_ + 1]) || text_[pos_ + 1] == '_')) {
      return fail(start, "numbers with a leading zero (legacy octal, e.g. `07`) are not allowed");
    }
    if (!scan_digits(10, number)) return false;
    if (number.empty()) number = "0";
    if (!at_end() && peek() == '.') {
      ++pos_;
      std::string fraction;
      if (!scan_digits(10, fraction)) return false;
      if (!fraction.empty()) number += "." + fraction;
    }
    if (!at_end() && (peek() == 'e' || peek() == 'E')) {
      ++pos_;
      number += 'e';
      if (!at_end() && (peek() == '+' || peek() == '-')) number += text_[pos_++];
      if (!digit_at(pos_)) {
        return fail(pos_, "expected digits in the exponent of " +
                              quoted(text_.substr(start, pos_ - start)));
      }
      if (!scan_digits(10, number)) return false;
    }
    return true;
  }

  // Appends the digits at pos_ (possibly none), dropping `_` separators,
  // which JavaScript allows only between two digits.
  bool scan_digits(int radix, std::string& out) {
    bool after_digit = false;
    while (!at_end()) {
      const char c = peek();
      if (is_digit_in(c, radix)) {
        out += c;
        after_digit = true;
      } else if (c == '_') {
        if (!after_digit || pos_ + 1 >= text_.size() || !is_digit_in(text_[pos_ + 1], radix)) {
          return fail(pos_, "a numeric separator `_` must stand between two digits");
        }
        after_digit = false;
      } else {
        break;
      }
      ++pos_;
    }
    return true;
  }

  // JavaScript forbids a name or digit right after a number (`3in`, `1.5.2`).
  bool check_number_end(std::size_t start) {
    if (at_end()) return true;
    if (peek() == 'n') {
      return fail(start, "BigInt literals (`" + std::string(text_.substr(start, pos_ - start)) +
                             "n`) are not supported in props");
    }
    if (is_ascii_digit(peek()) || !word_at(text_, pos_).empty()) {
      return fail(pos_, "unexpected " + describe(text_, pos_) + " right after the number " +
                            quoted(text_.substr(start, pos_ - start)));
    }
    return true;
  }

  bool parse_word(PropValue& out) {
    const std::string_view word = word_at(text_, pos_);
    if (word == "true" || word == "false") {
      out.value = word == "true";
    } else if (word == "null") {
      out.value = nullptr;
    } else if (word == "undefined") {
      out.value = std::monostate{};
    } else if (word == "Infinity") {
      out.value = std::numeric_limits<double>::infinity();
    } else if (word == "NaN") {
      out.value = std::numeric_limits<double>::quiet_NaN();
    } else {
      return reject_word(pos_, word);
    }
    pos_ += word.size();
    return true;
  }

  // The error for a word that is not a literal, naming the construct it
  // starts: a call, an arrow function, `new`, a function, or a variable.
  bool reject_word(std::size_t start, std::string_view word) {
    const std::size_t next = scan_trivia(text_, start + word.size()).end;
    const std::string_view next_word = word_at(text_, next);
    if (word == "new") {
      return fail(start, "`new` expressions are not allowed in props; props must be literals");
    }
    if (word == "function" || (word == "async" && next_word == "function")) {
      return fail(start, "functions are not allowed in props; props must be literals");
    }
    // `x => ...` and `async x => ...`
    if (starts_with_at(text_, next, "=>") || (word == "async" && !next_word.empty())) {
      return fail(start, "arrow functions are not allowed in props; props must be literals");
    }
    if (next < text_.size() && text_[next] == '(') {
      const std::optional<std::size_t> close = find_closing_paren(text_, next);
      if (close && starts_with_at(text_, scan_trivia(text_, *close + 1).end, "=>")) {
        return fail(start, "arrow functions are not allowed in props; props must be literals");
      }
      return fail(start, quoted(std::string(word) + "(...)") +
                             " is a function call; function calls are not allowed in props");
    }
    if (is_keyword(word)) {
      return fail(start, quoted(word) + " is not a literal; props must be literals");
    }
    return fail(start, quoted(word) + " is a variable; props must be literals");
  }

  // `(`: an arrow function's parameter list, or a parenthesised expression.
  bool reject_parenthesized() {
    const std::optional<std::size_t> close = find_closing_paren(text_, pos_);
    if (close && starts_with_at(text_, scan_trivia(text_, *close + 1).end, "=>")) {
      return fail(pos_, "arrow functions are not allowed in props; props must be literals");
    }
    return fail(pos_,
                "parenthesised expressions are not allowed in props; write the literal alone");
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  PropParseError error_;
};

// std::visit overload set for PropValue::to_text.
struct TextOf {
  std::string operator()(std::monostate) const { return ""; }
  std::string operator()(std::nullptr_t) const { return "null"; }
  std::string operator()(bool value) const { return value ? "true" : "false"; }
  std::string operator()(double value) const { return js_number_to_string(value); }
  std::string operator()(const std::string& value) const { return value; }
  std::string operator()(const PropArray&) const { return ""; }
  std::string operator()(const PropObject&) const { return ""; }
};

}  // namespace

const std::string& PropValue::string() const {
  static const std::string empty;
  const auto* text = std::get_if<std::string>(&value);
  return text != nullptr ? *text : empty;
}

const PropValue* PropValue::member(std::string_view key) const {
  const auto* members = std::get_if<PropObject>(&value);
  if (members == nullptr) return nullptr;
  for (const PropMember& member : *members) {
    if (member.key == key) return &member.value;
  }
  return nullptr;
}

std::string PropValue::to_text() const { return std::visit(TextOf{}, value); }

std::variant<PropValue, PropParseError> parse_prop_literal(std::string_view text) {
  return LiteralParser(text).run();
}

}  // namespace skiff
