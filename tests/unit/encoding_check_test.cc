#define BOOST_TEST_MODULE encoding_check
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/source_text.h"
#include "lint/encoding_check.h"

using skiff::check_encoding;
using skiff::Finding;
using skiff::Findings;
using skiff::kMaxDamageFindings;
using skiff::LintFix;
using skiff::Severity;
using skiff::SourceText;

// Byte strings are written with \x escapes: a literal "\xC3" followed by a
// hex digit would run on, so such places are split ("\xC3" "A").

namespace {

Findings check(std::string_view bytes) { return check_encoding("pages/en/a.md", bytes); }

void check_pos(const Finding& f, int line, int column) {
  BOOST_TEST_CONTEXT(f.message) {
    BOOST_TEST(f.pos.line == line);
    BOOST_TEST(f.pos.column == column);
  }
}

std::string with_fix(std::string bytes, const LintFix& fix) {
  return bytes.replace(fix.begin, fix.end - fix.begin, fix.replacement);
}

// Applies every fix, last offset first (as `--fix` does).
std::string apply_all(std::string bytes, const Findings& findings) {
  for (auto it = findings.rbegin(); it != findings.rend(); ++it) {
    if (it->fix) bytes = with_fix(bytes, *it->fix);
  }
  return bytes;
}

bool contains(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(clean)

BOOST_AUTO_TEST_CASE(empty_input) { BOOST_TEST(check("").empty()); }

BOOST_AUTO_TEST_CASE(ascii_and_crlf) {
  BOOST_TEST(check("---\r\ntitle: A\r\n---\r\n\r\n# Hello\tworld\r\n").empty());
}

BOOST_AUTO_TEST_CASE(every_script) {
  BOOST_TEST(check("日本語 한국어 Ελληνικά Привет مرحبا עברית हिन्दी ไทย 😳🙋‍♀️ 🇯🇵").empty());
}

BOOST_AUTO_TEST_CASE(boundary_scalar_values) {
  // U+0080, U+07FF, U+0800, U+D7FF, U+E000, U+FFFD, U+10000, U+10FFFF.
  BOOST_TEST(check("\xC2\x80 \xDF\xBF \xE0\xA0\x80 \xED\x9F\xBF \xEE\x80\x80 \xEF\xBF\xBD "
                   "\xF0\x90\x80\x80 \xF4\x8F\xBF\xBF")
                 .empty());
}

BOOST_AUTO_TEST_CASE(byte_order_mark_in_the_middle_is_text) {
  BOOST_TEST(check("a\xEF\xBB\xBF" "b").empty());  // U+FEFF, zero width no-break space
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(invalid_utf8)

BOOST_AUTO_TEST_CASE(lead_byte_cut_short_by_ascii) {
  Findings f = check("ab\xC3(cd");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].rule == "encoding");
  BOOST_TEST(f[0].file == "pages/en/a.md");
  BOOST_TEST((f[0].severity == Severity::Error));
  BOOST_TEST(!f[0].fix.has_value());
  check_pos(f[0], 1, 3);
  BOOST_TEST(f[0].message == "invalid UTF-8 (byte 0xC3): a 2-byte sequence cut short; "
                             "as Windows-1252 it would read `Ã`");
}

BOOST_AUTO_TEST_CASE(surrogate_is_one_run) {
  Findings f = check("x\xED\xA0\x80y");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  check_pos(f[0], 1, 2);
  BOOST_TEST(f[0].message == "invalid UTF-8 (bytes 0xED 0xA0 0x80): "
                             "a UTF-16 surrogate, which UTF-8 may not encode");
}

BOOST_AUTO_TEST_CASE(overlongs) {
  for (std::string bytes : {"\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xE0\x9F\xBF", "\xF0\x80\x80\xAF",
                            "\xF0\x8F\xBF\xBF"}) {
    Findings f = check("a" + bytes + "b");
    BOOST_TEST_CONTEXT(f.size()) {
      BOOST_TEST_REQUIRE(f.size() == 1u);
      check_pos(f[0], 1, 2);
      BOOST_TEST(contains(f[0].message, "overlong"));
    }
  }
}

BOOST_AUTO_TEST_CASE(past_u10ffff_and_never_used_bytes) {
  Findings f = check("\xF4\x90\x80\x80 \xF5\x80 \xF8\x88\x80\x80\x80 \xFE\xFF");
  BOOST_TEST_REQUIRE(f.size() == 4u);
  check_pos(f[0], 1, 1);
  BOOST_TEST(contains(f[0].message, "past U+10FFFF"));
  BOOST_TEST(contains(f[0].message, "0xF4 0x90 0x80 0x80"));
  check_pos(f[1], 1, 3);
  BOOST_TEST(contains(f[1].message, "never uses"));
  check_pos(f[2], 1, 5);  // 0x80 after 0xF5 is a continuation byte: no column
  check_pos(f[3], 1, 7);
  BOOST_TEST(contains(f[3].message, "0xFE 0xFF"));
}

BOOST_AUTO_TEST_CASE(stray_continuation_bytes) {
  Findings f = check("\x80\x81\xBF ok");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  check_pos(f[0], 1, 1);
  BOOST_TEST(f[0].message == "invalid UTF-8 (bytes 0x80 0x81 0xBF): a continuation byte without a lead byte");
}

BOOST_AUTO_TEST_CASE(windows_1252_file) {
  // "Café crème" saved as Windows-1252: each é/è is a lead byte cut short.
  Findings f = check("Caf\xE9 cr\xE8me");
  BOOST_TEST_REQUIRE(f.size() == 2u);
  check_pos(f[0], 1, 4);
  check_pos(f[1], 1, 8);
  BOOST_TEST(f[0].message == "invalid UTF-8 (byte 0xE9): a 3-byte sequence cut short; "
                             "as Windows-1252 it would read `é`");
}

BOOST_AUTO_TEST_CASE(truncated_at_end_of_file) {
  for (std::string tail : {"\xC3", "\xE2\x80", "\xF0\x9F\x98", "\xF0"}) {
    Findings f = check("abc " + tail);
    BOOST_TEST_REQUIRE(f.size() == 1u);
    check_pos(f[0], 1, 5);
    BOOST_TEST(contains(f[0].message, "cut short by the end of the file"));
  }
  Findings f = check("\xF0\x9F\x98");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "invalid UTF-8 (bytes 0xF0 0x9F 0x98): "
                             "a 4-byte sequence cut short by the end of the file");
}

