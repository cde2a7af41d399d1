"""The bad-input catalogue, files and paths: hostile paths get a precise
message, skiff never crashes or hangs, reads or publishes nothing outside
the site, and still checks the rest of the site.

Each case copies tests/sites/basic/site into a temporary folder, adds the
hostile files, and runs `skiff build` and `skiff lint` on it (each with a
timeout that only guards against a hang). Beside the site lies `outside/`,
whose files all hold a marker string: it must never appear in the output
folder or in what skiff prints. For every case the test asserts:

- the exact messages (file:line:col where there is a position),
- the exit codes of build and lint,
- that nothing outside the site was read or published (the marker, and
  /etc/passwd's first line, are nowhere in the output or the messages),
- that the rest of the site is still built or checked: a successful build
  wrote the other pages; a failing one also reports the planted error in
  pages/en/witness.mdx, so its pages were all still read.

Cases: imports, layouts, links and video sources that climb out of the site
(`../`, absolute paths, `%2e%2e`); symlinks to files outside the site
(page, layout, component, public/ file, and public/ itself), symlinks that
stay inside (still work), symlinked folders, symlink loops, a broken
symlink; an unreadable page and folder (run as another user when the test
runs as root, since root reads anything); no pages at all; two files for
one URL; names differing only by case; odd names in the sitemap; a
100 MB page (sparse) over the size limit, and the limit from site.yml.

Usage: path_catalogue_test.py SKIFF SOURCE_ROOT
"""
import os
import pathlib
import re
import shutil
import stat
import subprocess
import sys
import tempfile

SKIFF = sys.argv[1]
SOURCE_ROOT = pathlib.Path(sys.argv[2])
BASIC = SOURCE_ROOT / "tests" / "sites" / "basic" / "site"
MARKER = "OUTSIDE-SECRET-c41e"
PASSWD_LINE = "root:x:0:0"
TIMEOUT = 60  # seconds; every case takes well under one

failures = []
skipped = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


WITNESS = "---\ntitle: Witness\n---\n\n<Nope />\n"
WITNESS_BUILD = "pages/en/witness.mdx:5:1: error: "
WITNESS_LINT = "pages/en/witness.mdx:5:1: error components: "


class Case:
    """A copy of the basic site in ROOT/NAME/site, with ROOT/NAME/outside."""

    def __init__(self, root, name, witness=False):
        self.name = name
        self.dir = root / name
        self.site = self.dir / "site"
        self.outside = self.dir / "outside"
        self.out = self.dir / "out"
        shutil.copytree(BASIC, self.site, symlinks=True)
        self.write_outside("page.md", f"---\ntitle: Outside {MARKER}\n---\n\n{MARKER} page body\n")
        self.write_outside("Secret.html", f"<span>{MARKER}<skiff-slot/></span>\n")
        self.write_outside("layouts/Evil.html", f"<html><body><p>{MARKER}</p><skiff-slot name=\"content\"/></body></html>\n")
        self.write_outside("secret.txt", f"{MARKER}\n")
        self.write_outside("v.mp4", f"{MARKER}\n")
        self.write_outside("dir/x.md", f"---\ntitle: X\n---\n\n{MARKER}\n")
        self.witness = witness
        if witness:
            self.write("pages/en/witness.mdx", WITNESS)

    def write(self, rel, text):
        path = self.site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        return path

    def write_outside(self, rel, text):
        path = self.outside / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)

    def link(self, rel, target):
        path = self.site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, path)

    def real(self, rel):
        """The fully resolved path of an outside file, as skiff names it."""
        return os.path.realpath(self.outside / rel)


def run(case, command, preexec=None, prefix=()):
    args = [*prefix, SKIFF, command, str(case.site)]
    if command == "build":
        args += ["--out", str(case.out)]
    try:
        p = subprocess.run(args, capture_output=True, text=True, errors="replace", timeout=TIMEOUT,
                           preexec_fn=preexec)
    except subprocess.TimeoutExpired:
        check(False, f"{case.name}: skiff {command} did not finish in {TIMEOUT} s")
        return -1, ""
    return p.returncode, p.stdout + p.stderr


