#!/usr/bin/env python3
"""skiff lint on a fixture where every rule fires at a known position.

usage: golden_test.py SKIFF SOURCE_ROOT

- text output equals tests/lint/fixture.expected (regenerate with
  SKIFF_UPDATE_GOLDEN=1 and review the diff), exit status 1;
- json parses and holds the same findings; sarif has the fields SARIF 2.1.0
  requires; every github line is a workflow command GitHub accepts;
- naming one page file reports only that page; the embedded site/ is clean
  (exit 0); an unknown format or a file outside the site exits 2.
"""
import json
import os
import pathlib
import re
import subprocess
import sys

skiff, root = sys.argv[1], pathlib.Path(sys.argv[2])
fixture = root / "tests" / "lint" / "fixture"
expected_file = root / "tests" / "lint" / "fixture.expected"
env = dict(os.environ, NO_COLOR="1")
failures = []


def lint(*args, cwd=None):
    return subprocess.run([skiff, "lint", *map(str, args)], capture_output=True, text=True, env=env, cwd=cwd)


def check(ok, message):
    if not ok:
        failures.append(message)


# text, against the expected file
run = lint(fixture)
check(run.returncode == 1, f"text: exit {run.returncode}, expected 1")
if os.environ.get("SKIFF_UPDATE_GOLDEN") == "1" and "CI" not in os.environ:
    expected_file.write_text(run.stdout)
expected = expected_file.read_text()
if run.stdout != expected:
    import difflib
    failures.append("text output differs from fixture.expected:\n" + "".join(
        difflib.unified_diff(expected.splitlines(True), run.stdout.splitlines(True), "expected", "actual")))
finding_lines = [l for l in expected.splitlines() if re.match(r"^pages/\S+?(:\d+:\d+)?: (error|warning) [a-z-]+: ", l)]
rules = {re.match(r"^\S+ (?:error|warning) ([a-z-]+):", l).group(1) for l in finding_lines}
for rule in ["links", "anchors", "link-locale", "assets", "link-style", "own-domain", "link-text",
             "script-url", "pages", "frontmatter", "components", "unused-import", "headings", "encoding"]:
    check(rule in rules, f"no fixture finding for rule {rule}")
for silent in ["/en/ignored/", "/en/commented/", "/en/silenced/", "/en/in-component-code/"]:
    check(silent not in expected, f"{silent} is in code, a comment or silenced, yet reported")

# one worker process or many: the same report
run = lint(fixture, "--jobs", "1")
check(run.stdout == expected, "--jobs 1 gives another report than the default")

# json
run = lint(fixture, "--format", "json")
doc = json.loads(run.stdout)
check(doc["version"] == 1, "json: version")
check(len(doc["findings"]) == len(finding_lines), f"json: {len(doc['findings'])} findings, text has {len(finding_lines)}")
for f, line in zip(doc["findings"], finding_lines):
    where = f"{f['file']}:{f['line']}:{f['column']}" if f["line"] else f["file"]
    check(line.startswith(f"{where}: {f['severity']} {f['rule']}: "),
          f"json finding {f} does not match text line {line}")
check(run.returncode == 1, "json: exit status")

# sarif
run = lint(fixture, "--format", "sarif")
sarif = json.loads(run.stdout)
check(sarif.get("version") == "2.1.0", "sarif: version")
check("$schema" in sarif, "sarif: $schema")
r0 = sarif["runs"][0]
check(r0["tool"]["driver"]["name"] == "skiff", "sarif: tool.driver.name")
rule_ids = [r["id"] for r in r0["tool"]["driver"].get("rules", [])]
check(len(r0["results"]) == len(finding_lines), "sarif: one result per finding")
for res in r0["results"]:
    check(res["level"] in ("error", "warning", "note"), f"sarif: level {res['level']}")
    check(res["message"]["text"], "sarif: message.text")
    check(res["ruleId"] in rule_ids, f"sarif: ruleId {res['ruleId']} not among driver.rules")
    check(rule_ids[res["ruleIndex"]] == res["ruleId"], "sarif: ruleIndex")
    loc = res["locations"][0]["physicalLocation"]
    check(loc["artifactLocation"]["uri"].endswith(".md"), f"sarif: uri {loc['artifactLocation']}")
    if "region" in loc:
        check(loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1, "sarif: region")

# github
run = lint(fixture, "--format", "github")
annotation = re.compile(r"^::(error|warning|notice) file=[^,]*(,line=\d+,col=\d+)?(,title=[^:]*)?::.+$")
commands = [l for l in run.stdout.splitlines() if l.startswith("::")]
check(len(commands) == len(finding_lines), f"github: {len(commands)} annotations, expected {len(finding_lines)}")
for l in commands:
    check(annotation.match(l), f"github: not an annotation: {l}")

# one file only
run = lint(fixture, fixture / "pages" / "es" / "guide" / "links.md")
lines = [l for l in run.stdout.splitlines() if re.match(r"^\S+:\d+:\d+: ", l)]
check(lines and all(l.startswith("pages/es/guide/links.md:") for l in lines), f"one file: {run.stdout}")
check(run.returncode == 1, "one file: exit status")

