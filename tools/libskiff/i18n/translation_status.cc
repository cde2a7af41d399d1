#include "i18n/translation_status.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

#include "base/disk.h"
#include "base/source_text.h"
#include "base/subprocess.h"
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
Sections sections_of(std::string_view text) {
  Sections sections{{"", ""}};
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
        sections.emplace_back(normalized(heading), "");
        continue;
      }
    }
    sections.back().second += line;
    sections.back().second += '\n';
  }
  for (auto& [heading, content] : sections) content = normalized(content);
  return sections;
}

namespace {

// Blobs by id, read with one `git cat-file --batch`.
std::map<std::string, std::string> read_blobs(const std::filesystem::path& cwd, const std::set<std::string>& ids) {
  std::map<std::string, std::string> blobs;
  if (ids.empty()) return blobs;
  std::string input;
  for (const std::string& id : ids) input += id + "\n";
  ProcessResult r = run_process({"git", "cat-file", "--batch"}, cwd, input);
  if (!r.started || r.exit_code != 0) return blobs;
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
  return blobs;
}

}  // namespace

void count_changed_lines(std::string_view before, std::string_view after, int& added, int& deleted) {
  // Lines compared as multisets: each line of `after` that `before` lacks
  // (one for one) is added, and the other way round. Moving a line is no
  // change; that is close to a diff's count for prose, at linear cost.
  std::unordered_map<std::string_view, int> count;
  auto each_line = [](std::string_view text, auto&& f) {
    for (std::size_t at = 0; at < text.size();) {
      std::size_t end = text.find('\n', at);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(at, end - at);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      f(line);
      at = end + 1;
    }
  };
  each_line(before, [&](std::string_view line) { ++count[line]; });
  added = 0;
  each_line(after, [&](std::string_view line) {
    auto it = count.find(line);
    if (it != count.end() && it->second > 0) {
      --it->second;
    } else {
      ++added;
    }
  });
  deleted = 0;
  for (const auto& [line, left] : count) deleted += left;
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
  std::string text = normalized(body_of(page_text));
  std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a 64
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

std::vector<std::string> changed_sections(std::string_view before, std::string_view after) {
  return changed_sections(sections_of(body_of(before)), sections_of(body_of(after)));
}

std::vector<std::string> changed_sections(const Sections& old_sections, const Sections& new_sections) {
  // Headings can repeat: the n-th "Example" compares with the n-th.
  std::map<std::pair<std::string, int>, std::string> old_by_heading;
  std::map<std::string, int> seen;
  for (const auto& [heading, content] : old_sections) old_by_heading[{heading, seen[heading]++}] = content;
  seen.clear();
  std::vector<std::string> changed;
  for (const auto& [heading, content] : new_sections) {
    auto it = old_by_heading.find({heading, seen[heading]++});
    if (it == old_by_heading.end() || it->second != content) {
      if (heading.empty() && content.empty()) continue;
      changed.push_back(heading);
    }
  }
  return changed;
}

I18nStatus compute_i18n_status(const LoadedSite& site, const GitHistory& history) {
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
  // The current source's sections are split once per page, an old
  // version's once per blob (translations made from the same version share
  // it).
  std::map<std::string, std::string> blobs = read_blobs(site.root, blob_ids);
  std::map<std::string, Sections> old_sections;
  for (PageTranslations& page : status.pages) {
    std::optional<std::string> current;
    Sections current_sections;
    for (TranslationStatus& t : page.locales) {
      auto blob = blobs.find(t.source_old_blob);
      if (t.state != TranslationState::Outdated || blob == blobs.end()) continue;
      if (!current) {
        std::string error;
        current = read_file(site.root / page.source_file, error).value_or("");
        current_sections = sections_of(body_of(*current));
      }
      auto old = old_sections.find(blob->first);
      if (old == old_sections.end()) old = old_sections.emplace(blob->first, sections_of(body_of(blob->second))).first;
      t.changed_sections = changed_sections(old->second, current_sections);
      count_changed_lines(blob->second, *current, t.lines_added, t.lines_deleted);
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
    status.ui_strings.push_back(std::move(ui));
  }
  return status;
}

}  // namespace skiff