def output_text(case):
    """Every file of the output, as text, with its path."""
    if not case.out.exists():
        return ""
    parts = []
    for p in sorted(case.out.rglob("*")):
        if p.is_file() and not p.is_symlink():
            parts.append(f"== {p.relative_to(case.out)}\n" + p.read_bytes().decode("utf-8", "replace"))
    return "\n".join(parts)


def check_case(case, build_exit, lint_exit, build_lines=(), lint_lines=(), build_patterns=(), lint_patterns=(),
               built=True, absent_lines=(), runner=None):
    """Runs build and lint on `case` and checks what the module doc says."""
    runner = runner or (lambda command: run(case, command))
    build_rc, build_out = runner("build")
    lint_rc, lint_out = runner("lint")
    name = case.name
    check(build_rc == build_exit, f"{name}: skiff build exit {build_rc}, expected {build_exit}\n{build_out}")
    check(lint_rc == lint_exit, f"{name}: skiff lint exit {lint_rc}, expected {lint_exit}\n{lint_out}")
    for command, out, lines, patterns in (("build", build_out, build_lines, build_patterns),
                                          ("lint", lint_out, lint_lines, lint_patterns)):
        got = out.splitlines()
        for line in lines:
            count = got.count(line)
            check(count == 1, f"{name}: skiff {command} should print this line once (printed {count} times):\n"
                              f"  {line}\n--- it printed:\n{out}")
        for pattern in patterns:
            check(any(re.fullmatch(pattern, g) for g in got),
                  f"{name}: skiff {command}: no line matches\n  {pattern}\n--- it printed:\n{out}")
        for line in absent_lines:
            check(line not in out, f"{name}: skiff {command} should not print `{line}`:\n{out}")
        # Nothing outside the site was read into a message.
        check(MARKER not in out, f"{name}: skiff {command} printed the outside marker:\n{out}")
        check(PASSWD_LINE not in out, f"{name}: skiff {command} printed /etc/passwd:\n{out}")
        check("Traceback" not in out and "Segmentation" not in out and "terminate called" not in out,
              f"{name}: skiff {command} crashed:\n{out}")
    text = output_text(case)
    check(MARKER not in text, f"{name}: the output holds the outside marker")
    check(PASSWD_LINE not in text, f"{name}: the output holds /etc/passwd")
    if case.witness:
        # The planted error on another page: every page was still read.
        check(WITNESS_BUILD in build_out, f"{name}: build did not check the other pages:\n{build_out}")
        check(WITNESS_LINT in lint_out, f"{name}: lint did not check the other pages:\n{lint_out}")
    if built:
        # A successful build wrote the rest of the site (and its fallbacks).
        for page in ("en/index.html", "en/guide/intro/index.html", "en/guide/tabs/index.html",
                     "fr/guide/intro/index.html", "img/dot.gif"):
            check((case.out / page).is_file(), f"{name}: the build did not write {page}")
    elif build_exit != 0:
        check(not (case.out / "en").exists(), f"{name}: a failed build wrote its output")
    return build_out, lint_out


def imports_that_climb_out(tmp):
    """Imports: `..`, absolute, aliases with `..`, URL-encoded dots."""
    outside_abs = str(tmp / "imp_abs" / "outside" / "Secret.astro")
    cases = [
        ("imp_rel", "../../../../outside/Secret.astro", "`../../../../outside/Secret.astro` points outside the site"),
        ("imp_etc", "../../../../../../../etc/passwd", "`../../../../../../../etc/passwd` points outside the site"),
        ("imp_abs", outside_abs, f"cannot resolve `{outside_abs}`: use an alias from site.yml (like `~/components/`) "
                                 "or a path relative to the page"),
        ("imp_root", "/etc/passwd", "cannot resolve `/etc/passwd`: use an alias from site.yml (like `~/components/`) "
                                    "or a path relative to the page"),
        ("imp_alias", "~/../../outside/Secret.astro", "cannot resolve `~/../../outside/Secret.astro`: use an alias "
                                                      "from site.yml (like `~/components/`) or a path relative to the page"),
        ("imp_alias_up", "~/components/../../outside/Secret.astro",
         "`~/components/../../outside/Secret.astro` points outside the site"),
        ("imp_enc", "~/components/%2e%2e/%2e%2e/%2e%2e/outside/Secret.astro",
         "cannot resolve `~/components/%2e%2e/%2e%2e/%2e%2e/outside/Secret.astro`: no built-in component at "
         "components/%2e%2e/%2e%2e/%2e%2e/outside/Secret/ and no site component "
         "components/%2e%2e/%2e%2e/%2e%2e/outside/Secret.html"),
        ("imp_enc2", "~/components/..%2f..%2f..%2foutside/Secret.astro",
         "cannot resolve `~/components/..%2f..%2f..%2foutside/Secret.astro`: no built-in component at "
         "components/..%2f..%2f..%2foutside/Secret/ and no site component components/..%2f..%2f..%2foutside/Secret.html"),
    ]
    for name, spec, message in cases:
        case = Case(tmp, name, witness=True)
        case.write("pages/en/p.mdx", f"---\ntitle: I\nsetup: |\n  import Secret from '{spec}'\n---\n\n<Secret>x</Secret>\n")
        check_case(case, 1, 1, built=False,
                   build_lines=[f"pages/en/p.mdx:4:23: error: {message}"],
                   lint_lines=[f"pages/en/p.mdx:4:23: error components: {message}"])