BOOST_AUTO_TEST_CASE(position_after_multibyte_characters) {
  // é (2 bytes) 😳 (4) 日 (3) are one column each.
  Findings f = check("é😳日x\xFFy");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  check_pos(f[0], 1, 5);
}

BOOST_AUTO_TEST_CASE(positions_on_crlf_lines) {
  // The '\r' of a CRLF ends its line: it is not a column of the next one.
  Findings f = check("one\r\ntwo\r\nxé\x80\r\n\xFF");
  BOOST_TEST_REQUIRE(f.size() == 2u);
  check_pos(f[0], 3, 3);
  check_pos(f[1], 4, 1);
}

BOOST_AUTO_TEST_CASE(lone_cr_ends_a_line_as_in_source_text) {
  Findings f = check("a\rb\xFF");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  check_pos(f[0], 2, 2);
}

BOOST_AUTO_TEST_CASE(long_runs_are_shortened_in_the_message) {
  Findings f = check(std::string(100, '\xFF'));
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(contains(f[0].message, "0xFF 0xFF 0xFF 0xFF 0xFF 0xFF 0xFF 0xFF … (100 bytes)"));
}

BOOST_AUTO_TEST_CASE(capped_with_one_summary) {
  std::string bytes;
  for (int k = 0; k < 100; ++k) bytes += "\xFF ";
  Findings f = check(bytes);
  BOOST_TEST_REQUIRE(f.size() == static_cast<std::size_t>(kMaxDamageFindings) + 1);
  check_pos(f[19], 1, 39);
  BOOST_TEST(f[20].message == "… and 80 more runs of invalid UTF-8");
  check_pos(f[20], 1, 41);  // the first run it stands for
  BOOST_TEST((f[20].severity == Severity::Error));
}

