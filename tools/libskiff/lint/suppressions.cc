#include "lint/suppressions.h"

#include <map>

#include "base/source_text.h"

namespace skiff {

Suppressions::Suppressions(std::string_view text) {
  constexpr std::string_view kMark = "skiff-lint-";
  if (text.find(kMark) == std::string_view::npos) return;  // the common case
  // Lines as findings count them (\n, \r\n or a lone \r).
  const SourceText source("", std::string(text));
  for (std::size_t at = 0; (at = text.find("<!--", at)) != std::string_view::npos;) {
    const int line = source.position_of(at).line;
    std::size_t close = text.find("-->", at + 4);
    if (close == std::string_view::npos) break;
    std::string_view body = text.substr(at + 4, close - at - 4);
    at = close + 3;
    std::size_t begin = body.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos || body.substr(begin, kMark.size()) != kMark) continue;
    body.remove_prefix(begin + kMark.size());
    std::size_t word_end = body.find_first_of(" \t\r\n");
    std::string_view word = body.substr(0, word_end);
    Change change;
    change.line = line;
    if (word == "disable") {
      change.disable = true;
    } else if (word == "enable") {
      change.disable = false;
    } else if (word == "disable-line") {
      change.scope = Change::ThisLine;
    } else if (word == "disable-next-line") {
      change.scope = Change::ThisLine;
      change.line = line + 1;
    } else {
      continue;  // unknown directive: not ours to guess
    }
    std::string_view rest = word_end == std::string_view::npos ? "" : body.substr(word_end);
    for (std::size_t i = 0; i < rest.size();) {
      std::size_t b = rest.find_first_not_of(" \t\r\n,", i);
      if (b == std::string_view::npos) break;
      std::size_t e = rest.find_first_of(" \t\r\n,", b);
      if (e == std::string_view::npos) e = rest.size();
      change.rules.emplace(rest.substr(b, e - b));
      i = e;
    }
    changes_.push_back(std::move(change));
  }
}

bool Suppressions::silenced(std::string_view rule, int line) const {
  bool off = false;
  for (const Change& c : changes_) {
    bool applies = c.rules.empty() || c.rules.count(rule) > 0;
    if (!applies) continue;
    if (c.scope == Change::ThisLine) {
      if (c.line == line) return true;
      continue;
    }
    if (c.line <= std::max(line, 1)) off = c.disable;
  }
  return off;
}

void apply_suppressions(Findings& findings,
                        const std::vector<std::pair<std::string, std::string>>& texts) {
  std::map<std::string_view, Suppressions> by_file;
  for (const auto& [file, text] : texts) by_file.emplace(file, Suppressions(text));
  std::erase_if(findings, [&](const Finding& f) {
    auto it = by_file.find(f.file);
    return it != by_file.end() && it->second.silenced(f.rule, f.pos.line);
  });
}

}  // namespace skiff