def layouts_that_climb_out(tmp):
    """`layout:` values: `..`, absolute, alias with `..`, URL-encoded dots.

    The column is that of the key (1) or of the value (9): another change
    moves it to the value.
    """
    outside_abs = str(tmp / "lay_abs" / "outside" / "layouts" / "Evil.astro")
    resolve = "use an alias from site.yml (like `~/components/`) or a path relative to the page"
    cases = [
        ("lay_rel", "../../../../outside/layouts/Evil.astro",
         "`../../../../outside/layouts/Evil.astro` points outside the site"),
        ("lay_alias", "~/layouts/../../../outside/layouts/Evil.astro",
         "`~/layouts/../../../outside/layouts/Evil.astro` points outside the site"),
        ("lay_abs", outside_abs, f"cannot resolve `{outside_abs}`: {resolve}"),
        ("lay_etc", "/etc/passwd", f"cannot resolve `/etc/passwd`: {resolve}"),
        ("lay_enc", "~/layouts/%2e%2e/%2e%2e/%2e%2e/outside/layouts/Evil.astro",
         "layout `~/layouts/%2e%2e/%2e%2e/%2e%2e/outside/layouts/Evil.astro` not found: expected "
         "layouts/%2e%2e/%2e%2e/%2e%2e/outside/layouts/Evil.html in the site"),
    ]
    for name, value, message in cases:
        case = Case(tmp, name, witness=True)
        case.write("pages/en/p.md", f"---\ntitle: L\nlayout: {value}\n---\n\nBody\n")
        check_case(case, 1, 1, built=False,
                   build_patterns=[r"pages/en/p\.md:3:(1|9): error: " + re.escape(message)],
                   lint_patterns=[r"pages/en/p\.md:3:(1|9): error frontmatter: " + re.escape(message)])


def links_that_climb_out(tmp):
    """Links and images: the build publishes them as written (URLs only,
    nothing is read); lint reports each one at its position."""
    case = Case(tmp, "links_out")
    outside = str(case.outside / "secret.txt")
    case.write("pages/en/p.md",
               "---\ntitle: K\n---\n\n"
               f"[a](../../../etc/passwd) [b](/etc/passwd) [c](/../../../..{outside})\n"
               "[d](%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd) [e](/en/%2e%2e/%2e%2e/%2e%2e/etc/passwd)\n"
               "![img](../../../../../outside/secret.txt) ![img2](/../../outside/v.mp4)\n\n"
               '<img src="../../../../etc/passwd" alt="x" /> <a href="/%2e%2e/%2e%2e/etc/passwd">raw</a>\n')
    col_d2 = len("[a](../../../etc/passwd) [b](/etc/passwd) ") + 1
    climbs = "climbs out of the site"
    check_case(case, 0, 1, lint_lines=[
        f"pages/en/p.md:5:1: error links: `../../../etc/passwd` {climbs}",
        f"pages/en/p.md:5:26: error links: `/etc/passwd` is not a page or file of this site",
        f"pages/en/p.md:5:{col_d2}: error links: `/../../../..{outside}` {climbs}",
        f"pages/en/p.md:6:1: error links: `%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd` {climbs}",
        f"pages/en/p.md:6:45: error links: `/en/%2e%2e/%2e%2e/%2e%2e/etc/passwd` {climbs}",
        f"pages/en/p.md:7:1: error links: `../../../../../outside/secret.txt` {climbs}",
        f"pages/en/p.md:7:43: error links: `/../../outside/v.mp4` {climbs}",
        f"pages/en/p.md:9:11: error links: `../../../../etc/passwd` {climbs}",
        f"pages/en/p.md:9:55: error links: `/%2e%2e/%2e%2e/etc/passwd` {climbs}",
    ])
    check(not any(p.name in ("passwd", "secret.txt", "v.mp4") for p in case.out.rglob("*")),
          "links_out: a linked file was copied into the output")