BOOST_AUTO_TEST_CASE(binary_file_does_not_flood) {
  std::string bytes;
  for (int k = 0; k < 1 << 16; ++k) bytes += static_cast<char>((k * 7919) & 0xFF);
  Findings f = check(bytes);
  BOOST_TEST(f.size() <= 2u * kMaxDamageFindings + 2 + 50);
  int summaries = 0;
  for (const Finding& x : f) summaries += x.message.starts_with("… and") ? 1 : 0;
  BOOST_TEST(summaries == 2);  // one for invalid UTF-8, one for NUL
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(byte_order_mark)

BOOST_AUTO_TEST_CASE(at_start_is_a_fixable_warning) {
  std::string bytes = "\xEF\xBB\xBF---\ntitle: A\n---\n";
  Findings f = check(bytes);
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST((f[0].severity == Severity::Warning));
  check_pos(f[0], 1, 1);
  BOOST_TEST_REQUIRE(f[0].fix.has_value());
  BOOST_TEST(f[0].fix->begin == 0u);
  BOOST_TEST(f[0].fix->end == 3u);
  BOOST_TEST(f[0].fix->replacement.empty());
  BOOST_TEST(with_fix(bytes, *f[0].fix) == "---\ntitle: A\n---\n");
}

BOOST_AUTO_TEST_CASE(alone) {
  Findings f = check("\xEF\xBB\xBF");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "UTF-8 byte-order mark at the start of the file");
}

