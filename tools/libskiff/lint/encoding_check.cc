#include "lint/encoding_check.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "base/utf8.h"

// What counts as mojibake, precisely.
//
// A candidate is a maximal run of characters that Windows-1252 (or Latin-1)
// can have produced from one byte each: U+0080–U+00FF (U+0080–U+009F stand
// for the five bytes Windows-1252 leaves undefined, as browsers and Windows
// decode them) and the 27 characters Windows-1252 puts at 0x80–0x9F (€ ‚ ƒ „
// … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ). Each character is mapped
// back to its byte; the run is mojibake when
//   1. those bytes are valid UTF-8 as a whole (every byte belongs to a
//      complete, well-formed sequence: no lone é, no ASCII, nothing left
//      over), so the repair is always shorter than the run; and
//   2. no repaired character is a C1 control, a noncharacter, private use,
//      or in the unassigned planes 4–13; and
//   3. the run has one of the shapes below.
// Runs that decode to two or more characters are certain: no Latin text
// puts letter-and-symbol pairs that form UTF-8 back to back. So is a single
// 4-byte character (ð plus three symbols: `ðŸ˜³`). A single 2- or 3-byte
// character is certain unless it has a shape real Latin text also has; those
// are *weak*, reported only when the same line has a certain one (say `Ð¸`,
// Russian "и", between longer damaged words):
//   - lead Â or Ã (C2, C3: what Latin-1 letters and symbols become):
//     certain, unless an uppercase ASCII letter precedes it, its second
//     character is closing punctuation (below) and no letter follows:
//     Portuguese `IRMÃ”`;
//   - lead ß or × (DF, D7, giving NKo and Hebrew): always weak: `Fuß“`;
//   - another capital Ä–Þ (Latin Extended, Greek, Cyrillic, Arabic…):
//     certain only inside a lowercase word, that is after an ASCII lowercase
//     letter (`siÄ™` for się), or at a word start before one (` Å›wiat`);
//     `MENÜ…`, `CAFÉ…` are weak;
//   - 3 bytes (lead à–ï): weak when both other characters are closing
//     punctuation and no letter or digit follows: French `mangé\u00A0»`.
// Closing punctuation: NBSP « » ‹ › ‘ ’ “ ” … – — ° · ¹ ² ³.
// Repairs repeat while the result is itself a certain candidate (double
// encoding: `ÃƒÂ©` → `Ã©` → `é`). A repair that starts the file with U+FEFF
// (a byte-order mark damaged into `ï»¿`) deletes it instead.