def videos_that_climb_out(tmp):
    """LoopingVideo sources: looked up among public/'s files, never on disk."""
    case = Case(tmp, "video_out", witness=True)
    outside = str(case.outside / "v.mp4")
    case.write("pages/en/p.mdx",
               "---\ntitle: K\nsetup: |\n  import LoopingVideo from '~/components/LoopingVideo.astro'\n---\n\n"
               f"<LoopingVideo sources={{[{{ src: '/../../..{outside}', type: 'video/mp4' }}]}} />\n\n"
               "<LoopingVideo sources={[{ src: '/etc/passwd', type: 'video/mp4' }]} />\n\n"
               "<LoopingVideo sources={[{ src: '/%2e%2e/%2e%2e/outside/v.mp4', type: 'video/mp4' }]} />\n\n"
               "<LoopingVideo sources={[{ src: '../../../../outside/v.mp4', type: 'video/mp4' }]} />\n")
    check_case(case, 1, 1, built=False,
               build_lines=[
                   f"pages/en/p.mdx:7:15: error: video source `/../../..{outside}` not found in public/",
                   "pages/en/p.mdx:9:15: error: video source `/etc/passwd` not found in public/",
                   "pages/en/p.mdx:11:15: error: video source `/%2e%2e/%2e%2e/outside/v.mp4` not found in public/"],
               lint_lines=[
                   f"pages/en/p.mdx:7:15: error links: `/../../..{outside}` climbs out of the site",
                   "pages/en/p.mdx:9:15: error assets: `/etc/passwd` is not a file in public/",
                   "pages/en/p.mdx:11:15: error links: `/%2e%2e/%2e%2e/outside/v.mp4` climbs out of the site",
                   "pages/en/p.mdx:13:15: error links: `../../../../outside/v.mp4` climbs out of the site"])


def outside(case, rel):
    return f"symlink to {case.real(rel)}, which is outside the site: not read"


