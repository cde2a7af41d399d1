"""skiff i18n on real temporary git repositories.

Each scenario builds a repository with commits of controlled subjects and
dates, runs `skiff i18n --format json`, and asserts the exact status of each
translation: ignore markers, renames, deleted sources, a translation
committed with its source, i18nSourceHash, shallow clones, no repository.

Usage: i18n_test.py SKIFF
"""
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

from site_repo import SiteRepo

SKIFF = sys.argv[1]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


class Repo(SiteRepo):
    """The scenario's repository: site.yml with three locales and a repository URL."""

    def __init__(self, root):
        super().__init__(root)
        self.write("site.yml", "title: T\ndefaultLocale: en\nlocales: [en, es, fr]\n"
                   "i18n: { repository: https://github.com/o/r }\n")

    def page(self, locale, slug, title, body, ready=True):
        extra = "i18nReady: true\n" if ready and locale == "en" else ""
        self.write(f"pages/{locale}/{slug}.md", f"---\ntitle: {title}\n{extra}---\n\n{body}")


def i18n(site, *args, expect=0):
    run = subprocess.run([SKIFF, "i18n", str(site), *args], capture_output=True, text=True)
    check(run.returncode == expect, f"skiff i18n {' '.join(args)}: exit {run.returncode}, wanted {expect}\n{run.stderr}")
    return run


def statuses(site):
    report = json.loads(i18n(site, "--format", "json").stdout)
    out = {}
    for page in report["pages"]:
        for t in page["translations"]:
            out[(page["slug"], t["locale"])] = t
    return report, out


BODY = "Intro.\n\n## Install\n\nRun it.\n\n## Usage\n\nUse it.\n"

