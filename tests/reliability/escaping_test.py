#!/usr/bin/env python3
"""Text from every source lands in the HTML as text, never as markup.

Usage: escaping_test.py SKIFF SOURCE_ROOT

Builds a copy of tests/sites/basic/site in which every text a contributor or
translator controls holds an injection payload: site.yml's title and sidebar
labels, frontmatter title and description, a component prop, an aside title
(directive and component), a Markdown link title and image alt text, and the
site's UI strings for both locales (which land in attributes, notices, the
table of contents, copy buttons and fallback pages). Each payload carries its
own number, so the test can tell where each one ended up.

Then every HTML file of the output is parsed as a browser would (html.parser)
and checked:
  * no element the payload would make exists: no <script> whose code is a
    payload's `alert(N)`, no attribute `onerror`, no <img src="x">;
  * every payload did land somewhere, as text or as an attribute value that
    reads `alert(N)` back (so a test that passes because a string was dropped
    is caught: each source must be used);
sitemap.xml must parse as XML.
"""

import html.parser
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SKIFF = sys.argv[1]
SOURCE_ROOT = pathlib.Path(sys.argv[2])
FIXTURE = SOURCE_ROOT / "tests" / "sites" / "basic" / "site"


def payload(n: int) -> str:
    """Closes a quoted attribute and an element, then opens two that run code."""
    return f"\"'><script>alert({n})</script><img src=x onerror=alert({n})>"


def yaml_quoted(text: str) -> str:
    """A YAML double-quoted scalar holding `text`."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# Where each numbered payload goes (the number is its index here).
SOURCES = [
    "site.yml title",
    "site.yml sidebar group label",
    "site.yml sidebar item label",
    "frontmatter title",
    "frontmatter description",
    "component prop",
    "aside directive title",
    "Aside component title",
    "Markdown link title",
    "Markdown image alt text",
    "UI string toc.title (en)",
    "UI string aside.tip (en)",
    "UI string code.copy (en)",
    "UI string sidebar.label (fr)",
    "UI string fallback.notice (fr)",
    "UI string languagePicker.label (fr)",
]
P = {name: payload(i) for i, name in enumerate(SOURCES)}


def write_site(site: pathlib.Path) -> None:
    shutil.copytree(FIXTURE, site)
    shutil.rmtree(site / ".skiff-cache", ignore_errors=True)
    (site / "site.yml").write_text(
        f"""title: {yaml_quoted(P['site.yml title'])}
url: https://fixture.example
base: /docs/
defaultLocale: en
locales: [en, fr]
sidebar:
  - key: start
    label: {yaml_quoted(P['site.yml sidebar group label'])}
    items:
      - {{ key: home, slug: "", label: Home }}
      - {{ key: intro, slug: guide/intro, label: {yaml_quoted(P['site.yml sidebar item label'])} }}
      - {{ key: tabs, slug: guide/tabs, label: Tabs }}
""",
        encoding="utf-8",
    )
    (site / "pages" / "en" / "guide" / "intro.md").write_text(
        f"""---
layout: ~/layouts/MainLayout.astro
title: {yaml_quoted(P['frontmatter title'])}
description: {yaml_quoted(P['frontmatter description'])}
setup: |
  import Badge from '~/components/Badge.astro'
  import Aside from '~/components/Aside.astro'
---

## First steps <Badge variant={{{json.dumps(P['component prop'])}}}>new</Badge>

A [link](/docs/en/ {yaml_quoted(P['Markdown link title'])}) and
![{P['Markdown image alt text'].replace('[', '').replace(']', '')}](/img/dot.gif).

### Details

:::tip
A tip with the locale's default title.
:::

:::note[{P['aside directive title']}]
A note with its own title.
:::

<Aside type="caution" title={{{json.dumps(P['Aside component title'])}}}>
A caution.
</Aside>

```js
const a = 1;
```
""",
        encoding="utf-8",
    )
    locales = site / "locales"
    locales.mkdir(exist_ok=True)
    (locales / "en.yml").write_text(
        f"""toc.title: {yaml_quoted(P['UI string toc.title (en)'])}
aside.tip: {yaml_quoted(P['UI string aside.tip (en)'])}
code.copy: {yaml_quoted(P['UI string code.copy (en)'])}
""",
        encoding="utf-8",
    )
    fr = (locales / "fr.yml").read_text(encoding="utf-8")
    (locales / "fr.yml").write_text(
        fr
        + f"""sidebar.label: {yaml_quoted(P['UI string sidebar.label (fr)'])}
fallback.notice: {yaml_quoted(P['UI string fallback.notice (fr)'] + ' {language}')}
languagePicker.label: {yaml_quoted(P['UI string languagePicker.label (fr)'])}
""",
        encoding="utf-8",
    )


class Collector(html.parser.HTMLParser):
    """What a browser would build: elements, attributes and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.values: list[str] = []  # decoded text and attribute values
        self.script_depth = 0
        self.script_text = ""

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag}> has an event attribute {name}={value!r}")
            self.values.append(value or "")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.problems.append("an <img src=x> element exists")
        if tag == "script":
            self.script_depth += 1
            self.script_text = ""

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.script_depth -= 1

    def handle_endtag(self, tag):
        if tag == "script" and self.script_depth > 0:
            self.script_depth -= 1
            if self.script_text.strip().startswith("alert("):
                self.problems.append(f"a <script> element runs {self.script_text.strip()!r}")

    def handle_data(self, data):
        if self.script_depth > 0:
            self.script_text += data
        self.values.append(data)


def main() -> int:
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="skiff-escaping-") as tmp:
        root = pathlib.Path(tmp)
        site, out = root / "site", root / "out"
        write_site(site)
        run = subprocess.run(
            [SKIFF, "build", str(site), "--out", str(out)], capture_output=True, text=True, timeout=120
        )
        if run.returncode != 0:
            print(run.stdout, run.stderr, sep="\n")
            print("FAIL: the build of the payload site failed")
            return 1

        landed = {name: 0 for name in SOURCES}
        pages = sorted(out.rglob("*.html"))
        if len(pages) < 5:
            failures.append(f"only {len(pages)} HTML files were written")
        for page in pages:
            collector = Collector()
            collector.feed(page.read_text(encoding="utf-8"))
            collector.close()
            rel = page.relative_to(out)
            failures += [f"{rel}: {p}" for p in collector.problems]
            for i, name in enumerate(SOURCES):
                if any(f"alert({i})" in value for value in collector.values):
                    landed[name] += 1
        for name, count in landed.items():
            if count == 0:
                failures.append(f"the payload from {name} is in no page: the test would not see it escaped")
        try:
            ET.parse(out / "sitemap.xml")
        except ET.ParseError as error:
            failures.append(f"sitemap.xml is not well-formed XML: {error}")

    for failure in failures:
        print("FAIL:", failure)
    print(f"{len(SOURCES)} payload sources, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
