// Prop values of MDX-style component tags: `name="text"`, `name='text'` and
// `name={ JavaScript literal }`. Only literals are accepted — arrays,
// objects (bare, quoted or numeric keys), strings in single, double or
// backtick quotes without `${}`, numbers, true/false/null/undefined — because
// skiff renders at build time and never runs the page's JavaScript.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace skiff {

struct PropValue;
struct PropMember;
using PropArray = std::vector<PropValue>;
using PropObject = std::vector<PropMember>;  // source order kept

struct PropValue {
  // monostate is `undefined`.
  std::variant<std::monostate, std::nullptr_t, bool, double, std::string, PropArray,
               PropObject>
      value;

  bool is_string() const { return std::holds_alternative<std::string>(value); }
  bool is_array() const { return std::holds_alternative<PropArray>(value); }
  bool is_object() const { return std::holds_alternative<PropObject>(value); }
  bool is_bool() const { return std::holds_alternative<bool>(value); }
  bool is_number() const { return std::holds_alternative<double>(value); }
  bool is_null() const { return std::holds_alternative<std::nullptr_t>(value); }
  // The string, or an empty string for any other kind.
  const std::string& string() const;
  // Member `key` of an object, or nullptr (also for non-objects).
  const PropValue* member(std::string_view key) const;
  // Value as text the way JavaScript's String() would show it for scalars
  // (numbers without a trailing .0); arrays/objects give "".
  std::string to_text() const;
};

struct PropMember {
  std::string key;
  PropValue value;
};

struct PropParseError {
  std::size_t offset = 0;  // byte offset into the parsed text
  std::string message;     // e.g. "function calls are not allowed in props"
};

// Parses the text between the braces of `name={...}` (the braces excluded).
// Leading and trailing whitespace is allowed; anything after the literal is
// an error. Errors name what was found: identifiers (variables), calls,
// template literals with `${`, spreads, arrow functions.
std::variant<PropValue, PropParseError> parse_prop_literal(std::string_view text);

}  // namespace skiff
