#include "render/highlighter.h"

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>
#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "base/html_escape.h"
#include "base/utf8.h"
#include "render/shared_cache.h"

// The rcc output for syntax/syntax.qrc (meson: qt5.compile_resources, name
// skiff_syntax). rcc registers the resource from a static initialiser, but
// nothing references that object file, so a static link would drop it;
// Q_INIT_RESOURCE references it (and registering twice is a no-op). The
// macro declares a global function, so it must be called outside namespaces.
static void init_skiff_syntax_resource() { Q_INIT_RESOURCE(skiff_syntax); }

namespace skiff {
namespace {

namespace ksh = KSyntaxHighlighting;

// ---- Token classes ---------------------------------------------------------

enum class Token : std::uint8_t {
  kNone, kKeyword, kString, kComment, kNumber, kFunction, kType, kAttribute, kBuiltIn,
  kConstant, kImport, kPreprocessor, kVariable, kTag, kInserted, kDeleted, kError,
};

constexpr std::array<std::string_view, 17> kTokenClass = {
    "", "hl-kw", "hl-str", "hl-com", "hl-num", "hl-fn", "hl-type", "hl-attr", "hl-bi",
    "hl-const", "hl-imp", "hl-pp", "hl-var", "hl-tag", "hl-ins", "hl-del", "hl-err",
};

Token token_for_style(ksh::Theme::TextStyle style) {
  using S = ksh::Theme::TextStyle;
  switch (style) {
    case S::Keyword:
    case S::ControlFlow:
    case S::Warning:
    case S::Alert: return Token::kKeyword;
    case S::String:
    case S::Char:
    case S::SpecialChar:
    case S::VerbatimString:
    case S::SpecialString: return Token::kString;
    case S::Comment:
    case S::Documentation:
    case S::RegionMarker: return Token::kComment;
    case S::DecVal:
    case S::BaseN:
    case S::Float: return Token::kNumber;
    case S::Function: return Token::kFunction;
    case S::DataType: return Token::kType;
    case S::Attribute:
    case S::Annotation:
    case S::Information: return Token::kAttribute;
    case S::BuiltIn:
    case S::Extension: return Token::kBuiltIn;
    case S::Constant: return Token::kConstant;
    case S::Import: return Token::kImport;
    case S::Preprocessor: return Token::kPreprocessor;
    case S::Variable:
    case S::CommentVar: return Token::kVariable;
    case S::Error: return Token::kError;
    case S::Normal:
    case S::Operator:
    case S::Others: return Token::kNone;
  }
  return Token::kNone;
}

// Format names whose meaning the text style misses (checked against every
// definition of KSyntaxHighlighting 5.103). `style` limits an entry to one
// text style where the name is used for unrelated things elsewhere.
struct FormatName {
  std::string_view name;
  std::optional<ksh::Theme::TextStyle> style;
  Token token;
};

const FormatName kFormatNames[] = {
    // Markup tags: Keyword (HTML, XML, JSX elements) or Function (JSX components).
    {"Element", {}, Token::kTag},
    {"Element Tag", {}, Token::kTag},
    {"Component Tag", {}, Token::kTag},
    // Markup attribute names are filed under Others.
    {"Attribute", {}, Token::kAttribute},
    // Diff: removed lines are String, added ones Variable.
    {"Added line", {}, Token::kInserted},
    {"Changed line (new)", {}, Token::kInserted},
    {"Removed line", {}, Token::kDeleted},
    {"Changed line (old)", {}, Token::kDeleted},
    // Plain text styled as something else (YAML's plain scalars are Attribute).
    {"Normal Text", {}, Token::kNone},
    // JSON: punctuation is Function / Others, keys DataType.
    {"Style_Seperator_Pair", {}, Token::kNone},
    {"Style_Seperator_Array", {}, Token::kNone},
    {"Style_String_Key", {}, Token::kAttribute},
    // YAML and others file true/false/null under Char.
    {"Boolean", {}, Token::kConstant},
    {"Null", {}, Token::kConstant},
    // Markdown code spans and fences are Information.
    {"Code", ksh::Theme::Information, Token::kString},
    {"Fenced Code", ksh::Theme::Information, Token::kString},
};

// The class of one library format: its text style, refined by its name
// (see the table in highlighter.h). Both come from the definition files,
// which are fixed at build time.
Token token_for_format(const ksh::Format& format) {
  if (!format.isValid()) return Token::kNone;
  const ksh::Theme::TextStyle style = format.textStyle();
  const QString name = format.name();
  for (const FormatName& entry : kFormatNames) {
    if (entry.style && *entry.style != style) continue;
    if (name == QLatin1String(entry.name.data(), static_cast<int>(entry.name.size()))) {
      return entry.token;
    }
  }
  return token_for_style(style);
}

// ---- Languages ---------------------------------------------------------------

// skiff's languages: canonical name, library definition, display name. The
// definitions Astro, Vue and Svelte are skiff's own (render/syntax/).
struct Language {
  std::string_view canonical;
  std::string_view definition;
  std::string_view display;
};

constexpr Language kLanguages[] = {
    {"bash", "Bash", "Shell"},
    {"js", "JavaScript", "JavaScript"},
    {"jsx", "JavaScript React (JSX)", "JSX"},
    {"ts", "TypeScript", "TypeScript"},
    {"tsx", "TypeScript React (TSX)", "TSX"},
    {"json", "JSON", "JSON"},
    // JSON with comments and trailing commas: the library's JSON definition
    // marks comments as errors, JavaScript reads them as intended.
    {"jsonc", "JavaScript", "JSON"},
    {"html", "HTML", "HTML"},
    {"css", "CSS", "CSS"},
    {"scss", "SCSS", "SCSS"},
    {"sass", "SASS", "Sass"},
    {"less", "LESSCSS", "Less"},
    {"astro", "Astro", "Astro"},
    {"vue", "Vue", "Vue"},
    {"svelte", "Svelte", "Svelte"},
    {"yaml", "YAML", "YAML"},
    {"md", "Markdown", "Markdown"},
    {"mdx", "Markdown", "MDX"},
    {"diff", "Diff", "Diff"},
    {"c", "C", "C"},
    {"cpp", "C++", "C++"},
    {"python", "Python", "Python"},
    {"rust", "Rust", "Rust"},
    {"go", "Go", "Go"},
    {"toml", "TOML", "TOML"},
    {"ini", "INI Files", "INI"},
    {"sql", "SQL", "SQL"},
    {"xml", "XML", "XML"},
    {"dockerfile", "Dockerfile", "Dockerfile"},
    {"makefile", "Makefile", "Makefile"},
    {"java", "Java", "Java"},
    {"kotlin", "Kotlin", "Kotlin"},
    {"ruby", "Ruby", "Ruby"},
    {"php", "PHP (HTML)", "PHP"},
    {"csharp", "C#", "C#"},
    {"powershell", "PowerShell", "PowerShell"},
    {"graphql", "GraphQL", "GraphQL"},
};

// Fence words that name a language above by another name (lowercase).
constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
    {"sh", "bash"},        {"shell", "bash"},       {"console", "bash"},
    {"shellsession", "bash"}, {"zsh", "bash"},      {"javascript", "js"},
    {"mjs", "js"},         {"cjs", "js"},           {"typescript", "ts"},
    {"mts", "ts"},         {"cts", "ts"},           {"json5", "jsonc"},
    {"htm", "html"},       {"xhtml", "html"},       {"yml", "yaml"},
    {"markdown", "md"},    {"patch", "diff"},       {"h", "c"},
    {"c++", "cpp"},        {"cc", "cpp"},           {"cxx", "cpp"},
    {"hpp", "cpp"},        {"hh", "cpp"},           {"hxx", "cpp"},
    {"py", "python"},      {"rs", "rust"},          {"golang", "go"},
    {"svg", "xml"},        {"docker", "dockerfile"}, {"make", "makefile"},
    {"kt", "kotlin"},      {"rb", "ruby"},          {"cs", "csharp"},
    {"c#", "csharp"},      {"ps1", "powershell"},   {"pwsh", "powershell"},
    {"gql", "graphql"},
};

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string to_std(const QString& text) { return text.toUtf8().toStdString(); }

// ---- Reproducible loading ---------------------------------------------------

// Sets an environment variable for the object's lifetime, then restores the
// previous value (or its absence).
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value, 1);
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