namespace skiff {
namespace {

using Byte = unsigned char;
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// ---------------------------------------------------------------- UTF-8

// Why bytes are not UTF-8 (Unicode 15, section 3.9, table 3-7).
enum class Flaw { None, Stray, Overlong, Surrogate, TooLarge, NeverUsed, CutShort };

// One step of reading: a well-formed sequence and its code point, or the
// maximal subpart of an ill-formed one (at least one byte) and its flaw.
struct Step {
  char32_t cp = 0;
  int length = 1;
  Flaw flaw = Flaw::None;
  int expected = 1;  // the length the lead byte announced
};

inline bool continuation(Byte b) { return (b & 0xC0) == 0x80; }

// Reads at p (p < end). Never reads at or past `end`.
inline Step read_sequence(const Byte* p, const Byte* end) {
  Byte b = p[0];
  if (b < 0x80) return {b, 1, Flaw::None, 1};
  if (b < 0xC0) return {0, 1, Flaw::Stray, 1};
  if (b < 0xC2) return {0, 1, Flaw::Overlong, 2};
  if (b >= 0xF5) return {0, 1, Flaw::NeverUsed, 1};
  int expected = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  char32_t cp = b & (expected == 2 ? 0x1F : expected == 3 ? 0x0F : 0x07);
  // The second byte's range depends on the lead; the rest are 80–BF.
  Byte lo = 0x80, hi = 0xBF;
  Flaw below = Flaw::CutShort, above = Flaw::CutShort;
  switch (b) {
    case 0xE0: lo = 0xA0; below = Flaw::Overlong; break;
    case 0xED: hi = 0x9F; above = Flaw::Surrogate; break;
    case 0xF0: lo = 0x90; below = Flaw::Overlong; break;
    case 0xF4: hi = 0x8F; above = Flaw::TooLarge; break;
    default: break;
  }
  if (p + 1 >= end || !continuation(p[1])) return {0, 1, Flaw::CutShort, expected};
  if (p[1] < lo) return {0, 1, below, expected};
  if (p[1] > hi) return {0, 1, above, expected};
  cp = (cp << 6) | (p[1] & 0x3F);
  for (int k = 2; k < expected; ++k) {
    if (p + k >= end || !continuation(p[k])) return {0, k, Flaw::CutShort, expected};
    cp = (cp << 6) | (p[k] & 0x3F);
  }
  return {cp, expected, Flaw::None, expected};
}

// ------------------------------------------------------- Windows-1252

// The byte Windows-1252 or Latin-1 decodes to `cp`, or -1 (ASCII is -1:
// it is never part of a candidate).
inline int cp1252_byte(char32_t cp) {
  if (cp < 0x80) return -1;
  if (cp <= 0xFF) return static_cast<int>(cp);
  if (cp > 0x2122) return -1;
  switch (cp) {
    case 0x20AC: return 0x80;
    case 0x201A: return 0x82;
    case 0x0192: return 0x83;
    case 0x201E: return 0x84;
    case 0x2026: return 0x85;
    case 0x2020: return 0x86;
    case 0x2021: return 0x87;
    case 0x02C6: return 0x88;
    case 0x2030: return 0x89;
    case 0x0160: return 0x8A;
    case 0x2039: return 0x8B;
    case 0x0152: return 0x8C;
    case 0x017D: return 0x8E;
    case 0x2018: return 0x91;
    case 0x2019: return 0x92;
    case 0x201C: return 0x93;
    case 0x201D: return 0x94;
    case 0x2022: return 0x95;
    case 0x2013: return 0x96;
    case 0x2014: return 0x97;
    case 0x02DC: return 0x98;
    case 0x2122: return 0x99;
    case 0x0161: return 0x9A;
    case 0x203A: return 0x9B;
    case 0x0153: return 0x9C;
    case 0x017E: return 0x9E;
    case 0x0178: return 0x9F;
    default: return -1;
  }
}

// Windows-1252 byte → character, for messages; 0 for the five bytes it
// leaves undefined (0x81 0x8D 0x8F 0x90 0x9D).
char32_t cp1252_char(Byte b) {
  static constexpr char16_t k80[32] = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  if (b >= 0x80 && b < 0xA0) return k80[b - 0x80];
  return b;
}

// Closing punctuation (as Windows-1252 bytes): what follows a word in real
// text. NBSP « » ‹ › ‘ ’ “ ” … – — ° · ¹ ² ³.
bool closing(Byte b) {
  switch (b) {
    case 0xA0: case 0xAB: case 0xBB: case 0x8B: case 0x9B: case 0x91: case 0x92:
    case 0x93: case 0x94: case 0x85: case 0x96: case 0x97: case 0xB0: case 0xB7:
    case 0xB9: case 0xB2: case 0xB3:
      return true;
    default:
      return false;
  }
}

// A character a repair may produce (rule 2 above).
bool repairable(char32_t cp) {
  if (cp < 0xA0) return false;                                // C1 controls
  if (cp >= 0xE000 && cp <= 0xF8FF) return false;             // private use
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return false;             // noncharacters
  if ((cp & 0xFFFE) == 0xFFFE) return false;                  // noncharacters
  if (cp >= 0x40000 && cp < 0xE0000) return false;            // planes 4–13
  if (cp >= 0xF0000) return false;                            // planes 15–16
  return true;
}

// The neighbours of a run, as far as the judgement needs them: the ASCII
// character on each side, or 0 (file edge or a non-ASCII character).
struct Context {
  Byte before = 0;
  Byte after = 0;
};

bool ascii_lower(Byte c) { return c >= 'a' && c <= 'z'; }
bool ascii_upper(Byte c) { return c >= 'A' && c <= 'Z'; }
bool ascii_letter(Byte c) { return ascii_lower(c) || ascii_upper(c); }
bool ascii_digit(Byte c) { return c >= '0' && c <= '9'; }

enum class Tier { None, Weak, Certain };

// Judges `bytes` (a candidate mapped back to Windows-1252 bytes) as UTF-8.
Tier judge(std::string_view bytes, Context context) {
  const Byte* p = reinterpret_cast<const Byte*>(bytes.data());
  const Byte* end = p + bytes.size();
  int characters = 0;
  for (const Byte* q = p; q < end;) {
    Step s = read_sequence(q, end);
    if (s.flaw != Flaw::None || !repairable(s.cp)) return Tier::None;
    q += s.length;
    ++characters;
  }
  if (characters == 0) return Tier::None;
  if (characters >= 2 || bytes.size() == 4) return Tier::Certain;
  Byte lead = p[0];
  if (bytes.size() == 3) {
    bool word_end = !ascii_letter(context.after) && !ascii_digit(context.after);
    return closing(p[1]) && closing(p[2]) && word_end ? Tier::Weak : Tier::Certain;
  }
  if (lead == 0xC2 || lead == 0xC3) {
    bool caps = ascii_upper(context.before) && closing(p[1]) && !ascii_letter(context.after);
    return caps ? Tier::Weak : Tier::Certain;
  }
  if (lead == 0xDF || lead == 0xD7) return Tier::Weak;
  bool in_word = ascii_lower(context.before) ||
                 (!ascii_letter(context.before) && ascii_lower(context.after));
  return in_word ? Tier::Certain : Tier::Weak;
}

struct Repair {
  std::string text;  // UTF-8
  int times = 0;     // how many decodings it undoes (2: double encoded)
  Tier tier = Tier::None;
};

// Maps valid UTF-8 `text` back to Windows-1252 bytes; false if a character
// has no byte.
bool to_cp1252(std::string_view text, std::string& out) {
  out.clear();
  const Byte* p = reinterpret_cast<const Byte*>(text.data());
  const Byte* end = p + text.size();
  while (p < end) {
    Step s = read_sequence(p, end);
    int b = s.flaw == Flaw::None ? cp1252_byte(s.cp) : -1;
    if (b < 0) return false;
    out += static_cast<char>(b);
    p += s.length;
  }
  return true;
}

// The repair of candidate `run` (valid UTF-8), if it is mojibake.
Repair repair(std::string_view run, Context context) {
  Repair result;
  std::string current(run);
  std::string bytes;
  while (to_cp1252(current, bytes)) {
    Tier tier = judge(bytes, context);
    if (tier == Tier::None || (result.times > 0 && tier != Tier::Certain)) break;
    if (result.times == 0) result.tier = tier;
    ++result.times;
    current.swap(bytes);
  }
  if (result.times > 0) result.text = std::move(current);
  return result;
}

// -------------------------------------------------------------- messages

// `text` for a message: at most 32 characters, invisible ones written as
// <U+00A0>, so the sample can be read and compared.
std::string shown(std::string_view text) {
  std::string out;
  const Byte* p = reinterpret_cast<const Byte*>(text.data());
  const Byte* end = p + text.size();
  for (int count = 0; p < end; ++count) {
    if (count == 32) {
      out += "…";
      break;
    }
    Step s = read_sequence(p, end);
    char32_t c = s.cp;
    bool invisible = s.flaw != Flaw::None || c < 0x20 || (c >= 0x7F && c <= 0xA0) ||
                     c == 0xAD || (c >= 0x200B && c <= 0x200F) || c == 0x2028 ||
                     c == 0x2029 || c == 0x2060 || c == 0xFEFF;
    if (invisible) {
      out += fmt::format("<U+{:04X}>", static_cast<std::uint32_t>(c));
    } else {
      out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(s.length));
    }
    p += s.length;
  }
  return out;
}

std::string flaw_text(const Step& first, bool at_end) {
  switch (first.flaw) {
    case Flaw::Stray: return "a continuation byte without a lead byte";
    case Flaw::Overlong: return "an overlong encoding";
    case Flaw::Surrogate: return "a UTF-16 surrogate, which UTF-8 may not encode";
    case Flaw::TooLarge: return "a value past U+10FFFF";
    case Flaw::NeverUsed: return "a byte UTF-8 never uses";
    case Flaw::CutShort:
      return fmt::format("a {}-byte sequence cut short{}", first.expected,
                         at_end ? " by the end of the file" : "");
    case Flaw::None: break;
  }
  return "not UTF-8";
}

// The Windows-1252 reading is offered only when the run looks like a
// Windows-1252 file's (`café` saved so is "caf" 0xE9): every ill-formed piece
// is one byte (`single_bytes`) and none is a near miss of real UTF-8 (a
// surrogate, a value past U+10FFFF, a 3- or 4-byte overlong).
std::string invalid_message(std::string_view run, const Step& first, bool at_end,
                            bool single_bytes) {
  std::string bytes;
  std::string as_cp1252;
  bool near_miss = first.flaw == Flaw::Surrogate || first.flaw == Flaw::TooLarge ||
                   (first.flaw == Flaw::Overlong && first.expected > 2);
  bool readable = single_bytes && !near_miss;
  for (std::size_t k = 0; k < run.size(); ++k) {
    Byte b = static_cast<Byte>(run[k]);
    if (k < 8) bytes += fmt::format("{}0x{:02X}", k ? " " : "", b);
    char32_t c = cp1252_char(b);
    if (c < 0xA0 || c == 0xAD) readable = false;  // undefined or invisible
    if (readable && k < 8) append_utf8(as_cp1252, c);
  }
  if (run.size() > 8) bytes += fmt::format(" … ({} bytes)", run.size());
  std::string message = fmt::format("invalid UTF-8 ({} {}): {}", run.size() == 1 ? "byte" : "bytes",
                                    bytes, flaw_text(first, at_end));
  if (readable && run.size() <= 8) {
    message += "; as Windows-1252 it would read `" + as_cp1252 + "`";
  }
  return message;
}

// ------------------------------------------------------------ the check

// A finding before its position is known.
struct Raw {
  std::size_t offset = 0;
  Severity severity = Severity::Error;
  std::string message;
  std::optional<LintFix> fix;
  Tier tier = Tier::None;  // mojibake only: Weak ones need a Certain one on their line
};

Raw error_at(std::size_t offset, std::string message) {
  Raw r;
  r.offset = offset;
  r.message = std::move(message);
  return r;
}

// The neighbours of candidate [begin, end) in `text`.
Context context_of(std::string_view text, std::size_t begin, std::size_t end) {
  Context context;
  if (begin > 0 && static_cast<Byte>(text[begin - 1]) < 0x80) context.before = static_cast<Byte>(text[begin - 1]);
  if (end < text.size() && static_cast<Byte>(text[end]) < 0x80) context.after = static_cast<Byte>(text[end]);
  return context;
}

// The finding for candidate [begin, end), whose repair `r` was found.
Raw mojibake_finding(std::string_view text, std::size_t begin, std::size_t end, const Repair& r) {
  std::string_view run = text.substr(begin, end - begin);
  Raw raw;
  raw.offset = begin;
  raw.severity = Severity::Warning;
  raw.tier = r.tier;
  std::string replacement = r.text;
  if (begin == 0 && replacement.starts_with("\xEF\xBB\xBF")) {
    // A damaged byte-order mark is deleted, not restored.
    replacement.erase(0, 3);
    raw.message = fmt::format("mojibake: `{}` is a byte-order mark decoded as Windows-1252", shown(run));
    if (!replacement.empty()) raw.message += fmt::format(", then `{}`", shown(replacement));
  } else {
    raw.message = fmt::format("mojibake: `{}` looks like `{}` decoded as Windows-1252", shown(run),
                              shown(r.text));
  }
  if (r.times == 2) raw.message += " twice";
  if (r.times > 2) raw.message += fmt::format(" {} times", r.times);
  raw.fix = LintFix{begin, end, std::move(replacement)};
  return raw;
}

// Runs of one kind of damage (invalid UTF-8, NUL), reported up to the cap.
struct DamageLog {
  int runs = 0;
  std::size_t first_unreported = kNone;
  bool report(std::size_t offset) {
    ++runs;
    if (runs <= kMaxDamageFindings) return true;
    if (first_unreported == kNone) first_unreported = offset;
    return false;
  }
};

// What the pass found: findings in offset order, and the byte ranges of
// weak mojibake, judged again only when the file has certain mojibake
// (keeping them as two offsets each keeps real Latin text cheap).
struct Scan {
  std::vector<Raw> raw;
  std::vector<std::pair<std::size_t, std::size_t>> weak;
  bool certain = false;
};

class Scanner {
 public:
  Scanner(std::string_view bytes, EncodingChecks checks)
      : text_(bytes), p_(reinterpret_cast<const Byte*>(bytes.data())), n_(bytes.size()),
        mojibake_(checks == EncodingChecks::kAll) {}

