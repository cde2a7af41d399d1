#include "site/setup_imports.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace skiff {
namespace {

// Longest excerpt of the source quoted in an error message.
constexpr std::size_t kMaxQuotedBytes = 40;

// ---------------------------------------------------------------------------
// Characters

bool starts_with_at(std::string_view s, std::size_t pos, std::string_view token) {
  return pos <= s.size() && s.substr(pos).starts_with(token);
}

bool is_line_break(char c) { return c == '\n' || c == '\r'; }

// Byte length of the whitespace character at `pos`, or 0: ASCII whitespace
// (line breaks included), NBSP and the BOM, which editors leave in files.
std::size_t whitespace_length(std::string_view s, std::size_t pos) {
  switch (s[pos]) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\v':
    case '\f': return 1;
    default:
      if (starts_with_at(s, pos, "\u00A0")) return 2;
      if (starts_with_at(s, pos, "\uFEFF")) return 3;
      return 0;
  }
}

// JavaScript identifiers, approximated: ASCII letters, digits (not first),
// `_`, `$` and any non-ASCII character other than the spaces above. Module
// code is not validated further; the names only need to be found.
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

bool is_quote(char c) { return c == '\'' || c == '"'; }

// Words that cannot name a binding in module code (always strict mode).
bool is_reserved_word(std::string_view word) {
  static constexpr std::string_view kReserved[] = {
      "arguments", "await",      "break",   "case",    "catch",      "class",     "const",
      "continue",  "debugger",   "default", "delete",  "do",         "else",      "enum",
      "eval",      "export",     "extends", "false",   "finally",    "for",       "function",
      "if",        "implements", "import",  "in",      "instanceof", "interface", "let",
      "new",       "null",       "package", "private", "protected",  "public",    "return",
      "static",    "super",      "switch",  "this",    "throw",      "true",      "try",
      "typeof",    "var",        "void",    "while",   "with",       "yield"};
  for (std::string_view reserved : kReserved) {
    if (word == reserved) return true;
  }
  return false;
}

std::size_t utf8_sequence_length(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
  if (lead >= 0xC2) return 2;
  return 1;
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
  if (const std::string_view word = word_at(s, pos); !word.empty()) return quoted(word);
  if (is_quote(s[pos])) {
    const std::size_t close = s.find_first_of(std::string{s[pos], '\n', '\r'}, pos + 1);
    if (close != std::string_view::npos && s[close] == s[pos]) {
      return quoted(s.substr(pos, close + 1 - pos));
    }
  }
  return quoted(s.substr(pos, utf8_sequence_length(static_cast<unsigned char>(s[pos]))));
}

// Where whitespace and comments starting at `pos` end, and whether they
// contain a line break (which can end an import statement). An unterminated
// `/* ...` runs to the end of the text and is reported by the caller.
struct Trivia {
  std::size_t end = 0;
  bool line_break = false;
  std::optional<std::size_t> unclosed_comment;
};

Trivia scan_trivia(std::string_view s, std::size_t pos) {
  Trivia trivia;
  while (pos < s.size()) {
    if (const std::size_t space = whitespace_length(s, pos); space > 0) {
      trivia.line_break = trivia.line_break || is_line_break(s[pos]);
      pos += space;
    } else if (starts_with_at(s, pos, "//")) {
      pos = s.find_first_of("\n\r", pos);
      if (pos == std::string_view::npos) pos = s.size();
    } else if (starts_with_at(s, pos, "/*")) {
      const std::size_t close = s.find("*/", pos + 2);
      if (close == std::string_view::npos) {
        trivia.unclosed_comment = pos;
        pos = s.size();
        break;
      }
      const std::string_view body = s.substr(pos, close - pos);
      trivia.line_break = trivia.line_break || body.find_first_of("\n\r") != std::string_view::npos;
      pos = close + 2;
    } else {
      break;
    }
  }
  trivia.end = pos;
  return trivia;
}

// Start of the line after the one containing `pos` (\n, \r\n or \r), or the
// end of the text.
std::size_t next_line_start(std::string_view s, std::size_t pos) {
  const std::size_t brk = s.find_first_of("\n\r", pos);
  if (brk == std::string_view::npos) return s.size();
  return brk + (starts_with_at(s, brk, "\r\n") ? 2 : 1);
}