// A folder that cannot exist (/dev/null is not a directory). Absolute on
// purpose: Qt ignores relative entries in XDG_DATA_DIRS and, for an empty
// XDG_DATA_DIRS, falls back to /usr/local/share:/usr/share.
constexpr const char* kNoDataFolder = "/dev/null/skiff-no-syntax-definitions";

// The library's Repository (constructor and every reload(), which
// addCustomSearchPath() triggers) loads definitions from
// QStandardPaths::locateAll(GenericDataLocation, "org.kde.syntax-highlighting/
// syntax" and "katepart5/syntax"), i.e. $XDG_DATA_HOME (default
// ~/.local/share) and $XDG_DATA_DIRS (default /usr/local/share:/usr/share),
// before its built-in resource; for two definitions with one name the higher
// version wins. A user's Kate customisation would then change skiff's output.
// Pointing both variables at a folder that cannot exist while the repository
// loads leaves only the built-in definitions and skiff's own. Full
// definitions are read lazily later, but from the file paths recorded now,
// so the environment is not consulted again.
std::unique_ptr<ksh::Repository> load_repository() {
  init_skiff_syntax_resource();
  ScopedEnv data_home("XDG_DATA_HOME", kNoDataFolder);
  ScopedEnv data_dirs("XDG_DATA_DIRS", kNoDataFolder);
  auto repository = std::make_unique<ksh::Repository>();
  // Loads :/skiff/syntax/*.xml (the folder must be called "syntax").
  repository->addCustomSearchPath(QStringLiteral(":/skiff"));
  return repository;
}

