#include "render/code_block.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <utility>

#include "base/html_escape.h"
#include "render/highlighter.h"

namespace skiff {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Reads "{1,3-5}" at `at` into `lines`; returns the offset after '}' or
// npos when the braces do not hold a valid list.
std::size_t read_ranges(std::string_view info, std::size_t at, LineRanges& lines,
                        std::string& error) {
  std::size_t close = info.find('}', at);
  if (close == std::string_view::npos) {
    error = "line range is missing its closing `}`";
    return std::string_view::npos;
  }
  std::string_view list = info.substr(at + 1, close - at - 1);
  std::size_t i = 0;
  auto number = [&](int& out) {
    while (i < list.size() && is_space(list[i])) ++i;
    auto [end, ec] = std::from_chars(list.data() + i, list.data() + list.size(), out);
    if (ec != std::errc() || out < 1 || out > kMaxCodeLine) return false;
    i = static_cast<std::size_t>(end - list.data());
    while (i < list.size() && is_space(list[i])) ++i;
    return true;
  };
  LineRanges read;
  while (i < list.size()) {
    int first = 0;
    int last = 0;
    if (!number(first)) {
      error = "line ranges are numbers from 1 to " + std::to_string(kMaxCodeLine) + ", like {2,4-6}";
      return std::string_view::npos;
    }
    last = first;
    if (i < list.size() && list[i] == '-') {
      ++i;
      if (!number(last) || last < first) {
        error = "a line range goes from a lower to a higher number, like {4-6}";
        return std::string_view::npos;
      }
    }
    read.add(first, last);
    if (i < list.size()) {
      if (list[i] != ',') {
        error = "line ranges are separated by commas, like {2,4-6}";
        return std::string_view::npos;
      }
      ++i;
    }
  }
  for (const auto& [first, last] : read.ranges()) lines.add(first, last);
  return close + 1;
}

// Reads a quoted value at `at` ('"' or '\''); returns the offset after the
// closing quote or npos.
std::size_t read_quoted(std::string_view info, std::size_t at, std::string& value) {
  char quote = info[at];
  std::size_t close = info.find(quote, at + 1);
  if (close == std::string_view::npos) return std::string_view::npos;
  value = std::string(info.substr(at + 1, close - at - 1));
  return close + 1;
}

// Reads a bare value (up to whitespace) at `at`.
std::size_t read_bare(std::string_view info, std::size_t at, std::string& value) {
  std::size_t end = at;
  while (end < info.size() && !is_space(info[end])) ++end;
  value = std::string(info.substr(at, end - at));
  return end;
}

// The end of a token that is not `key=value`: a quoted string or a
// /regex/ (Expressive Code's text and regex markers) is one token, spaces
// and all; anything else ends at whitespace.
std::size_t token_end(std::string_view info, std::size_t at) {
  char open = info[at];
  if (open == '"' || open == '\'' || open == '/') {
    for (std::size_t i = at + 1; i < info.size(); ++i) {
      if (info[i] == '\\') {
        ++i;
      } else if (info[i] == open) {
        return i + 1;
      }
    }
    return info.size();
  }
  std::size_t end = at;
  while (end < info.size() && !is_space(info[end])) ++end;
  return end;
}

bool is_diff_header(std::string_view line) {
  return line.starts_with("+++") || line.starts_with("---") || line.starts_with("@@") ||
         line.starts_with("diff ") || line.starts_with("index ");
}

// One source line as it is shown: its text and the class its diff role
// gives it.
struct ShownLine {
  std::string_view text;
  std::string_view diff_class;  // "ins", "del", "diff-add", "diff-del", "diff-meta" or ""
};

// Splits `code` into lines. In a diff, header lines are "diff-meta"; with
// `strip_markers` (```diff lang="js"), the first character of other lines
// (+, - or a space) is taken off and becomes the class "ins"/"del", drawn
// by CSS; without it (a plain patch), the text keeps its markers and the
// line is coloured as "diff-add"/"diff-del", so a copy is a valid patch.
std::vector<ShownLine> split_lines(std::string_view code, bool diff, bool strip_markers) {
  std::vector<ShownLine> lines;
  for (std::size_t at = 0; at < code.size();) {
    std::size_t end = code.find('\n', at);
    if (end == std::string_view::npos) end = code.size();
    std::string_view line = code.substr(at, end - at);
    if (line.ends_with('\r')) line.remove_suffix(1);
    ShownLine shown{line, ""};
    if (diff && is_diff_header(line)) {
      shown.diff_class = "diff-meta";
    } else if (diff && !line.empty() && (line[0] == '+' || line[0] == '-' || line[0] == ' ')) {
      if (strip_markers) {
        shown.diff_class = line[0] == '+' ? "ins" : line[0] == '-' ? "del" : "";
        shown.text = line.substr(1);
      } else {
        shown.diff_class = line[0] == '+' ? "diff-add" : line[0] == '-' ? "diff-del" : "";
      }
    }
    lines.push_back(shown);
    at = end + 1;
  }
  return lines;
}

}  // namespace

