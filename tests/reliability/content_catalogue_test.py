"""The bad-input catalogue, page content part (issue 7).

Every hostile page below is added to a copy of tests/sites/basic/site, next
to a witness page, and the site is run through `skiff build` and `skiff
lint` (each under `timeout`). For each input the test checks:

- the exact messages, with file:line:col, that build and lint print;
- the exit code (0 clean or warnings only, 1 errors), and that skiff did
  not crash (no signal, no sanitizer or assertion text) or hang (timeout);
- that the rest of the site was still checked: the witness page's warning
  (a repeated frontmatter key, and for lint a vague link text) and the
  fixture's own lint warnings are still reported, and when the build
  succeeds the other pages are written.

A hang used to be the 1 MB line of links (quadratic column counting: 20 s
for 55,000 links); the timeout is generous for a sub-second run but far
below what the quadratic version takes on the 100,000 links used here.

Usage: content_catalogue_test.py SKIFF SOURCE_ROOT
"""
import pathlib
import shutil
import subprocess
import sys
import tempfile

SKIFF = sys.argv[1]
SOURCE_ROOT = pathlib.Path(sys.argv[2])
BASE = SOURCE_ROOT / "tests" / "sites" / "basic" / "site"
TIMEOUT = 30  # seconds per command; every run here takes well under one

failures = []

WITNESS = "---\ntitle: Witness\ntitle: Witness page\n---\n\nStill [here](/en/).\n"
WITNESS_BUILD = ("pages/en/witness.md:3:1: warning: frontmatter key `title` is repeated (first on line 2); "
                 "this later value is used")
WITNESS_LINT = [
    "pages/en/witness.md:3:1: warning frontmatter: frontmatter key `title` is repeated (first on line 2); "
    "this later value is used",
    "pages/en/witness.md:6:7: warning link-text: link text `here` does not say where the link goes",
    "pages/en/index.md:5:1: warning frontmatter: unknown frontmatter key `editor` (declare it under "
    "`frontmatterKeys:` in site.yml if the layout uses it)",
]


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def make_site(root, name, files):
    """A copy of the basic fixture plus the witness page and `files`
    (site-relative path → str or bytes)."""
    site = root / name
    shutil.copytree(BASE, site)
    files = {"pages/en/witness.md": WITNESS, **files}
    for rel, content in files.items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)
    return site


def run(case, *args):
    try:
        proc = subprocess.run(["timeout", "-s", "KILL", str(TIMEOUT), SKIFF, *args], capture_output=True)
    except OSError as e:
        check(False, f"{case}: cannot run skiff: {e}")
        return -1, ""
    out = proc.stdout.decode("utf-8", "replace") + proc.stderr.decode("utf-8", "replace")
    what = f"{case}: skiff {args[0]}"
    check(proc.returncode not in (124, 137, -9), f"{what}: no answer within {TIMEOUT} s (hang)")
    check(proc.returncode >= 0 and proc.returncode < 128, f"{what}: killed by a signal (exit {proc.returncode})\n{out}")
    for crash in ("Segmentation fault", "AddressSanitizer", "runtime error:", "Assertion", "terminate called"):
        check(crash not in out, f"{what}: `{crash}` in the output\n{out[:3000]}")
    return proc.returncode, out


def expect(case, command, out, lines, absent=()):
    for line in lines:
        check(line in out.splitlines(), f"{case}: {command} should print\n  {line}\ngot:\n{out[:4000]}")
    for text in absent:
        check(text not in out, f"{case}: {command} should not print `{text}`\ngot:\n{out[:4000]}")