  Scan run() {
    std::size_t i = 0;
    if (n_ >= 3 && p_[0] == 0xEF && p_[1] == 0xBB && p_[2] == 0xBF) {
      Raw bom;
      bom.severity = Severity::Warning;
      bom.message = "UTF-8 byte-order mark at the start of the file";
      bom.fix = LintFix{0, 3, ""};
      scan_.raw.push_back(std::move(bom));
      i = 3;
    }
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
    while (i < n_) {
      Byte b = p_[i];
      if (b >= 0x80) {
        Step s = read_sequence(p_ + i, p_ + n_);
        if (s.flaw == Flaw::None) {
          if (bad_begin_ != kNone) close_invalid(i);
          if (mojibake_ && cp1252_byte(s.cp) >= 0) {
            if (run_begin_ == kNone) run_begin_ = i;
          } else if (run_begin_ != kNone) {
            close_run(i);
          }
        } else {
          if (run_begin_ != kNone) close_run(i);
          if (bad_begin_ == kNone) {
            bad_begin_ = i;
            bad_first_ = s;
            bad_single_bytes_ = true;
          }
          bad_single_bytes_ = bad_single_bytes_ && s.length == 1;
        }
        i += static_cast<std::size_t>(s.length);
        continue;
      }
      if (bad_begin_ != kNone) close_invalid(i);
      if (run_begin_ != kNone) close_run(i);
      if (b == 0) {
        std::size_t j = i;
        while (j < n_ && p_[j] == 0) ++j;
        if (nuls_.report(i)) {
          std::size_t count = j - i;
          scan_.raw.push_back(error_at(
              i, count == 1 ? std::string("NUL byte (0x00): the file may be binary or damaged")
                            : fmt::format("{} NUL bytes (0x00): the file may be binary or damaged", count)));
        }
        i = j;
        continue;
      }
      // ASCII fast path: eight bytes at a time while none is >= 0x80 or NUL.
      ++i;
      while (i + 8 <= n_) {
        std::uint64_t w;
        std::memcpy(&w, p_ + i, 8);
        if (((w | ((w - kOnes) & ~w)) & kHigh) != 0) break;
        i += 8;
      }
    }
    if (bad_begin_ != kNone) close_invalid(n_);
    if (run_begin_ != kNone) close_run(n_);
    summarise(bad_, "invalid UTF-8");
    summarise(nuls_, "NUL bytes");
    return std::move(scan_);
  }

