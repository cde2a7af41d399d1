#include "i18n/i18n_report.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <ctime>

namespace skiff {
namespace {

using Json = nlohmann::ordered_json;

std::string percent_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}


std::string short_hash(const std::string& hash) { return hash.substr(0, 7); }

std::string bar(int percent, int width) {
  int full = percent * width / 100;
  std::string out;
  for (int i = 0; i < width; ++i) out += i < full ? "\u2588" : "\u2591";
  return out;
}

std::string history_line(const I18nStatus& status) {
  switch (status.history) {
    case GitHistory::State::Full: return "history: git, HEAD " + short_hash(status.head);
    case GitHistory::State::Shallow: return "history: git (SHALLOW CLONE), HEAD " + short_hash(status.head);
    default: return "history: none";
  }
}

// Terminal columns of `s`: East Asian wide characters (CJK, Hangul,
// fullwidth forms) take two, other code points one.
std::size_t columns(std::string_view s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    int length = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    char32_t point = length == 1 ? c : c & (0xFF >> (length + 1));
    for (int k = 1; k < length && i + static_cast<std::size_t>(k) < s.size(); ++k) {
      point = (point << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    }
    bool wide = (point >= 0x1100 && point <= 0x115F) || (point >= 0x2E80 && point <= 0xA4CF) ||
                (point >= 0xAC00 && point <= 0xD7A3) || (point >= 0xF900 && point <= 0xFAFF) ||
                (point >= 0xFE30 && point <= 0xFE4F) || (point >= 0xFF00 && point <= 0xFF60) ||
                (point >= 0xFFE0 && point <= 0xFFE6) || (point >= 0x20000 && point <= 0x3FFFD);
    width += wide ? 2 : 1;
    i += static_cast<std::size_t>(length);
  }
  return width;
}

std::string pad(std::string s, std::size_t width) {
  std::size_t used = columns(s);
  if (used < width) s.append(width - used, ' ');
  return s;
}

// Strings in the JSON (bytes that are not UTF-8 are replaced when dumped).
Json text_value(const std::string& s) { return Json(s); }

}  // namespace

TranslationLinks translation_links(const SiteConfig& config, const I18nStatus& status,
                                   const PageTranslations& page, const TranslationStatus& t) {
  TranslationLinks links;
  const std::string& repo = config.i18n_repository;
  if (repo.empty()) return links;
  const std::string base = repo + "/blob/" + config.i18n_branch + "/" + status.site_prefix;
  links.source = base + page.source_file;
  if (!t.file.empty()) links.translation = base + t.file;
  if (t.state == TranslationState::Outdated && !t.since_commit.empty() && !status.head.empty()) {
    links.diff = repo + "/compare/" + t.since_commit + "..." + status.head;
  }
  if (t.state == TranslationState::Missing) {
    // pages/<locale>/<dir>/<name>.md, as the source is named.
    std::string source = page.source_file;
    std::string rest = source.substr(std::min(source.size(), ("pages/" + status.default_locale + "/").size()));
    std::size_t slash = rest.rfind('/');
    std::string dir = "pages/" + t.locale + (slash == std::string::npos ? "" : "/" + rest.substr(0, slash));
    std::string name = slash == std::string::npos ? rest : rest.substr(slash + 1);
    std::string frontmatter = "---\nlayout: ~/layouts/MainLayout.astro\ntitle: " + page.title +
                              "\ni18nReady: true\n---\n\n";
    links.create = repo + "/new/" + config.i18n_branch + "/" + status.site_prefix + dir +
                   "?filename=" + percent_encode(name) + "&value=" + percent_encode(frontmatter);
  }
  return links;
}