// Whether the line starting at `line` begins, after spaces, with `import`.
bool line_starts_import(std::string_view s, std::size_t line) {
  std::size_t pos = line;
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  return word_at(s, pos) == "import";
}

// ---------------------------------------------------------------------------
// Parser

// Statement-by-statement parser. Functions return false after recording an
// error; the statement loop then recovers and carries on, so one run
// reports every broken statement. Names are committed only when their whole
// statement parsed, so a broken import never half-registers components.
class SetupParser {
 public:
  explicit SetupParser(std::string_view text) : text_(text) {}

  SetupImports run() {
    for (;;) {
      if (!skip_trivia() || at_end()) break;
      if (peek() == ';') {  // empty statement
        ++pos_;
        continue;
      }
      open_brace_.reset();
      if (!parse_statement()) recover();
    }
    return std::move(result_);
  }

 private:
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  std::string_view word() const { return word_at(text_, pos_); }

  bool fail(std::size_t offset, std::string message) {
    result_.errors.push_back({offset, std::move(message)});
    return false;
  }

  bool skip_trivia() {
    const Trivia trivia = scan_trivia(text_, pos_);
    pos_ = trivia.end;
    if (trivia.unclosed_comment) {
      return fail(*trivia.unclosed_comment, "unterminated comment: `/*` is never closed");
    }
    return true;
  }

  // Errors resume at the next line, as the contract says. Inside an unclosed
  // `{ ... }` import list, the rest of the list is skipped first (up to the
  // line after its `}`, but never past a line that starts an import), so one
  // typo in a multi-line list is reported once, not once per line after it.
  void recover() {
    const std::size_t error_offset = result_.errors.back().offset;
    std::size_t resume = next_line_start(text_, error_offset);
    if (open_brace_) {
      const std::size_t close = text_.find('}', error_offset);
      while (resume < text_.size() && (close == std::string_view::npos || resume <= close) &&
             !line_starts_import(text_, resume)) {
        resume = next_line_start(text_, resume);
      }
    }
    // An error reported at an opening quote, brace or comment may lie
    // before text already consumed; never go back over it.
    pos_ = std::max(pos_, resume);
  }

  bool parse_statement() {
    const std::size_t start = pos_;
    if (word() != "import") {
      return fail(start, "only `import` statements are allowed in `setup:`, found " +
                             describe(text_, start));
    }
    pos_ += 6;
    if (!skip_trivia()) return false;
    if (!at_end() && (peek() == '(' || peek() == '.')) {
      return fail(start, "dynamic `import(...)` and `import.meta` are not allowed in `setup:`");
    }
    if (!at_end() && is_quote(peek())) return parse_side_effect_import(start);
    return parse_binding_import(start);
  }

  // import 'spec'
  bool parse_side_effect_import(std::size_t start) {
    Import import;
    import.offset = start;
    if (!parse_module_path(import.specifier, import.specifier_offset) || !expect_statement_end()) {
      return false;
    }
    import.name_offset = import.specifier_offset;
    result_.imports.push_back(std::move(import));
    return true;
  }

  // import <clause> from 'spec', where `import type <clause>` is parsed the
  // same way and then dropped.
  bool parse_binding_import(std::size_t start) {
    const bool type_only = word() == "type" && type_is_modifier();
    if (type_only) {
      pos_ += 4;
      if (!skip_trivia()) return false;
    }
    std::vector<Import> names;
    if (!parse_clause(names) || !skip_trivia()) return false;
    if (word() != "from") {
      return fail(pos_, "expected `from` after the imported names, found " + describe(text_, pos_));
    }
    pos_ += 4;
    if (!skip_trivia()) return false;
    std::string specifier;
    std::size_t specifier_offset = 0;
    if (!parse_module_path(specifier, specifier_offset) || !expect_statement_end()) return false;
    if (type_only) return true;
    for (Import& import : names) {
      import.offset = start;
      import.specifier = specifier;
      import.specifier_offset = specifier_offset;
      commit(std::move(import));
    }
    return true;
  }