// ---- Qt messages -----------------------------------------------------------

// Qt prints warnings (e.g. a definition that does not parse) on stderr;
// skiff's output is its own diagnostics, so library messages are kept here.
std::mutex messages_mutex;
std::deque<std::string> messages;
constexpr std::size_t kMaxMessages = 100;

void keep_qt_message(QtMsgType, const QMessageLogContext&, const QString& message) {
  std::lock_guard lock(messages_mutex);
  if (messages.size() == kMaxMessages) messages.pop_front();
  messages.push_back(to_std(message));
}

// ---- Line highlighting ---------------------------------------------------

// Receives the library's formats for one line as a token per UTF-16 unit.
class LineHighlighter final : public ksh::AbstractHighlighter {
 public:
  using AbstractHighlighter::highlightLine;

  // Per-line output: tokens[i] is the class of UTF-16 unit i.
  std::vector<Token> tokens;

 protected:
  void applyFormat(int offset, int length, const ksh::Format& format) override {
    if (length <= 0 || offset < 0) return;
    const std::size_t begin = static_cast<std::size_t>(offset);
    if (begin >= tokens.size()) return;
    const std::size_t end = std::min(tokens.size(), begin + static_cast<std::size_t>(length));
    const Token token = token_of(format);
    if (token != Token::kNone) std::fill(tokens.begin() + begin, tokens.begin() + end, token);
  }

 private:
  // token_for_format, memoised by format id (unique within a repository).
  Token token_of(const ksh::Format& format) {
    if (!format.isValid()) return Token::kNone;
    const std::size_t id = format.id();
    if (id >= by_id_.size()) by_id_.resize(id + 1, kUnknown);
    if (by_id_[id] == kUnknown) by_id_[id] = static_cast<std::uint8_t>(token_for_format(format));
    return static_cast<Token>(by_id_[id]);
  }

  static constexpr std::uint8_t kUnknown = 0xFF;
  std::vector<std::uint8_t> by_id_;
};

bool is_high_surrogate(char16_t u) { return u >= 0xD800 && u <= 0xDBFF; }
bool is_low_surrogate(char16_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

// Appends `text` as escaped HTML, each run of equal tokens in one span.
// Spaces and tabs have no colour, so they never open a span: between two
// runs of one class they join the span, otherwise they stay outside. The
// token of a code point is the token of its first UTF-16 unit, so a span
// never splits a surrogate pair; an unpaired surrogate (QString::fromUtf8
// never makes one, but a QString may hold one) becomes U+FFFD.
void append_line_html(std::string& out, const QString& text, const std::vector<Token>& tokens) {
  const char16_t* units = reinterpret_cast<const char16_t*>(text.utf16());
  const std::size_t size = static_cast<std::size_t>(text.size());
  std::string run;     // text of the current run, unescaped
  std::string blanks;  // spaces and tabs after it, not yet placed
  Token current = Token::kNone;
  auto flush = [&] {
    if (run.empty()) return;
    if (current == Token::kNone) {
      append_escaped(out, run, false);
    } else {
      out += "<span class=\"";
      out += kTokenClass[static_cast<std::size_t>(current)];
      out += "\">";
      append_escaped(out, run, false);
      out += "</span>";
    }
    run.clear();
  };
  for (std::size_t i = 0; i < size;) {
    const char16_t unit = units[i];
    if (unit == u' ' || unit == u'\t') {
      blanks += static_cast<char>(unit);
      ++i;
      continue;
    }
    const Token token = tokens[i];
    if (token != current || run.empty()) {
      flush();
      out += blanks;
      current = token;
    } else {
      run += blanks;
    }
    blanks.clear();
    if (unit < 0x80) {
      run += static_cast<char>(unit);
      ++i;
    } else if (is_high_surrogate(unit) && i + 1 < size && is_low_surrogate(units[i + 1])) {
      append_utf8(run, 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) +
                           (static_cast<char32_t>(units[i + 1]) - 0xDC00));
      i += 2;
    } else {
      append_utf8(run, unit);  // a lone surrogate becomes U+FFFD
      ++i;
    }
  }
  flush();
  out += blanks;
}