def catalogue(root, name, files, *, build_exit, build_lines, lint_exit, lint_lines, build_absent=(),
              lint_absent=(), build_args=(), outputs=None, max_diagnostics=None):
    """Builds and lints one hostile site; returns the build's output folder."""
    site = make_site(root, name, files)
    out_dir = root / (name + "-out")
    code, out = run(name, "build", str(site), "--out", str(out_dir), *build_args)
    check(code == build_exit, f"{name}: skiff build exit {code}, expected {build_exit}\n{out[:4000]}")
    expect(name, "build", out, build_lines + [WITNESS_BUILD], build_absent)
    if build_exit == 0:
        for rel in ["en/index.html", "en/guide/intro/index.html", "en/witness/index.html", "fr/index.html",
                    *(outputs or [])]:
            check((out_dir / rel).is_file(), f"{name}: build did not write {rel}")
    else:
        check(f"build failed:" in out, f"{name}: build should say it failed\n{out[:2000]}")
    if max_diagnostics is not None:
        count = sum(1 for line in out.splitlines() if ": error: " in line or ": warning: " in line)
        check(count <= max_diagnostics, f"{name}: build printed {count} diagnostics, at most {max_diagnostics} expected")
    code, lint_out = run(name, "lint", str(site))
    check(code == lint_exit, f"{name}: skiff lint exit {code}, expected {lint_exit}\n{lint_out[:4000]}")
    expect(name, "lint", lint_out, lint_lines + WITNESS_LINT, lint_absent)
    if max_diagnostics is not None:
        count = sum(1 for line in lint_out.splitlines() if " error " in line or " warning " in line)
        check(count <= max_diagnostics + 4, f"{name}: lint printed {count} findings")
    return out_dir


def html(out_dir, rel):
    path = out_dir / rel
    if not check(path.is_file(), f"missing output {rel}"):
        return ""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        check(False, f"{rel} is not valid UTF-8: {e}")
        return data.decode("utf-8", "replace")


FM = "---\ntitle: {}\n---\n"


def main():
    with tempfile.TemporaryDirectory(prefix="skiff-catalogue-") as tmp:
        root = pathlib.Path(tmp)
        frontmatter_cases(root)
        encoding_cases(root)
        size_cases(root)
        component_cases(root)
        template_cases(root)
        url_cases(root)
    if failures:
        print(f"{len(failures)} failure(s):")
        for f in failures:
            print("- " + f)
        sys.exit(1)
    print("content catalogue: all inputs handled")


def frontmatter_cases(root):
    catalogue(root, "yaml-malformed", {"pages/en/bad.md": "---\ntitle: Bad\nfoo: [1, 2\n---\nBody\n"},
              build_exit=1,
              build_lines=["pages/en/bad.md:4:1: error: invalid YAML: end of sequence flow not found"],
              lint_exit=1,
              lint_lines=["pages/en/bad.md:4:1: error frontmatter: invalid YAML: end of sequence flow not found"])
    catalogue(root, "fm-unclosed", {"pages/en/bad.md": "---\ntitle: Never closed\n\nBody\n"},
              build_exit=1,
              build_lines=["pages/en/bad.md:1:1: error: frontmatter opened with `---` is never closed "
                           "(add a `---` line after it)"],
              lint_exit=1,
              lint_lines=["pages/en/bad.md:1:1: error frontmatter: frontmatter opened with `---` is never closed "
                          "(add a `---` line after it)"])
    deep = "x: " + "[" * 100000 + "]" * 100000
    catalogue(root, "yaml-deep", {"pages/en/deep.md": "---\ntitle: Deep\n" + deep + "\n---\nBody\n"},
              build_exit=1,
              build_lines=["pages/en/deep.md:3:104: error: frontmatter nested too deep: more than 100 levels "
                           "of `[` and `{`"],
              lint_exit=1,
              lint_lines=["pages/en/deep.md:3:104: error frontmatter: frontmatter nested too deep: more than "
                          "100 levels of `[` and `{`"],
              build_absent=["bad file"], lint_absent=["bad file"])
    catalogue(root, "yaml-dupkey", {"pages/en/dup.md": "---\ntitle: A\ntitle: B\n---\nBody\n"},
              build_exit=0,
              build_lines=["pages/en/dup.md:3:1: warning: frontmatter key `title` is repeated (first on line 2); "
                           "this later value is used"],
              lint_exit=0,
              lint_lines=["pages/en/dup.md:3:1: warning frontmatter: frontmatter key `title` is repeated "
                          "(first on line 2); this later value is used"],
              outputs=["en/dup/index.html"])
    catalogue(root, "nul-frontmatter", {"pages/en/nul.md": b'---\ntitle: "Bad\x00h"\n---\nBody\n'},
              build_exit=1,
              build_lines=["pages/en/nul.md:2:12: error: NUL byte (0x00) in frontmatter: YAML does not allow "
                           "control characters",
                           "pages/en/nul.md:2:12: warning: NUL byte (0x00): the file may be binary or damaged"],
              lint_exit=1,
              lint_lines=["pages/en/nul.md:2:12: error frontmatter: NUL byte (0x00) in frontmatter: YAML does "
                          "not allow control characters",
                          "pages/en/nul.md:2:12: error encoding: NUL byte (0x00): the file may be binary or damaged"],
              build_absent=["unknown escape"], lint_absent=["unknown escape"])
    # A title that tries to leave its element is text everywhere it lands.
    out = catalogue(root, "xss-title", {"pages/en/x.md": "---\ntitle: '\"><script>alert(1)</script>'\n"
                                                         "description: '\" onload=\"alert(2)'\n---\nBody\n"},
                    build_exit=0, build_lines=[], lint_exit=0, lint_lines=[], outputs=["en/x/index.html"])
    for rel in ["en/x/index.html", "fr/x/index.html"]:
        page = html(out, rel)
        check("<script>alert(1)" not in page and '" onload="' not in page, f"xss-title: {rel} has raw markup")
        check('<title>"&gt;&lt;script&gt;alert(1)&lt;/script&gt; |' in page, f"xss-title: {rel} <title>")
        check('<h1>"&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>' in page, f"xss-title: {rel} <h1>")
        check('content="&quot; onload=&quot;alert(2)"' in page, f"xss-title: {rel} description")