with tempfile.TemporaryDirectory() as tmp:
    repo = Repo(pathlib.Path(tmp) / "repo")
    for slug in ("a", "b", "c", "d", "e", "g"):
        repo.page("en", slug, slug.upper(), BODY)
    repo.page("en", "notready", "N", BODY, ready=False)
    repo.commit("Add English pages")
    for slug in ("a", "b", "c", "d", "e", "g"):
        repo.page("es", slug, slug.upper(), BODY.replace("it", "lo"))
    repo.commit("Spanish translations")
    # a: source changes in Usage after the translation -> outdated
    repo.page("en", "a", "A", BODY.replace("Use it.", "Use it well.\n\nAnd more."))
    repo.commit("Explain usage")
    # b: a typo fix -> ignored; c: an i18nIgnore marker -> ignored
    repo.page("en", "b", "B", BODY.replace("Run it.", "Run it!"))
    repo.commit("Fix typo in b")
    repo.page("en", "c", "C", BODY.replace("Intro.", "Introduction."))
    repo.commit("Reword c [i18nIgnore]")
    # d: source and translation change in one commit -> done
    repo.page("en", "d", "D", BODY + "\n## More\n\nText.\n")
    repo.page("es", "d", "D", BODY + "\n## Más\n\nTexto.\n")
    repo.commit("Grow d in both languages")
    # e: the translation is renamed with its source (no text change) -> done;
    # then the source alone is renamed -> still done (a rename is no change)
    repo.git("mv", "site/pages/en/e.md", "site/pages/en/e2.md")
    repo.git("mv", "site/pages/es/e.md", "site/pages/es/e2.md")
    repo.commit("Rename e to e2")
    # g: the source page is deleted -> the translation is an orphan
    repo.git("rm", "-q", "site/pages/en/g.md")
    repo.commit("Remove g")
    # h: a new page, two source commits after a translation made in between
    repo.page("en", "h", "H", BODY)
    repo.commit("Add h")
    repo.page("es", "h", "H", BODY)
    repo.commit("Translate h")
    repo.page("en", "h", "H", BODY + "\n## Later\n\nOne.\n")
    repo.commit("h: later, part 1")
    repo.page("en", "h", "H", BODY + "\n## Later\n\nOne. Two.\n")
    repo.commit("h: later, part 2")

    report, s = statuses(repo.site)
    check(report["history"]["state"] == "full", f"history: {report['history']}")
    check(s[("a", "es")]["state"] == "outdated", f"a/es: {s[('a', 'es')]}")
    check(s[("a", "es")]["sourceCommits"] == 1, f"a/es commits: {s[('a', 'es')]}")
    check(s[("a", "es")]["changedSections"] == ["Usage"], f"a/es sections: {s[('a', 'es')]}")
    check(s[("a", "es")]["linesAdded"] == 3 and s[("a", "es")]["linesDeleted"] == 1, f"a/es lines: {s[('a', 'es')]}")
    check(s[("a", "es")]["links"]["diff"].startswith("https://github.com/o/r/compare/"), f"a/es diff: {s[('a', 'es')]}")
    check(s[("b", "es")]["state"] == "done", f"typo fix made b outdated: {s[('b', 'es')]}")
    check(s[("c", "es")]["state"] == "done", f"i18nIgnore made c outdated: {s[('c', 'es')]}")
    check(s[("d", "es")]["state"] == "done", f"same-commit d: {s[('d', 'es')]}")
    check(("e", "es") not in s and s[("e2", "es")]["state"] == "done", f"renamed e: {s.get(('e2', 'es'))}")
    check(s[("h", "es")]["state"] == "outdated" and s[("h", "es")]["sourceCommits"] == 2,
          f"h/es: {s.get(('h', 'es'))}")
    check(s[("h", "es")]["changedSections"] == ["Later"], f"h/es sections: {s.get(('h', 'es'))}")
    check(s[("a", "fr")]["state"] == "missing", f"a/fr: {s[('a', 'fr')]}")
    check("create" in s[("a", "fr")]["links"] and "filename=a.md" in s[("a", "fr")]["links"]["create"],
          f"a/fr create link: {s[('a', 'fr')]}")
    check("pages/es/g.md" in report["orphans"], f"orphans: {report['orphans']}")
    ready = {p["slug"]: p["ready"] for p in report["pages"]}
    check(ready.get("notready") is False and ready.get("a") is True, f"ready flags: {ready}")
    es = next(l for l in report["locales"] if l["locale"] == "es")
    # ready pages: a b c d e2 h (notready not counted; g is gone)
    check((es["done"], es["outdated"], es["missing"]) == (4, 2, 0), f"es summary: {es}")

    # Text output: the table and the outdated list.
    text = i18n(repo.site).stdout
    check("es" in text and "outdated" in text and "sections: Usage" in text, f"text output:\n{text}")
    # --fail-under: es is 66 % done, fr 0 %.
    i18n(repo.site, "--fail-under", "50", expect=1)
    i18n(repo.site, "--fail-under", "0", expect=0)
    # Markdown for a pull request that touched only a.md.
    md = i18n(repo.site, "--format", "markdown", "--changed-files", str(repo.site / "pages/en/a.md")).stdout
    check("`a`" in md and "`h`" not in md, f"markdown --changed-files:\n{md}")
    # The HTML dashboard: one self-contained page.
    html = i18n(repo.site, "--format", "html").stdout
    check(html.startswith("<!DOCTYPE html>") and "<progress" in html and "http" not in html.split("<main>")[0],
          "html dashboard")

    # i18nSourceHash: --mark makes a exact; whitespace-only edits keep it done.
    i18n(repo.site, "--mark", str(repo.site / "pages/es/a.md"))
    check("i18nSourceHash: " in (repo.site / "pages/es/a.md").read_text(), "--mark wrote no hash")
    _, s = statuses(repo.site)
    check(s[("a", "es")]["state"] == "done" and s[("a", "es")]["decidedBy"] == "i18nSourceHash",
          f"a/es after --mark: {s[('a', 'es')]}")
    repo.page("en", "a", "A", BODY.replace("Use it.", "Use  it\n well.\n\nAnd   more."))
    _, s = statuses(repo.site)
    check(s[("a", "es")]["state"] == "done", f"whitespace-only edit made a outdated: {s[('a', 'es')]}")
    repo.page("en", "a", "A", BODY.replace("Use it.", "Use it badly."))
    _, s = statuses(repo.site)
    check(s[("a", "es")]["state"] == "outdated", f"a/es after a real edit: {s[('a', 'es')]}")
    repo.commit("Edit a again")

    # The history cache: the same answer from the cache, and after new
    # commits (read incrementally) the same as from scratch.
    cache = repo.site / ".skiff-cache" / "git-history"
    check(cache.exists(), "no history cache written")
    report, _ = statuses(repo.site)
    again, _ = statuses(repo.site)
    check(again == report, "the cached history gives another answer")
    repo.page("en", "b", "B", BODY.replace("Run it.", "Run it now."))
    repo.commit("Say when in b")
    incremental, _ = statuses(repo.site)
    cache.unlink()
    scratch, s = statuses(repo.site)
    check(incremental == scratch, "the incrementally cached history differs from a full read")
    check(s[("b", "es")]["state"] == "outdated", f"b/es after a real edit: {s[('b', 'es')]}")
    cache.write_text("skiff-git-log 1 0000000000000000000000000000000000000000 0 site/\tpages \ngarbage")
    damaged, s = statuses(repo.site)
    check(damaged == scratch, "a cache naming an unknown HEAD was trusted")
    # The digests of old source versions (changed sections, line counts).
    digests = repo.site / ".skiff-cache" / "i18n-digests"
    check(digests.exists() and "blob " in digests.read_text(), "no digest cache written")
    digests.unlink()
    fresh, _ = statuses(repo.site)
    check(fresh == scratch, "results differ without the digest cache")
    digests.write_text("skiff-digests 1\nblob zzz 5 5\nnot a number\n")
    damaged, s = statuses(repo.site)
    check(damaged == scratch, "a damaged digest cache changed the results")

    # A shallow clone: said, and nothing is miscounted.
    shallow = pathlib.Path(tmp) / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(shallow)], check=True)
    report, s = statuses(shallow / "site")
    check(report["history"]["state"] == "shallow" and "unshallow" in report["history"]["note"],
          f"shallow history: {report['history']}")
    check(s[("b", "es")]["state"] == "unknown", f"b/es in a shallow clone: {s[('b', 'es')]}")
    check(s[("a", "es")]["decidedBy"] == "i18nSourceHash", f"a/es in a shallow clone: {s[('a', 'es')]}")

    # Outside git: missing/done only, and said.
    plain = pathlib.Path(tmp) / "plain"
    shutil.copytree(repo.site, plain)
    report, s = statuses(plain)
    check(report["history"]["state"] == "none" and "not in a git repository" in report["history"]["note"],
          f"no repository: {report['history']}")
    check(s[("h", "es")]["state"] == "done" and s[("h", "fr")]["state"] == "missing", f"no repository: {s[('h', 'es')]}")

    # UI strings: a key the site adds in en but not in es, and one es has alone.
    repo.write("locales/en.yml", "custom.greeting: Hello\n")
    repo.write("locales/es.yml", "custom.greeting: Hola\nold.key: Viejo\n")
    repo.write("locales/fr.yml", "code.copy: Copier\n")
    report, _ = statuses(repo.site)
    ui = {u["locale"]: u for u in report["uiStrings"]}
    check(ui["es"]["obsolete"] == ["old.key"] and "custom.greeting" not in ui["es"]["missing"], f"ui es: {ui['es']}")
    check("custom.greeting" in ui["fr"]["missing"], f"ui fr: {ui['fr']}")
    # Stale: the en text of a key changes after es.yml last changed.
    repo.commit("Site strings")
    repo.write("locales/en.yml", "custom.greeting: Hello there\n")
    repo.commit("Reword the greeting")
    report, _ = statuses(repo.site)
    ui = {u["locale"]: u for u in report["uiStrings"]}
    check(ui["es"]["stale"] == ["custom.greeting"], f"ui es stale: {ui['es']}")
    check(ui["fr"]["stale"] == [], f"ui fr stale (fr lacks the key): {ui['fr']}")
    repo.write("locales/es.yml", "custom.greeting: Hola a todos\nold.key: Viejo\n")
    repo.commit("Spanish greeting updated")
    report, _ = statuses(repo.site)
    ui = {u["locale"]: u for u in report["uiStrings"]}
    check(ui["es"]["stale"] == [], f"ui es stale after the update: {ui['es']}")

    # Usage errors.
    i18n(repo.site, "--format", "yaml", expect=2)
    i18n(pathlib.Path(tmp) / "nowhere", expect=2)

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("i18n: all scenarios pass")