 private:
  void close_invalid(std::size_t end) {
    std::size_t begin = std::exchange(bad_begin_, kNone);
    if (!bad_.report(begin)) return;
    std::string_view bytes = text_.substr(begin, end - begin);
    // Cut short by the end of the file: the first piece reaches it.
    bool at_end = bad_first_.flaw == Flaw::CutShort &&
                  begin + static_cast<std::size_t>(bad_first_.length) == n_;
    scan_.raw.push_back(error_at(begin, invalid_message(bytes, bad_first_, at_end, bad_single_bytes_)));
  }

  void close_run(std::size_t end) {
    std::size_t begin = std::exchange(run_begin_, kNone);
    if (end - begin < 4) return;  // one character: a lone byte is never UTF-8
    Repair r = repair(text_.substr(begin, end - begin), context_of(text_, begin, end));
    if (r.tier == Tier::Weak) {
      scan_.weak.emplace_back(begin, end);
    } else if (r.tier == Tier::Certain) {
      scan_.certain = true;
      scan_.raw.push_back(mojibake_finding(text_, begin, end, r));
    }
  }

  // "… and N more" at the first run past the cap; everything else is
  // already in offset order.
  void summarise(const DamageLog& log, std::string_view what) {
    if (log.first_unreported == kNone) return;
    int more = log.runs - kMaxDamageFindings;
    Raw summary = error_at(log.first_unreported,
                           fmt::format("… and {} more {} of {}", more, more == 1 ? "run" : "runs", what));
    auto at = std::upper_bound(scan_.raw.begin(), scan_.raw.end(), summary.offset,
                               [](std::size_t offset, const Raw& r) { return offset < r.offset; });
    scan_.raw.insert(at, std::move(summary));
  }

