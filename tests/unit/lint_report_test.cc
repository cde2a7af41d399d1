#define BOOST_TEST_MODULE lint_report
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lint/lint_report.h"

using skiff::Finding;
using skiff::Findings;
using skiff::format_lint_report;
using skiff::lint_summary;
using skiff::LintFix;
using skiff::LintFormat;
using skiff::LintReportOptions;
using skiff::parse_lint_format;
using skiff::Severity;

// ordered_json keeps the document's key order, so tests can check it.
using Json = nlohmann::ordered_json;

namespace {

Finding finding(std::string rule, Severity severity, std::string file, int line, int column,
                std::string message) {
  Finding f;
  f.rule = std::move(rule);
  f.severity = severity;
  f.file = std::move(file);
  f.pos = {line, column};
  f.message = std::move(message);
  return f;
}

// Three errors and a warning, in the order checks might report them: two
// rules tie on one finding each, and the first to occur is listed first.
Findings sample() {
  Findings findings;
  findings.push_back(finding("anchors", Severity::Error, "pages/en/a.md", 3, 7,
                             "no id \"setup\" on /en/guides/"));
  findings.push_back(finding("links", Severity::Error, "pages/en/a.md", 9, 1, "no page at /en/nope/"));
  findings.push_back(finding("links", Severity::Error, "pages/es/b.md", 2, 14, "no page at /es/x/"));
  Finding bom = finding("encoding", Severity::Warning, "pages/ja/c.md", 0, 0, "byte-order mark");
  bom.fix = LintFix{0, 3, ""};
  findings.push_back(bom);
  return findings;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Decodes a workflow command the way the Actions runner does
// (actions/runner ActionCommand.cs, the reverse of actions/toolkit's
// escapeData and escapeProperty): properties split on ',' and '=', then
// %0D, %0A, %3A, %2C and, last, %25 decoded.
struct Command {
  std::string name;
  std::map<std::string, std::string> properties;
  std::string message;
};

std::string unescape(std::string s, bool property) {
  auto replace_all = [&](const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
      s.replace(at, from.size(), to);
    }
  };
  replace_all("%0D", "\r");
  replace_all("%0A", "\n");
  if (property) {
    replace_all("%3A", ":");
    replace_all("%2C", ",");
  }
  replace_all("%25", "%");
  return s;
}

Command parse_command(const std::string& line) {
  BOOST_REQUIRE(line.starts_with("::"));
  std::size_t end = line.find("::", 2);
  BOOST_REQUIRE(end != std::string::npos);
  std::string head = line.substr(2, end - 2);
  Command command;
  command.message = unescape(line.substr(end + 2), false);
  std::size_t space = head.find(' ');
  command.name = head.substr(0, space);
  if (space == std::string::npos) return command;
  std::stringstream props(head.substr(space + 1));
  for (std::string pair; std::getline(props, pair, ',');) {
    std::size_t eq = pair.find('=');
    BOOST_REQUIRE(eq != std::string::npos);
    command.properties[pair.substr(0, eq)] = unescape(pair.substr(eq + 1), true);
  }
  return command;
}

// The annotation syntax: the command, file, then line and col when known,
// the title, and the message. No property may hold a raw ',' or ':' and the
// message no raw line break.
const std::regex annotation(
    R"(^::(error|warning|notice) file=[^,:\r\n]*(,line=[1-9][0-9]*(,col=[1-9][0-9]*)?)?,title=[^,:\r\n]*::[^\r\n]*$)");

// Object keys must come from the SARIF 2.1.0 schema, whose objects all set
// additionalProperties false; these are the schema's names for the objects
// skiff writes (a subset of each object's properties).
void check_keys(const Json& object, const std::set<std::string>& allowed, const std::string& what) {
  BOOST_TEST_CONTEXT(what) {
    BOOST_REQUIRE(object.is_object());
    for (const auto& [key, value] : object.items()) {
      BOOST_TEST_CONTEXT("key " << key) { BOOST_TEST(allowed.count(key) == 1u); }
    }
  }
}

void check_artifact_location(const Json& location) {
  check_keys(location, {"uri", "uriBaseId", "index", "description", "properties"}, "artifactLocation");
  BOOST_REQUIRE(location.contains("uri"));
  BOOST_TEST(location["uri"].is_string());
  // A URI reference: no spaces, backslashes or raw non-ASCII bytes.
  BOOST_TEST(std::regex_match(location["uri"].get<std::string>(),
                              std::regex(R"([A-Za-z0-9\-._~!$&'()*+,;=@/%:]*)")));
  if (location.contains("uriBaseId")) BOOST_TEST(location["uriBaseId"] == "%SRCROOT%");
}

// Every property the SARIF 2.1.0 schema requires (and GitHub code scanning
// reads) of the objects skiff writes, with their types and value ranges.
void check_sarif(Json log) {  // a copy: operator[] on a missing key then fails a check, not an assert
  check_keys(log, {"$schema", "version", "runs", "inlineExternalProperties", "properties"}, "sarifLog");
  BOOST_TEST(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  BOOST_TEST(log["version"] == "2.1.0");
  BOOST_REQUIRE(log["runs"].is_array());
  BOOST_REQUIRE(log["runs"].size() == 1u);
  Json& run = log["runs"][0];
  check_keys(run, {"tool", "results", "columnKind", "originalUriBaseIds", "artifacts", "invocations",
                   "properties"},
             "run");
  BOOST_TEST(run["columnKind"] == "unicodeCodePoints");

  BOOST_REQUIRE(run.contains("tool"));
  check_keys(run["tool"], {"driver", "extensions", "properties"}, "tool");
  Json& driver = run["tool"]["driver"];
  check_keys(driver, {"name", "version", "semanticVersion", "informationUri", "rules", "properties"},
             "toolComponent");
  BOOST_TEST(driver["name"] == "skiff");
  BOOST_TEST(driver["version"].is_string());
  BOOST_REQUIRE(driver["rules"].is_array());
  std::set<std::string> ids;
  for (Json& rule : driver["rules"]) {
    check_keys(rule, {"id", "name", "shortDescription", "fullDescription", "helpUri", "help",
                      "defaultConfiguration", "properties"},
               "reportingDescriptor");
    BOOST_REQUIRE(rule["id"].is_string());
    BOOST_TEST(ids.insert(rule["id"].get<std::string>()).second);  // uniqueItems
    check_keys(rule["shortDescription"], {"text", "markdown", "properties"}, "multiformatMessageString");
    BOOST_TEST(rule["shortDescription"]["text"].is_string());
    BOOST_TEST(!rule["shortDescription"]["text"].get<std::string>().empty());
  }

  // Present, though maybe empty, because this log is a real scan.
  BOOST_REQUIRE(run["results"].is_array());
  for (Json& result : run["results"]) {
    check_keys(result, {"ruleId", "ruleIndex", "rule", "kind", "level", "message", "locations",
                        "partialFingerprints", "fixes", "properties"},
               "result");
    BOOST_REQUIRE(result["message"].is_object());
    check_keys(result["message"], {"text", "markdown", "id", "arguments", "properties"}, "message");
    BOOST_TEST(result["message"]["text"].is_string());
    BOOST_REQUIRE(result["ruleId"].is_string());
    BOOST_REQUIRE(result["ruleIndex"].is_number_integer());
    int index = result["ruleIndex"].get<int>();
    BOOST_REQUIRE(index >= 0);
    BOOST_REQUIRE(static_cast<std::size_t>(index) < driver["rules"].size());
    BOOST_TEST(driver["rules"][index]["id"] == result["ruleId"]);
    std::string level = result["level"].get<std::string>();
    BOOST_TEST((level == "error" || level == "warning" || level == "note"));

    BOOST_REQUIRE(result["locations"].is_array());
    BOOST_REQUIRE(result["locations"].size() == 1u);
    Json& location = result["locations"][0];
    check_keys(location, {"id", "physicalLocation", "message", "properties"}, "location");
    Json& physical = location["physicalLocation"];
    check_keys(physical, {"artifactLocation", "region", "contextRegion", "address", "properties"},
               "physicalLocation");
    check_artifact_location(physical["artifactLocation"]);
    if (physical.contains("region")) {
      Json& region = physical["region"];
      check_keys(region, {"startLine", "startColumn", "endLine", "endColumn", "properties"}, "region");
      BOOST_REQUIRE(region["startLine"].is_number_integer());
      BOOST_TEST(region["startLine"].get<int>() >= 1);
      if (region.contains("startColumn")) BOOST_TEST(region["startColumn"].get<int>() >= 1);
    }

    if (!result.contains("fixes")) continue;
    BOOST_REQUIRE(result["fixes"].is_array());
    for (Json& fix : result["fixes"]) {
      check_keys(fix, {"description", "artifactChanges", "properties"}, "fix");
      BOOST_TEST(fix["description"]["text"].is_string());
      BOOST_REQUIRE(fix["artifactChanges"].is_array());
      BOOST_REQUIRE(fix["artifactChanges"].size() >= 1u);
      for (Json& change : fix["artifactChanges"]) {
        check_keys(change, {"artifactLocation", "replacements", "properties"}, "artifactChange");
        check_artifact_location(change["artifactLocation"]);
        BOOST_REQUIRE(change["replacements"].is_array());
        BOOST_REQUIRE(change["replacements"].size() >= 1u);
        for (Json& replacement : change["replacements"]) {
          check_keys(replacement, {"deletedRegion", "insertedContent", "properties"}, "replacement");
          Json& deleted = replacement["deletedRegion"];
          check_keys(deleted, {"byteOffset", "byteLength", "properties"}, "deletedRegion");
          BOOST_TEST(deleted["byteOffset"].get<long long>() >= 0);
          BOOST_TEST(deleted["byteLength"].get<long long>() >= 0);
          if (replacement.contains("insertedContent")) {
            check_keys(replacement["insertedContent"], {"text", "binary", "properties"}, "artifactContent");
            BOOST_TEST(replacement["insertedContent"]["text"].is_string());
          }
        }
      }
    }
  }
}

Json sarif_of(const Findings& findings, const LintReportOptions& options = {}) {
  return Json::parse(format_lint_report(findings, LintFormat::Sarif, options));
}

// The artifact location of result `i` of the log's only run.
Json artifact_location_of(const Json& log, std::size_t i = 0) {
  return log["runs"][0]["results"][i]["locations"][0]["physicalLocation"]["artifactLocation"];
}

}  // namespace

BOOST_AUTO_TEST_SUITE(format_names)

BOOST_AUTO_TEST_CASE(the_four_names_parse) {
  BOOST_TEST((parse_lint_format("text") == LintFormat::Text));
  BOOST_TEST((parse_lint_format("github") == LintFormat::GitHub));
  BOOST_TEST((parse_lint_format("json") == LintFormat::Json));
  BOOST_TEST((parse_lint_format("sarif") == LintFormat::Sarif));
}

BOOST_AUTO_TEST_CASE(anything_else_is_no_format) {
  BOOST_TEST(!parse_lint_format(""));
  BOOST_TEST(!parse_lint_format("JSON"));
  BOOST_TEST(!parse_lint_format("sarif "));
  BOOST_TEST(!parse_lint_format("gh"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(summary)

BOOST_AUTO_TEST_CASE(counts_per_severity_and_rule) {
  // links has two findings, so it comes first; anchors and encoding tie and
  // keep the order they first occurred in.
  BOOST_TEST(lint_summary(sample()) == "3 errors, 1 warning (links 2, anchors 1, encoding 1)");
}

BOOST_AUTO_TEST_CASE(no_findings) {
  BOOST_TEST(lint_summary({}) == "no problems found");
}

BOOST_AUTO_TEST_CASE(zero_counts_are_left_out_and_plurals_follow_the_count) {
  Findings findings = {finding("pages", Severity::Warning, "a.md", 1, 1, "m"),
                       finding("links", Severity::Note, "a.md", 2, 1, "m"),
                       finding("links", Severity::Note, "a.md", 3, 1, "m")};
  BOOST_TEST(lint_summary(findings) == "1 warning, 2 notes (links 2, pages 1)");
  BOOST_TEST(lint_summary({finding("links", Severity::Error, "a.md", 1, 1, "m")}) ==
             "1 error (links 1)");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(one_line_per_finding_then_the_summary) {
  std::string out = format_lint_report(sample(), LintFormat::Text, {});
  BOOST_TEST(out ==
             "pages/en/a.md:3:7: error anchors: no id \"setup\" on /en/guides/\n"
             "pages/en/a.md:9:1: error links: no page at /en/nope/\n"
             "pages/es/b.md:2:14: error links: no page at /es/x/\n"
             "pages/ja/c.md: warning encoding: byte-order mark\n"
             "\n"
             "3 errors, 1 warning (links 2, anchors 1, encoding 1)\n");
}

BOOST_AUTO_TEST_CASE(a_line_without_a_column) {
  Findings findings = {finding("frontmatter", Severity::Error, "pages/en/a.md", 4, 0, "no title")};
  BOOST_TEST(lines_of(format_lint_report(findings, LintFormat::Text, {}))[0] ==
             "pages/en/a.md:4: error frontmatter: no title");
}

BOOST_AUTO_TEST_CASE(colour_marks_the_severity_as_compiler_diagnostics_do) {
  Findings findings = {finding("links", Severity::Error, "a.md", 1, 2, "e"),
                       finding("links", Severity::Warning, "a.md", 3, 4, "w"),
                       finding("links", Severity::Note, "a.md", 0, 0, "n")};
  LintReportOptions options;
  options.colour = true;
  BOOST_TEST(format_lint_report(findings, LintFormat::Text, options) ==
             "a.md:1:2: \033[1;31merror\033[0m links: e\n"
             "a.md:3:4: \033[1;35mwarning\033[0m links: w\n"
             "a.md: \033[1;36mnote\033[0m links: n\n"
             "\n"
             "1 error, 1 warning, 1 note (links 3)\n");
}

BOOST_AUTO_TEST_CASE(control_characters_are_shown_not_sent) {
  Findings findings = {
      finding("encoding", Severity::Error, "we\nird.md", 1, 1, "saw \x1b[31m, \r\n and \x7f\tthen")};
  std::string out = format_lint_report(findings, LintFormat::Text, {});
  BOOST_TEST(lines_of(out)[0] ==
             "we\\nird.md:1:1: error encoding: saw \\x1b[31m, \\r\\n and \\x7f\tthen");
  BOOST_TEST(lines_of(out).size() == 3u);  // finding, blank line, summary
}

BOOST_AUTO_TEST_CASE(non_ascii_passes_through) {
  Findings findings = {finding("links", Severity::Error, "pages/ja/索引.md", 2, 5, "「/ja/無い/」はありません")};
  BOOST_TEST(lines_of(format_lint_report(findings, LintFormat::Text, {}))[0] ==
             "pages/ja/索引.md:2:5: error links: 「/ja/無い/」はありません");
}

BOOST_AUTO_TEST_CASE(no_findings_is_the_summary_alone) {
  BOOST_TEST(format_lint_report({}, LintFormat::Text, {}) == "no problems found\n");
  LintReportOptions options;
  options.colour = true;
  BOOST_TEST(format_lint_report({}, LintFormat::Text, options) == "no problems found\n");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(github)

BOOST_AUTO_TEST_CASE(one_workflow_command_per_finding_then_the_summary) {
  std::string out = format_lint_report(sample(), LintFormat::GitHub, {});
  BOOST_TEST(out ==
             "::error file=pages/en/a.md,line=3,col=7,title=skiff anchors::no id \"setup\" on /en/guides/\n"
             "::error file=pages/en/a.md,line=9,col=1,title=skiff links::no page at /en/nope/\n"
             "::error file=pages/es/b.md,line=2,col=14,title=skiff links::no page at /es/x/\n"
             "::warning file=pages/ja/c.md,title=skiff encoding::byte-order mark\n"
             "3 errors, 1 warning (links 2, anchors 1, encoding 1)\n");
}

BOOST_AUTO_TEST_CASE(every_line_but_the_summary_matches_the_annotation_syntax) {
  Findings findings = sample();
  findings.push_back(finding("links", Severity::Note, "pages/en/d.md", 5, 0, "vague link text"));
  findings.push_back(finding("links", Severity::Error, "a, b: c.md", 1, 1, "50%\nof: it, all"));
  std::vector<std::string> lines = lines_of(format_lint_report(findings, LintFormat::GitHub, {}));
  BOOST_REQUIRE(lines.size() == findings.size() + 1);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    BOOST_TEST_CONTEXT("line " << i << ": " << lines[i]) {
      BOOST_TEST(std::regex_match(lines[i], annotation));
    }
  }
  BOOST_TEST(lines[4] == "::notice file=pages/en/d.md,line=5,title=skiff links::vague link text");
  BOOST_TEST(!lines.back().starts_with("::"));
}

BOOST_AUTO_TEST_CASE(escaping_round_trips_through_the_runner_decoding) {
  std::string file = "pages/en/50%,a:b\r\n.md";
  std::string message = "100% sure: a, b\nnext line\r\n::error::not a command %25 %0A";
  Findings findings = {finding("links", Severity::Warning, file, 12, 3, message)};
  std::vector<std::string> lines = lines_of(format_lint_report(findings, LintFormat::GitHub, {}));
  BOOST_REQUIRE(lines.size() == 2u);  // nothing in the data broke the line
  BOOST_TEST(std::regex_match(lines[0], annotation));
  Command command = parse_command(lines[0]);
  BOOST_TEST(command.name == "warning");
  BOOST_TEST(command.properties["file"] == file);
  BOOST_TEST(command.properties["line"] == "12");
  BOOST_TEST(command.properties["col"] == "3");
  BOOST_TEST(command.properties["title"] == "skiff links");
  BOOST_TEST(command.message == message);
  BOOST_TEST(lines[0] ==
             "::warning file=pages/en/50%25%2Ca%3Ab%0D%0A.md,line=12,col=3,title=skiff links"
             "::100%25 sure: a, b%0Anext line%0D%0A::error::not a command %2525 %250A");
}

BOOST_AUTO_TEST_CASE(files_are_named_from_the_repository_root) {
  Findings findings = {finding("links", Severity::Error, "pages/en/a.md", 1, 1, "m")};
  auto file_for = [&](const std::string& site_root) {
    LintReportOptions options;
    options.site_root = site_root;
    return parse_command(lines_of(format_lint_report(findings, LintFormat::GitHub, options))[0])
        .properties["file"];
  };
  BOOST_TEST(file_for("") == "pages/en/a.md");
  BOOST_TEST(file_for(".") == "pages/en/a.md");
  BOOST_TEST(file_for("docs") == "docs/pages/en/a.md");
  BOOST_TEST(file_for("./docs/") == "docs/pages/en/a.md");
  BOOST_TEST(file_for("sites\\docs") == "sites/docs/pages/en/a.md");
}

BOOST_AUTO_TEST_CASE(no_findings_is_the_summary_alone) {
  BOOST_TEST(format_lint_report({}, LintFormat::GitHub, {}) == "no problems found\n");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(json)

BOOST_AUTO_TEST_CASE(parses_and_round_trips_every_field) {
  Findings findings = sample();
  findings.push_back(finding("links", Severity::Note, "pages/ja/\"引用\"\\x.md", 7, 21,
                             "日本語 ünïcode \"quoted\" back\\slash\ttab\nnewline\x01\x1f end"));
  findings.back().fix = LintFix{1024, 1030, "/ja/\"新\"/\n"};
  Json document = Json::parse(format_lint_report(findings, LintFormat::Json, {}));

  BOOST_REQUIRE(document.is_object());
  std::vector<std::string> keys;
  for (const auto& [key, value] : document.items()) keys.push_back(key);
  BOOST_TEST(keys == (std::vector<std::string>{"version", "findings", "summary"}));
  BOOST_TEST(document["version"] == 1);

  BOOST_REQUIRE(document["findings"].is_array());
  BOOST_REQUIRE(document["findings"].size() == findings.size());
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    const Json& item = document["findings"][i];
    BOOST_TEST_CONTEXT("finding " << i) {
      std::vector<std::string> item_keys;
      for (const auto& [key, value] : item.items()) item_keys.push_back(key);
      BOOST_TEST(item_keys == (std::vector<std::string>{"rule", "severity", "file", "line", "column",
                                                        "message", "fix"}));
      BOOST_TEST(item["rule"].get<std::string>() == f.rule);
      BOOST_TEST(item["severity"].get<std::string>() == std::string(skiff::severity_name(f.severity)));
      BOOST_TEST(item["file"].get<std::string>() == f.file);
      BOOST_TEST(item["line"].get<int>() == f.pos.line);
      BOOST_TEST(item["column"].get<int>() == f.pos.column);
      BOOST_TEST(item["message"].get<std::string>() == f.message);
      if (f.fix) {
        BOOST_REQUIRE(item["fix"].is_object());
        BOOST_TEST(item["fix"]["begin"].get<std::size_t>() == f.fix->begin);
        BOOST_TEST(item["fix"]["end"].get<std::size_t>() == f.fix->end);
        BOOST_TEST(item["fix"]["replacement"].get<std::string>() == f.fix->replacement);
      } else {
        BOOST_TEST(item["fix"].is_null());
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(summary_counts_severities_and_rules_in_summary_order) {
  Json summary = Json::parse(format_lint_report(sample(), LintFormat::Json, {}))["summary"];
  BOOST_TEST(summary["errors"] == 3);
  BOOST_TEST(summary["warnings"] == 1);
  BOOST_TEST(summary["notes"] == 0);
  std::vector<std::pair<std::string, int>> rules;
  for (const auto& [rule, count] : summary["rules"].items()) rules.emplace_back(rule, count.get<int>());
  BOOST_TEST((rules == std::vector<std::pair<std::string, int>>{{"links", 2}, {"anchors", 1}, {"encoding", 1}}));
}

BOOST_AUTO_TEST_CASE(bytes_that_are_not_utf8_become_replacement_characters) {
  Findings findings = {finding("encoding", Severity::Error, "a.md", 1, 1, "bad \xff\xfe byte")};
  std::string out = format_lint_report(findings, LintFormat::Json, {});
  Json document = Json::parse(out);  // would throw on invalid UTF-8
  BOOST_TEST(document["findings"][0]["message"].get<std::string>() ==
             "bad \xEF\xBF\xBD\xEF\xBF\xBD byte");
}

BOOST_AUTO_TEST_CASE(no_findings_is_a_valid_empty_report) {
  std::string out = format_lint_report({}, LintFormat::Json, {});
  BOOST_TEST(out.ends_with("}\n"));
  Json document = Json::parse(out);
  BOOST_TEST(document["version"] == 1);
  BOOST_TEST(document["findings"].is_array());
  BOOST_TEST(document["findings"].empty());
  BOOST_TEST(document["summary"]["errors"] == 0);
  BOOST_TEST(document["summary"]["warnings"] == 0);
  BOOST_TEST(document["summary"]["notes"] == 0);
  BOOST_TEST(document["summary"]["rules"].is_object());
  BOOST_TEST(document["summary"]["rules"].empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(sarif)

BOOST_AUTO_TEST_CASE(has_every_required_field) {
  LintReportOptions options;
  options.tool_version = "1.2.3";
  Json log = sarif_of(sample(), options);
  check_sarif(log);
  const Json& run = log["runs"][0];
  BOOST_TEST(run["tool"]["driver"]["version"] == "1.2.3");
  BOOST_TEST(!run["tool"]["driver"].contains("informationUri"));
  BOOST_TEST(run["results"].size() == 4u);
}

BOOST_AUTO_TEST_CASE(rules_are_listed_once_in_order_of_first_occurrence) {
  Json run = sarif_of(sample())["runs"][0];
  const Json& rules = run["tool"]["driver"]["rules"];
  BOOST_REQUIRE(rules.size() == 3u);
  BOOST_TEST(rules[0]["id"] == "anchors");
  BOOST_TEST(rules[1]["id"] == "links");
  BOOST_TEST(rules[2]["id"] == "encoding");
  std::vector<int> indexes;
  for (const Json& result : run["results"]) indexes.push_back(result["ruleIndex"].get<int>());
  BOOST_TEST(indexes == (std::vector<int>{0, 1, 1, 2}));
}

BOOST_AUTO_TEST_CASE(results_carry_level_message_and_location) {
  Findings findings = sample();
  findings.push_back(finding("components", Severity::Note, "pages/en/e.md", 8, 0, "note \"this\""));
  Json results = sarif_of(findings)["runs"][0]["results"];
  check_sarif(sarif_of(findings));

  const Json& first = results[0];
  BOOST_TEST(first["ruleId"] == "anchors");
  BOOST_TEST(first["level"] == "error");
  BOOST_TEST(first["message"]["text"] == "no id \"setup\" on /en/guides/");
  const Json& physical = first["locations"][0]["physicalLocation"];
  BOOST_TEST(physical["artifactLocation"]["uri"] == "pages/en/a.md");
  BOOST_TEST(physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
  BOOST_TEST(physical["region"]["startLine"] == 3);
  BOOST_TEST(physical["region"]["startColumn"] == 7);

  // Line 0 (the whole file): no region at all.
  BOOST_TEST(results[3]["level"] == "warning");
  BOOST_TEST(!results[3]["locations"][0]["physicalLocation"].contains("region"));

  // Column 0 (unknown): the line alone.
  BOOST_TEST(results[4]["level"] == "note");
  const Json& region = results[4]["locations"][0]["physicalLocation"]["region"];
  BOOST_TEST(region["startLine"] == 8);
  BOOST_TEST(!region.contains("startColumn"));
}

BOOST_AUTO_TEST_CASE(a_fix_becomes_a_byte_replacement) {
  Findings findings = {finding("links", Severity::Warning, "pages/en/a.md", 2, 5, "no trailing slash")};
  findings[0].fix = LintFix{40, 52, "/en/guides/"};
  Json log = sarif_of(findings);
  check_sarif(log);
  const Json& result = log["runs"][0]["results"][0];
  BOOST_REQUIRE(result["fixes"].size() == 1u);
  const Json& change = result["fixes"][0]["artifactChanges"][0];
  BOOST_TEST(change["artifactLocation"] == result["locations"][0]["physicalLocation"]["artifactLocation"]);
  const Json& replacement = change["replacements"][0];
  BOOST_TEST(replacement["deletedRegion"]["byteOffset"] == 40);
  BOOST_TEST(replacement["deletedRegion"]["byteLength"] == 12);
  BOOST_TEST(replacement["insertedContent"]["text"] == "/en/guides/");

  // Without a fix there is no fixes property.
  BOOST_TEST(!sarif_of(sample())["runs"][0]["results"][0].contains("fixes"));
}

BOOST_AUTO_TEST_CASE(uris_are_repository_paths_percent_encoded) {
  Findings findings = {finding("links", Severity::Error, "pages\\ja/日本 語#1?.md", 1, 1, "m")};
  LintReportOptions options;
  options.site_root = "./docs/";
  Json log = sarif_of(findings, options);
  check_sarif(log);
  Json location = artifact_location_of(log);
  BOOST_TEST(location["uri"] == "docs/pages/ja/%E6%97%A5%E6%9C%AC%20%E8%AA%9E%231%3F.md");
  BOOST_TEST(location["uriBaseId"] == "%SRCROOT%");

  // ':' in a first segment would read as a URI scheme.
  findings[0].file = "c:d.md";
  options.site_root = "";
  BOOST_TEST(artifact_location_of(sarif_of(findings, options))["uri"] == "c%3Ad.md");
}

BOOST_AUTO_TEST_CASE(an_absolute_site_root_gives_file_uris) {
  Findings findings = {finding("links", Severity::Error, "pages/en/a.md", 1, 1, "m")};
  LintReportOptions options;
  options.site_root = "/srv/my site";
  Json log = sarif_of(findings, options);
  check_sarif(log);
  Json location = artifact_location_of(log);
  BOOST_TEST(location["uri"] == "file:///srv/my%20site/pages/en/a.md");
  BOOST_TEST(!location.contains("uriBaseId"));
}

BOOST_AUTO_TEST_CASE(information_uri_when_given) {
  LintReportOptions options;
  options.information_uri = "https://example.org/skiff";
  Json log = sarif_of(sample(), options);
  check_sarif(log);
  BOOST_TEST(log["runs"][0]["tool"]["driver"]["informationUri"] == "https://example.org/skiff");
}

BOOST_AUTO_TEST_CASE(messages_keep_every_character) {
  std::string message = "「/ja/無い/」 \"q\" back\\slash\nline\x02";
  Findings findings = {finding("links", Severity::Error, "a.md", 1, 1, message)};
  BOOST_TEST(sarif_of(findings)["runs"][0]["results"][0]["message"]["text"].get<std::string>() == message);
}

BOOST_AUTO_TEST_CASE(no_findings_is_a_valid_log_with_zero_results) {
  Json log = sarif_of({});
  check_sarif(log);
  BOOST_TEST(log["runs"][0]["results"].is_array());
  BOOST_TEST(log["runs"][0]["results"].empty());
  BOOST_TEST(log["runs"][0]["tool"]["driver"]["rules"].empty());
}

BOOST_AUTO_TEST_SUITE_END()