def encoding_cases(root):
    out = catalogue(root, "bom", {"pages/en/bom.md": b"\xef\xbb\xbf---\ntitle: With BOM\n---\nBody\n"},
                    build_exit=0,
                    build_lines=["pages/en/bom.md:1:1: warning: UTF-8 byte-order mark at the start of the file"],
                    lint_exit=0,
                    lint_lines=["pages/en/bom.md:1:1: warning encoding: UTF-8 byte-order mark at the start of "
                                "the file"],
                    outputs=["en/bom/index.html"])
    check("<h1>With BOM</h1>" in html(out, "en/bom/index.html"), "bom: the title is read")
    crlf = "---\r\ntitle: CRLF\r\n---\r\n\r\n## Part\r\n\r\nSee [x](#nope).\r\n\r\n:::note\r\nIn an aside.\r\n:::\r\n"
    out = catalogue(root, "crlf", {"pages/en/crlf.md": crlf},
                    build_exit=0, build_lines=[], lint_exit=1,
                    lint_lines=["pages/en/crlf.md:7:5: error anchors: `#nope`: no id `nope` on this page"],
                    outputs=["en/crlf/index.html"])
    page = html(out, "en/crlf/index.html")
    check('<h2 id="part">' in page and "In an aside." in page, "crlf: heading and aside rendered")
    mixed = "---\ntitle: Mixed\r\n---\r\rFirst line\r\n\n## Part\r\rSee [x](#nope).\n"
    catalogue(root, "mixed-line-ends", {"pages/en/mixed.md": mixed},
              build_exit=0, build_lines=[], lint_exit=1,
              lint_lines=["pages/en/mixed.md:9:5: error anchors: `#nope`: no id `nope` on this page"],
              outputs=["en/mixed/index.html"])
    bad = b"---\ntitle: Bad \xc3( utf8\n---\n\nBody \xff here.\n"
    out = catalogue(root, "invalid-utf8", {"pages/en/badutf.md": bad},
                    build_exit=0,
                    build_lines=["pages/en/badutf.md:2:12: warning: invalid UTF-8 (byte 0xC3): a 2-byte sequence "
                                 "cut short; as Windows-1252 it would read `Ã`",
                                 "pages/en/badutf.md:5:6: warning: invalid UTF-8 (byte 0xFF): a byte UTF-8 never "
                                 "uses; as Windows-1252 it would read `ÿ`"],
                    lint_exit=1,
                    lint_lines=["pages/en/badutf.md:2:12: error encoding: invalid UTF-8 (byte 0xC3): a 2-byte "
                                "sequence cut short; as Windows-1252 it would read `Ã`"],
                    outputs=["en/badutf/index.html"])
    for rel in ["en/badutf/index.html", "fr/badutf/index.html"]:
        page = html(out, rel)  # checks that it is valid UTF-8
        check("<h1>Bad \ufffd( utf8</h1>" in page and "<title>Bad \ufffd( utf8 |" in page,
              f"invalid-utf8: {rel}: the title's bad byte should be U+FFFD")
    out = catalogue(root, "nul-body", {"pages/en/nul.md": b"---\ntitle: Nul\n---\n\nA\x00B\n"},
                    build_exit=0,
                    build_lines=["pages/en/nul.md:5:2: warning: NUL byte (0x00): the file may be binary or damaged"],
                    lint_exit=1,
                    lint_lines=["pages/en/nul.md:5:2: error encoding: NUL byte (0x00): the file may be binary or "
                                "damaged"],
                    outputs=["en/nul/index.html"])
    check("A\ufffdB" in html(out, "en/nul/index.html"), "nul-body: NUL shown as U+FFFD")


