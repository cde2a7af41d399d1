#include "build/build_state.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <ctime>
#include <vector>

#include "base/content_hash.h"

namespace skiff {
namespace {

constexpr std::string_view kFormat = "skiff-build-state 1";

void append_escaped(std::string& out, std::string_view text) {
  if (text.find_first_of("\t\n\r\\") == std::string_view::npos) {  // the usual case
    out += text;
    return;
  }
  for (char c : text) {
    switch (c) {
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      default: out += c;
    }
  }
}

bool unescape(std::string_view text, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      out += text[i];
      continue;
    }
    if (++i == text.size()) return false;
    switch (text[i]) {
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case '\\': out += '\\'; break;
      default: return false;
    }
  }
  return true;
}

template <typename Int>
bool parse_int(std::string_view text, Int& value) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

// A line's tab-separated fields (at most kMaxFields: more make the line bad).
constexpr std::size_t kMaxFields = 12;
struct Fields {
  std::array<std::string_view, kMaxFields> at;
  std::size_t size = 0;
  std::string_view operator[](std::size_t i) const { return at[i]; }
};

Fields fields_of(std::string_view line) {
  Fields fields;
  for (std::size_t from = 0;;) {
    std::size_t tab = line.find('\t', from);
    if (fields.size == kMaxFields) {
      fields.size = kMaxFields + 1;
      return fields;
    }
    fields.at[fields.size++] = line.substr(from, tab == std::string_view::npos ? std::string_view::npos : tab - from);
    if (tab == std::string_view::npos) return fields;
    from = tab + 1;
  }
}

template <typename Int>
void append_int(std::string& out, Int value) {
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, end);
}

void append_stamp(std::string& out, const FileStamp& s) {
  append_int(out, s.size);
  out += '\t';
  append_int(out, s.mtime_ns);
  out += '\t';
  append_int(out, s.inode);
}

bool parse_stamp(const Fields& f, std::size_t at, FileStamp& s) {
  return parse_int(f[at], s.size) && parse_int(f[at + 1], s.mtime_ns) && parse_int(f[at + 2], s.inode);
}

}  // namespace

std::int64_t wall_clock_ns() {
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

std::optional<FileStamp> stamp_of(const std::filesystem::path& path) { return stamp_of(AT_FDCWD, path.c_str()); }

std::optional<FileStamp> stamp_of(int folder_fd, const char* path) {
  struct stat st;
  if (::fstatat(folder_fd, path, &st, 0) != 0) return std::nullopt;
  return FileStamp{static_cast<std::int64_t>(st.st_size),
                   static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
                   static_cast<std::uint64_t>(st.st_ino)};
}

namespace {

// One line per entry; write_build_state and the journal share them.
void append_header(std::string& out, const BuildState& state) {
  out += "started\t";
  append_int(out, state.started_ns);
  out += "\nglobal\t" + hash_hex(state.global_key) + "\nhead\t";
  append_escaped(out, state.head);
  out += "\npart\t";
  append_escaped(out, state.part);
  out += '\n';
}

void append_source(std::string& out, const std::string& path, const SourceRecord& s) {
  out += "S\t";
  append_stamp(out, s.stamp);
  out += '\t';
  out += hash_hex(s.hash);
  out += s.has_diagnostics ? "\t1\t" : "\t0\t";
  out += s.i18n_ready ? (*s.i18n_ready ? "1" : "0") : "-";
  out += s.source_hash ? "\t1\t" : "\t0\t";
  append_escaped(out, s.source_hash.value_or(""));
  out += '\t';
  append_escaped(out, s.title);
  out += '\t';
  append_escaped(out, path);
  out += '\n';
}

void append_output(std::string& out, const std::string& path, const OutputRecord& o) {
  out += "O\t";
  out += hash_hex(o.key);
  out += '\t';
  out += hash_hex(o.hash);
  out += o.has_diagnostics ? "\t1\t" : "\t0\t";
  append_escaped(out, path);
  out += '\n';
}

void append_public(std::string& out, const std::string& path, const FileStamp& stamp) {
  out += "P\t";
  append_stamp(out, stamp);
  out += '\t';
  append_escaped(out, path);
  out += '\n';
}

void append_outdated(std::string& out, const std::string& path, const std::string& date) {
  out += "D\t";
  append_escaped(out, date);
  out += '\t';
  append_escaped(out, path);
  out += '\n';
}

void append_removal(std::string& out, char kind, const std::string& path) {
  out += '-';
  out += kind;
  out += '\t';
  append_escaped(out, path);
  out += '\n';
}

}  // namespace

std::string write_build_state(const BuildState& state) {
  std::string out(kOutputMarkerLine);
  out.reserve(128 * (state.sources.size() + state.outputs.size() + state.public_files.size()) + 256);
  out += kFormat;
  out += '\n';
  append_header(out, state);
  for (const auto& [path, s] : state.sources) append_source(out, path, s);
  for (const auto& [path, o] : state.outputs) append_output(out, path, o);
  for (const auto& [path, stamp] : state.public_files) append_public(out, path, stamp);
  for (const auto& [path, date] : state.outdated) append_outdated(out, path, date);
  out += "end\n";
  return out;
}

// The journal lines of entries `paths` of `map`: each as it is now, or a
// removal ("-" and `kind`) when it is gone.
template <typename Value, typename Append>
void append_changed(std::string& out, const PathMap<Value>& map, const std::vector<std::string>& paths, char kind,
                    Append append) {
  for (const std::string& path : paths) {
    auto it = map.find(path);
    if (it == map.end()) {
      append_removal(out, kind, path);
    } else {
      append(out, path, it->second);
    }
  }
}

std::string build_state_journal(const BuildState& state, const BuildStateChanges& changes) {
  std::string out = "journal\n";
  append_header(out, state);
  append_changed(out, state.sources, changes.sources, 'S', append_source);
  append_changed(out, state.outputs, changes.outputs, 'O', append_output);
  append_changed(out, state.public_files, changes.public_files, 'P', append_public);
  if (changes.outdated) {
    out += "-D*\n";
    for (const auto& [path, date] : state.outdated) append_outdated(out, path, date);
  }
  out += "end\n";
  return out;
}

std::string build_state_apply_list(const std::vector<std::string>& renames, const std::vector<std::string>& removals) {
  std::string out = "apply\n";
  for (const std::string& path : renames) {
    out += "rename\t";
    append_escaped(out, path);
    out += '\n';
  }
  for (const std::string& path : removals) {
    out += "remove\t";
    append_escaped(out, path);
    out += '\n';
  }
  return out;
}

// A path the build may delete or replace: relative, inside the output
// (no "..", ".", empty or absolute parts). A record with another is no
// record: a marker from elsewhere must not send a build outside its folder.
bool inside_output(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.find('\0') != std::string_view::npos) return false;
  for (std::size_t at = 0; at <= path.size();) {
    std::size_t slash = path.find('/', at);
    std::string_view part = path.substr(at, slash == std::string_view::npos ? std::string_view::npos : slash - at);
    if (part.empty() || part == "." || part == "..") return false;
    if (slash == std::string_view::npos) break;
    at = slash + 1;
  }
  return true;
}