bool LineRanges::contains(int line) const {
  for (const auto& [first, last] : ranges_) {
    if (line >= first && line <= last) return true;
  }
  return false;
}

int LineRanges::last() const {
  int out = 0;
  for (const auto& [first, last] : ranges_) out = std::max(out, last);
  return out;
}

CodeBlockInfo parse_code_info(std::string_view info, std::vector<CodeInfoProblem>* problems) {
  CodeBlockInfo out;
  auto problem = [&](std::size_t column, std::string message) {
    if (problems != nullptr) problems->push_back({column, std::move(message)});
  };
  std::size_t at = info.find_first_not_of(" \t");
  if (at == std::string_view::npos) return out;
  // The language: up to whitespace or the '{' of a range ("js{1,2}").
  std::size_t end = at;
  while (end < info.size() && !is_space(info[end]) && info[end] != '{') ++end;
  out.language = std::string(info.substr(at, end - at));
  at = end;

  while (true) {
    while (at < info.size() && is_space(info[at])) ++at;
    if (at >= info.size()) break;
    std::size_t start = at;
    std::string error;
    if (info[at] == '{') {
      at = read_ranges(info, at, out.marked, error);
      if (at == std::string_view::npos) {
        problem(start, error);
        break;
      }
      continue;
    }
    if (info[at] == '"' || info[at] == '\'' || info[at] == '/') {
      // Expressive Code's text and regex markers: one token, not supported.
      at = token_end(info, at);
      problem(start, "text markers (`" + std::string(info.substr(start, at - start)) +
                         "`) are not supported; mark lines with {…} instead");
      continue;
    }
    std::size_t key_end = at;
    while (key_end < info.size() && !is_space(info[key_end]) && info[key_end] != '=') ++key_end;
    if (key_end == at) {  // a lone '='
      at = token_end(info, at);
      problem(start, "`" + std::string(info.substr(start, at - start)) + "` is not an option");
      continue;
    }
    std::string_view key = info.substr(at, key_end - at);
    bool has_value = key_end < info.size() && info[key_end] == '=';
    at = has_value ? key_end + 1 : key_end;

    if (key == "mark" || key == "ins" || key == "del") {
      if (!has_value || at >= info.size() || info[at] != '{') {
        problem(start, "`" + std::string(key) + "` takes line ranges, like " + std::string(key) +
                           "={2,4-6} (text markers are not supported)");
        if (has_value && at < info.size()) at = token_end(info, at);
        continue;
      }
      LineRanges& lines = key == "mark" ? out.marked : key == "ins" ? out.inserted : out.deleted;
      at = read_ranges(info, at, lines, error);
      if (at == std::string_view::npos) {
        problem(start, error);
        break;
      }
    } else if (key == "title" || key == "lang" || key == "frame") {
      std::string value;
      if (!has_value || at >= info.size()) {
        problem(start, "`" + std::string(key) + "` needs a value, like " + std::string(key) + "=\"…\"");
        continue;
      }
      if (info[at] == '"' || info[at] == '\'') {
        std::size_t next = read_quoted(info, at, value);
        if (next == std::string_view::npos) {
          problem(start, "the value of `" + std::string(key) + "` is missing its closing quote");
          break;
        }
        at = next;
      } else {
        at = read_bare(info, at, value);
      }
      if (key == "title") {
        out.title = value;
      } else if (key == "lang") {
        out.content_language = value;
      } else if (value == "code" || value == "terminal" || value == "none" || value == "auto") {
        out.frame = value;
      } else {
        problem(start, "frame is one of code, terminal, none, auto (not `" + value + "`)");
      }
    } else if (key == "showLineNumbers" || key == "startLineNumber") {
      // showLineNumbers[=true|false|N] (N: Docusaurus' first number),
      // startLineNumber=N.
      std::string value = key == "showLineNumbers" ? "true" : "";
      if (has_value) at = read_bare(info, at, value);
      int n = 0;
      auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      bool number = !value.empty() && ec == std::errc() && ptr == value.data() + value.size() &&
                    n >= 0 && n <= kMaxCodeLine;
      if (number) {
        out.first_line_number = n;
        out.line_numbers = true;
      } else if (key == "showLineNumbers" && (value == "true" || value == "false")) {
        out.line_numbers = value == "true";
      } else {
        problem(start, std::string(key) + " takes " + (key == "showLineNumbers" ? "true, false or " : "") +
                           "a whole number, like " + std::string(key) + "=5");
      }
    } else {
      problem(start, "unknown code block option `" + std::string(key) +
                         "` (known: title, {lines}, mark, ins, del, lang, frame, showLineNumbers, startLineNumber)");
      // Skip its value: quoted, a regex, {…} or bare.
      if (has_value && at < info.size() && info[at] == '{') {
        std::size_t close = info.find('}', at);
        at = close == std::string_view::npos ? info.size() : close + 1;
      } else if (has_value && at < info.size()) {
        at = token_end(info, at);
      }
    }
  }
  return out;
}