def symlinks_out_of_the_site(tmp):
    """Symlinked files that lead outside: refused, named with their target,
    never read or published."""
    # With and without a witness: alone, the build before the fix succeeded
    # and published the outside page (en and fr fallback).
    for name, witness in (("sym_page", True), ("sym_page_alone", False)):
        case = Case(tmp, name, witness=witness)
        case.link("pages/en/evil.md", case.outside / "page.md")
        case.link("pages/en/rel.md", "../../../outside/page.md")
        check_case(case, 1, 1, built=False,
                   build_lines=[f"pages/en/evil.md: error: {outside(case, 'page.md')}",
                                f"pages/en/rel.md: error: {outside(case, 'page.md')}"],
                   lint_lines=[f"pages/en/evil.md: error read: {outside(case, 'page.md')}",
                               f"pages/en/rel.md: error read: {outside(case, 'page.md')}"])

    case = Case(tmp, "sym_layout", witness=True)
    case.link("layouts/Evil.html", case.outside / "layouts" / "Evil.html")
    case.write("pages/en/l.md", "---\ntitle: L\nlayout: ~/layouts/Evil.astro\n---\n\nBody\n")
    check_case(case, 1, 1, built=False,
               build_lines=[f"layouts/Evil.html: error: {outside(case, 'layouts/Evil.html')}"],
               lint_lines=[f"layouts/Evil.html: error read: {outside(case, 'layouts/Evil.html')}"])

    # The default layout itself: every page is still checked.
    case = Case(tmp, "sym_main_layout", witness=True)
    (case.site / "layouts" / "MainLayout.html").unlink()
    case.link("layouts/MainLayout.html", case.outside / "layouts" / "Evil.html")
    check_case(case, 1, 1, built=False,
               build_lines=[f"layouts/MainLayout.html: error: {outside(case, 'layouts/Evil.html')}"],
               lint_lines=[f"layouts/MainLayout.html: error read: {outside(case, 'layouts/Evil.html')}"])

    case = Case(tmp, "sym_component", witness=True)
    case.link("components/Secret.html", case.outside / "Secret.html")
    case.write("pages/en/c.mdx", "---\ntitle: C\nsetup: |\n  import Secret from '~/components/Secret.astro'\n---\n\n"
                                 "<Secret>x</Secret>\n")
    check_case(case, 1, 1, built=False,
               build_lines=[f"components/Secret.html: error: {outside(case, 'Secret.html')}"],
               lint_lines=[f"components/Secret.html: error read: {outside(case, 'Secret.html')}"])

    for name, witness in (("sym_public", True), ("sym_public_alone", False)):
        case = Case(tmp, name, witness=witness)
        case.link("public/passwd.txt", "/etc/passwd")
        case.link("public/secret.txt", case.outside / "secret.txt")
        case.link("public/outdir", case.outside)
        passwd = f"symlink to {os.path.realpath('/etc/passwd')}, which is outside the site: not read"
        folder = f"symlinked folder not followed (it leads to {case.real('.')})"
        check_case(case, 1, 1, built=False,
                   build_lines=[f"public/passwd.txt: error: {passwd}",
                                f"public/secret.txt: error: {outside(case, 'secret.txt')}",
                                f"public/outdir: warning: {folder}"],
                   lint_lines=[f"public/passwd.txt: error read: {passwd}",
                               f"public/secret.txt: error read: {outside(case, 'secret.txt')}",
                               f"public/outdir: warning read: {folder}"])

    # site.yml and the UI strings: read only inside the site, as the build
    # key hashes them (a linked locales/ folder used to be read, unhashed).
    case = Case(tmp, "sym_site_yml", witness=True)
    (case.site / "site.yml").unlink()
    case.write_outside("site.yml", f"title: {MARKER}\nlocales: [en, fr]\n")
    case.link("site.yml", case.outside / "site.yml")
    check_case(case, 1, 1, built=False,
               build_lines=[f"site.yml: error: {outside(case, 'site.yml')}"],
               lint_lines=[f"site.yml: error read: {outside(case, 'site.yml')}"])

    # A site.yml that is a FIFO: its read would block forever (a device such
    # as /dev/zero would never end); refused before anything reads it.
    case = Case(tmp, "fifo_site_yml", witness=True)
    (case.site / "site.yml").unlink()
    os.mkfifo(case.site / "site.yml")
    check_case(case, 1, 1, built=False,
               build_lines=["site.yml: error: not a regular file (a FIFO, socket or device); not read"],
               lint_lines=["site.yml: error read: not a regular file (a FIFO, socket or device); not read"])

    case = Case(tmp, "sym_locale_file", witness=True)
    (case.site / "locales" / "fr.yml").unlink()
    case.write_outside("fr.yml", f"nav:\n  start: {MARKER}\n")
    case.link("locales/fr.yml", case.outside / "fr.yml")
    check_case(case, 1, 1, built=False,
               build_lines=[f"locales/fr.yml: error: {outside(case, 'fr.yml')}"],
               lint_lines=[f"locales/fr.yml: error read: {outside(case, 'fr.yml')}"])

    case = Case(tmp, "sym_locales_folder")
    shutil.move(case.site / "locales", case.outside / "locales")
    (case.outside / "locales" / "fr.yml").write_text(f"nav:\n  start: {MARKER}\n")
    case.link("locales", case.outside / "locales")
    folder = f"symlinked folder not followed (it leads to {case.real('locales')})"
    check_case(case, 0, 0, build_lines=[f"locales: warning: {folder}"], lint_lines=[f"locales: warning read: {folder}"])

    # public/ itself a link out of the site: not followed, nothing copied.
    case = Case(tmp, "sym_public_folder")
    shutil.rmtree(case.site / "public")
    (case.outside / "img").mkdir()
    shutil.copy(BASIC / "public" / "img" / "dot.gif", case.outside / "img" / "dot.gif")
    case.link("public", case.outside)
    folder = f"symlinked folder not followed (it leads to {case.real('.')})"
    check_case(case, 0, 1, built=False,
               build_lines=[f"public: warning: {folder}"],
               lint_lines=[f"public: warning read: {folder}",
                           "pages/en/guide/intro.md:10:11: error assets: `/img/dot.gif` is not a file in public/"])
    check((case.out / "en" / "guide" / "intro" / "index.html").is_file(), "sym_public_folder: pages not built")
    check(not (case.out / "secret.txt").exists(), "sym_public_folder: public/ was followed out of the site")