std::optional<BuildState> read_build_state(std::string_view text) {
  if (!text.starts_with(kOutputMarkerLine)) return std::nullopt;
  text.remove_prefix(kOutputMarkerLine.size());
  BuildState state;
  std::string a, b, c;
  bool format = false;
  bool ended = false;
  bool in_journal = false;
  while (!text.empty()) {
    std::size_t newline = text.find('\n');
    if (newline == std::string_view::npos || ended) return std::nullopt;  // cut short, or past the end
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline + 1);
    if (!format) {
      if (line != kFormat) return std::nullopt;
      format = true;
      continue;
    }
    if (in_journal) ++state.journal_lines;
    Fields f = fields_of(line);
    const std::string_view kind = f[0];
    bool ok = false;
    if (kind == "end" && f.size == 1) {
      ended = ok = true;
    } else if (kind == "journal" && f.size == 1) {
      ok = in_journal = true;
    } else if ((kind == "apply" || kind == "applied") && f.size == 1) {
      state.unfinished_renames.clear();
      state.unfinished_removals.clear();
      ok = true;
    } else if ((kind == "rename" || kind == "remove") && f.size == 2) {
      ok = unescape(f[1], a) && inside_output(a);
      if (ok) (kind == "rename" ? state.unfinished_renames : state.unfinished_removals).push_back(a);
    } else if (kind == "-D*" && f.size == 1) {
      state.outdated.clear();
      ok = true;
    } else if (kind == "part" && f.size == 2) {
      ok = unescape(f[1], state.part);
    } else if (kind.size() == 2 && kind[0] == '-' && f.size == 2 && unescape(f[1], a)) {
      ok = true;
      if (kind[1] == 'S') {
        state.sources.erase(a);
      } else if (kind[1] == 'O') {
        state.outputs.erase(a);
      } else if (kind[1] == 'P') {
        state.public_files.erase(a);
      } else {
        ok = false;
      }
    } else if (kind == "started" && f.size == 2) {
      ok = parse_int(f[1], state.started_ns);
    } else if (kind == "global" && f.size == 2) {
      ok = parse_hash_hex(f[1], state.global_key);
    } else if (kind == "head" && f.size == 2) {
      ok = unescape(f[1], state.head);
    } else if (kind == "S" && f.size == 11) {
      SourceRecord s;
      ok = parse_stamp(f, 1, s.stamp) && parse_hash_hex(f[4], s.hash) && (f[5] == "0" || f[5] == "1") &&
           (f[6] == "0" || f[6] == "1" || f[6] == "-") && (f[7] == "0" || f[7] == "1") && unescape(f[8], a) &&
           unescape(f[9], s.title) && unescape(f[10], b);
      if (ok) {
        s.has_diagnostics = f[5] == "1";
        if (f[6] != "-") s.i18n_ready = f[6] == "1";
        if (f[7] == "1") s.source_hash = a;
        state.sources[b] = std::move(s);
      }
    } else if (kind == "O" && f.size == 5) {
      OutputRecord o;
      ok = parse_hash_hex(f[1], o.key) && parse_hash_hex(f[2], o.hash) && (f[3] == "0" || f[3] == "1") &&
           unescape(f[4], a) && inside_output(a);
      if (ok) {
        o.has_diagnostics = f[3] == "1";
        state.outputs[a] = o;
      }
    } else if (kind == "P" && f.size == 5) {
      FileStamp stamp;
      ok = parse_stamp(f, 1, stamp) && unescape(f[4], a) && inside_output(a);
      if (ok) state.public_files[a] = stamp;
    } else if (kind == "D" && f.size == 3) {
      ok = unescape(f[1], a) && unescape(f[2], b);
      if (ok) state.outdated[b] = a;
    }
    if (!ok) return std::nullopt;
  }
  if (!ended) return std::nullopt;
  return state;
}

}  // namespace skiff
