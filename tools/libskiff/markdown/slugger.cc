#include "markdown/slugger.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <string>

namespace skiff {
namespace {

// github-slugger v2 builds its removal regex from the Unicode 13.0.0
// character database (script/generate-regex.mjs). Code points assigned after
// 13.0 were "Unassigned" then, so the regex deletes them; we freeze the same
// cut-off so slugs stay identical to Astro/Starlight/GitHub ones.
constexpr UVersionInfo kSluggerUnicodeVersion = {13, 0, 0, 0};

// True when `c` was unassigned in Unicode 13.0 (or is still unassigned).
bool unassigned_in_unicode_13(UChar32 c) {
  if (u_charType(c) == U_UNASSIGNED) return true;
  UVersionInfo age;
  u_charAge(c, age);
  return std::lexicographical_compare(kSluggerUnicodeVersion,
                                      kSluggerUnicodeVersion + U_MAX_VERSION_LENGTH, age,
                                      age + U_MAX_VERSION_LENGTH);
}

// The general categories github-slugger strips: Other_Number, every
// punctuation except Connector_Punctuation (`_`, `‿`, ...), every symbol,
// Control, Format, Private_Use, Unassigned and every separator. Letters, marks,
// Decimal_Number and Letter_Number are kept. (Surrogates cannot reach here:
// decoding turns them into U+FFFD.)
bool in_stripped_category(UChar32 c) {
  switch (u_charType(c)) {
    case U_OTHER_NUMBER:
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_MATH_SYMBOL:
    case U_CURRENCY_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL:
    case U_CONTROL_CHAR:
    case U_FORMAT_CHAR:
    case U_PRIVATE_USE_CHAR:
    case U_UNASSIGNED:
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
      return true;
    default:
      return false;
  }
}

// github-slugger's removal set: the stripped categories, minus everything
// Alphabetic (e.g. circled letters Ⓐ are So but Alphabetic, so kept), minus
// U+0020 (becomes '-') and U+002D '-' (kept); plus whatever Unicode 13 did
// not assign yet.
bool removed_by_slugger(UChar32 c) {
  if (c == u' ' || c == u'-') return false;
  if (unassigned_in_unicode_13(c)) return true;
  return in_stripped_category(c) && !u_hasBinaryProperty(c, UCHAR_ALPHABETIC);
}

// JavaScript's String.prototype.toLowerCase: full, locale-independent
// lowercase mapping (root locale; handles final sigma and İ → i̇).
icu::UnicodeString lower_case(std::string_view text) {
  // fromUTF8 replaces each ill-formed sequence with U+FFFD, which the
  // removal set then drops; no exception or error path is needed.
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.toLower(icu::Locale::getRoot());
  return u;
}

// github_slug for ASCII text, where ICU's answer is simple: letters
// lower-cased, digits, '_' and '-' kept, ' ' turned into '-', every other
// character (punctuation, symbols, controls, tabs) removed. Most headings
// are ASCII, and this skips two UTF-16 conversions and a property lookup
// per character.
bool ascii_slug(std::string_view text, std::string& out) {
  out.reserve(text.size());
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) return false;
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '-';
    }
  }
  return true;
}

}  // namespace

std::string github_slug(std::string_view text) {
  std::string ascii;
  if (ascii_slug(text, ascii)) return ascii;
  const icu::UnicodeString lower = lower_case(text);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < lower.length();) {
    const UChar32 c = lower.char32At(i);
    i += U16_LENGTH(c);
    if (removed_by_slugger(c)) continue;
    kept.append(c == u' ' ? UChar32{u'-'} : c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

// Same loop as github-slugger's BananaSlug.slug: while the candidate is
// taken, bump the counter of the *original* slug and try `original-N`. A
// heading that itself slugs to `x-1` therefore pushes a later duplicate `x`
// on to `x-2`, and a later `x-1` heading becomes `x-1-1`.
std::string Slugger::slug(std::string_view text) {
  const std::string original = github_slug(text);
  std::string result = original;
  while (occurrences_.count(result) != 0) {
    const int n = ++occurrences_[original];
    result = original + '-' + std::to_string(n);
  }
  occurrences_.emplace(result, 0);
  return result;
}

// A reserved id keeps any counter it already has, so reserving twice or
// reserving an id a heading already produced changes nothing.
void Slugger::reserve(std::string_view id) { occurrences_.try_emplace(std::string(id), 0); }

}  // namespace skiff