# usage and configuration errors
check(lint(fixture, "--format", "xml").returncode == 2, "unknown format: exit 2")
check(lint(fixture, root / "README.md").returncode == 2, "a file outside the site: exit 2")

# --fix: on a copy, with a byte-order mark and CRLF line ends added
import shutil
import tempfile
with tempfile.TemporaryDirectory() as tmp:
    copy = pathlib.Path(tmp) / "site"
    shutil.copytree(fixture, copy)
    es = copy / "pages" / "es" / "guide" / "links.md"
    es.write_bytes(b"\xef\xbb\xbf" + es.read_bytes().replace(b"\n", b"\r\n"))
    run = lint(copy, "--fix")
    check("fixed 5 problems in 3 files" in run.stderr, f"--fix: {run.stderr}")
    for rule in ("link-style", "own-domain", "encoding"):
        check(f" {rule}: " not in run.stdout, f"--fix left a {rule} finding:\n{run.stdout}")
    check(run.returncode == 1, "--fix: the other errors remain")
    fixed = es.read_bytes()
    check(not fixed.startswith(b"\xef\xbb\xbf"), "--fix: byte-order mark still there")
    check(fixed.count(b"\r\n") == fixed.count(b"\n") and b"\r\n" in fixed, "--fix: CRLF line ends not kept")
    check("\U0001F633".encode() in fixed, "--fix: mojibake not repaired")
    links = (copy / "pages" / "en" / "guide" / "links.md").read_text()
    check("[one](/en/guide/links/)" in links and "[absolute link](/en/guide/links/#same)" in links,
          "--fix: links not rewritten")
    raw = (copy / "pages" / "en" / "guide" / "raw-html.md").read_text()
    check("[this site, scheme-relative](/en/guide/links/)" in raw, "--fix: //host link not rewritten")
    check(not list(copy.rglob("*.skiff-tmp-*")), "--fix left temporary files")

# rule levels in site.yml
with tempfile.TemporaryDirectory() as tmp:
    copy = pathlib.Path(tmp) / "site"
    shutil.copytree(fixture, copy)
    yml = copy / "site.yml"
    base = yml.read_text()
    yml.write_text(base + "lint:\n  rules: { link-text: off, own-domain: error, links: warning }\n")
    run = lint(copy)
    check(" link-text: " not in run.stdout, "link-text: off still reports")
    check(re.search(r"^\S+ error own-domain: ", run.stdout, re.M), "own-domain: error not raised")
    check(not re.search(r"^\S+ error links: ", run.stdout, re.M), "links: warning still an error")
    yml.write_text(base + "lint:\n  rules:\n    linkz: off\n    anchors: loud\n")
    run = lint(copy)
    check(run.returncode == 2, f"bad lint config: exit {run.returncode}")
    lines = base.count("\n")
    check(f"site.yml:{lines + 3}:5: error config: unknown lint rule `linkz`" in run.stdout, f"bad rule: {run.stdout}")
    check(f"site.yml:{lines + 4}:5: error config: lint rule `anchors` is off, warning or error, not `loud`"
          in run.stdout, "bad level")
    yml.write_text(base.replace("locales: [en, es]", "locales: [en, \"e s\"]"))
    run = lint(copy)
    check(run.returncode == 2, f"an invalid locale code in site.yml: exit {run.returncode}")
    check("site.yml:" in run.stdout and "error config:" in run.stdout, f"site.yml error: {run.stdout}")

# --external, against a server on 127.0.0.1 that this test starts and stops
import http.server
import threading


class Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.send_response(200 if self.path == "/ok" else 404)
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
try:
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    with tempfile.TemporaryDirectory() as tmp:
        copy = pathlib.Path(tmp) / "site"
        shutil.copytree(fixture, copy)
        page = copy / "pages" / "en" / "index.md"
        page.write_text(page.read_text() + f"\nSee [fine]({origin}/ok) and [dead]({origin}/gone#x).\n")
        run = lint(copy, copy / "pages" / "en" / "index.md")
        check("2 external links (2 distinct URLs) not checked" in run.stderr, f"no --external: {run.stderr}")
        check(" external: " not in run.stdout, "links fetched without --external")
        run = lint(copy, "--external", copy / "pages" / "en" / "index.md")
        lines = page.read_text().splitlines()
        line = len(lines)
        column = lines[-1].index("[dead]") + 1
        check(f"pages/en/index.md:{line}:{column}: error external: `{origin}/gone#x` answered 404 Not Found"
              in run.stdout, f"--external: {run.stdout}{run.stderr}")
        check(run.stdout.count(" external: ") == 1, f"--external reported more than the dead link: {run.stdout}")
        check((copy / ".skiff-cache" / "external-links.json").exists(), "--external wrote no cache")
finally:
    server.shutdown()

# the embedded site lints clean
run = lint(root / "site")
check(run.returncode == 0, f"site/ is not clean:\n{run.stdout}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"{len(finding_lines)} findings as expected; formats valid; site/ clean")