BOOST_AUTO_TEST_CASE(columns_after_it_count_it_as_source_text_does) {
  Findings f = check("\xEF\xBB\xBF" "ab\xFF");
  BOOST_TEST_REQUIRE(f.size() == 2u);
  check_pos(f[1], 1, 4);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(nul)

BOOST_AUTO_TEST_CASE(one_nul) {
  Findings f = check(std::string_view("ab\0c", 4));
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST((f[0].severity == Severity::Error));
  check_pos(f[0], 1, 3);
  BOOST_TEST(f[0].message == "NUL byte (0x00): the file may be binary or damaged");
}

BOOST_AUTO_TEST_CASE(a_run_is_one_finding) {
  Findings f = check(std::string_view("x\n\xC3\xA9\0\0\0", 7));
  BOOST_TEST_REQUIRE(f.size() == 1u);
  check_pos(f[0], 2, 2);
  BOOST_TEST(f[0].message == "3 NUL bytes (0x00): the file may be binary or damaged");
}

BOOST_AUTO_TEST_CASE(nul_in_the_fast_path_word) {
  // NUL at each place of an 8-byte word after ASCII.
  for (std::size_t at = 1; at < 20; ++at) {
    std::string bytes(24, 'a');
    bytes[at] = '\0';
    Findings f = check(bytes);
    BOOST_TEST_REQUIRE(f.size() == 1u);
    check_pos(f[0], 1, static_cast<int>(at) + 1);
  }
}

BOOST_AUTO_TEST_CASE(capped) {
  std::string bytes;
  for (int k = 0; k < 30; ++k) bytes += std::string("a\0", 2);
  Findings f = check(bytes);
  BOOST_TEST_REQUIRE(f.size() == static_cast<std::size_t>(kMaxDamageFindings) + 1);
  BOOST_TEST(f.back().message == "… and 10 more runs of NUL bytes");
  check_pos(f.back(), 1, 42);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(mojibake)

struct Sample {
  const char* damaged;   // UTF-8 text decoded as Windows-1252, saved as UTF-8
  const char* repaired;  // what the writer meant
};

// Damaged with Python: s.encode("utf-8").decode("cp1252") (bytes cp1252
// leaves undefined decoded as Latin-1), repeated for double encoding.
const Sample kSamples[] = {
    {"ðŸ˜³", "😳"},
    {"ðŸ™‹", "🙋"},
    {"â€™", "’"},
    {"Ã©", "é"},
    {"Ã¼", "ü"},
    {"â€”", "—"},
    {"â€œ", "“"},
    {"â€\xC2\x9D", "”"},           // 0x9D is undefined: U+009D
    {"Ã\xC2\xA0", "à"},            // Ã + NBSP
    {"Â©", "©"},
    {"â„¢", "™"},
    {"â†’", "→"},
    {"âœ…", "✅"},
    {"â‚¬", "€"},
    {"â€¦", "…"},
    {"Å‚", "ł"},
    {"È™", "ș"},
    {"Å¼Ã³Å‚Ä‡", "żółć"},          // Polish "zażółć": "za" is ASCII
    {"Ä™", "ę"},                    // Polish "się"
    {"ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет"},
    {"Î•Î»Î»Î·Î½Î¹ÎºÎ¬", "Ελληνικά"},
    {"Ù…Ø±Ø\xC2\xADØ¨Ø§", "مرحبا"},  // U+00AD (soft hyphen) inside
    {"æ—¥æœ¬èªž", "日本語"},
    {"ï¬\xC2\x81", "ﬁ"},
    {"ï¿½", "\xEF\xBF\xBD"},        // U+FFFD itself, damaged
    {"ÃƒÂ©", "é"},                  // double encoded
    {"Ã¢â‚¬â„¢", "’"},               // double encoded
    {"Ã°Å¸ËœÂ³", "😳"},              // double encoded
    {"ÃƒÂ°Ã…Â¸Ã‹Å“Ã‚Â³", "😳"},        // triple encoded
};

BOOST_AUTO_TEST_CASE(samples_are_found_with_the_exact_repair) {
  for (const Sample& s : kSamples) {
    // Starting a word, ending one, and ending a line.
    for (auto [before, after] : {std::pair<std::string, std::string>{"Say ", "s end"},
                                 {"word", " end"}, {"word", "\n"}}) {
      std::string text = before + s.damaged + after;
      BOOST_TEST_CONTEXT(text) {
        Findings f = check(text);
        BOOST_TEST_REQUIRE(f.size() == 1u);
        BOOST_TEST((f[0].severity == Severity::Warning));
        check_pos(f[0], 1, static_cast<int>(before.size()) + 1);
        BOOST_TEST_REQUIRE(f[0].fix.has_value());
        BOOST_TEST(f[0].fix->begin == before.size());
        BOOST_TEST(f[0].fix->end == before.size() + std::string_view(s.damaged).size());
        BOOST_TEST(f[0].fix->replacement == s.repaired);
        BOOST_TEST(with_fix(text, *f[0].fix) == before + s.repaired + after);
        BOOST_TEST(check(with_fix(text, *f[0].fix)).empty());
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(message_names_both_texts) {
  Findings f = check("wrappers ðŸ˜³");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "mojibake: `ðŸ˜³` looks like `😳` decoded as Windows-1252");
  f = check("caf\xC3\x83\xC6\x92\xC3\x82\xC2\xA9");  // cafÃƒÂ©
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "mojibake: `ÃƒÂ©` looks like `é` decoded as Windows-1252 twice");
  f = check("Ã\xC2\xA0 la");  // invisible characters are named
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "mojibake: `Ã<U+00A0>` looks like `à` decoded as Windows-1252");
}

// sharing-state.md, the seed page (shared/seed/sharing-state.md), has two
// emoji damaged this way. Its lines 14 and 32, byte for byte, at the same
// line numbers.
BOOST_AUTO_TEST_CASE(seed_page_lines) {
  const std::string line14 =
      "\"Typical\" UI frameworks like React, Vue, or Svelte may encourage [\"context\" "
      "providers](https://reactjs.org/docs/context.html) for other components to consume. But "
      "when [partially hydrating components](/en/core-concepts/framework-components/"
      "#hydrating-interactive-components) within Astro or Markdown, you cannot use these "
      "context wrappers \xC3\xB0\xC5\xB8\xCB\x9C\xC2\xB3";
  const std::string line32 =
      "<summary>**\xC3\xB0\xC5\xB8\xE2\x84\xA2\xE2\x80\xB9 How do Svelte stores compare to "
      "nanostores?**</summary>";
  BOOST_TEST(line14.size() == 347u);
  std::string page;
  for (int line = 1; line <= 40; ++line) {
    page += line == 14 ? line14 : line == 32 ? line32 : "Plain line " + std::to_string(line);
    page += '\n';
  }
  Findings f = check(page);
  BOOST_TEST_REQUIRE(f.size() == 2u);
  check_pos(f[0], 14, 340);
  BOOST_TEST(f[0].message == "mojibake: `ðŸ˜³` looks like `😳` decoded as Windows-1252");
  BOOST_TEST(f[0].fix->replacement == "😳");
  check_pos(f[1], 32, 12);
  BOOST_TEST(f[1].message == "mojibake: `ðŸ™‹` looks like `🙋` decoded as Windows-1252");
  BOOST_TEST(f[1].fix->replacement == "🙋");
  std::string fixed = apply_all(page, f);
  BOOST_TEST(contains(fixed, "context wrappers 😳\n"));
  BOOST_TEST(contains(fixed, "<summary>**🙋 How do"));
  BOOST_TEST(check(fixed).empty());
}

BOOST_AUTO_TEST_CASE(positions_after_multibyte_and_crlf) {
  Findings f = check("a\r\n日本 é fÃ¼r\r\n");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  check_pos(f[0], 2, 7);
  BOOST_TEST(f[0].fix->begin == 14u);
}

BOOST_AUTO_TEST_CASE(every_fix_at_once) {
  std::string text = "Itâ€™s a cafÃ© â€” ðŸ˜³\nÃœber\n";
  Findings f = check(text);
  BOOST_TEST(f.size() == 5u);
  BOOST_TEST(apply_all(text, f) == "It’s a café — 😳\nÜber\n");
}

BOOST_AUTO_TEST_CASE(damaged_byte_order_mark_is_deleted) {
  std::string text = "ï»¿---\ntitle: A\n---\n";
  Findings f = check(text);
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "mojibake: `ï»¿` is a byte-order mark decoded as Windows-1252");
  BOOST_TEST(with_fix(text, *f[0].fix) == "---\ntitle: A\n---\n");
}

BOOST_AUTO_TEST_CASE(weak_shapes_count_on_a_line_with_certain_mojibake) {
  // "и" alone is two letters a German or Icelandic text could hold…
  BOOST_TEST(check("Ð¸\n").empty());
  // …but between damaged Russian words it is damaged too.
  std::string text = "ÐŸÑ€Ð¸Ð²ÐµÑ‚ Ð¸ Ð¼Ð¸Ñ€\n";
  Findings f = check(text);
  BOOST_TEST(f.size() == 3u);
  BOOST_TEST(apply_all(text, f) == "Привет и мир\n");
  // The evidence must be on the same line.
  BOOST_TEST(check("ÐŸÑ€Ð¸Ð²ÐµÑ‚\nÐ¸\n").size() == 1u);
}

BOOST_AUTO_TEST_CASE(legit_run_next_to_damage_is_not_repaired) {
  // A real é glued to a damaged ’: the run é+â€™ is not UTF-8 as a whole,
  // so nothing is changed (a known limit, not a guess).
  BOOST_TEST(check("caféâ€™s").empty());
}

BOOST_AUTO_TEST_CASE(million_byte_line) {
  std::string text(1'000'000, 'x');
  text.replace(500'000, 4, "Ã©");
  text.replace(999'990, 1, "\xFF");
  Findings f = check(text);
  BOOST_TEST_REQUIRE(f.size() == 2u);
  check_pos(f[0], 1, 500'001);
  BOOST_TEST(f[0].fix->replacement == "é");
  check_pos(f[1], 1, 999'989);  // the 4 bytes of Ã© before it are two columns
}

BOOST_AUTO_TEST_CASE(million_byte_line_of_mojibake_stays_linear) {
  std::string text;
  while (text.size() < 1'000'000) text += "Ã© ";
  Findings f = check(text);
  BOOST_TEST(f.size() == text.size() / 5);
  check_pos(f.back(), 1, static_cast<int>(f.size() - 1) * 3 + 1);
}

// Real text in languages that use Latin-1 / Windows-1252 letters and
// symbols: none of it is mojibake.
const char* const kRealText[] = {
    // French, with typographic NBSP (U+00A0) and narrow NBSP (U+202F).
    "Le café est prêt, déjà servi à la crème brûlée.",
    "« J’ai mangé\xC2\xA0» dit-il, « c’est très bon\xC2\xA0! »",
    "«\xC2\xA0" "Bonjour\xC2\xA0», répondit l’élève naïve.",
    "Où est l’hôtel\xE2\x80\xAF? Là-bas, près du château.",
    "Noël, Œuvre, cœur, sœur, maïs, aïeul, ÉTÉ, À BIENTÔT.",
    "Il a payé 50\xC2\xA0€ pour l’entrée — c’était cher…",
    "CAFÉ… MENÜ… « ÉTÉ\xC2\xA0»",
    "mangé\xC2\xA0»",
    // German.
    "Grüße aus München: Die Straße ist schön, das Wasser heiß.",
    "„Fuß“, sagte er, „und Spaß“ – »Maß« ist größer.",
    "ÄRGER ÜBER ÖL: FÜR… DAS MENÜ…",
    "Über 10\xC2\xB0" "C, 5\xC2\xA0km², 3×½ Tasse.",
    // Spanish.
    "¿Qué tal? ¡Muy bien! El niño comió piña en la montaña.",
    "La canción «Ñandú» es de José Martínez, año 1998.",
    "Él ganó el 1.º puesto y la 2.ª ronda.",
    // Portuguese.
    "São Paulo, coração, não, irmã, maçã, avô, você.",
    "IRMÃ” e MAÇÃ… no AMANHÃ.",
    "Ações e informações: atenção à edição.",
    // Danish / Norwegian.
    "Ærø, Øresund, på gensyn, blåbærgrød, søster, kærlighed.",
    "ÆØÅ æøå: Ålborg og Århus.",
    // Icelandic / Faroese.
    "Þórr, Þingvellir, Ísland, Reykjavík, góðan daginn, það, fjörður.",
    "Ðóttir? Mýrdalsjökull og Eyjafjallajökull.",
    // Swedish / Finnish / Estonian.
    "Smörgåsbord, fika, Göteborg, Malmö, Hyvää päivää, Tšaikovski, šokolaad, žürii.",
    // Italian / Catalan / Dutch / Romanian in Latin-1.
    "Perché è così? Più tardi, città, però.",
    "Català: l·lusió, paral·lel, col·lecció.",
    "Enquête, ruïne, coördinatie, geïnteresseerd, café’s.",
    "ÎN ÎNTÂMPINARE, România, cât, în.",
    // Symbols and numbers.
    "1½ cups, ¼ tsp, ¾ full, 2³ = 8, x² + y²",
    "©2024 Skiff™ — All rights reserved®.",
    "Temperature: 37°C ± 0.5°; 5 µs; 10 µm; §3 ¶2.",
    "Prices: £5, ¥100, €20, ¢50, ¤; «quoted» ‹single› “double” ‘single’.",
    "Bullets • and daggers † ‡, per mille ‰, ellipsis …",
    "Ÿ is rare; so are ž, š, Š, Œ, ƒ and ˆ ˜ alone.",
    "A × B ÷ C ¬ D ¦ E ¯ F ´ G ¸ H ¨ I",
    "Words ending in accents then punctuation: café’, José”, Zoë…, Renée»",
    "Mixed scripts: Москва, Αθήνα, 東京, 서울, القاهرة, ירושלים.",
    "Emoji stay: 😳 🙋 ✅ ⚠️ → ™ ’",
    "A line\xC2\xA0with\xC2\xA0non-breaking\xC2\xA0spaces\xC2\xA0only.",
    "Straße“, Fuß”, Gruß…",
};

BOOST_AUTO_TEST_CASE(real_text_is_not_reported) {
  BOOST_TEST(std::size(kRealText) >= 30u);
  for (const char* text : kRealText) {
    BOOST_TEST_CONTEXT(text) {
      Findings f = check(text);
      for (const Finding& x : f) BOOST_TEST_MESSAGE(x.message);
      BOOST_TEST(f.empty());
    }
  }
  // All of it at once, one sentence per line: no line lends evidence.
  std::string all;
  for (const char* text : kRealText) all += std::string(text) + "\r\n";
  BOOST_TEST(check(all).empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(positions)

// Every finding is where SourceText puts its first byte.
BOOST_AUTO_TEST_CASE(agree_with_source_text) {
  std::string text;
  std::vector<std::size_t> offsets;
  auto add = [&](std::string_view plain, std::string_view damaged) {
    text += plain;
    offsets.push_back(text.size());
    text += damaged;
  };
  add("", "\xEF\xBB\xBF");            // byte-order mark
  add("a\r\nb\rc", "\xFF");           // after CRLF and a lone CR
  add("\n日本 ", "Ã©");                // mojibake after CJK
  add(" ", std::string_view("\0", 1));  // NUL
  add(" ", "\xE2\x82");               // cut short by CR
  add("\r\n", "\x80");                // stray continuation byte
  add("x ", "ðŸ˜³");                    // column after it counts the 0x80 as none
  add("\n\n", "\xC3");                 // cut short by the end of the file
  SourceText source("t", text);
  Findings f = check(text);
  BOOST_TEST_REQUIRE(f.size() == offsets.size());
  for (std::size_t k = 0; k < f.size(); ++k) {
    BOOST_TEST_CONTEXT(f[k].message) {
      BOOST_TEST(f[k].pos.line == source.position_of(offsets[k]).line);
      BOOST_TEST(f[k].pos.column == source.position_of(offsets[k]).column);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

// The build's pass (kDamageOnly) reports the same damage as lint's, and no
// mojibake, at the same positions.
BOOST_AUTO_TEST_CASE(damage_only_leaves_mojibake_out) {
  const std::string text = "\xEF\xBB\xBF" "Caf\xC3\xA9 \xC3\xB0\xC5\xB8\xCB\x9C\xC2\xB3 and \xFF, \xC3\x83\xC2\xA9\n" +
                           std::string("x\0y\n", 4);
  Findings all = check(text);
  Findings damage = check_encoding("pages/en/a.md", text, skiff::EncodingChecks::kDamageOnly);
  Findings want;
  for (const Finding& f : all) {
    if (!f.message.starts_with("mojibake")) want.push_back(f);
  }
  BOOST_TEST_REQUIRE(all.size() == want.size() + 2);  // the emoji and the é
  BOOST_TEST_REQUIRE(damage.size() == want.size());
  for (std::size_t k = 0; k < want.size(); ++k) {
    BOOST_TEST(damage[k].message == want[k].message);
    BOOST_TEST(damage[k].pos.line == want[k].pos.line);
    BOOST_TEST(damage[k].pos.column == want[k].pos.column);
  }
}