  // At `type` after `import`: whether it is TypeScript's type-only modifier
  // rather than a default import named `type` (`import type from 'x'`,
  // `import type, { A } from 'x'`).
  bool type_is_modifier() const {
    const std::size_t next = scan_trivia(text_, pos_ + 4).end;
    if (next >= text_.size()) return false;
    if (text_[next] == '{' || text_[next] == '*') return true;
    const std::string_view next_word = word_at(text_, next);
    if (next_word.empty()) return false;
    if (next_word != "from") return true;
    // `import type from 'x'` vs `import type from from 'x'`.
    const std::size_t after_from = scan_trivia(text_, next + 4).end;
    return after_from < text_.size() && !is_quote(text_[after_from]);
  }

  // Default, namespace and named bindings, in the forms `X`, `* as NS`,
  // `{ ... }`, `X, * as NS` and `X, { ... }`.
  bool parse_clause(std::vector<Import>& names) {
    if (!at_end() && peek() == '*') return parse_namespace(names);
    if (!at_end() && peek() == '{') return parse_named_list(names);
    if (word().empty()) {
      return fail(pos_,
                  "expected imported names (`X`, `{ X }` or `* as X`) or a module path "
                  "after `import`, found " +
                      describe(text_, pos_));
    }
    Import import;
    import.imported_name = "default";
    if (!parse_local_name(import) || !skip_trivia()) return false;
    names.push_back(std::move(import));
    if (at_end() || peek() != ',') return true;
    ++pos_;
    if (!skip_trivia()) return false;
    if (!at_end() && peek() == '*') return parse_namespace(names);
    if (!at_end() && peek() == '{') return parse_named_list(names);
    return fail(pos_, "expected `{` or `* as` after `,`, found " + describe(text_, pos_));
  }

  // * as NS
  bool parse_namespace(std::vector<Import>& names) {
    ++pos_;
    if (!skip_trivia()) return false;
    if (word() != "as") {
      return fail(pos_, "expected `as` after `*`, found " + describe(text_, pos_));
    }
    pos_ += 2;
    if (!skip_trivia()) return false;
    Import import;
    import.imported_name = "*";
    if (!parse_local_name(import)) return false;
    names.push_back(std::move(import));
    return true;
  }

  // { A, B as C, 'quoted name' as D, type T, } — trailing comma allowed.
  bool parse_named_list(std::vector<Import>& names) {
    const std::size_t open = pos_++;
    open_brace_ = open;
    for (;;) {
      if (!skip_trivia()) return false;
      if (at_end() || starts_next_import()) {
        return fail(open, "unterminated import list: `{` is never closed");
      }
      if (peek() == '}') break;
      if (!parse_named_import(names) || !skip_trivia()) return false;
      if (at_end()) return fail(open, "unterminated import list: `{` is never closed");
      if (peek() == ',') {
        ++pos_;
      } else if (peek() != '}') {
        return fail(pos_, "expected `,` or `}` in the import list, found " + describe(text_, pos_));
      }
    }
    ++pos_;
    open_brace_.reset();
    return true;
  }

  // One entry of a `{ ... }` list. The imported name may be any identifier
  // (even `default`) or a string, but then `as Local` is required.
  bool parse_named_import(std::vector<Import>& names) {
    const bool type_only = word() == "type" && type_is_inline_modifier();
    if (type_only) {
      pos_ += 4;
      if (!skip_trivia()) return false;
    }
    Import import;
    std::size_t imported_offset = pos_;
    const bool string_name = !at_end() && is_quote(peek());
    if (string_name) {
      if (!parse_quoted(import.imported_name, imported_offset)) return false;
    } else if (const std::string_view name = word(); !name.empty()) {
      import.imported_name = name;
      pos_ += name.size();
    } else {
      return fail(pos_, "expected an imported name, found " + describe(text_, pos_));
    }
    if (!skip_trivia()) return false;
    if (word() == "as") {
      pos_ += 2;
      if (!skip_trivia() || !parse_local_name(import)) return false;
    } else if (string_name || is_reserved_word(import.imported_name)) {
      return fail(imported_offset, quoted(import.imported_name) +
                                       " cannot be used as a name here; write `" +
                                       import.imported_name + " as Name`");
    } else {
      import.local_name = import.imported_name;
      import.name_offset = imported_offset;
    }
    if (!type_only) names.push_back(std::move(import));
    return true;
  }

  // At `type` inside `{ ... }`: whether it marks the entry type-only
  // (`type T`, `type T as U`) rather than importing something named `type`
  // (`type`, `type as T`).
  bool type_is_inline_modifier() const {
    const std::size_t next = scan_trivia(text_, pos_ + 4).end;
    if (next >= text_.size()) return false;
    if (is_quote(text_[next])) return true;
    const std::string_view next_word = word_at(text_, next);
    return !next_word.empty() && next_word != "as";
  }