def size_cases(root):
    catalogue(root, "long-line", {"pages/en/long.md": FM.format("Long") + "\n" + "a" * 1_000_000 + "\n"},
              build_exit=0, build_lines=[], lint_exit=0, lint_lines=[], outputs=["en/long/index.html"])
    catalogue(root, "long-title", {"pages/en/long.md": FM.format("T" * 1_000_000) + "\nBody\n"},
              build_exit=0, build_lines=[], lint_exit=0, lint_lines=[], outputs=["en/long/index.html"])
    # 100,000 links on one 1 MB line; the last one is broken, and lint must
    # give its exact column.
    links = "[a](/en/) " * 99_999 + "[a](/en/nowhere/)"
    catalogue(root, "line-of-links", {"pages/en/links.md": FM.format("Links") + "\n" + links + "\n"},
              build_exit=0, build_lines=[], lint_exit=1,
              lint_lines=["pages/en/links.md:5:999991: error links: `/en/nowhere/` is not a page or file of this "
                          "site"],
              outputs=["en/links/index.html"])
    # 100,000 inline tags left open, then 100,000 end tags that match none:
    # each end tag used to scan every tag left open (quadratic: minutes).
    tags = "word <b> more\n" * 100_000 + "</i>\n" * 100_000
    out_dir = catalogue(root, "inline-tags-left-open", {"pages/en/tags.md": FM.format("Tags") + "\n" + tags},
                        build_exit=0, build_lines=[], lint_exit=0, lint_lines=[], outputs=["en/tags/index.html"])
    page = html(out_dir, "en/tags/index.html")
    check(page.count("<b>") == 100_000 and page.count("</i>") == 100_000,
          f"inline-tags-left-open: the tags did not all reach the page as written "
          f"({page.count('<b>')} <b>, {page.count('</i>')} </i>)")


def component_cases(root):
    aside = "import Aside from '~/components/Aside.astro'"
    setup = "---\ntitle: {}\nsetup: |\n  " + aside + "\n---\n\n"
    nest = setup.format("Nest") + "<Aside>\n" * 10_000 + "</Aside>\n" * 10_000 + "\nAfter.\n"
    message = ("pages/en/nest.mdx:{}:1: error{} elements nested deeper than 200 levels; the tag <Aside> and 9,799 "
               "more nested as deep are ignored")
    catalogue(root, "nested-components", {"pages/en/nest.mdx": nest},
              build_exit=1, build_lines=[message.format(207, ":")],
              lint_exit=1, lint_lines=[message.format(207, " components:")],
              build_absent=["has no matching"], lint_absent=["has no matching"], max_diagnostics=3)
    notes = FM.format("Notes") + "\n" + ":::note\n" * 10_000 + ":::\n" * 10_000 + "After.\n"
    message = ("pages/en/notes.md:{}:1: error{} elements nested deeper than 200 levels; the aside `:::note` and "
               "9,799 more nested as deep are ignored")
    catalogue(root, "nested-asides", {"pages/en/notes.md": notes},
              build_exit=1, build_lines=[message.format(205, ":")],
              lint_exit=1, lint_lines=[message.format(205, " components:")], max_diagnostics=3)
    unclosed = setup.format("Unclosed") + "Intro.\n\n<Aside>\nNever closed.\n"
    catalogue(root, "unclosed-at-eof", {"pages/en/open.mdx": unclosed},
              build_exit=1,
              build_lines=["pages/en/open.mdx:9:1: error: <Aside> is never closed (reached end of file)"],
              lint_exit=1,
              lint_lines=["pages/en/open.mdx:9:1: error components: <Aside> is never closed (reached end of file)"])
    props = (FM.format("Props") + "\n"
             "<Badge variant={`a${x}`}>t</Badge>\n\n"
             "<Badge {...props}>s</Badge>\n\n"
             "<Badge variant={foo(1)}>f</Badge>\n\n"
             "<Badge variant={`plain`}>p</Badge>\n")
    catalogue(root, "props", {"pages/en/props.mdx": props},
              build_exit=1,
              build_lines=["pages/en/props.mdx:5:19: error: prop `variant`: template literals with `${...}` are "
                           "not allowed in props: they run code",
                           "pages/en/props.mdx:7:8: error: spread props like `{...props}` are not allowed: skiff "
                           "renders at build time, so every prop must be written out as a literal",
                           "pages/en/props.mdx:9:17: error: prop `variant`: `foo(...)` is a function call; "
                           "function calls are not allowed in props"],
              lint_exit=1,
              lint_lines=["pages/en/props.mdx:7:8: error components: spread props like `{...props}` are not "
                          "allowed: skiff renders at build time, so every prop must be written out as a literal"])