def symlinks_inside_the_site(tmp):
    """Symlinks to files inside the site work as the files they name."""
    case = Case(tmp, "sym_inside")
    case.link("pages/en/same.md", "guide/intro.md")
    case.link("pages/en/from-public.md", "../../public/page.md")
    case.write("public/page.md", "---\ntitle: From public\n---\n\nPublic page.\n")
    case.link("layouts/Other.html", "MainLayout.html")
    case.write("pages/en/other.md", "---\ntitle: Other\nlayout: Other\n---\n\nOther layout.\n")
    case.link("components/Badge2.html", "Badge.html")
    case.write("pages/en/badge.mdx", "---\ntitle: B\nsetup: |\n  import Badge2 from '~/components/Badge2.astro'\n---\n\n"
                                     "<Badge2 variant=\"new\">new</Badge2>\n")
    case.link("public/img/dot-link.gif", "dot.gif")
    build_out, lint_out = check_case(case, 0, 0)
    check((case.out / "en" / "same" / "index.html").is_file(), "sym_inside: the linked page was not built")
    check("Public page." in (case.out / "en" / "from-public" / "index.html").read_text(),
          "sym_inside: the page linked from public/ was not built")
    check("Other layout." in (case.out / "en" / "other" / "index.html").read_text(),
          "sym_inside: the linked layout was not used")
    check('class="badge badge--new"' in (case.out / "en" / "badge" / "index.html").read_text(),
          "sym_inside: the linked component was not used")
    check((case.out / "img" / "dot-link.gif").read_bytes() == (BASIC / "public" / "img" / "dot.gif").read_bytes(),
          "sym_inside: the linked public file was not copied")
    check(not (case.out / "img" / "dot-link.gif").is_symlink(), "sym_inside: the output holds a symlink")
    check("symlink" not in build_out and "symlink" not in lint_out,
          f"sym_inside: links inside the site were reported:\n{build_out}\n{lint_out}")


def symlinks_skipped(tmp):
    """Symlinked folders (never followed), loops and broken links: a warning
    each, and the rest of the site builds."""
    case = Case(tmp, "sym_folder")
    case.link("pages/en/evildir", case.outside / "dir")
    folder = f"symlinked folder not followed (it leads to {case.real('dir')})"
    check_case(case, 0, 0, build_lines=[f"pages/en/evildir: warning: {folder}"],
               lint_lines=[f"pages/en/evildir: warning read: {folder}"])
    check(not (case.out / "en" / "evildir").exists(), "sym_folder: the linked folder was built")

    case = Case(tmp, "sym_loop")
    case.link("pages/en/loop", "..")
    case.link("pages/en/sub", "../en")
    case.link("pages/en/a.md", "b")
    case.link("pages/en/b", "a.md")
    pages = os.path.realpath(case.site / "pages")
    en = os.path.realpath(case.site / "pages" / "en")
    lines = [("pages/en/a.md", "symlink loop: following `b` never reaches a file; skipped"),
             ("pages/en/b", "symlink loop: following `a.md` never reaches a file; skipped"),
             ("pages/en/loop", f"symlinked folder not followed (it leads to {pages})"),
             ("pages/en/sub", f"symlinked folder not followed (it leads to {en})")]
    check_case(case, 0, 0, build_lines=[f"{f}: warning: {m}" for f, m in lines],
               lint_lines=[f"{f}: warning read: {m}" for f, m in lines])

    case = Case(tmp, "sym_broken")
    case.link("pages/en/gone.md", "/nonexistent/x.md")
    case.link("public/gone.gif", "img/missing.gif")
    lines = [("pages/en/gone.md", "broken symlink: its target `/nonexistent/x.md` does not exist; skipped"),
             ("public/gone.gif", "broken symlink: its target `img/missing.gif` does not exist; skipped")]
    check_case(case, 0, 0, build_lines=[f"{f}: warning: {m}" for f, m in lines],
               lint_lines=[f"{f}: warning read: {m}" for f, m in lines])


