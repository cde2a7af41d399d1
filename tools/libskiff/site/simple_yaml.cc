#include "site/simple_yaml.h"

#include <algorithm>
#include <set>

namespace skiff {
namespace {

bool is_key_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_key_char(char c) { return is_key_start(c) || (c >= '0' && c <= '9') || c == '-'; }

// Bytes and sequences no value in the subset may hold: control characters
// and DEL, and what YAML reads as line breaks or a byte-order mark (NEL,
// LS, PS, U+FEFF).
bool has_unsafe_bytes(std::string_view s) {
  for (char c : s) {
    auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F) return true;
  }
  for (std::string_view bad : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF"}) {
    if (s.find(bad) != std::string_view::npos) return true;
  }
  return false;
}

// The value of a one-line scalar `s` (trailing spaces already cut), or
// nullopt when it is not a plain or simple quoted scalar.
std::optional<std::string> one_line_scalar(std::string_view s) {
  if (s.empty() || has_unsafe_bytes(s)) return std::nullopt;
  const char first = s.front();
  if (first == '"' || first == '\'') {
    // Quoted, without escapes or inner quotes of its kind, nothing after.
    if (s.size() < 2 || s.back() != first) return std::nullopt;
    std::string_view inner = s.substr(1, s.size() - 2);
    if (inner.find(first) != std::string_view::npos) return std::nullopt;
    if (first == '"' && inner.find('\\') != std::string_view::npos) return std::nullopt;
    return std::string(inner);
  }
  // Plain: no indicator first, no comment or mapping inside, not null.
  if (std::string_view("-?:,[]{}#&*!|>%@`").find(first) != std::string_view::npos) return std::nullopt;
  if (s.find(" #") != std::string_view::npos || s.find(": ") != std::string_view::npos || s.back() == ':') {
    return std::nullopt;
  }
  if (s == "~" || s == "null" || s == "Null" || s == "NULL") return std::nullopt;
  return std::string(s);
}

// One line of the text: [begin, end) without its line end; `next` is where
// the following line starts.
struct Line {
  std::size_t begin = 0;
  std::string_view text;
  std::size_t next = 0;
};

Line line_at(std::string_view yaml, std::size_t at) {
  Line line;
  line.begin = at;
  std::size_t end = yaml.find('\n', at);
  line.next = end == std::string_view::npos ? yaml.size() : end + 1;
  if (end == std::string_view::npos) end = yaml.size();
  line.text = yaml.substr(at, end - at);
  if (!line.text.empty() && line.text.back() == '\r') line.text.remove_suffix(1);
  return line;
}

std::string_view trim_end(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::vector<SimpleYamlEntry>> read_simple_yaml(std::string_view yaml) {
  std::vector<SimpleYamlEntry> entries;
  std::set<std::string, std::less<>> keys;
  std::size_t at = 0;
  while (at < yaml.size()) {
    Line line = line_at(yaml, at);
    at = line.next;
    if (line.text.find_first_not_of(' ') == std::string_view::npos) continue;  // blank
    // key: at the start of the line, an identifier, ':' and a space.
    std::string_view text = line.text;
    if (!is_key_start(text[0])) return std::nullopt;
    std::size_t key_end = 1;
    while (key_end < text.size() && is_key_char(text[key_end])) ++key_end;
    if (key_end + 1 >= text.size() || text[key_end] != ':' || text[key_end + 1] != ' ') return std::nullopt;
    SimpleYamlEntry entry;
    entry.key = std::string(text.substr(0, key_end));
    // `null` keys are null to yaml-cpp; it refuses keys over 1024 bytes.
    if (entry.key == "null" || entry.key == "Null" || entry.key == "NULL" || key_end > 1000) return std::nullopt;
    if (!keys.insert(entry.key).second) return std::nullopt;
    entry.key_offset = line.begin;
    std::size_t value_begin = text.find_first_not_of(' ', key_end + 1);
    if (value_begin == std::string_view::npos) return std::nullopt;  // null
    std::string_view value = trim_end(text.substr(value_begin));
    entry.value_offset = line.begin + value_begin;
    if (value != "|") {
      auto scalar = one_line_scalar(value);
      if (!scalar) return std::nullopt;
      // A more indented line next would continue a plain scalar.
      if (at < yaml.size() && yaml[at] == ' ' &&
          line_at(yaml, at).text.find_first_not_of(' ') != std::string_view::npos) {
        return std::nullopt;
      }
      entry.value = std::move(*scalar);
      entries.push_back(std::move(entry));
      continue;
    }
    // A literal block: the indentation of its first non-blank line, kept
    // until a line indented less; blank lines inside are line breaks, those
    // at the end are cut to one (clip chomping).
    entry.block = true;
    std::size_t indent = 0;
    std::string content;
    std::size_t pending_breaks = 0;
    while (at < yaml.size()) {
      Line body = line_at(yaml, at);
      std::size_t spaces = body.text.find_first_not_of(' ');
      if (spaces == std::string_view::npos) {  // blank (only spaces)
        if (indent != 0 && body.text.size() > indent) return std::nullopt;  // spaces as content
        if (indent == 0 && !body.text.empty()) return std::nullopt;
        ++pending_breaks;
        at = body.next;
        continue;
      }
      if (indent == 0) {
        if (spaces == 0) break;  // no content at all
        indent = spaces;
      } else if (spaces < indent) {
        if (spaces != 0) return std::nullopt;  // under-indented content
        break;
      }
      if (body.text[spaces] == '\t' || has_unsafe_bytes(body.text)) return std::nullopt;
      // The text's last line without a line end: YAML keeps no final break
      // then (clip chomps only breaks that are there). Rare; yaml-cpp reads it.
      if (body.next == yaml.size() && yaml.back() != '\n') return std::nullopt;
      content.append(pending_breaks, '\n');
      pending_breaks = 0;
      content += body.text.substr(indent);
      content += '\n';
      at = body.next;
    }
    if (content.empty()) return std::nullopt;
    entry.value = std::move(content);
    entries.push_back(std::move(entry));
  }
  if (entries.empty()) return std::nullopt;
  return entries;
}

}  // namespace skiff