def template_cases(root):
    deep = "<div>\n" * 30_000 + "</div>" * 30_000 + "\n"
    layout = "<!DOCTYPE html>\n<html><body>\n" + deep + "<skiff-slot name=\"content\"/></body></html>\n"
    page = "---\nlayout: ~/layouts/Deep.astro\ntitle: Deep layout\n---\n\nBody\n"
    catalogue(root, "deep-layout", {"layouts/Deep.html": layout, "pages/en/deep.md": page},
              build_exit=1,
              build_lines=["layouts/Deep.html:257:1: error: <div> is nested deeper than 256 levels, the most a "
                           "template allows"],
              build_absent=["not found"],
              # lint treats a broken template as a site configuration error: exit 2
              lint_exit=2,
              lint_lines=["layouts/Deep.html:257:1: error config: <div> is nested deeper than 256 levels, the most "
                          "a template allows"],
              lint_absent=["not found"])
    component = "<span>\n" + deep + "</span>\n"
    page = ("---\ntitle: Deep component\nsetup: |\n  import Deep from '~/components/Deep.astro'\n---\n\n"
            "<Deep>x</Deep>\n")
    catalogue(root, "deep-component", {"components/Deep.html": component, "pages/en/deep.mdx": page},
              build_exit=1,
              build_lines=["components/Deep.html:257:1: error: <div> is nested deeper than 256 levels, the most a "
                           "template allows"],
              build_absent=["cannot resolve", "unknown component"],
              lint_exit=2,
              lint_lines=["components/Deep.html:257:1: error config: <div> is nested deeper than 256 levels, the "
                          "most a template allows"],
              lint_absent=["cannot resolve", "unknown component"])


def url_cases(root):
    link = '<a class="link" href="{{ props.href }}"><skiff-slot/></a>\n'
    page = ("---\ntitle: Urls\nsetup: |\n  import Link from '~/components/Link.astro'\n---\n\n"
            "[j](javascript:alert(1)) [f](file:///etc/passwd)\n\n"
            '<a href="  JaVaScRiPt:alert(10)">raw</a>\n\n'
            '<Link href="javascript:alert(3)">go</Link> <Link href="/docs/en/">fine</Link>\n')
    files = {"components/Link.html": link, "pages/en/urls.mdx": page}
    lint_lines = [
        "pages/en/urls.mdx:7:1: error script-url: `javascript:` link: docs links must go somewhere",
        "pages/en/urls.mdx:7:26: error links: `file:///etc/passwd` is a file on the reader's own computer, not on "
        "this site",
        "pages/en/urls.mdx:9:1: error script-url: `javascript:` link: docs links must go somewhere",
        "pages/en/urls.mdx:11:7: error script-url: `javascript:` link: docs links must go somewhere",
    ]
    out = catalogue(root, "script-urls", files, build_exit=0, build_lines=[], lint_exit=1, lint_lines=lint_lines,
                    outputs=["en/urls/index.html"])
    page_html = html(out, "en/urls/index.html")
    check('<a class="link" href="javascript:alert(3)">go</a>' in page_html,
          "script-urls: without --safe the prop is kept as written")
    out = catalogue(root, "script-urls-safe", files, build_args=["--safe"], build_exit=0, build_lines=[],
                    lint_exit=1, lint_lines=lint_lines, outputs=["en/urls/index.html"])
    page_html = html(out, "en/urls/index.html")
    check("javascript:" not in page_html.lower() and "file:" not in page_html,
          f"script-urls-safe: a script URL survived --safe:\n{page_html}")
    check('<a class="link" href="">go</a>' in page_html and '<a class="link" href="/docs/en/">fine</a>' in page_html,
          f"script-urls-safe: the component's href should be emptied, the safe one kept:\n{page_html}")


if __name__ == "__main__":
    main()
