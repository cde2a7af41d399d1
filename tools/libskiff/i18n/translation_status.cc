#include "i18n/translation_status.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <map>
#include <set>
#include <thread>

#include "base/disk.h"
#include "base/fnv1a.h"
#include "base/source_text.h"
#include "base/subprocess.h"
#include "build/site_loader.h"
#include "site/frontmatter.h"

namespace skiff {
namespace {

bool contains_ignoring_case(std::string_view text, std::string_view marker) {
  if (marker.empty() || marker.size() > text.size()) return false;
  auto it = std::search(text.begin(), text.end(), marker.begin(), marker.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
  return it != text.end();
}

std::string_view body_of(std::string_view page_text) {
  return page_text.substr(std::min(frontmatter_end(page_text), page_text.size()));
}

// The page's text with runs of whitespace as one space, ends trimmed.
std::string normalized(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

// Sections of a Markdown page: heading text → normalized content, in order.
// ATX headings outside fenced code start a section.
// Hashes text with runs of whitespace as one space and the ends trimmed,
// fed a piece at a time (a section's lines), without building the string.
class NormalizedHash {
 public:
  void add(std::string_view text) {
    for (char c : text) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        space_ = started_;
        continue;
      }
      if (space_) mix(' ');
      space_ = false;
      started_ = true;
      mix(c);
    }
  }
  std::uint64_t value() const { return hash_; }
  bool empty() const { return !started_; }

 private:
  void mix(char c) { hash_ = fnv1a(std::string_view(&c, 1), hash_); }
  std::uint64_t hash_ = kFnv1aStart;
  bool started_ = false;
  bool space_ = false;
};

Sections sections_of(std::string_view text) {
  Sections sections(1);
  NormalizedHash content;
  auto close = [&] {
    sections.back().content_hash = content.value();
    sections.back().empty = content.empty();
    content = NormalizedHash();
  };
  std::string fence;  // the open fence's marker, or ""
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view trimmed = line.substr(std::min(line.size(), line.find_first_not_of(' ')));
    if (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
      std::string marker(trimmed.substr(0, 3));
      if (fence.empty()) {
        fence = marker;
      } else if (marker == fence) {
        fence.clear();
      }
    } else if (fence.empty() && trimmed.starts_with('#')) {
      std::size_t hashes = trimmed.find_first_not_of('#');
      if (hashes != std::string_view::npos && hashes <= 6 && trimmed[hashes] == ' ') {
        std::string heading = normalized(trimmed.substr(hashes));
        while (!heading.empty() && heading.back() == '#') heading.pop_back();
        close();
        sections.push_back({normalized(heading), 0, true});
        continue;
      }
    }
    content.add(line);
    content.add("\n");
  }
  close();
  return sections;
}

std::vector<std::string> changed_sections(const Sections& old_sections, const Sections& new_sections) {
  // Headings can repeat: the n-th "Example" compares with the n-th.
  std::map<std::pair<std::string_view, int>, std::uint64_t> old_by_heading;
  std::map<std::string_view, int> seen;
  for (const Section& section : old_sections) {
    old_by_heading[{section.heading, seen[section.heading]++}] = section.content_hash;
  }
  seen.clear();
  std::vector<std::string> changed;
  for (const Section& section : new_sections) {
    auto it = old_by_heading.find({section.heading, seen[section.heading]++});
    if (it == old_by_heading.end() || it->second != section.content_hash) {
      if (section.heading.empty() && section.empty) continue;
      changed.push_back(section.heading);
    }
  }
  return changed;
}

namespace {

// Blobs by id from one `git cat-file --batch` given `ids`, into `blobs`.
void read_blob_batch(const std::filesystem::path& cwd, const std::vector<std::string>& ids,
                     std::map<std::string, std::string>& blobs) {
  if (ids.empty()) return;
  std::string input;
  for (const std::string& id : ids) input += id + "\n";
  ProcessResult r = run_process({"git", "cat-file", "--batch"}, cwd, input);
  if (!r.started || r.exit_code != 0) return;
  std::string_view out = r.out;
  std::size_t at = 0;
  while (at < out.size()) {
    std::size_t line_end = out.find('\n', at);
    if (line_end == std::string_view::npos) break;
    std::string_view header = out.substr(at, line_end - at);
    at = line_end + 1;
    // "<id> blob <size>" or "<id> missing"
    std::size_t s1 = header.find(' ');
    std::size_t s2 = s1 == std::string_view::npos ? s1 : header.find(' ', s1 + 1);
    if (s2 == std::string_view::npos) continue;
    std::size_t size = std::stoul(std::string(header.substr(s2 + 1)));
    if (at + size > out.size()) break;
    blobs[std::string(header.substr(0, s1))] = std::string(out.substr(at, size));
    at += size + 1;  // the content, then '\n'
  }
}

// Blobs by id. Inflating them is most of the cost, so one `git cat-file
// --batch` runs per core, each on its share of the ids.
std::map<std::string, std::string> read_blobs(const std::filesystem::path& cwd, const std::set<std::string>& ids) {
  const std::size_t jobs = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
  std::vector<std::vector<std::string>> shares(jobs);
  std::size_t n = 0;
  for (const std::string& id : ids) shares[n++ % jobs].push_back(id);
  std::vector<std::map<std::string, std::string>> found(jobs);
  std::vector<std::thread> threads;
  for (std::size_t j = 1; j < jobs; ++j) {
    threads.emplace_back([&, j] { read_blob_batch(cwd, shares[j], found[j]); });
  }
  read_blob_batch(cwd, shares[0], found[0]);
  for (std::thread& t : threads) t.join();
  std::map<std::string, std::string> blobs = std::move(found[0]);
  for (std::size_t j = 1; j < jobs; ++j) blobs.merge(found[j]);
  return blobs;
}

}  // namespace

Digest digest_of(std::string_view page_text) {
  Digest d;
  std::string_view body = body_of(page_text);
  d.sections = sections_of(body);
  for (std::size_t at = 0; at < body.size();) {
    std::size_t end = body.find('\n', at);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(at, end - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    d.line_hashes.push_back(fnv1a(line));
    at = end + 1;
  }
  std::sort(d.line_hashes.begin(), d.line_hashes.end());
  return d;
}

void count_changed_lines(const Digest& before, const Digest& after, int& added, int& deleted) {
  // Lines compared as multisets (by a 64-bit hash each): each line of
  // `after` that `before` lacks, one for one, is added, and the other way
  // round. Moving a line is no change; close to a diff's count for prose,
  // at the cost of a sort per text.
  const std::vector<std::uint64_t>& old_lines = before.line_hashes;
  const std::vector<std::uint64_t>& new_lines = after.line_hashes;
  std::size_t common = 0;
  for (std::size_t a = 0, b = 0; a < old_lines.size() && b < new_lines.size();) {
    if (old_lines[a] < new_lines[b]) {
      ++a;
    } else if (new_lines[b] < old_lines[a]) {
      ++b;
    } else {
      ++common;
      ++a;
      ++b;
    }
  }
  added = static_cast<int>(new_lines.size() - common);
  deleted = static_cast<int>(old_lines.size() - common);
}

void count_changed_lines(std::string_view before, std::string_view after, int& added, int& deleted) {
  count_changed_lines(digest_of(before), digest_of(after), added, deleted);
}

std::string iso_date(std::int64_t unix_seconds) {
  if (unix_seconds <= 0) return "";
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
  return buffer;
}

std::string_view translation_state_name(TranslationState state) {
  switch (state) {
    case TranslationState::Missing: return "missing";
    case TranslationState::Outdated: return "outdated";
    case TranslationState::Done: return "done";
    case TranslationState::Unknown: return "unknown";
  }
  return "unknown";
}

std::string source_hash(std::string_view page_text) {
  NormalizedHash hash;  // the same bytes normalized() would give, not built
  hash.add(body_of(page_text));
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash.value()));
  return hex;
}

