#include "lint/lint_report.h"

#include "lint/lint_rules.h"

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace skiff {

namespace {

// Insertion-ordered, so documents list keys as lint_report.h shows them.
using Json = nlohmann::ordered_json;

// JSON text of a document: two-space indent, UTF-8 as is, and U+FFFD for
// bytes that are not UTF-8 (nlohmann throws on them by default; a finding
// about a badly encoded file may well quote such bytes).
std::string dump(const Json& document) {
  return document.dump(2, ' ', false, Json::error_handler_t::replace) + '\n';
}

struct RuleCount {
  std::string rule;
  int count = 0;
};

// Rules in order of first occurrence, with their counts.
std::vector<RuleCount> rules_in_order(const Findings& findings) {
  std::vector<RuleCount> rules;
  for (const Finding& f : findings) {
    auto it = std::find_if(rules.begin(), rules.end(),
                           [&](const RuleCount& r) { return r.rule == f.rule; });
    if (it == rules.end()) {
      rules.push_back({f.rule, 1});
    } else {
      ++it->count;
    }
  }
  return rules;
}

// The summary's order: most frequent first, ties in order of first occurrence.
std::vector<RuleCount> rules_by_count(const Findings& findings) {
  std::vector<RuleCount> rules = rules_in_order(findings);
  std::stable_sort(rules.begin(), rules.end(),
                   [](const RuleCount& a, const RuleCount& b) { return a.count > b.count; });
  return rules;
}

int count_severity(const Findings& findings, Severity severity) {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(),
                                        [&](const Finding& f) { return f.severity == severity; }));
}

std::string counted(int n, std::string_view noun) {
  std::string out = std::to_string(n) + ' ';
  out += noun;
  if (n != 1) out += 's';
  return out;
}

// --- text -----------------------------------------------------------------

// Control characters as visible escapes: one finding stays one line, and
// text from pages cannot reach the terminal as escape sequences.
std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if ((byte < 0x20 && c != '\t') || byte == 0x7f) {
      char buf[5];
      std::snprintf(buf, sizeof buf, "\\x%02x", byte);
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

std::string text_line(const Finding& f, bool colour) {
  // format_diagnostic writes `file:line:col: severity: message`, with the
  // severity coloured; with an empty message that is the prefix we need
  // plus a final ": ", which the rule and its message replace. One place
  // keeps position formatting and colours for every skiff command.
  Diagnostic d{f.severity, printable(f.file), f.pos, {}};
  std::string out = format_diagnostic(d, colour);
  out.resize(out.size() - 2);
  out += ' ';
  out += printable(f.rule);
  out += ": ";
  out += printable(f.message);
  return out;
}

std::string format_text(const Findings& findings, const LintReportOptions& options) {
  std::string out;
  for (const Finding& f : findings) {
    out += text_line(f, options.colour);
    out += '\n';
  }
  if (!findings.empty()) out += '\n';
  out += lint_summary(findings);
  out += '\n';
  return out;
}

// --- paths ----------------------------------------------------------------

// A finding's file relative to the repository: site_root/file with forward
// slashes and no "./" in front. Absolute when site_root is.
std::string repository_path(const std::string& site_root, const std::string& file) {
  auto clean = [](std::string s) {
    std::replace(s.begin(), s.end(), '\\', '/');
    while (s.starts_with("./")) s.erase(0, 2);
    return s;
  };
  std::string root = clean(site_root);
  while (root.size() > 1 && root.ends_with('/')) root.pop_back();
  std::string path = clean(file);
  if (root.empty() || root == ".") return path;
  if (root == "/") return '/' + path;
  return root + '/' + path;
}

// --- github ---------------------------------------------------------------

// Workflow-command escaping, as the runner decodes it (actions/toolkit
// command.ts): data escapes %, CR and LF; properties also : and ,.
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

std::string_view github_command(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "notice";
  }
  return "error";
}

std::string format_github(const Findings& findings, const LintReportOptions& options) {
  std::string out;
  for (const Finding& f : findings) {
    out += "::";
    out += github_command(f.severity);
    out += " file=" + escape_property(repository_path(options.site_root, f.file));
    if (f.pos.line > 0) {
      out += ",line=" + std::to_string(f.pos.line);
      if (f.pos.column > 0) out += ",col=" + std::to_string(f.pos.column);
    }
    out += ",title=" + escape_property("skiff " + f.rule);
    out += "::" + escape_data(f.message) + '\n';
  }
  out += lint_summary(findings);
  out += '\n';
  return out;
}

// --- json -----------------------------------------------------------------

std::string format_json(const Findings& findings) {
  Json list = Json::array();
  for (const Finding& f : findings) {
    Json item;
    item["rule"] = f.rule;
    item["severity"] = std::string(severity_name(f.severity));
    item["file"] = f.file;
    item["line"] = f.pos.line;
    item["column"] = f.pos.column;
    item["message"] = f.message;
    if (f.fix) {
      item["fix"] = {{"begin", f.fix->begin}, {"end", f.fix->end},
                     {"replacement", f.fix->replacement}};
    } else {
      item["fix"] = nullptr;
    }
    list.push_back(std::move(item));
  }
  Json rules = Json::object();
  for (const RuleCount& r : rules_by_count(findings)) rules[r.rule] = r.count;

  Json document;
  document["version"] = 1;
  document["findings"] = std::move(list);
  document["summary"] = {{"errors", count_severity(findings, Severity::Error)},
                         {"warnings", count_severity(findings, Severity::Warning)},
                         {"notes", count_severity(findings, Severity::Note)},
                         {"rules", std::move(rules)}};
  return dump(document);
}

