// Build-time syntax highlighting of code blocks, on KDE's KSyntaxHighlighting
// (the engine of Kate and KDevelop, ~350 languages) plus skiff's own
// definitions for Astro, Vue and Svelte (render/syntax/*.xml, compiled into
// the binary). This header keeps Qt out of its users.
//
// Output: one HTML string per source line, text escaped, tokens wrapped as
// <span class="hl-XX">…</span>; every span is closed on its own line, so a
// caller can wrap lines (line numbers, marked lines) without rebalancing tags.
// Normal text and operators are not wrapped, and neighbouring tokens with the
// same class are merged, to keep the HTML small.
//
// Token classes (components/code/highlight.css colours them). The library
// tags each token with a Theme::TextStyle; some format names (the names
// definitions give their formats) override that, where the style misses the
// meaning:
//
//   class     text styles                       format names
//   hl-kw     Keyword, ControlFlow, Warning,
//             Alert (TODO/FIXME in comments)
//   hl-str    String, Char, SpecialChar,        "Code", "Fenced Code" when
//             VerbatimString, SpecialString     Information (Markdown)
//   hl-com    Comment, Documentation,
//             RegionMarker
//   hl-num    DecVal, BaseN, Float
//   hl-fn     Function
//   hl-type   DataType
//   hl-attr   Attribute, Annotation,            "Attribute" (markup attribute
//             Information (CSS pseudo-classes,  names, filed under Others),
//             doc-comment tags)                 "Style_String_Key" (JSON keys)
//   hl-bi     BuiltIn, Extension
//   hl-const  Constant                          "Boolean", "Null" (YAML: Char)
//   hl-imp    Import
//   hl-pp     Preprocessor
//   hl-var    Variable, CommentVar
//   hl-tag                                      "Element", "Element Tag",
//                                               "Component Tag" (HTML, XML,
//                                               JSX; Keyword / Function)
//   hl-ins                                      Diff "Added line",
//                                               "Changed line (new)"
//   hl-del                                      Diff "Removed line",
//                                               "Changed line (old)"
//   hl-err    Error
//   (none)    Normal, Operator, Others          "Normal Text" (YAML styles
//                                               it Attribute), JSON's
//                                               "Style_Seperator_*"
//
// Text: input is UTF-8 (invalid bytes become U+FFFD, so the output is always
// valid UTF-8). Lines are split at '\n'; a '\r' before it (CRLF) is kept but
// not shown to the highlighter and is written after the line's last closing
// tag, so joining the lines with '\n' gives back the input. Tabs are kept.
// A line is highlighted only up to kMaxHighlightedLineUnits UTF-16 units;
// the rest of a longer line (minified code, data URLs) is escaped plain
// text. The library's time per line grows with the square of its length for
// JavaScript-like definitions (some rules rescan the rest of the line): with
// KSyntaxHighlighting 5.103 a 4,000-unit line takes ~12 ms as JavaScript and
// ~40 ms as TSX, a 100,000-unit one 3.6 s as JavaScript.
//
// Reproducibility: the library also reads definitions from the user's and
// the system's XDG data folders (~/.local/share/org.kde.syntax-highlighting/
// syntax, katepart5/syntax, the same under $XDG_DATA_DIRS), and a file there
// with a higher version replaces the built-in one. skiff hides those folders
// while it loads definitions, so output depends only on the library version
// and skiff's own definitions (see highlighter.cc).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skiff {

// Build-time syntax highlighting (KDE KSyntaxHighlighting). One per process.
class Highlighter {
 public:
  // The process-wide highlighter, built on first use (10–20 ms: the library
  // reads the metadata of every definition; each language's full definition
  // is loaded the first time it is used). skiff renders pages in forked
  // worker processes: each worker builds its own on first use, or inherits
  // one built before the fork; both are fine. The first call must not race
  // with other threads reading the environment (see the constructor).
  // Never destroyed.
  static Highlighter& instance();

  // A separate highlighter with its own definitions and cache; instance() is
  // what skiff uses. Tests construct their own to observe construction
  // (e.g. with a changed environment). Construction briefly sets
  // XDG_DATA_HOME and XDG_DATA_DIRS (restored before it returns), so it
  // must not run while another thread reads the environment.
  explicit Highlighter(std::size_t cache_budget_bytes = kDefaultCacheBudget);
  ~Highlighter();
  Highlighter(const Highlighter&) = delete;
  Highlighter& operator=(const Highlighter&) = delete;

  // Canonical language for a fence's first word, case-insensitive, aliases
  // resolved: sh shell bash console shellsession zsh → bash; js javascript
  // mjs cjs → js; jsx; ts typescript mts cts → ts; tsx; json; jsonc json5 →
  // jsonc; html htm xhtml → html; css; scss; astro; vue; svelte; yaml yml →
  // yaml; md markdown → md; mdx; diff patch → diff; c h → c; cpp c++ cc cxx
  // hpp hh → cpp; python py → python; and a few more (rust rs, go, toml, ini,
  // sql, xml, …). Any other word that names a library definition (case-
  // insensitive, e.g. "Kotlin") or one of its file extensions (e.g. "rb")
  // gives that word lowercased. "" if unknown.
  std::string canonical(std::string_view fence_language) const;

  // Human-readable name of a language ("JavaScript", "TypeScript", "Shell",
  // "Astro", or the library's name for the definition), "" if unknown.
  // Accepts what canonical() accepts.
  std::string display_name(std::string_view language) const;

  // One HTML string per source line ('\n'-separated; a final empty line
  // after a trailing '\n' is not produced, so "" gives no lines and "\n" one
  // empty line), text HTML-escaped, tokens wrapped as <span class="hl-XX">…
  // </span>, every span closed at the end of its line. std::nullopt for an
  // unknown language (the caller renders escaped plain text). `language` is
  // anything canonical() accepts. Results are cached per (language, code);
  // the cache is bounded by the budget given to the constructor. Safe to
  // call from several threads (calls are serialised).
  std::optional<std::vector<std::string>> highlight_lines(std::string_view language,
                                                          std::string_view code);

  // What the highlighting library logged (Qt warnings such as a definition
  // that cannot be parsed). Qt would print these on stderr; skiff keeps them
  // here instead (the last 100, process-wide) for tests and debugging.
  static std::vector<std::string> library_messages();

  // Cache statistics, for tests and benchmarks.
  std::size_t cache_entries() const;
  std::size_t cache_bytes() const;

  static constexpr std::size_t kDefaultCacheBudget = std::size_t{32} << 20;  // 32 MiB
  static constexpr std::size_t kMaxHighlightedLineUnits = 4096;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace skiff
