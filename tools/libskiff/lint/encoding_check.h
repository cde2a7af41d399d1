// The `encoding` rule of `skiff lint`: a page file's bytes must be UTF-8
// text, without a byte-order mark, NUL bytes or mojibake.
//
// Findings (rule "encoding"), in byte order of the file:
//   error    invalid UTF-8: one finding per maximal run of bytes that are not
//            part of a well-formed sequence (Unicode 15, table 3-7: no
//            overlongs, surrogates, values past U+10FFFF or cut-short
//            sequences). Runs are split the way Unicode's "maximal subpart"
//            practice splits them (ED A0 80 is three bad bytes in one run;
//            C3 28 is one bad byte, then '('). At most kMaxDamageFindings
//            runs are reported, then one "… and N more" finding at the next
//            run, so a binary file cannot flood the report.
//   error    NUL bytes: one finding per run of 0x00 bytes, capped the same
//            way (separately).
//   warning  a UTF-8 byte-order mark at offset 0; the fix deletes its 3 bytes.
//   warning  mojibake: UTF-8 text that was decoded as Windows-1252 (or
//            Latin-1) and saved again as UTF-8, once or several times, e.g.
//            `â€™` for `’`, `Ã©` for `é`, `ðŸ˜³` for `😳`. The fix replaces
//            exactly the damaged bytes with the repaired UTF-8. What counts
//            as mojibake is spelled out in encoding_check.cc; in short, a
//            maximal run of Windows-1252 characters whose bytes are valid
//            multi-byte UTF-8, minus the shapes real Latin text produces (an
//            accented capital or ß followed by a quote or ellipsis, French
//            `é\u00A0»`), which count only on a line with certain mojibake.
//
// Positions are what SourceText::position_of gives for the finding's first
// byte: 1-based line and column in code points. A line ends at '\n', "\r\n"
// or a lone '\r'; the '\r' of a CRLF ends its line, so it is never a column
// of the next one. Inside invalid UTF-8 each byte that is not a continuation
// byte (0x80–0xBF) counts as one column, as SourceText counts.
//
// One linear pass: ASCII is skipped eight bytes at a time; only non-ASCII
// characters are decoded. Positions are computed afterwards, in one forward
// sweep, and only when there is something to report.
#pragma once

#include <cstddef>
#include <string_view>

#include "lint/finding.h"

namespace skiff {

// Invalid-UTF-8 runs (and, separately, NUL runs) reported per file before
// the single "… and N more" finding.
inline constexpr int kMaxDamageFindings = 20;

// What check_encoding looks for: all of the above, or (kDamageOnly, for the
// build, which leaves mojibake to lint: it is a guess that pages may
// silence) the BOM, invalid UTF-8 and NUL bytes, without the cost of
// judging mojibake.
enum class EncodingChecks { kAll, kDamageOnly };

// Checks one page file's bytes (as read from disk; frontmatter included) for
// encoding damage. `file` is the display path put into findings.
Findings check_encoding(std::string_view file, std::string_view bytes, EncodingChecks checks = EncodingChecks::kAll);

}  // namespace skiff