// ---- Cache -----------------------------------------------------------------

// Highlighted lines per (canonical language, code), least recently used
// first out once the entries' estimated size passes the budget.
class LineCache {
 public:
  explicit LineCache(std::size_t budget) : budget_(budget) {}

  const std::vector<std::string>* find(const std::string& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    entries_.splice(entries_.begin(), entries_, it->second);
    return &it->second->lines;
  }

  void insert(std::string key, std::vector<std::string> lines) {
    std::size_t bytes = kEntryOverhead + key.size();
    for (const std::string& line : lines) bytes += sizeof(std::string) + line.size();
    // One block larger than an eighth of the budget would evict most of the
    // cache for a snippet that is unlikely to repeat.
    if (bytes > budget_ / 8 || index_.count(key) != 0) return;
    entries_.push_front(Entry{std::move(key), std::move(lines), bytes});
    index_.emplace(entries_.front().key, entries_.begin());
    bytes_ += bytes;
    while (bytes_ > budget_ && !entries_.empty()) {
      index_.erase(entries_.back().key);
      bytes_ -= entries_.back().bytes;
      entries_.pop_back();
    }
  }

  std::size_t entries() const { return entries_.size(); }
  std::size_t bytes() const { return bytes_; }

 private:
  struct Entry {
    std::string key;
    std::vector<std::string> lines;
    std::size_t bytes;
  };
  static constexpr std::size_t kEntryOverhead = 128;  // list node, index slot, vector

  std::size_t budget_;
  std::size_t bytes_ = 0;
  std::list<Entry> entries_;
  // Keys view the strings in entries_ (list nodes never move).
  std::unordered_map<std::string_view, std::list<Entry>::iterator> index_;
};

// Single lines highlighted before, by (language, state at the line's start,
// text): the line's HTML and the state at its end. KSyntaxHighlighting's
// result for a line depends on nothing else (that is how editors highlight
// one edited line again), and docs repeat lines across blocks far more than
// whole blocks (`npm install …`, `import …`, `});`), so a line seen in any
// earlier block is not highlighted again: on the 1k benchmark corpus,
// 98,700 code lines hold ~300 distinct texts.
//
// States are interned in `states` and named by their index there (State has
// operator== and nothing to hash); past kMaxStates distinct states, lines
// starting or ending in a new one are not memoised. The whole memo is
// dropped when its estimated size passes the budget.
class LineMemo {
 public:
  static constexpr std::uint32_t kNoState = 0xFFFFFFFF;

  explicit LineMemo(std::size_t budget) : budget_(budget) {}

  // The index of `state` (added if new), or kNoState when the table is full.
  std::uint32_t intern(const ksh::State& state) {
    for (std::size_t i = 0; i < states_.size(); ++i) {
      if (states_[i] == state) return static_cast<std::uint32_t>(i);
    }
    if (states_.size() >= kMaxStates) return kNoState;
    states_.push_back(state);
    return static_cast<std::uint32_t>(states_.size() - 1);
  }
  const ksh::State& state(std::uint32_t index) const { return states_[index]; }

  struct Line {
    std::string html;
    std::uint32_t end_state;
  };
  // `key` is filled with the lookup key, for insert() on a miss.
  const Line* find(std::string_view language, std::uint32_t start_state, std::string_view text,
                   std::string& key) {
    key.assign(language);
    key += '\0';
    key.append(reinterpret_cast<const char*>(&start_state), sizeof start_state);
    key += text;
    auto it = lines_.find(key);
    return it == lines_.end() ? nullptr : &it->second;
  }
  void insert(std::string key, std::string html, std::uint32_t end_state) {
    bytes_ += kEntryOverhead + key.size() + html.size();
    if (bytes_ > budget_) {
      lines_.clear();
      bytes_ = kEntryOverhead + key.size() + html.size();
    }
    lines_.emplace(std::move(key), Line{std::move(html), end_state});
  }