std::string i18n_text(const I18nStatus& status, const SiteConfig&, const I18nReportOptions& options) {
  const char* bold = options.colour ? "\x1b[1m" : "";
  const char* green = options.colour ? "\x1b[32m" : "";
  const char* yellow = options.colour ? "\x1b[33m" : "";
  const char* red = options.colour ? "\x1b[31m" : "";
  const char* plain = options.colour ? "\x1b[0m" : "";
  std::string out;
  int ready = 0;
  for (const PageTranslations& page : status.pages) ready += page.ready ? 1 : 0;
  out += std::string(bold) + "Translation status" + plain + ": " + std::to_string(ready) + " " +
         status.default_locale + " pages ready for translation; " + history_line(status) + "\n";
  if (!status.history_note.empty()) out += "note: " + status.history_note + "\n";
  out += "\n";
  for (const LocaleSummary& s : status.summaries) {
    const char* colour = s.percent_done() >= 80 ? green : s.percent_done() >= 50 ? yellow : red;
    out += "  " + pad(s.locale, 6) + pad(s.name, 12) + colour + bar(s.percent_done(), 20) + plain + " " +
           pad(std::to_string(s.percent_done()) + "%", 5) + std::to_string(s.done) + " done, " +
           std::to_string(s.outdated) + " outdated, " + std::to_string(s.missing) + " missing" +
           (s.unknown > 0 ? ", " + std::to_string(s.unknown) + " unknown (shallow clone)" : "") + "\n";
  }
  for (const LocaleSummary& s : status.summaries) {
    std::string outdated;
    std::string missing;
    for (const PageTranslations& page : status.pages) {
      if (!page.ready) continue;
      for (const TranslationStatus& t : page.locales) {
        if (t.locale != s.locale) continue;
        std::string name = page.slug.empty() ? "(home)" : page.slug;
        if (t.state == TranslationState::Outdated) {
          outdated += "    " + pad(name, 34) + " ";
          if (t.decided_by == "git") {
            outdated += std::to_string(t.commits_behind) + " source commit" + (t.commits_behind == 1 ? "" : "s") +
                        " (+" + std::to_string(t.lines_added) + " -" + std::to_string(t.lines_deleted) +
                        ") since " + iso_date(t.since_time);
          } else {
            outdated += "the source text differs from the recorded " + std::string(kSourceHashKey);
          }
          if (!t.changed_sections.empty()) {
            outdated += "; sections:";
            for (std::size_t i = 0; i < t.changed_sections.size(); ++i) {
              outdated += (i ? ", " : " ") + (t.changed_sections[i].empty() ? std::string("(intro)") : t.changed_sections[i]);
            }
          }
          outdated += "\n";
        } else if (t.state == TranslationState::Missing) {
          missing += "    " + name + "\n";
        }
      }
    }
    if (outdated.empty() && missing.empty()) continue;
    out += "\n" + std::string(bold) + s.locale + plain + "\n";
    if (!outdated.empty()) out += std::string("  ") + yellow + "outdated" + plain + "\n" + outdated;
    if (!missing.empty()) out += std::string("  ") + red + "missing" + plain + "\n" + missing;
  }
  std::string ui;
  for (const UiStringsStatus& u : status.ui_strings) {
    if (u.missing.empty() && u.obsolete.empty() && u.stale.empty()) continue;
    ui += "  " + pad(u.locale, 6) + std::to_string(u.missing.size()) + " missing";
    for (std::size_t i = 0; i < u.missing.size() && i < 8; ++i) ui += (i ? ", " : " (") + u.missing[i];
    if (!u.missing.empty()) ui += u.missing.size() > 8 ? ", …)" : ")";
    if (!u.stale.empty()) {
      ui += "; " + std::to_string(u.stale.size()) + " stale (" + status.default_locale + " text changed since):";
      for (std::size_t i = 0; i < u.stale.size() && i < 8; ++i) ui += " " + u.stale[i];
    }
    if (!u.obsolete.empty()) ui += "; " + std::to_string(u.obsolete.size()) + " no longer in " + status.default_locale;
    ui += "\n";
  }
  out += "\n" + std::string(bold) + "UI strings" + plain + (ui.empty() ? ": every locale has every string\n" : "\n" + ui);
  std::string not_ready;
  for (const PageTranslations& page : status.pages) {
    if (!page.ready) not_ready += (not_ready.empty() ? "" : ", ") + (page.slug.empty() ? std::string("(home)") : page.slug);
  }
  if (!not_ready.empty()) out += "\nnot ready for translation (i18nReady is not true): " + not_ready + "\n";
  if (!status.orphans.empty()) {
    out += "\ntranslations without a " + status.default_locale + " page:";
    for (const std::string& f : status.orphans) out += " " + f;
    out += "\n";
  }
  return out;
}

