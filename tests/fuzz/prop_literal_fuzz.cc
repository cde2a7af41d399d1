// Fuzz target: prop literals, the text between the braces of `name={...}`
// (markdown/prop_literal.h).
#include <variant>

#include "fuzz_check.h"
#include "markdown/prop_literal.h"

using namespace skiff;

namespace {

// Walks the whole value the way components read it.
void visit(const PropValue& value) {
  (void)value.to_text();
  (void)value.string();
  (void)value.member("key");
  if (const auto* array = std::get_if<PropArray>(&value.value)) {
    for (const PropValue& item : *array) visit(item);
  } else if (const auto* object = std::get_if<PropObject>(&value.value)) {
    for (const PropMember& member : *object) visit(member.value);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto parsed = parse_prop_literal(fuzz::as_text(data, size));
  if (const auto* error = std::get_if<PropParseError>(&parsed)) {
    SKIFF_FUZZ_CHECK(error->offset <= size, std::to_string(error->offset) + ": " + error->message);
    SKIFF_FUZZ_CHECK(!error->message.empty(), std::to_string(error->offset));
  } else {
    visit(std::get<PropValue>(parsed));
  }
  return 0;
}
