#include "markdown/document.h"

namespace skiff {

const Prop* Props::find(std::string_view name) const {
  for (const Prop& prop : items) {
    if (prop.name == name) return &prop;
  }
  return nullptr;
}

std::string Props::text(std::string_view name, std::string_view fallback) const {
  const Prop* prop = find(name);
  if (prop == nullptr || !prop->value.is_string()) return std::string(fallback);
  return prop->value.string();
}

std::string block_placeholder(std::size_t index) {
  return "<!--skiff:" + std::to_string(index) + "-->";
}

std::string inline_placeholder(std::size_t index) {
  std::string out(kInlinePlaceholderOpen);
  out += std::to_string(index);
  out += kInlinePlaceholderClose;
  return out;
}

int parse_block_placeholder(std::string_view literal) {
  while (!literal.empty() && (literal.back() == '\n' || literal.back() == ' ')) literal.remove_suffix(1);
  while (!literal.empty() && literal.front() == ' ') literal.remove_prefix(1);
  constexpr std::string_view open = "<!--skiff:";
  constexpr std::string_view close = "-->";
  if (literal.size() <= open.size() + close.size() || literal.substr(0, open.size()) != open ||
      literal.substr(literal.size() - close.size()) != close) {
    return -1;
  }
  std::string_view digits = literal.substr(open.size(), literal.size() - open.size() - close.size());
  int value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9' || value > 100000000) return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

Position Fragment::source_position(int line, int column) const {
  if (line < 1 || static_cast<std::size_t>(line) > lines.size()) return {};
  const int raw_column = column + indent;
  // The last placeholder before the column on this line, if any.
  const Resume* after = nullptr;
  for (const Resume& r : resumes) {
    if (r.line == line && r.column <= raw_column) after = &r;
    if (r.line > line) break;
  }
  if (after != nullptr) return {after->source.line, after->source.column + (raw_column - after->column)};
  return {lines[static_cast<std::size_t>(line) - 1], raw_column};
}

}  // namespace skiff