std::string i18n_json(const I18nStatus& status, const SiteConfig& config) {
  Json root;
  root["version"] = 1;
  root["defaultLocale"] = status.default_locale;
  const char* state = status.history == GitHistory::State::Full      ? "full"
                      : status.history == GitHistory::State::Shallow ? "shallow"
                      : status.history == GitHistory::State::NoRepository ? "none"
                                                                         : "failed";
  root["history"] = {{"state", state}, {"note", status.history_note}, {"head", status.head}};
  Json locales = Json::array();
  for (const LocaleSummary& s : status.summaries) {
    locales.push_back({{"locale", s.locale}, {"name", s.name}, {"done", s.done}, {"outdated", s.outdated},
                       {"missing", s.missing}, {"unknown", s.unknown}, {"percentDone", s.percent_done()}});
  }
  root["locales"] = locales;
  Json pages = Json::array();
  for (const PageTranslations& page : status.pages) {
    Json translations = Json::array();
    for (const TranslationStatus& t : page.locales) {
      Json j = {{"locale", t.locale}, {"state", translation_state_name(t.state)}};
      if (!t.file.empty()) j["file"] = text_value(t.file);
      if (!t.decided_by.empty()) j["decidedBy"] = t.decided_by;
      if (t.state == TranslationState::Outdated && t.decided_by == "git") {
        j["since"] = {{"commit", t.since_commit}, {"date", iso_date(t.since_time)}};
        j["sourceCommits"] = t.commits_behind;
        j["linesAdded"] = t.lines_added;
        j["linesDeleted"] = t.lines_deleted;
        j["sourceChanged"] = iso_date(t.source_changed_time);
        j["changedSections"] = t.changed_sections;
      }
      TranslationLinks links = translation_links(config, status, page, t);
      Json l = Json::object();
      if (!links.source.empty()) l["source"] = links.source;
      if (!links.translation.empty()) l["translation"] = links.translation;
      if (!links.diff.empty()) l["diff"] = links.diff;
      if (!links.create.empty()) l["create"] = links.create;
      if (!l.empty()) j["links"] = l;
      translations.push_back(j);
    }
    pages.push_back({{"slug", text_value(page.slug)},
                     {"source", text_value(page.source_file)},
                     {"title", text_value(page.title)},
                     {"ready", page.ready},
                     {"translations", translations}});
  }
  root["pages"] = pages;
  Json ui = Json::array();
  for (const UiStringsStatus& u : status.ui_strings) {
    ui.push_back({{"locale", u.locale}, {"missing", u.missing}, {"stale", u.stale}, {"obsolete", u.obsolete}});
  }
  root["uiStrings"] = ui;
  root["orphans"] = status.orphans;
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string i18n_markdown(const I18nStatus& status, const SiteConfig& config, const I18nReportOptions& options) {
  auto touched = [&](const PageTranslations& page) {
    if (options.changed_files.empty()) return true;
    if (options.changed_files.count(page.source_file) > 0) return true;
    for (const TranslationStatus& t : page.locales) {
      if (!t.file.empty() && options.changed_files.count(t.file) > 0) return true;
    }
    return false;
  };
  std::string out = "## Translation status\n\n| Locale | Done | Outdated | Missing | |\n| --- | ---: | ---: | ---: | --- |\n";
  for (const LocaleSummary& s : status.summaries) {
    out += "| " + s.locale + " (" + s.name + ") | " + std::to_string(s.done) + " | " + std::to_string(s.outdated) +
           " | " + std::to_string(s.missing) + " | " + std::to_string(s.percent_done()) + "% |\n";
  }
  std::string rows;
  for (const PageTranslations& page : status.pages) {
    if (!page.ready || !touched(page)) continue;
    for (const TranslationStatus& t : page.locales) {
      if (t.state == TranslationState::Done) continue;
      TranslationLinks links = translation_links(config, status, page, t);
      std::string name = "`" + (page.slug.empty() ? std::string("(home)") : page.slug) + "`";
      if (!links.source.empty()) name = "[" + name + "](" + links.source + ")";
      std::string detail;
      if (t.state == TranslationState::Outdated) {
        detail = t.decided_by == "git" ? std::to_string(t.commits_behind) + " source commits since " + iso_date(t.since_time)
                                       : "source changed";
        if (!t.changed_sections.empty()) {
          detail += "; sections:";
          for (std::size_t i = 0; i < t.changed_sections.size(); ++i) {
            detail += (i ? ", " : " ") + (t.changed_sections[i].empty() ? std::string("(intro)") : t.changed_sections[i]);
          }
        }
        if (!links.diff.empty()) detail += " ([diff](" + links.diff + "))";
      } else if (t.state == TranslationState::Missing) {
        detail = links.create.empty() ? "not translated" : "[create it](" + links.create + ")";
      } else {
        detail = "unknown: shallow clone";
      }
      rows += "| " + name + " | " + t.locale + " | " + std::string(translation_state_name(t.state)) + " | " + detail + " |\n";
    }
  }
  if (!rows.empty()) {
    out += std::string("\n") + (options.changed_files.empty() ? "" : "Pages this change touches:\n\n") +
           "| Page | Locale | Status | |\n| --- | --- | --- | --- |\n" + rows;
  } else if (!options.changed_files.empty()) {
    out += "\nThe pages this change touches are translated and up to date.\n";
  }
  if (status.history == GitHistory::State::Shallow) out += "\n> " + status.history_note + "\n";
  return out;
}

}  // namespace skiff
