#include "base/diagnostic.h"

#include <utility>

namespace skiff {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

std::string format_diagnostic(const Diagnostic& d, bool colour) {
  std::string out = d.file;
  if (d.pos.line > 0) {
    out += ':' + std::to_string(d.pos.line);
    if (d.pos.column > 0) out += ':' + std::to_string(d.pos.column);
  }
  out += ": ";
  std::string_view name = severity_name(d.severity);
  if (colour) {
    const char* code = d.severity == Severity::Error     ? "\033[1;31m"
                       : d.severity == Severity::Warning ? "\033[1;35m"
                                                         : "\033[1;36m";
    out += code;
    out += name;
    out += "\033[0m";
  } else {
    out += name;
  }
  out += ": ";
  out += d.message;
  return out;
}

void Diagnostics::add(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::Error) ++errors_;
  if (diagnostic.severity == Severity::Warning) ++warnings_;
  items_.push_back(std::move(diagnostic));
}

void Diagnostics::error(std::string file, Position pos, std::string message) {
  add({Severity::Error, std::move(file), pos, std::move(message)});
}

void Diagnostics::warning(std::string file, Position pos, std::string message) {
  add({Severity::Warning, std::move(file), pos, std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
  for (const Diagnostic& d : other.items_) add(d);
}

}  // namespace skiff