  // The binding name at pos_ into import.local_name / name_offset.
  bool parse_local_name(Import& import) {
    const std::string_view name = word();
    if (name.empty()) return fail(pos_, "expected a name, found " + describe(text_, pos_));
    if (is_reserved_word(name)) {
      return fail(pos_, quoted(name) + " is a reserved word and cannot name an import");
    }
    import.local_name = name;
    import.name_offset = pos_;
    pos_ += name.size();
    return true;
  }

  // A module path in '...' or "...", stored as written: backslashes are
  // rejected rather than decoded, since a path needs none and a Windows-style
  // `..\x` would silently mean something else in JavaScript.
  bool parse_module_path(std::string& out, std::size_t& offset) {
    if (at_end() || !is_quote(peek())) {
      return fail(pos_,
                  "expected the module path as a quoted string, found " + describe(text_, pos_));
    }
    const std::size_t open = pos_;
    if (!parse_quoted(out, offset)) return false;
    if (out.empty()) return fail(open, "empty module path");
    return true;
  }

  // '...' or "..." on one line; `out` is the text between the quotes and
  // `offset` where it starts.
  bool parse_quoted(std::string& out, std::size_t& offset) {
    const std::size_t open = pos_;
    const char quote = text_[pos_++];
    offset = pos_;
    for (; !at_end() && peek() != quote; ++pos_) {
      if (is_line_break(peek())) {
        return fail(open,
                    "unterminated string: the line ends before the closing " + quoted({&quote, 1}));
      }
      if (peek() == '\\') {
        return fail(pos_,
                    "backslashes are not supported in import paths and names; use `/` "
                    "between path segments");
      }
    }
    if (at_end()) {
      return fail(open, "unterminated string: missing the closing " + quoted({&quote, 1}));
    }
    out = text_.substr(offset, pos_ - offset);
    ++pos_;
    return true;
  }

  // An import ends at `;`, at a line break (automatic semicolon insertion)
  // or at the end of the text; anything else on the same line is an error.
  // An unterminated comment runs to the end, so it ends the import too; the
  // statement loop reports it.
  bool expect_statement_end() {
    const Trivia trivia = scan_trivia(text_, pos_);
    if (trivia.unclosed_comment) {
      pos_ = *trivia.unclosed_comment;
      return true;
    }
    if (trivia.end < text_.size() && text_[trivia.end] == ';') {
      pos_ = trivia.end + 1;
      return true;
    }
    if (trivia.line_break || trivia.end == text_.size()) {
      pos_ = trivia.end;
      return true;
    }
    return fail(trivia.end, "expected `;` or a line break after the import, found " +
                                describe(text_, trivia.end));
  }

  // Adds a parsed import unless its local name is taken; the first import of
  // a name wins and the repeat is reported at its own name.
  void commit(Import import) {
    const auto [existing, inserted] =
        local_names_.emplace(import.local_name, result_.imports.size());
    if (!inserted) {
      const Import& first = result_.imports[existing->second];
      fail(import.name_offset, "duplicate import name " + quoted(import.local_name) +
                                   ": it is already imported from '" + first.specifier + "'");
      return;
    }
    result_.imports.push_back(std::move(import));
  }

  // Inside a `{ ... }` list: whether pos_ is at an `import` that begins its
  // line and is not an imported name (`import as x`), i.e. the next
  // statement, which means the list's `}` is missing.
  bool starts_next_import() const {
    if (word() != "import" || word_at(text_, scan_trivia(text_, pos_ + 6).end) == "as") {
      return false;
    }
    std::size_t i = pos_;
    while (i > 0 && (text_[i - 1] == ' ' || text_[i - 1] == '\t')) --i;
    return i == 0 || is_line_break(text_[i - 1]);
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  // The `{` of the statement being parsed while its list is open; steers
  // recovery.
  std::optional<std::size_t> open_brace_;
  std::unordered_map<std::string, std::size_t> local_names_;  // → index in imports
  SetupImports result_;
};

}  // namespace

SetupImports parse_setup_imports(std::string_view setup) { return SetupParser(setup).run(); }

}  // namespace skiff