 private:
  static constexpr std::size_t kMaxStates = 256;
  static constexpr std::size_t kEntryOverhead = 96;  // node, bucket, two strings

  std::size_t budget_;
  std::size_t bytes_ = 0;
  std::vector<ksh::State> states_;
  std::unordered_map<std::string, Line> lines_;
};

// Lines as stored in the shared cache: a 32-bit count, then each line as a
// 32-bit size and its bytes.
std::string encode_lines(const std::vector<std::string>& lines) {
  std::string out;
  auto put = [&](std::uint32_t n) { out.append(reinterpret_cast<const char*>(&n), sizeof n); };
  put(static_cast<std::uint32_t>(lines.size()));
  for (const std::string& line : lines) {
    put(static_cast<std::uint32_t>(line.size()));
    out += line;
  }
  return out;
}

std::optional<std::vector<std::string>> decode_lines(std::string_view data) {
  auto take = [&](std::uint32_t& n) {
    if (data.size() < sizeof n) return false;
    std::memcpy(&n, data.data(), sizeof n);
    data.remove_prefix(sizeof n);
    return true;
  };
  std::uint32_t count = 0;
  if (!take(count)) return std::nullopt;
  std::vector<std::string> lines;
  lines.reserve(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint32_t size = 0;
    if (!take(size) || data.size() < size) return std::nullopt;
    lines.emplace_back(data.substr(0, size));
    data.remove_prefix(size);
  }
  if (!data.empty()) return std::nullopt;
  return lines;
}

}  // namespace

// ---- Highlighter -------------------------------------------------------------

struct Highlighter::Impl {
  explicit Impl(std::size_t cache_budget) : cache(cache_budget), line_memo(cache_budget / 4) {}

  std::unique_ptr<ksh::Repository> repository;
  // canonical → definition name and display name, for every name canonical()
  // can return.
  struct Entry {
    QString definition;
    std::string display;
  };
  std::unordered_map<std::string, Entry> languages;
  std::unordered_map<std::string, std::string> aliases;  // fence word → canonical

  std::mutex mutex;  // guards everything below
  LineHighlighter line_highlighter;
  LineCache cache;
  LineMemo line_memo;
};

Highlighter& Highlighter::instance() {
  // Leaked on purpose: destroying Qt objects during static destruction
  // races with Qt's own global teardown, and the OS frees it anyway.
  static Highlighter* const highlighter = new Highlighter();
  return *highlighter;
}

Highlighter::Highlighter(std::size_t cache_budget_bytes)
    : impl_(std::make_unique<Impl>(cache_budget_bytes)) {
  static std::once_flag install_handler;
  std::call_once(install_handler, [] { qInstallMessageHandler(keep_qt_message); });

  impl_->repository = load_repository();

  // Every library definition is reachable by its name and by its simple
  // file extensions ("*.rb" → rb); skiff's table then takes precedence.
  // Among definitions claiming one extension the highest priority wins, then
  // the smallest name (definitions() is sorted by translated names, which
  // depend on the user's locale).
  std::unordered_map<std::string, std::pair<int, QString>> by_extension;
  for (const ksh::Definition& definition : impl_->repository->definitions()) {
    if (!definition.isValid() || definition.isHidden()) continue;
    const std::string display = to_std(definition.name());
    impl_->languages.insert({ascii_lower(display), {definition.name(), display}});
    for (const QString& pattern : definition.extensions()) {
      if (!pattern.startsWith(QLatin1String("*.")) || pattern.size() < 3) continue;
      const QString extension = pattern.mid(2);
      if (extension.contains(QLatin1Char('*')) || extension.contains(QLatin1Char('.'))) continue;
      auto [it, added] =
          by_extension.insert({ascii_lower(to_std(extension)), {definition.priority(), definition.name()}});
      if (!added && (definition.priority() > it->second.first ||
                     (definition.priority() == it->second.first && definition.name() < it->second.second))) {
        it->second = {definition.priority(), definition.name()};
      }
    }
  }
  for (const auto& [extension, match] : by_extension) {
    if (impl_->languages.count(extension) == 0) {
      impl_->languages.insert({extension, {match.second, to_std(match.second)}});
    }
  }
  for (const Language& language : kLanguages) {
    const QString name = QString::fromUtf8(language.definition.data(),
                                           static_cast<int>(language.definition.size()));
    if (!impl_->repository->definitionForName(name).isValid()) continue;  // older library
    impl_->languages[std::string(language.canonical)] = {name, std::string(language.display)};
  }
  for (const auto& [alias, canonical] : kAliases) {
    if (impl_->languages.count(std::string(canonical)) != 0) {
      impl_->aliases[std::string(alias)] = std::string(canonical);
    }
  }
}

