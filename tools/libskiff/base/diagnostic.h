// Diagnostics: every problem skiff reports is a value with a file, a line and
// a column, printed as `file:line:col: severity: message` like a compiler.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace skiff {

// 1-based line and column; a zero line means "the whole file". Columns count
// Unicode code points, so editors and CI annotations land on the right
// character in lines with non-ASCII text.
struct Position {
  int line = 0;
  int column = 0;
  friend bool operator==(const Position&, const Position&) = default;
};

enum class Severity { Error, Warning, Note };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string file;  // as shown to the user, usually relative to the site
  Position pos;
  std::string message;
};

std::string_view severity_name(Severity severity);

// `file:line:col: error: message`; with colour, the severity is coloured
// (callers decide colour: terminal and no NO_COLOR).
std::string format_diagnostic(const Diagnostic& diagnostic, bool colour = false);

// An append-only list of diagnostics that stages write into. Stages never
// print; the command decides how and where diagnostics are shown.
class Diagnostics {
 public:
  void add(Diagnostic diagnostic);
  void error(std::string file, Position pos, std::string message);
  void warning(std::string file, Position pos, std::string message);
  void append(const Diagnostics& other);

  const std::vector<Diagnostic>& all() const { return items_; }
  bool empty() const { return items_.empty(); }
  int error_count() const { return errors_; }
  int warning_count() const { return warnings_; }

 private:
  std::vector<Diagnostic> items_;
  int errors_ = 0;
  int warnings_ = 0;
};

}  // namespace skiff