// --- sarif ----------------------------------------------------------------

// A path as a URI reference (RFC 3986): unreserved characters, sub-delims,
// '@' and '/' stay; everything else, ':' included (a first segment with ':'
// would read as a scheme), is percent-encoded byte by byte.
std::string uri_path(std::string_view path) {
  static constexpr std::string_view keep = "-._~!$&'()*+,;=@/";
  std::string out;
  for (char c : path) {
    auto byte = static_cast<unsigned char>(c);
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum || keep.find(c) != std::string_view::npos) {
      out += c;
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", byte);
      out += buf;
    }
  }
  return out;
}

Json artifact_location(const LintReportOptions& options, const std::string& file) {
  std::string path = repository_path(options.site_root, file);
  if (path.starts_with('/')) return {{"uri", "file://" + uri_path(path)}};
  return {{"uri", uri_path(path)}, {"uriBaseId", "%SRCROOT%"}};
}

// One line a rule, for the alert heading in code scanning. Rules the
// table does not know still get a description (reportingDescriptor needs
// only an id, GitHub wants shortDescription).
std::string rule_description(const std::string& rule) {
  if (const LintRule* known = find_lint_rule(rule)) return std::string(known->description);
  return "skiff lint rule " + rule;
}

std::string_view sarif_level(Severity severity) {
  return severity_name(severity);  // "error", "warning", "note": SARIF's own words
}

std::string fix_description(const LintFix& fix) {
  if (fix.replacement.empty()) return "Delete the text";
  return "Replace with \"" + fix.replacement + '"';
}

std::string format_sarif(const Findings& findings, const LintReportOptions& options) {
  std::vector<RuleCount> rules = rules_in_order(findings);
  Json rule_list = Json::array();
  for (const RuleCount& r : rules) {
    rule_list.push_back({{"id", r.rule}, {"shortDescription", {{"text", rule_description(r.rule)}}}});
  }
  auto rule_index = [&](const std::string& rule) {
    return std::find_if(rules.begin(), rules.end(),
                        [&](const RuleCount& r) { return r.rule == rule; }) -
           rules.begin();
  };

  Json results = Json::array();
  for (const Finding& f : findings) {
    Json physical;
    physical["artifactLocation"] = artifact_location(options, f.file);
    if (f.pos.line > 0) {
      Json region;
      region["startLine"] = f.pos.line;
      if (f.pos.column > 0) region["startColumn"] = f.pos.column;
      physical["region"] = std::move(region);
    }
    Json result;
    result["ruleId"] = f.rule;
    result["ruleIndex"] = rule_index(f.rule);
    result["level"] = std::string(sarif_level(f.severity));
    result["message"] = {{"text", f.message}};
    result["locations"] = Json::array({{{"physicalLocation", std::move(physical)}}});
    if (f.fix) {
      std::size_t length = f.fix->end >= f.fix->begin ? f.fix->end - f.fix->begin : 0;
      Json replacement = {{"deletedRegion", {{"byteOffset", f.fix->begin}, {"byteLength", length}}},
                          {"insertedContent", {{"text", f.fix->replacement}}}};
      Json change = {{"artifactLocation", artifact_location(options, f.file)},
                     {"replacements", Json::array({std::move(replacement)})}};
      result["fixes"] = Json::array({{{"description", {{"text", fix_description(*f.fix)}}},
                                      {"artifactChanges", Json::array({std::move(change)})}}});
    }
    results.push_back(std::move(result));
  }

  Json driver;
  driver["name"] = "skiff";
  driver["version"] = options.tool_version;
  if (!options.information_uri.empty()) driver["informationUri"] = options.information_uri;
  driver["rules"] = std::move(rule_list);

  Json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);

  Json document;
  document["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  document["version"] = "2.1.0";
  document["runs"] = Json::array({std::move(run)});
  return dump(document);
}

}  // namespace

std::optional<LintFormat> parse_lint_format(std::string_view name) {
  if (name == "text") return LintFormat::Text;
  if (name == "github") return LintFormat::GitHub;
  if (name == "json") return LintFormat::Json;
  if (name == "sarif") return LintFormat::Sarif;
  return std::nullopt;
}

std::string format_lint_report(const Findings& findings, LintFormat format,
                               const LintReportOptions& options) {
  switch (format) {
    case LintFormat::Text: return format_text(findings, options);
    case LintFormat::GitHub: return format_github(findings, options);
    case LintFormat::Json: return format_json(findings);
    case LintFormat::Sarif: return format_sarif(findings, options);
  }
  return {};
}

std::string lint_summary(const Findings& findings) {
  if (findings.empty()) return "no problems found";
  std::string out;
  auto add = [&](int n, std::string_view noun) {
    if (n == 0) return;
    if (!out.empty()) out += ", ";
    out += counted(n, noun);
  };
  add(count_severity(findings, Severity::Error), "error");
  add(count_severity(findings, Severity::Warning), "warning");
  add(count_severity(findings, Severity::Note), "note");
  out += " (";
  bool first = true;
  for (const RuleCount& r : rules_by_count(findings)) {
    if (!first) out += ", ";
    first = false;
    out += r.rule + ' ' + std::to_string(r.count);
  }
  out += ')';
  return out;
}

}  // namespace skiff