  std::string_view text_;
  const Byte* p_;
  std::size_t n_;
  bool mojibake_;  // look for mojibake runs at all
  Scan scan_;
  std::size_t run_begin_ = kNone;  // open mojibake candidate
  std::size_t bad_begin_ = kNone;  // open run of invalid bytes
  Step bad_first_;                 // its first ill-formed piece
  bool bad_single_bytes_ = true;   // all its pieces are one byte long
  DamageLog bad_;
  DamageLog nuls_;
};

// Line and column of increasing offsets, counted as SourceText counts them
// (line ends \n, \r\n, \r; columns are bytes other than 80–BF), in one
// forward sweep, so many findings on one long line stay linear. Words of
// eight bytes without a line end are counted at once.
class PositionCursor {
 public:
  explicit PositionCursor(std::string_view bytes)
      : p_(reinterpret_cast<const Byte*>(bytes.data())), n_(bytes.size()) {}

  Position at(std::size_t offset) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
    auto has_byte = [&](std::uint64_t w, Byte b) {
      std::uint64_t x = w ^ (kOnes * b);
      return ((x - kOnes) & ~x & kHigh) != 0;
    };
    offset = std::min(offset, n_);
    while (at_ < offset) {
      if (at_ + 8 <= offset) {
        std::uint64_t w;
        std::memcpy(&w, p_ + at_, 8);
        if (!has_byte(w, '\n') && !has_byte(w, '\r')) {
          std::uint64_t continuations = w & ~(w << 1) & kHigh;  // bit 7 set, bit 6 clear
          column_ += 8 - std::popcount(continuations);
          at_ += 8;
          continue;
        }
      }
      Byte c = p_[at_];
      if (c == '\n' || (c == '\r' && !(at_ + 1 < n_ && p_[at_ + 1] == '\n'))) {
        ++line_;
        column_ = 1;
      } else if (!continuation(c)) {
        ++column_;
      }
      ++at_;
    }
    return {line_, column_};
  }

