#include "site/frontmatter.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <string>

#include "base/byte_set.h"
#include "base/utf8.h"
#include "site/simple_yaml.h"

namespace skiff {
namespace {

// Flow collections (`[`, `{`) nested deeper than this are refused before
// yaml-cpp sees them: real frontmatter nests two or three levels, and
// yaml-cpp's own guard (2,000 levels) reports "bad file" at a wrong place.
constexpr int kMaxFlowDepth = 100;

// Length of the line starting at `pos` without its line end, and the offset
// of the next line.
std::string_view line_at(std::string_view text, std::size_t pos, std::size_t& next) {
  std::size_t end = kLineEnds.find(text, pos);
  if (end == std::string_view::npos) {
    next = text.size();
    return text.substr(pos);
  }
  next = end + 1;
  if (text[end] == '\r' && next < text.size() && text[next] == '\n') ++next;
  return text.substr(pos, end - pos);
}

bool is_fence(std::string_view line, bool closing) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
}

// yaml-cpp marks count bytes from the start of the YAML text; positions
// count code points in the page.
Position to_position(const SourceText& source, const YAML::Mark& mark, std::size_t yaml_begin) {
  if (mark.is_null() || mark.pos < 0) return source.position_of(yaml_begin);
  return source.position_of(yaml_begin + static_cast<std::size_t>(mark.pos));
}

// C0 control bytes other than tab and line ends: YAML refuses them, and
// yaml-cpp then reports something unrelated ("unknown escape character").
// The first is reported with its own position; all become spaces (one byte
// for one, so marks stay aligned) and the YAML is still read.
void replace_control_bytes(std::string& yaml, std::size_t yaml_begin, const SourceText& source,
                           Diagnostics& diagnostics) {
  int count = 0;
  std::size_t first = 0;
  for (std::size_t i = 0; i < yaml.size(); ++i) {
    auto c = static_cast<unsigned char>(yaml[i]);
    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') continue;
    if (count++ == 0) first = i;
    yaml[i] = ' ';
  }
  if (count == 0) return;
  auto byte = static_cast<unsigned char>(source.text()[yaml_begin + first]);
  static const char kHex[] = "0123456789ABCDEF";
  std::string hex = std::string("0x") + kHex[byte >> 4] + kHex[byte & 15];
  std::string message = byte == 0 ? "NUL byte (0x00) in frontmatter" : "control character " + hex + " in frontmatter";
  message += ": YAML does not allow control characters";
  if (count > 1) message += " (" + std::to_string(count - 1) + " more after it)";
  diagnostics.error(source.path(), source.position_of(yaml_begin + first), std::move(message));
}

// Offset of the first `[` or `{` nested more than kMaxFlowDepth deep in
// `yaml`, or npos. Quoted scalars and comments are skipped; outside flow
// collections a bracket only opens one where a value starts.
std::size_t too_deep_flow(std::string_view yaml) {
  int depth = 0;
  char before = '\n';  // the last character that was not a space
  for (std::size_t i = 0; i < yaml.size(); ++i) {
    char c = yaml[i];
    bool value_start = depth > 0 || before == '\n' || before == ':' || before == '-' || before == ',' ||
                       before == '[' || before == '{' || before == '?';
    if ((c == '"' || c == '\'') && value_start) {
      for (++i; i < yaml.size(); ++i) {
        if (c == '"' && yaml[i] == '\\') {
          ++i;
        } else if (yaml[i] == c) {
          if (c == '\'' && i + 1 < yaml.size() && yaml[i + 1] == '\'') {
            ++i;
          } else {
            break;
          }
        }
      }
      before = c;
      continue;
    }
    if (c == '#' && (i == 0 || yaml[i - 1] == ' ' || yaml[i - 1] == '\t' || yaml[i - 1] == '\n')) {
      while (i < yaml.size() && yaml[i] != '\n') ++i;
      before = '\n';
      continue;
    }
    if ((c == '[' || c == '{') && value_start) {
      if (++depth > kMaxFlowDepth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
    if (c != ' ' && c != '\t' && c != '\r') before = c;
  }
  return std::string_view::npos;
}

std::string scalar_text(const YAML::Node& node) {
  if (node.IsScalar()) return node.Scalar();
  if (node.IsNull()) return "";
  YAML::Emitter out;
  out << node;
  return out.c_str();
}

// One top-level entry, however it was read (yaml-cpp or simple_yaml).
struct KeyValue {
  std::string key;
  std::string text;  // the scalar, or a collection as YAML text
  Position key_pos;
  Position value_pos;
  bool scalar = true;  // false: a list or a map
};

// Records one entry in `fm`; problems with its value go to `diagnostics`.
void apply_key(KeyValue entry, const SourceText& source, Frontmatter& fm, Diagnostics& diagnostics) {
  const std::string& key = entry.key;
  const Position key_pos = entry.key_pos;
  const Position value_pos = entry.value_pos;
  std::string& text = entry.text;
  // Values go into <title>, <h1> and attributes: the output must be valid
  // UTF-8 whatever the page's bytes were.
  text = to_valid_utf8(std::move(text));
  fm.key_positions[key] = key_pos;
  if (key == "i18nReady") {
    // Exactly true or false, as YAML 1.2 and Astro's schema read it (not
    // yes/on). Also: yaml-cpp 0.7's convert<bool> is not thread-safe.
    if (entry.scalar && (text == "true" || text == "false")) {
      fm.i18n_ready = text == "true";
    } else {
      diagnostics.error(source.path(), value_pos,
                        "`i18nReady` must be true or false, not `" + text + "`");
    }
  } else if ((key == "title" || key == "layout" || key == "description" || key == "setup") &&
             !entry.scalar) {
    diagnostics.error(source.path(), value_pos, "`" + key + "` must be text");
    return;
  }
  if (key == "title") fm.title = text;
  if (key == "layout") fm.layout = text;
  if (key == "description") fm.description = text;
  if (key == "setup") {
    fm.setup = text;
    // A block scalar starts on the next line; YAML strips its indentation.
    fm.setup_first_line = value_pos.line;
    fm.setup_indent = 0;
    std::string_view line;
    std::size_t start = source.line_start(key_pos.line);
    std::size_t next = 0;
    line = line_at(source.text(), start, next);
    std::size_t colon = line.find(':');
    std::size_t value = colon == std::string_view::npos ? colon : line.find_first_not_of(" \t", colon + 1);
    // Literal blocks only: a folded one (`>`) joins its lines with spaces,
    // so offsets in the text no longer follow the file's lines.
    bool block = value != std::string_view::npos && line[value] == '|';
    // An explicit indentation indicator (`|2`, `|-2`, `|2+`) fixes the
    // indentation; the first line may then be indented further.
    int indicated = 0;
    for (std::size_t i = block ? value + 1 : line.size(); i < line.size() && i < value + 3; ++i) {
      if (line[i] >= '1' && line[i] <= '9') indicated = line[i] - '0';
    }
    if (block) {
      fm.setup_first_line = key_pos.line + 1;
      std::string_view content = line_at(source.text(), next, next);
      // The indentation is the first non-blank line's (YAML's own rule).
      while (content.find_first_not_of(" \t") == std::string_view::npos && next < source.text().size()) {
        content = line_at(source.text(), next, next);
      }
      while (fm.setup_indent < static_cast<int>(content.size()) && content[fm.setup_indent] == ' ') {
        ++fm.setup_indent;
      }
      if (indicated > 0) fm.setup_indent = indicated;
    } else {
      fm.setup_indent = -1;  // not a block: positions map to the key
    }
  }
  fm.values[key] = std::move(text);
}

void read_keys(const YAML::Node& root, std::size_t yaml_begin, const SourceText& source,
               Frontmatter& fm, Diagnostics& diagnostics) {
  std::map<std::string, Position, std::less<>> seen;
  for (const auto& entry : root) {
    KeyValue kv;
    kv.key = to_valid_utf8(entry.first.IsScalar() ? entry.first.Scalar() : scalar_text(entry.first));
    kv.key_pos = to_position(source, entry.first.Mark(), yaml_begin);
    // YAML forbids repeated keys; yaml-cpp keeps both and the later wins.
    if (auto [it, added] = seen.emplace(kv.key, kv.key_pos); !added) {
      diagnostics.warning(source.path(), kv.key_pos,
                          "frontmatter key `" + kv.key + "` is repeated (first on line " +
                              std::to_string(it->second.line) + "); this later value is used");
    }
    kv.value_pos = to_position(source, entry.second.Mark(), yaml_begin);
    kv.text = scalar_text(entry.second);
    kv.scalar = entry.second.IsScalar() || entry.second.IsNull();
    apply_key(std::move(kv), source, fm, diagnostics);
  }
}

}  // namespace

std::size_t frontmatter_end(std::string_view text) {
  std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  std::size_t next = 0;
  if (!is_fence(line_at(text, start, next), false)) return start;
  for (std::size_t pos = next; pos < text.size(); pos = next) {
    if (is_fence(line_at(text, pos, next), true)) return next;
  }
  return text.size();
}

Position Frontmatter::setup_position(std::size_t offset) const {
  if (setup_indent < 0 || setup_first_line == 0) return {setup_first_line, 1};
  // The end of the text ("expected `from`…, found end of input") is shown
  // just after its last character: past the block's final line end, the
  // file may have a blank line (no room for the indentation) or the
  // closing `---`.
  if (offset >= setup.size()) {
    offset = setup.size();
    while (offset > 0 && (setup[offset - 1] == '\n' || setup[offset - 1] == ' ' || setup[offset - 1] == '\t')) --offset;
  }
  int line = setup_first_line;
  int column = 1;
  for (std::size_t i = 0; i < offset && i < setup.size(); ++i) {
    if (setup[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(setup[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column + setup_indent};
}

ParsedPage parse_frontmatter(const SourceText& source, Diagnostics& diagnostics) {
  ParsedPage page;
  std::string_view text = source.text();
  std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  std::size_t next = 0;
  if (!is_fence(line_at(text, start, next), false)) {
    page.body_offset = start;
    return page;
  }
  page.frontmatter.present = true;
  std::size_t yaml_begin = next;
  std::size_t pos = next;
  while (pos < text.size()) {
    std::size_t line_begin = pos;
    if (is_fence(line_at(text, pos, next), true)) {
      page.body_offset = next;
      std::string yaml(text.substr(yaml_begin, line_begin - yaml_begin));
      // yaml-cpp does not take a lone \r as a line end; one byte for one
      // byte keeps its marks aligned with the file.
      for (std::size_t i = 0; i < yaml.size(); ++i) {
        if (yaml[i] == '\r' && (i + 1 == yaml.size() || yaml[i + 1] != '\n')) yaml[i] = '\n';
      }
      replace_control_bytes(yaml, yaml_begin, source, diagnostics);
      // The plain subset first: far cheaper, and yaml-cpp reads it the same
      // (see simple_yaml.h).
      if (auto entries = read_simple_yaml(yaml)) {
        for (SimpleYamlEntry& e : *entries) {
          apply_key({std::move(e.key), std::move(e.value), source.position_of(yaml_begin + e.key_offset),
                     source.position_of(yaml_begin + e.value_offset), true},
                    source, page.frontmatter, diagnostics);
        }
        return page;
      }
      if (std::size_t deep = too_deep_flow(yaml); deep != std::string_view::npos) {
        diagnostics.error(source.path(), source.position_of(yaml_begin + deep),
                          "frontmatter nested too deep: more than " + std::to_string(kMaxFlowDepth) +
                              " levels of `[` and `{`");
        return page;
      }
      try {
        YAML::Node root = YAML::Load(yaml);
        if (root.IsMap()) {
          read_keys(root, yaml_begin, source, page.frontmatter, diagnostics);
        } else if (!root.IsNull()) {
          diagnostics.error(source.path(), source.position_of(yaml_begin),
                            "frontmatter must be a mapping of keys to values");
        }
      } catch (const YAML::DeepRecursion& e) {
        // Past kMaxFlowDepth only through block nesting (thousands of
        // indented levels); yaml-cpp's mark is where it stopped.
        diagnostics.error(source.path(), to_position(source, e.mark, yaml_begin),
                          "frontmatter nested too deep: yaml-cpp stops at " + std::to_string(e.depth()) + " levels");
      } catch (const YAML::Exception& e) {
        diagnostics.error(source.path(), to_position(source, e.mark, yaml_begin), "invalid YAML: " + e.msg);
      }
      return page;
    }
    pos = next;
  }
  diagnostics.error(source.path(), {1, 1},
                    "frontmatter opened with `---` is never closed (add a `---` line after it)");
  page.body_offset = text.size();
  return page;
}

}  // namespace skiff
