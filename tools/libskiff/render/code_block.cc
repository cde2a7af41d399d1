#include "render/code_block.h"

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
std::size_t read_ranges(std::string_view info, std::size_t at, std::set<int>& lines,
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
    if (ec != std::errc() || out < 1) return false;
    i = static_cast<std::size_t>(end - list.data());
    while (i < list.size() && is_space(list[i])) ++i;
    return true;
  };
  std::set<int> read;
  while (i < list.size()) {
    int first = 0;
    int last = 0;
    if (!number(first)) {
      error = "line ranges are numbers from 1, like {2,4-6}";
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
    // A range is written by hand: anything this long is a typo, and would
    // only fill memory.
    if (last - first > 100000) {
      error = "line range {" + std::to_string(first) + "-" + std::to_string(last) + "} is too long";
      return std::string_view::npos;
    }
    for (int n = first; n <= last; ++n) read.insert(n);
    if (i < list.size()) {
      if (list[i] != ',') {
        error = "line ranges are separated by commas, like {2,4-6}";
        return std::string_view::npos;
      }
      ++i;
    }
  }
  lines.insert(read.begin(), read.end());
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

bool is_diff_header(std::string_view line) {
  return line.starts_with("+++") || line.starts_with("---") || line.starts_with("@@") ||
         line.starts_with("diff ") || line.starts_with("index ");
}

// One source line as it is shown: its text (marker removed) and classes.
struct ShownLine {
  std::string_view text;
  std::string_view marker_class;  // "ins", "del", "diff-meta" or ""
};

std::vector<ShownLine> split_lines(std::string_view code, bool diff) {
  std::vector<ShownLine> lines;
  for (std::size_t at = 0; at < code.size();) {
    std::size_t end = code.find('\n', at);
    if (end == std::string_view::npos) end = code.size();
    std::string_view line = code.substr(at, end - at);
    if (line.ends_with('\r')) line.remove_suffix(1);
    ShownLine shown{line, ""};
    if (diff) {
      if (is_diff_header(line)) {
        shown.marker_class = "diff-meta";
      } else if (!line.empty() && (line[0] == '+' || line[0] == '-' || line[0] == ' ')) {
        shown.marker_class = line[0] == '+' ? "ins" : line[0] == '-' ? "del" : "";
        shown.text = line.substr(1);
      }
    }
    lines.push_back(shown);
    at = end + 1;
  }
  return lines;
}

}  // namespace

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
    std::size_t key_end = at;
    while (key_end < info.size() && !is_space(info[key_end]) && info[key_end] != '=') ++key_end;
    std::string_view key = info.substr(at, key_end - at);
    bool has_value = key_end < info.size() && info[key_end] == '=';
    at = has_value ? key_end + 1 : key_end;

    if (key == "mark" || key == "ins" || key == "del") {
      if (!has_value || at >= info.size() || info[at] != '{') {
        problem(start, "`" + std::string(key) + "` takes line ranges, like " + std::string(key) + "={2,4-6}");
        at = read_bare(info, at, error);
        continue;
      }
      std::set<int>& lines = key == "mark" ? out.marked : key == "ins" ? out.inserted : out.deleted;
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
    } else if (key == "showLineNumbers") {
      std::string value = "true";
      if (has_value) at = read_bare(info, at, value);
      if (value != "true" && value != "false") {
        problem(start, "showLineNumbers is true or false (not `" + value + "`)");
      } else {
        out.line_numbers = value == "true";
      }
    } else if (key == "startLineNumber") {
      std::string value;
      if (has_value) at = read_bare(info, at, value);
      int n = 0;
      auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec != std::errc() || ptr != value.data() + value.size() || n < 0) {
        problem(start, "startLineNumber takes a whole number, like startLineNumber=5");
      } else {
        out.first_line_number = n;
        out.line_numbers = true;
      }
    } else {
      problem(start, "unknown code block option `" + std::string(key) +
                         "` (known: title, {lines}, mark, ins, del, lang, frame, showLineNumbers, startLineNumber)");
      // Skip its value, quoted or not.
      if (has_value && at < info.size() && (info[at] == '"' || info[at] == '\'')) {
        std::string ignored;
        std::size_t next = read_quoted(info, at, ignored);
        at = next == std::string_view::npos ? info.size() : next;
      } else if (has_value && at < info.size() && info[at] == '{') {
        std::size_t close = info.find('}', at);
        at = close == std::string_view::npos ? info.size() : close + 1;
      } else if (has_value) {
        at = read_bare(info, at, error);
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
  std::vector<ShownLine> lines = split_lines(code, diff);

  // What the shown text is highlighted as: a diff's content language when
  // given (the markers are gone), else the block's own language.
  std::string content = diff && !info.content_language.empty()
                            ? highlighter.canonical(info.content_language)
                            : canonical;
  std::optional<std::vector<std::string>> highlighted;
  if (!content.empty() && !(diff && info.content_language.empty())) {
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
    for (const std::set<int>* set : {&info.marked, &info.inserted, &info.deleted}) {
      if (!set->empty() && *set->rbegin() > count) {
        warn("line " + std::to_string(*set->rbegin()) + " cannot be marked: the code block has " +
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
  out += "</button></div>\n";
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
    std::string_view marker = lines[i].marker_class;
    if (info.inserted.count(n) > 0) marker = "ins";
    if (info.deleted.count(n) > 0) marker = "del";
    out += "<span class=\"line";
    if (info.marked.count(n) > 0) out += " mark";
    if (!marker.empty()) {
      out += ' ';
      out += marker;
    }
    out += "\">";
    if (highlighted) {
      out += (*highlighted)[i];
    } else {
      append_escaped(out, lines[i].text, false);
    }
    out += "</span>\n";
  }
  out += "</code></pre>\n</figure>\n";
  return out;
}

}  // namespace skiff