def as_other_user(case):
    """A runner that runs skiff as a user for whom chmod 000 holds, or None.

    Root reads files whatever their mode, so as root skiff runs as nobody
    (uid 65534), who owns the case folder; as another user, as that user.
    """
    if os.geteuid() != 0:
        return lambda command: run(case, command)
    for p in [case.dir, *case.dir.rglob("*")]:
        os.lchown(p, 65534, 65534)
    # The temporary folders above the case must let nobody through.
    for p in case.dir.parents:
        if str(p) in ("/", tempfile.gettempdir()):
            break
        os.chmod(p, os.stat(p).st_mode | stat.S_IXOTH | stat.S_IROTH)
    setpriv = shutil.which("setpriv")
    prefix, preexec = (), None
    if setpriv:
        prefix = (setpriv, "--reuid=65534", "--regid=65534", "--clear-groups")
    else:
        def preexec():
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
    # The binary must be reachable for that user too (not in a private home).
    probe = subprocess.run([*prefix, SKIFF, "--help"], capture_output=True, text=True, preexec_fn=preexec)
    if probe.returncode != 0:
        skipped.append(f"{case.name}: running as root, and skiff cannot run as uid 65534 to make chmod 000 "
                       f"hold ({probe.stderr.strip() or probe.returncode})")
        return None
    return lambda command: run(case, command, preexec=preexec, prefix=prefix)


def unreadable(tmp):
    """An unreadable page: one error, under lint's rule `read`; an
    unreadable folder: a warning naming it."""
    case = Case(tmp, "unreadable_page", witness=True)
    locked = case.write("pages/en/locked.md", f"---\ntitle: Locked {MARKER}\n---\n\n{MARKER}\n")
    runner = as_other_user(case)
    if runner is None:
        return
    os.chmod(locked, 0)
    error = f"cannot read {case.site}/pages/en/locked.md: Permission denied"
    check_case(case, 1, 1, built=False, runner=runner,
               build_lines=[f"pages/en/locked.md: error: {error}"],
               lint_lines=[f"pages/en/locked.md: error read: {error}"])

    case = Case(tmp, "unreadable_folder")
    case.write("pages/en/lockeddir/in.md", f"---\ntitle: In\n---\n\n{MARKER}\n")
    runner = as_other_user(case)
    if runner is None:
        return
    os.chmod(case.site / "pages" / "en" / "lockeddir", 0)
    warning = "cannot read folder pages/en/lockeddir: Permission denied; its files are skipped"
    check_case(case, 0, 0, runner=runner,
               build_lines=[f"pages/en/lockeddir: warning: {warning}"],
               lint_lines=[f"pages/en/lockeddir: warning read: {warning}"])
    os.chmod(case.site / "pages" / "en" / "lockeddir", 0o755)


def no_pages(tmp):
    """No pages at all: the same error from build and lint, exit 1."""
    message = "the site has no pages: add Markdown files under pages/en/"
    variants = {
        "zero_pages": lambda c: [p.unlink() for p in (c.site / "pages").rglob("*.md*")],
        "zero_no_folder": lambda c: shutil.rmtree(c.site / "pages"),
        "zero_empty_site": lambda c: [shutil.rmtree(p) if p.is_dir() else p.unlink() for p in c.site.iterdir()],
    }
    for name, empty in variants.items():
        case = Case(tmp, name)
        empty(case)
        _, lint_out = check_case(case, 1, 1, built=False, build_lines=[f"pages: error: {message}"],
                                 lint_lines=[f"pages: error pages: {message}"])
        check("no problems found" not in lint_out, f"{name}: lint says no problems:\n{lint_out}")