std::vector<std::string> changed_sections(std::string_view before, std::string_view after) {
  return changed_sections(sections_of(body_of(before)), sections_of(body_of(after)));
}


namespace {

// The site's strings for `locale` (SITE/locales/<locale>.yml) whose
// default-locale text changed after the locale's file last changed: the
// default file's version of that time (its blob before its oldest newer
// change) is compared with today's, key by key.
template <typename Ignored>
std::vector<std::string> stale_strings(const LoadedSite& site, const GitHistory& history, const std::string& locale,
                                       const Ignored& ignored) {
  const std::string reference_file = "locales/" + site.config.default_locale + ".yml";
  const std::vector<FileChange>* own = history.changes("locales/" + locale + ".yml");
  const std::vector<FileChange>* reference = history.changes(reference_file);
  if (own == nullptr || reference == nullptr) return {};
  const FileChange* last = nullptr;
  for (const FileChange& change : *own) {
    if (change.content) {
      last = &change;
      break;
    }
  }
  if (last == nullptr) return {};
  const FileChange* oldest_newer = nullptr;
  for (const FileChange& change : *reference) {
    if (change.commit >= last->commit) break;
    if (change.content && !ignored(change.commit)) oldest_newer = &change;
  }
  if (oldest_newer == nullptr || oldest_newer->old_blob.empty()) return {};
  std::map<std::string, std::string> blobs = read_blobs(site.root, {oldest_newer->old_blob});
  auto then = blobs.find(oldest_newer->old_blob);
  if (then == blobs.end()) return {};
  Diagnostics unreported;  // load_site reported them when it read these files
  StringTable before = parse_string_table(then->second);
  StringTable now = parse_string_table(read_site_file(site.root, reference_file, unreported).value_or(""));
  std::string own_text = read_site_file(site.root, "locales/" + locale + ".yml", unreported).value_or("");
  StringTable translated = parse_string_table(own_text);
  std::vector<std::string> stale;
  for (const auto& [key, text] : now) {
    auto old = before.find(key);
    if (translated.count(key) > 0 && old != before.end() && old->second != text) stale.push_back(key);
  }
  return stale;
}

// The digest cache: per blob, a line "blob <id> <sections> <lines>", then a
// line per section "<hash hex> <0|1 empty> <heading>", then one line of
// sorted line hashes in hex. A damaged cache reads as empty.
std::map<std::string, Digest> read_digest_cache(const std::filesystem::path& file) {
  std::map<std::string, Digest> out;
  if (file.empty()) return out;
  std::string error;
  auto text = read_file(file, error);
  if (!text || !text->starts_with("skiff-digests 1\n")) return out;
  std::string_view rest = std::string_view(*text).substr(16);
  auto next_line = [&](std::string_view& line) {
    std::size_t end = rest.find('\n');
    if (end == std::string_view::npos) return false;
    line = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    return true;
  };
  std::string_view line;
  while (next_line(line)) {
    char id[64];
    std::size_t sections = 0;
    std::size_t lines = 0;
    if (std::sscanf(std::string(line).c_str(), "blob %63s %zu %zu", id, &sections, &lines) != 3) return {};
    Digest d;
    for (std::size_t i = 0; i < sections; ++i) {
      if (!next_line(line)) return {};
      unsigned long long hash = 0;
      int empty = 0;
      int used = 0;
      std::string copy(line);
      if (std::sscanf(copy.c_str(), "%llx %d %n", &hash, &empty, &used) < 2) return {};
      d.sections.push_back({copy.substr(static_cast<std::size_t>(used)), hash, empty != 0});
    }
    if (!next_line(line)) return {};
    std::string copy(line);
    const char* p = copy.c_str();
    for (std::size_t i = 0; i < lines; ++i) {
      char* end = nullptr;
      unsigned long long h = std::strtoull(p, &end, 16);
      if (end == p) return {};
      d.line_hashes.push_back(h);
      p = end;
    }
    out.emplace(id, std::move(d));
  }
  return out;
}

void write_digest_cache(const std::filesystem::path& file, const std::map<std::string, const Digest*>& digests) {
  std::string out = "skiff-digests 1\n";
  char buffer[64];
  for (const auto& [id, d] : digests) {
    out += "blob " + id + " " + std::to_string(d->sections.size()) + " " + std::to_string(d->line_hashes.size()) + "\n";
    for (const Section& section : d->sections) {
      std::snprintf(buffer, sizeof buffer, "%llx %d ", static_cast<unsigned long long>(section.content_hash),
                    section.empty ? 1 : 0);
      out += buffer + section.heading + "\n";
    }
    for (std::uint64_t h : d->line_hashes) {
      std::snprintf(buffer, sizeof buffer, "%llx ", static_cast<unsigned long long>(h));
      out += buffer;
    }
    out += "\n";
  }
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  std::string error;
  replace_file(file, out, error);  // a cache: failing to keep it is no error
}

}  // namespace