Highlighter::~Highlighter() = default;

std::string Highlighter::canonical(std::string_view fence_language) const {
  std::string word = ascii_lower(fence_language);
  if (auto it = impl_->aliases.find(word); it != impl_->aliases.end()) return it->second;
  if (impl_->languages.count(word) != 0) return word;
  return "";
}

std::string Highlighter::display_name(std::string_view language) const {
  auto it = impl_->languages.find(canonical(language));
  return it == impl_->languages.end() ? "" : it->second.display;
}

std::optional<std::vector<std::string>> Highlighter::highlight_lines(std::string_view language,
                                                                     std::string_view code) {
  const std::string name = canonical(language);
  auto language_it = impl_->languages.find(name);
  if (language_it == impl_->languages.end()) return std::nullopt;

  std::string key = name;
  key += '\0';
  key += code;

  std::lock_guard lock(impl_->mutex);
  if (const std::vector<std::string>* cached = impl_->cache.find(key)) return *cached;
  // Another worker process of this build may have highlighted it already.
  std::string shared_key;
  if (shared_cache::is_open()) {
    shared_key = "highlight";
    shared_key += '\0';
    shared_key += key;
    if (std::optional<std::string_view> stored = shared_cache::find(shared_key)) {
      if (std::optional<std::vector<std::string>> lines = decode_lines(*stored)) {
        impl_->cache.insert(std::move(key), *lines);
        return lines;
      }
    }
  }

  LineHighlighter& highlighter = impl_->line_highlighter;
  LineMemo& memo = impl_->line_memo;
  bool definition_set = false;
  ksh::State state;
  std::uint32_t state_index = memo.intern(state);
  std::string memo_key;
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (begin < code.size()) {
    std::size_t end = code.find('\n', begin);
    if (end == std::string_view::npos) end = code.size();
    std::string_view line = code.substr(begin, end - begin);
    begin = end + 1;

    // A CRLF's '\r' is not shown to the highlighter (rules anchored at the
    // line end, line continuations) and goes back after the last span.
    const bool carriage_return = !line.empty() && line.back() == '\r';
    if (carriage_return) line.remove_suffix(1);

    const LineMemo::Line* seen = nullptr;
    if (state_index != LineMemo::kNoState) seen = memo.find(name, state_index, line, memo_key);
    if (seen != nullptr) {
      state_index = seen->end_state;
      state = memo.state(state_index);
      lines.push_back(seen->html);
    } else {
      if (!definition_set) {
        highlighter.setDefinition(impl_->repository->definitionForName(language_it->second.definition));
        definition_set = true;
      }
      const QString text = QString::fromUtf8(line.data(), static_cast<int>(line.size()));
      highlighter.tokens.assign(static_cast<std::size_t>(text.size()), Token::kNone);
      const int highlighted = std::min(text.size(), static_cast<int>(kMaxHighlightedLineUnits));
      state = highlighter.highlightLine(QStringView(text).left(highlighted), state);

      std::string html;
      html.reserve(line.size() + line.size() / 2);
      append_line_html(html, text, highlighter.tokens);
      const std::uint32_t start_index = state_index;
      state_index = memo.intern(state);
      if (start_index != LineMemo::kNoState && state_index != LineMemo::kNoState) {
        memo.insert(std::move(memo_key), html, state_index);
      }
      lines.push_back(std::move(html));
    }
    if (carriage_return) lines.back() += '\r';
  }

  if (shared_cache::is_open()) shared_cache::insert(shared_key, encode_lines(lines));
  impl_->cache.insert(std::move(key), lines);
  return lines;
}

std::vector<std::string> Highlighter::library_messages() {
  std::lock_guard lock(messages_mutex);
  return {messages.begin(), messages.end()};
}

std::size_t Highlighter::cache_entries() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->cache.entries();
}

std::size_t Highlighter::cache_bytes() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->cache.bytes();
}

}  // namespace skiff