def one_url_twice(tmp):
    """Two files for one URL: an error naming both; names differing only in
    letter case: a warning."""
    for name, first, second in (("dup_ext", "a.md", "a.mdx"), ("dup_index", "a.md", "a/index.md")):
        case = Case(tmp, name, witness=True)
        case.write(f"pages/en/{first}", "---\ntitle: A\n---\n\nA.\n")
        case.write(f"pages/en/{second}", "---\ntitle: A2\n---\n\nA2.\n")
        message = f"maps to the same URL /docs/en/a/ as pages/en/{first}; rename or remove one of them"
        check_case(case, 1, 1, built=False, build_lines=[f"pages/en/{second}: error: {message}"],
                   lint_lines=[f"pages/en/{second}: error pages: {message}"])

    case = Case(tmp, "dup_case")
    case.write("pages/en/b.md", "---\ntitle: b\n---\n\nb.\n")
    case.write("pages/en/B.md", "---\ntitle: B\n---\n\nB.\n")
    message = ("its URL /docs/en/b/ differs from that of pages/en/B.md (/docs/en/B/) only in letter case: on "
               "case-insensitive file systems (macOS, Windows) one page overwrites the other; rename one of them")
    check_case(case, 0, 0, build_lines=[f"pages/en/b.md: warning: {message}"],
               lint_lines=[f"pages/en/b.md: warning pages: {message}"])


def odd_file_names(tmp):
    """Page names with bytes a URL cannot hold as they are (invalid UTF-8,
    quotes, angle brackets, a space): built, and listed in the sitemap
    percent-encoded, so each URL names its file's exact bytes."""
    case = Case(tmp, "odd_names")
    en = os.fsencode(case.site / "pages" / "en")
    for name in (b"bad\xffname.md", b'q"<script>.md', b"a b.md"):
        with open(os.path.join(en, name), "wb") as f:
            f.write(b"---\ntitle: Odd\n---\n\nOdd.\n")
    check_case(case, 0, 0)
    sitemap = (case.out / "sitemap.xml").read_text()
    for loc in ("bad%FFname", "q%22%3Cscript%3E", "a%20b"):
        check(f"<loc>https://fixture.example/docs/en/{loc}/</loc>" in sitemap,
              f"odd_names: the sitemap lacks the URL of {loc}:\n{sitemap}")
    for name in (b"bad\xffname", b'q"<script>', b"a b"):
        check(os.path.isfile(os.path.join(os.fsencode(case.out), b"en", name, b"index.html")),
              f"odd_names: {name!r} was not built")
    import xml.dom.minidom
    try:
        xml.dom.minidom.parseString(sitemap)
    except Exception as e:  # noqa: BLE001 (any parse error is the failure)
        check(False, f"odd_names: sitemap.xml does not parse: {e}")


def huge_page(tmp):
    """A 100 MB page (sparse: no disk, and never read): an error at the
    page; the limit can be set in site.yml."""
    case = Case(tmp, "big_page", witness=True)
    big = case.write("pages/en/big.md", f"---\ntitle: Big\n---\n\n{MARKER}\n")
    with open(big, "r+b") as f:
        f.truncate(100 * 1024 * 1024)
    message = "the page is 104,857,600 bytes, over the limit of 10,485,760 (site.yml maxPageBytes)"
    check_case(case, 1, 1, built=False, build_lines=[f"pages/en/big.md: error: {message}"],
               lint_lines=[f"pages/en/big.md: error read: {message}"])
    big.unlink()

    case = Case(tmp, "page_limit", witness=True)
    with open(case.site / "site.yml", "a") as f:
        f.write("maxPageBytes: 1000\n")
    case.write("pages/en/long.md", "---\ntitle: Long\n---\n\n" + "x" * 2000 + "\n")
    message = "the page is 2,022 bytes, over the limit of 1,000 (site.yml maxPageBytes)"
    check_case(case, 1, 1, built=False, build_lines=[f"pages/en/long.md: error: {message}"],
               lint_lines=[f"pages/en/long.md: error read: {message}"])


with tempfile.TemporaryDirectory(prefix="skiff-paths-") as tmp:
    tmp = pathlib.Path(tmp)
    groups = [imports_that_climb_out, layouts_that_climb_out, links_that_climb_out, videos_that_climb_out,
              symlinks_out_of_the_site, symlinks_inside_the_site, symlinks_skipped, unreadable, no_pages,
              one_url_twice, odd_file_names, huge_page]
    for group in groups:
        try:
            group(tmp)
        except Exception as e:  # one broken case must not hide the others
            failures.append(f"{group.__name__}: {type(e).__name__}: {e}")

for s in skipped:
    print(f"skipped: {s}")
if failures:
    print(f"{len(failures)} failure(s):\n")
    print("\n\n".join(failures))
    sys.exit(1)
print("path catalogue: every case gave the expected messages and exit codes")