I18nStatus compute_i18n_status(const LoadedSite& site, const GitHistory& history,
                               const std::filesystem::path& digest_cache) {
  I18nStatus status;
  const SiteConfig& config = site.config;
  const auto& pages = site.pages.pages();
  status.default_locale = config.default_locale;
  status.history = history.state;
  status.history_note = history.message;
  status.head = history.head;
  status.site_prefix = history.prefix;
  const bool has_history = history.state == GitHistory::State::Full || history.state == GitHistory::State::Shallow;
  const int oldest = static_cast<int>(history.commits.size()) - 1;

  auto ignored = [&](int commit) {
    const std::string& subject = history.commits[static_cast<std::size_t>(commit)].subject;
    return std::any_of(config.i18n_ignore.begin(), config.i18n_ignore.end(),
                       [&](const std::string& marker) { return contains_ignoring_case(subject, marker); });
  };

  std::set<std::string> blob_ids;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const PageSource& source = pages[i];
    if (source.locale != config.default_locale) continue;
    PageTranslations page;
    page.slug = source.slug;
    page.source_file = source.display_path;
    page.title = i < site.titles.size() ? site.titles[i] : source.slug;
    page.ready = i < site.frontmatter.size() && site.frontmatter[i].i18n_ready.value_or(false);
    std::optional<std::string> source_text;  // read when a translation records a hash
    const std::vector<FileChange>* source_changes = history.changes(source.display_path);
    for (const std::string& locale : config.locales) {
      if (locale == config.default_locale) continue;
      TranslationStatus t;
      t.locale = locale;
      int index = site.pages.find(locale, source.slug);
      if (index < 0) {
        t.state = TranslationState::Missing;
        page.locales.push_back(std::move(t));
        continue;
      }
      const PageSource& translation = pages[static_cast<std::size_t>(index)];
      const Frontmatter& fm = site.frontmatter[static_cast<std::size_t>(index)];
      t.file = translation.display_path;
      auto recorded = fm.values.find(kSourceHashKey);
      if (recorded != fm.values.end()) {
        if (!source_text) {
          std::string error;
          source_text = read_file(source.file, error).value_or("");
        }
        t.decided_by = std::string(kSourceHashKey);
        t.state = recorded->second == source_hash(*source_text) ? TranslationState::Done : TranslationState::Outdated;
      } else if (!has_history) {
        t.decided_by = "no history";
        t.state = TranslationState::Done;
      } else {
        t.decided_by = "git";
        // The translation's newest change to its text (moving it is no update).
        const std::vector<FileChange>* own = history.changes(translation.display_path);
        const FileChange* last = nullptr;
        if (own != nullptr) {
          for (const FileChange& change : *own) {
            if (change.content) {
              last = &change;
              break;
            }
          }
        }
        if (last == nullptr) {
          // Not committed yet: newer than every source commit.
          t.state = TranslationState::Done;
        } else {
          const int since = last->commit;
          t.since_commit = history.commits[static_cast<std::size_t>(since)].hash;
          t.since_time = history.commits[static_cast<std::size_t>(since)].time;
          const FileChange* oldest_counted = nullptr;
          if (source_changes != nullptr) {
            for (const FileChange& change : *source_changes) {
              if (change.commit >= since) break;  // newest first: the rest are older
              if (!change.content || ignored(change.commit)) continue;
              if (t.commits_behind == 0) t.source_changed_time = history.commits[static_cast<std::size_t>(change.commit)].time;
              ++t.commits_behind;
              oldest_counted = &change;
            }
          }
          if (t.commits_behind > 0) {
            t.state = TranslationState::Outdated;
            t.source_old_blob = oldest_counted->old_blob;
            if (!t.source_old_blob.empty()) blob_ids.insert(t.source_old_blob);
          } else if (history.state == GitHistory::State::Shallow && since == oldest) {
            // Both pages were last touched at or before the cut: the order
            // of their changes is not in this clone.
            t.state = TranslationState::Unknown;
          } else {
            t.state = TranslationState::Done;
          }
        }
      }
      page.locales.push_back(std::move(t));
    }
    status.pages.push_back(std::move(page));
  }
  std::sort(status.pages.begin(), status.pages.end(),
            [](const PageTranslations& a, const PageTranslations& b) { return a.slug < b.slug; });

  // The sections of each outdated source that changed since its translation.
  // Each text (a current source, an old version) is digested once, in
  // parallel: its sections and its sorted line hashes. A translation then
  // costs a comparison of two digests.
  // Old versions are immutable: their digests are kept in the cache file
  // by blob id, and only blobs not in it are read from git.
  std::map<std::string, Digest> cached = read_digest_cache(digest_cache);
  std::set<std::string> to_read;
  for (const std::string& id : blob_ids) {
    if (cached.count(id) == 0) to_read.insert(id);
  }
  std::map<std::string, std::string> blobs = read_blobs(site.root, to_read);
  struct Work {
    std::string text;
    Digest digest;
    bool done = false;
  };
  std::map<std::string, Work> texts;  // blob id, or "file:" + source file
  for (PageTranslations& page : status.pages) {
    for (TranslationStatus& t : page.locales) {
      if (t.state != TranslationState::Outdated || t.source_old_blob.empty()) continue;
      if (auto hit = cached.find(t.source_old_blob); hit != cached.end()) {
        texts.try_emplace(t.source_old_blob, Work{{}, hit->second, true});
      } else if (auto blob = blobs.find(t.source_old_blob); blob != blobs.end()) {
        texts.try_emplace(blob->first, Work{std::move(blob->second), {}, false});
      } else {
        continue;
      }
      if (texts.count("file:" + page.source_file) == 0) {
        std::string error;
        texts.emplace("file:" + page.source_file,
                      Work{read_file(site.root / page.source_file, error).value_or(""), {}, false});
      }
    }
  }
  std::vector<Work*> work;
  for (auto& [key, w] : texts) {
    if (!w.done) work.push_back(&w);
  }
  parallel_for(static_cast<int>(work.size()), static_cast<int>(std::max(1u, std::thread::hardware_concurrency())),
               [&](int i) { work[static_cast<std::size_t>(i)]->digest = digest_of(work[static_cast<std::size_t>(i)]->text); });
  if (!digest_cache.empty() && !to_read.empty()) {
    std::map<std::string, const Digest*> keep;
    for (const auto& [key, w] : texts) {
      if (!key.starts_with("file:")) keep[key] = &w.digest;
    }
    write_digest_cache(digest_cache, keep);
  }
  for (PageTranslations& page : status.pages) {
    for (TranslationStatus& t : page.locales) {
      auto old = texts.find(t.source_old_blob);
      auto current = texts.find("file:" + page.source_file);
      if (t.state != TranslationState::Outdated || t.source_old_blob.empty() || old == texts.end() ||
          current == texts.end()) {
        continue;
      }
      t.changed_sections = changed_sections(old->second.digest.sections, current->second.digest.sections);
      count_changed_lines(old->second.digest, current->second.digest, t.lines_added, t.lines_deleted);
    }
  }


  for (const PageSource& page : pages) {
    if (page.locale != config.default_locale && site.pages.find(config.default_locale, page.slug) < 0) {
      status.orphans.push_back(page.display_path);
    }
  }

  for (const std::string& locale : config.locales) {
    if (locale == config.default_locale) continue;
    LocaleSummary summary;
    summary.locale = locale;
    summary.name = site.catalog.info(locale).name;
    for (const PageTranslations& page : status.pages) {
      if (!page.ready) continue;
      for (const TranslationStatus& t : page.locales) {
        if (t.locale != locale) continue;
        switch (t.state) {
          case TranslationState::Done: ++summary.done; break;
          case TranslationState::Outdated: ++summary.outdated; break;
          case TranslationState::Missing: ++summary.missing; break;
          case TranslationState::Unknown: ++summary.unknown; break;
        }
      }
    }
    status.summaries.push_back(summary);

    UiStringsStatus ui;
    ui.locale = locale;
    std::vector<std::string> reference = site.catalog.own_keys(config.default_locale);
    std::vector<std::string> own = site.catalog.own_keys(locale);
    std::set_difference(reference.begin(), reference.end(), own.begin(), own.end(), std::back_inserter(ui.missing));
    std::vector<std::string> extra;
    std::set_difference(own.begin(), own.end(), reference.begin(), reference.end(), std::back_inserter(extra));
    // Sidebar labels (`nav.*`) exist only in translations: site.yml holds
    // the default locale's.
    for (std::string& key : extra) {
      if (!key.starts_with("nav.")) ui.obsolete.push_back(std::move(key));
    }
    ui.stale = stale_strings(site, history, locale, ignored);
    status.ui_strings.push_back(std::move(ui));
  }
  return status;
}

}  // namespace skiff
