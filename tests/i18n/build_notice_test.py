"""skiff build and translation status, on a real temporary git repository.

A site (site/'s layouts, pages written here) whose Spanish page `a` is
outdated (its English source changed after it) and `b` is up to date:
`skiff build` must show the localized outdated notice, with the date of the
translation's last commit, on es/a only; mark content links to pages that
are not translated with "(EN)"; and publish the dashboard at
_skiff/i18n/index.html when site.yml says `i18n: { dashboard: true }`.
Outside git the build has no git-based notices (an i18nSourceHash that no
longer matches still gives an undated one) and says nothing about it.

Usage: build_notice_test.py SKIFF SOURCE_ROOT
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

from site_repo import SiteRepo

SKIFF = sys.argv[1]
SOURCE_ROOT = pathlib.Path(sys.argv[2])
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


class Repo(SiteRepo):
    """The scenario's repository, with site/'s layouts and a day per commit."""

    def __init__(self, root):
        super().__init__(root)
        shutil.copytree(SOURCE_ROOT / "site" / "layouts", self.site / "layouts")

    def page(self, locale, slug, title, body, extra=""):
        ready = "i18nReady: true\n" if locale == "en" else ""
        self.write(f"pages/{locale}/{slug}.md", f"---\ntitle: {title}\n{ready}{extra}---\n\n{body}")

    def commit(self, subject, days=1):
        return super().commit(subject, days * 86400)


def day(seconds):
    return time.strftime("%Y-%m-%d", time.gmtime(seconds))


def build(site, out, expect=0):
    run = subprocess.run([SKIFF, "build", str(site), "--out", str(out)], capture_output=True, text=True,
                         env=dict(os.environ, NO_COLOR="1"))
    check(run.returncode == expect,
          f"skiff build {site}: exit {run.returncode}, wanted {expect}\n{run.stdout}{run.stderr}")
    return run


def read(path):
    return path.read_text() if path.exists() else ""


def content(html):
    """The page body as rendered (the layout's content slot)."""
    m = re.search(r'<div class="content">(.*?)</main>', html, re.S)
    return m.group(1) if m else ""


SITE_YML = ("title: T\nurl: https://t.example\ndefaultLocale: en\nlocales: [en, es, ja]\n"
            "sidebar:\n  - key: all\n    label: All\n    items:\n"
            "      - { key: a, slug: a }\n      - { key: b, slug: b }\n      - { key: c, slug: c }\n")
BODY = "Intro.\n\n## Usage\n\nUse it.\n"
MARK = '<span class="skiff-untranslated-mark"'

with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    repo = Repo(tmp / "repo")
    repo.write("site.yml", SITE_YML + "i18n: { dashboard: true }\n")
    repo.page("en", "index", "Home", "Welcome.\n")
    for slug in ("a", "b", "c", "d"):
        repo.page("en", slug, slug.upper(), BODY)
    repo.commit("English pages")
    repo.page("es", "index", "Inicio", "Bienvenida.\n")
    repo.page("es", "a", "A", BODY.replace("it", "lo"))
    # b links: a (translated), c (not translated: marked, also relative and
    # with a fragment), the English c (another locale: not marked), and a
    # page that does not exist (not marked).
    repo.page("es", "b", "B", "Ver [A](/es/a/), [C](/es/c/), [C otra vez](../c/#usage), "
              "[C en inglés](/en/c/) y [nada](/es/nada/).\n\n"
              '<p><a href="/es/c/">C en HTML</a></p>\n')
    # d records the hash of a source text it was not made from.
    repo.page("es", "d", "D", BODY, extra="i18nSourceHash: 0000000000000000\n")
    translated = repo.commit("Spanish translations")
    repo.page("en", "a", "A", BODY.replace("Use it.", "Use it well."))
    repo.commit("Explain usage of a", days=3)

    out = tmp / "out"
    result = build(repo.site, out)
    check("warning:" not in result.stdout + result.stderr and "note:" not in result.stdout + result.stderr,
          f"the build said something:\n{result.stdout}{result.stderr}")
    es_a = read(out / "es/a/index.html")
    check('class="skiff-outdated"' in es_a, f"es/a has no outdated notice:\n{es_a}")
    check("desde la última actualización de esta traducción" in es_a, "es/a's notice is not in Spanish")
    date = day(translated)
    check(f'<time datetime="{date}">{date}</time>' in es_a, f"es/a's notice lacks the date {date}")
    check('<a href="/en/a/" hreflang="en">Leer la página en English</a>' in es_a,
          "es/a's notice does not link the English page")
    check('<div class="outdated">' in es_a, "the layout's outdated box is missing on es/a")
    es_d = read(out / "es/d/index.html")
    check('class="skiff-outdated"' in es_d and f'<time datetime="{date}">' in es_d,
          "es/d (i18nSourceHash differs) has no dated notice")
    for page in ("es/b", "es/index", "en/a", "ja/a"):
        html = read(out / (page.removesuffix("index") + "/index.html").replace("//", "/"))
        check(html != "", f"{page} was not built")
        check("skiff-outdated" not in html and '<div class="outdated">' not in html,
              f"{page} shows the outdated notice")

    # "(EN)" after content links to pages not translated into es.
    es_b = content(read(out / "es/b/index.html"))
    marked = re.findall(r'<a href="([^"]*)">([^<]*)</a>( <span class="skiff-untranslated-mark")?', es_b)
    got = {text: bool(mark) for _, text, mark in marked}
    want = {"A": False, "C": True, "C otra vez": True, "C en inglés": False, "nada": False, "C en HTML": True}
    check(got == want, f"marked links in es/b: {got}, wanted {want}")
    check('title="Aún sin traducir">(<span lang="en">EN</span>)</span>' in es_b, f"the mark's text:\n{es_b}")
    # Fallback pages (English text) and English pages mark nothing.
    check(MARK not in content(read(out / "ja/b/index.html")), "ja/b, a fallback, has marks")
    check(MARK not in content(read(out / "en/b/index.html")), "en/b has marks")

    # The dashboard, published with the site.
    dashboard = read(out / "_skiff/i18n/index.html")
    check(dashboard.startswith("<!DOCTYPE html>"), "no dashboard at _skiff/i18n/index.html")
    check("outdated" in dashboard and 'href="/es/a/"' in dashboard and "Español" in dashboard,
          "the dashboard lacks es/a")
    check(not re.search(r'(src|href)="(https?:)?//', dashboard), "the dashboard loads or links outside assets")

    # The flag off: no dashboard; a bad value: an error.
    repo.write("site.yml", SITE_YML)
    build(repo.site, tmp / "out-off")
    check(not (tmp / "out-off/_skiff/i18n").exists(), "a dashboard without the flag")
    repo.write("site.yml", SITE_YML + "i18n: { dashboard: maybe }\n")
    bad = build(repo.site, tmp / "out-bad", expect=1)
    check("i18n.dashboard" in bad.stderr + bad.stdout, f"bad flag message:\n{bad.stderr}")
    repo.write("site.yml", SITE_YML + "i18n: { dashboard: true }\n")

    # Outside git: no history, so no notice (d's recorded hash still
    # decides: outdated, with no date), and nothing said.
    plain = tmp / "plain"
    shutil.copytree(repo.site, plain)
    result = build(plain, tmp / "out-plain")
    check(result.stderr == "" and "note" not in result.stdout, f"outside git the build said:\n{result.stderr}")
    plain_a = read(tmp / "out-plain/es/a/index.html")
    check(plain_a != "" and "skiff-outdated" not in plain_a, "outside git es/a shows the notice")
    plain_d = read(tmp / "out-plain/es/d/index.html")
    check("ha cambiado desde la última actualización de esta traducción." in plain_d and "<time" not in plain_d,
          "outside git es/d lacks the undated notice")
    check((tmp / "out-plain/_skiff/i18n/index.html").exists(), "outside git: no dashboard")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("build notices: all scenarios pass")