std::string render_code_block(const CodeBlockInfo& info, std::string_view code,
                              const CodeBlockStrings& strings,
                              const std::function<void(std::string)>& warn) {
  Highlighter& highlighter = Highlighter::instance();
  const std::string canonical = highlighter.canonical(info.language);
  const bool diff = canonical == "diff";
  std::vector<ShownLine> lines = split_lines(code, diff, diff && !info.content_language.empty());

  // What the shown text is highlighted as: a diff's content language when
  // given (the markers are gone), else the block's own language.
  std::string content = diff && !info.content_language.empty()
                            ? highlighter.canonical(info.content_language)
                            : canonical;
  std::optional<std::vector<std::string>> highlighted;
  if (strings.highlight && !content.empty() && !(diff && info.content_language.empty())) {
    std::string text;
    for (const ShownLine& line : lines) {
      text += line.text;
      text += '\n';
    }
    highlighted = highlighter.highlight_lines(content, text);
    if (highlighted && highlighted->size() != lines.size()) highlighted.reset();
  }
  // (A plain diff needs no token spans: its line classes colour it.)

  if (warn) {
    int count = static_cast<int>(lines.size());
    for (const LineRanges* ranges : {&info.marked, &info.inserted, &info.deleted}) {
      if (ranges->last() > count) {
        warn("line " + std::to_string(ranges->last()) + " cannot be marked: the code block has " +
             std::to_string(count) + (count == 1 ? " line" : " lines"));
        break;
      }
    }
  }

  std::string out = "<figure class=\"skiff-code";
  if (info.line_numbers) out += " skiff-code--numbered";
  if (info.frame == "terminal" || (info.frame.empty() && canonical == "bash" && info.title.empty())) {
    out += " skiff-code--terminal";
  }
  out += '"';
  // The language as the page names it: canonical when skiff knows it
  // ("sh" → "bash"), else as written.
  const std::string& named = canonical.empty() ? info.language : canonical;
  if (!info.language.empty()) {
    out += " data-language=\"";
    append_escaped(out, named, true);
    out += '"';
  }
  out += ">\n";
  if (!info.title.empty() && info.frame != "none") {
    out += "<figcaption class=\"skiff-code__title\">";
    append_escaped(out, info.title, false);
    out += "</figcaption>\n";
  }
  out += "<div class=\"skiff-code__bar\">";
  if (!info.language.empty()) {
    out += "<span class=\"skiff-code__lang\">";
    // The library's display name ("JavaScript", "Shell"); unknown
    // languages show as written.
    append_escaped(out, canonical.empty() ? info.language : highlighter.display_name(canonical), false);
    out += "</span>";
  }
  out += "<button type=\"button\" class=\"skiff-copy\" data-copied=\"";
  append_escaped(out, strings.copied, true);
  out += "\">";
  append_escaped(out, strings.copy, false);
  // The live region code_copy.js announces "Copied!" in: present from the
  // start, as screen readers ignore regions created and filled at once.
  out += "</button><span class=\"skiff-sr-only\" role=\"status\"></span></div>\n";
  out += "<pre tabindex=\"0\"><code";
  if (!info.language.empty()) {
    out += " class=\"language-";
    append_escaped(out, named, true);
    out += '"';
  }
  if (info.line_numbers && info.first_line_number != 1) {
    out += " style=\"counter-reset:line " + std::to_string(info.first_line_number - 1) + "\"";
  }
  out += '>';
  for (std::size_t i = 0; i < lines.size(); ++i) {
    int n = static_cast<int>(i) + 1;
    std::string_view role = lines[i].diff_class;
    if (info.inserted.contains(n)) role = "ins";
    if (info.deleted.contains(n)) role = "del";
    bool marked = info.marked.contains(n);
    // Added, removed and marked lines are <ins>, <del> and <mark>, so
    // screen readers can tell them apart without colour.
    std::string_view element = role == "ins" ? "ins" : role == "del" ? "del" : marked ? "mark" : "span";
    out += '<';
    out += element;
    out += " class=\"line";
    if (marked) out += " mark";
    if (!role.empty()) {
      out += ' ';
      out += role;
    }
    out += "\">";
    if (highlighted) {
      out += (*highlighted)[i];
    } else {
      append_escaped(out, lines[i].text, false);
    }
    out += "</";
    out += element;
    out += ">\n";
  }
  out += "</code></pre>\n</figure>\n";
  return out;
}

}  // namespace skiff