 private:
  const Byte* p_;
  std::size_t n_;
  std::size_t at_ = 0;
  int line_ = 1;
  int column_ = 1;
};

}  // namespace

Findings check_encoding(std::string_view file, std::string_view bytes, EncodingChecks checks) {
  Scan scan = Scanner(bytes, checks).run();
  std::vector<Raw>& raw = scan.raw;
  // Weak mojibake counts only on a line with certain mojibake; with none in
  // the file (the usual case for real Latin text) it is dropped unjudged.
  if (scan.certain && !scan.weak.empty()) {
    std::vector<Raw> weak;
    for (auto [begin, end] : scan.weak) {
      weak.push_back(mojibake_finding(bytes, begin, end, repair(bytes.substr(begin, end - begin),
                                                                context_of(bytes, begin, end))));
    }
    std::vector<Raw> all;
    all.reserve(raw.size() + weak.size());
    std::merge(std::make_move_iterator(raw.begin()), std::make_move_iterator(raw.end()),
               std::make_move_iterator(weak.begin()), std::make_move_iterator(weak.end()),
               std::back_inserter(all), [](const Raw& a, const Raw& b) { return a.offset < b.offset; });
    raw = std::move(all);
  }
  Findings findings;
  if (raw.empty()) return findings;
  PositionCursor cursor(bytes);
  std::vector<Position> positions;
  positions.reserve(raw.size());
  for (const Raw& r : raw) positions.push_back(cursor.at(r.offset));
  // Raw is in offset order, so each line is one stretch of the list.
  for (std::size_t a = 0; a < raw.size();) {
    std::size_t b = a;
    bool certain = false;
    for (; b < raw.size() && positions[b].line == positions[a].line; ++b) {
      certain = certain || raw[b].tier == Tier::Certain;
    }
    for (std::size_t k = a; k < b; ++k) {
      if (raw[k].tier == Tier::Weak && !certain) continue;
      Finding f;
      f.rule = "encoding";
      f.severity = raw[k].severity;
      f.file = std::string(file);
      f.pos = positions[k];
      f.message = std::move(raw[k].message);
      f.fix = std::move(raw[k].fix);
      findings.push_back(std::move(f));
    }
    a = b;
  }
  return findings;
}

}  // namespace skiff
