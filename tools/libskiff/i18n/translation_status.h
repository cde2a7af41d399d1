// Translation status: for every page of the default locale, whether each
// other locale has it (`missing`), has it but the source changed since
// (`outdated`), or is up to date (`done`); and the UI strings each locale
// lacks. Decided from git history (i18n/git_history), or exactly from the
// source hash a translation records (`i18nSourceHash:`).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "build/site_loader.h"
#include "i18n/git_history.h"

namespace skiff {

enum class TranslationState {
  Missing,   // no page in the locale
  Outdated,  // the source changed after the translation
  Done,      // up to date
  Unknown,   // a shallow clone cut the history both pages need
};
std::string_view translation_state_name(TranslationState state);

// "YYYY-MM-DD" (UTC) of a commit time in Unix seconds; "" for 0 or less.
std::string iso_date(std::int64_t unix_seconds);

// The frontmatter key a translation may hold: the hash of the source text it
// was made from (source_hash()). When present it decides the status.
inline constexpr std::string_view kSourceHashKey = "i18nSourceHash";

// A 16-hex-digit hash of a page's body (frontmatter left out) with runs of
// whitespace made one space, so reflowing text is not a change.
std::string source_hash(std::string_view page_text);

struct TranslationStatus {
  std::string locale;
  TranslationState state = TranslationState::Missing;
  std::string file;        // "pages/es/a.md"; "" when missing
  std::string decided_by;  // "git", "i18nSourceHash", "no history"
  // Outdated (from git): the translation's last commit, and what the source
  // has had since (commits whose subject carries an ignore marker left out).
  std::string since_commit;
  std::int64_t since_time = 0;
  std::string source_old_blob;  // the source as the translation last saw it
  int commits_behind = 0;
  int lines_added = 0;
  int lines_deleted = 0;
  std::int64_t source_changed_time = 0;  // the newest counted source change
  std::vector<std::string> changed_sections;  // source headings whose text changed ("" = before the first)
};

struct PageTranslations {
  std::string slug;         // "guides/x" ("" is the home page)
  std::string source_file;  // "pages/en/guides/x.md"
  std::string title;
  bool ready = true;        // i18nReady: true (false pages are listed, not counted)
  std::vector<TranslationStatus> locales;  // every non-default locale, in site order
};

struct LocaleSummary {
  std::string locale;
  std::string name;  // native name
  int done = 0, outdated = 0, missing = 0, unknown = 0;
  int total() const { return done + outdated + missing + unknown; }
  int percent_done() const { return total() == 0 ? 100 : done * 100 / total(); }
};

struct UiStringsStatus {
  std::string locale;
  std::vector<std::string> missing;   // in the default locale, not in this one
  std::vector<std::string> obsolete;  // in this one, no longer in the default locale
  // In this one, but the default locale's text changed since this locale's
  // file last changed (site strings, SITE/locales/<code>.yml, from git).
  std::vector<std::string> stale;
};

struct I18nStatus {
  std::string default_locale;
  std::vector<PageTranslations> pages;        // ready and not ready, by slug
  std::vector<LocaleSummary> summaries;       // non-default locales, ready pages only
  std::vector<UiStringsStatus> ui_strings;    // non-default locales
  std::vector<std::string> orphans;           // translations without a source page
  GitHistory::State history = GitHistory::State::Failed;
  std::string history_note;
  std::string head;  // HEAD commit, for links
  std::string site_prefix;  // the site's folder in the repository ("site/")
};

// `site` must have its frontmatter read (read_frontmatter). Reads the
// translations' texts for i18nSourceHash and `history`'s old blobs for the
// changed sections (one `git cat-file --batch`).
// `digest_cache` (optional): a file keeping the digests of old source
// versions by blob id, so later runs read only new blobs from git.
I18nStatus compute_i18n_status(const LoadedSite& site, const GitHistory& history,
                               const std::filesystem::path& digest_cache = {});

// Lines added and deleted from `before` to `after` (page texts; the
// frontmatter is left out), comparing lines as multisets (order ignored).
void count_changed_lines(std::string_view before, std::string_view after, int& added, int& deleted);

// The sections (by heading text) whose content differs between two versions
// of a page; new sections count, removed ones do not. "" names the text
// before the first heading.
std::vector<std::string> changed_sections(std::string_view before, std::string_view after);

// A page body split at its ATX headings (outside fenced code): heading text
// and a hash of its whitespace-normalized text, in order; the first is ""
// (the text before any heading). For comparing many versions against one.
struct Section {
  std::string heading;           // "" for the text before the first heading
  std::uint64_t content_hash = 0;  // of the text, whitespace runs as one space
  bool empty = true;
};
using Sections = std::vector<Section>;
Sections sections_of(std::string_view body);
std::vector<std::string> changed_sections(const Sections& before, const Sections& after);

// What comparing versions of a page needs of one version, computed once.
struct Digest {
  Sections sections;
  std::vector<std::uint64_t> line_hashes;  // sorted
};
Digest digest_of(std::string_view page_text);
void count_changed_lines(const Digest& before, const Digest& after, int& added, int& deleted);

}  // namespace skiff
