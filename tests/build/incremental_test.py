"""Incremental skiff build: every result is byte-identical to a clean build.

Copies the embedded site into a temporary git repository, builds it once,
then makes one change at a time (a page's text, a translation, a title, a
layout, a UI string, a component, pages and public files added and
removed, build options, a same-size edit inside the timestamp window, a
committed change that makes translations outdated) and after each one:

- builds incrementally into the same folder (`inc`),
- builds from scratch (`--clean`) into a fresh folder,
- checks that both folders hold the same files with the same bytes, and
- checks which files the incremental build replaced (new inode or mtime):
  exactly the ones whose bytes changed, where the change says which.

Also: a no-op build touches nothing (not even the marker), a page's
warning is reported on every build, a failed build changes nothing and
leaves no pending files, and a damaged record means a full build.

Usage: incremental_test.py SKIFF SOURCE_ROOT
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

SKIFF = sys.argv[1]
SOURCE_ROOT = pathlib.Path(sys.argv[2])
sys.path.insert(0, str(SOURCE_ROOT / "tests" / "i18n"))
from site_repo import SiteRepo  # noqa: E402  (shared with the i18n tests)

MARKER = ".skiff-output"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def run_build(site, out, *args, expect=0):
    run = subprocess.run([SKIFF, "build", str(site), "--out", str(out), *args], capture_output=True, text=True)
    check(run.returncode == expect, f"skiff build {' '.join(args)}: exit {run.returncode}, expected {expect}\n"
                                    f"{run.stdout}\n{run.stderr}")
    return run


def snapshot(folder):
    """relative path → (bytes, inode, mtime_ns) of every file but the marker."""
    out = {}
    for p in folder.rglob("*"):
        if p.is_file() and p.name != MARKER:
            st = p.stat()
            out[p.relative_to(folder).as_posix()] = (p.read_bytes(), st.st_ino, st.st_mtime_ns)
    return out


def folders(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_dir())


with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    repo = SiteRepo(tmp / "repo")
    shutil.copytree(SOURCE_ROOT / "site", repo.site, ignore=shutil.ignore_patterns("dist", ".skiff-cache"))
    repo.commit("the site")
    site = repo.site
    inc = tmp / "inc"
    clean_count = [0]

    first = run_build(site, inc)
    check("incremental" not in first.stdout, f"the first build claims to be incremental:\n{first.stdout}")

    def step(name, expect_changed=None, changed_within=None, args=()):
        """Builds `inc` incrementally and a clean copy; compares them.

        expect_changed: the exact set of files that must be replaced;
        changed_within: prefixes that every replaced file must start with.
        """
        before = snapshot(inc)
        run = run_build(site, inc, *args)
        check("incremental:" in run.stdout, f"{name}: not an incremental build:\n{run.stdout}")
        after = snapshot(inc)
        clean_count[0] += 1
        clean = tmp / f"clean-{clean_count[0]}"
        run_build(site, clean, "--clean", *args)
        reference = snapshot(clean)
        missing = sorted(set(reference) - set(after))
        extra = sorted(set(after) - set(reference))
        differ = sorted(f for f in set(reference) & set(after) if reference[f][0] != after[f][0])
        check(not missing, f"{name}: the incremental build lacks {missing[:5]}")
        check(not extra, f"{name}: the incremental build has extra files {extra[:5]}")
        check(not differ, f"{name}: the incremental build differs from a clean build in {differ[:5]}")
        check(folders(inc) == folders(clean), f"{name}: folders differ: "
              f"{sorted(set(folders(inc)) ^ set(folders(clean)))[:5]}")
        check(not list(inc.rglob("*.skiff-new")), f"{name}: pending files left behind")
        replaced = {f for f in after if f in before and before[f][1:] != after[f][1:]}
        same_bytes = sorted(f for f in replaced if before[f][0] == after[f][0])
        check(not same_bytes, f"{name}: files rewritten with the same bytes: {same_bytes[:5]}")
        if expect_changed is not None:
            check(replaced == set(expect_changed), f"{name}: replaced {sorted(replaced)}, expected {sorted(expect_changed)}")
        if changed_within is not None:
            outside = sorted(f for f in replaced if not f.startswith(tuple(changed_within)))
            check(not outside, f"{name}: replaced files outside {changed_within}: {outside[:5]}")
        shutil.rmtree(clean)
        return run, replaced

    # Nothing changed: nothing is written, the marker included.
    marker_before = (inc / MARKER).stat()
    run, replaced = step("no change", expect_changed=set())
    check("0 pages rendered, 0 files written" in run.stdout, f"no change: {run.stdout}")
    marker_after = (inc / MARKER).stat()
    check((marker_before.st_ino, marker_before.st_mtime_ns) == (marker_after.st_ino, marker_after.st_mtime_ns),
          "no change: the marker was rewritten")

    # One page's text: that page and the locales that show it as a fallback.
    page = site / "pages/en/guides/lint.md"
    page.write_text(page.read_text().replace("\n\n", "\n\nA sentence added for the test.\n\n", 1))
    run, replaced = step("edit en page text", expect_changed={"en/guides/lint/index.html", "es/guides/lint/index.html",
                                                             "ja/guides/lint/index.html", "ar/guides/lint/index.html"})

    # A translation's text: only that page.
    page = site / "pages/es/guides/installation.md"
    page.write_text(page.read_text() + "\nUna frase más.\n")
    step("edit es page text", expect_changed={"es/guides/installation/index.html"})

    # A title: every page whose navigation shows it.
    page = site / "pages/en/guides/code-blocks.md"
    page.write_text(page.read_text().replace("title: ", "title: Renamed ", 1))
    step("edit a title")

    # A layout, a UI string, a component, site.yml: full re-render, same bytes as clean.
    layout = site / "layouts/MainLayout.html"
    layout.write_text(layout.read_text().replace("</body>", "<!-- changed layout -->\n</body>", 1))
    step("edit the layout")
    locale = site / "locales/es.yml"
    locale.write_text(locale.read_text() + "\n# a comment only\n")
    step("touch a locale file")
    component = next(p for p in (site / "components").rglob("*") if p.is_file())
    component.write_text(component.read_text() + "\n")
    step("edit a component")

    # Pages added and removed: new files, and the old ones (with their empty folders) gone.
    (site / "pages/en/guides/new-page.md").write_text("---\nlayout: ~/layouts/MainLayout.astro\ntitle: New\n---\n\nNew text.\n")
    step("add a page")
    (site / "pages/en/guides/new-page.md").unlink()
    step("remove the page")
    check(not (inc / "en/guides/new-page").exists(), "the removed page's folder is still there")

    # public/: added, changed, removed.
    (site / "public/extra.txt").write_text("one\n")
    step("add a public file", expect_changed=set())
    check((inc / "extra.txt").read_text() == "one\n", "public/extra.txt was not copied")
    (site / "public/extra.txt").write_text("two!\n")
    step("change a public file", expect_changed={"extra.txt"})
    (site / "public/extra.txt").unlink()
    step("remove a public file")
    check(not (inc / "extra.txt").exists(), "public/extra.txt was not removed from the output")

    # A same-size edit within the timestamp window, with the old mtime put
    # back: the stamp is the one recorded, but the file changed after the
    # previous build started reading, so it is read again ("racy").
    page = site / "pages/en/reference/configuration.md"
    page.write_text(page.read_text())
    run_build(site, inc)
    st = page.stat()
    text = page.read_text()
    page.write_text(text.replace("e", "E", 1))
    os.utime(page, ns=(st.st_atime_ns, st.st_mtime_ns))
    check(page.stat().st_size == st.st_size, "the same-size edit changed the size")
    step("same-size edit, mtime restored")

    # Build options are part of every page's key.
    step("--safe", args=("--safe",))
    step("back from --safe")

    # A committed change to a source: its translations become outdated (git history).
    repo.commit("before the source change")
    run_build(site, inc)
    page = site / "pages/en/guides/installation.md"
    page.write_text(page.read_text() + "\nA new paragraph in the source.\n")
    repo.commit("source changed")
    run, replaced = step("source committed: translations outdated")
    check("es/guides/installation/index.html" in replaced, "the outdated translation was not rebuilt")
    check('class="skiff-outdated"' in (inc / "es/guides/installation/index.html").read_text(),
          "the outdated notice is missing")

    # i18nSourceHash decides without git: a translation that records the
    # hash of its source turns outdated when the source's text changes,
    # committed or not.
    mark = subprocess.run([SKIFF, "i18n", str(site), "--mark", "pages/es/guides/code-blocks.md"],
                          capture_output=True, text=True)
    check(mark.returncode == 0, f"skiff i18n --mark: exit {mark.returncode}\n{mark.stderr}")
    check("i18nSourceHash" in (site / "pages/es/guides/code-blocks.md").read_text(), "--mark wrote no hash")
    step("translation marked with i18nSourceHash")
    source = site / "pages/en/guides/code-blocks.md"
    source.write_text(source.read_text() + "\nAn uncommitted change to the source.\n")
    run, replaced = step("source of a hash-marked translation edited")
    check("es/guides/code-blocks/index.html" in replaced, "the hash-marked translation was not rebuilt")

    # A page with a warning is reported on every build, not only the first.
    page = site / "pages/en/guides/lint.md"
    page.write_text(page.read_text().replace("title: ", "titlex: ", 1))
    first = run_build(site, inc)
    again = run_build(site, inc)
    check("no `title`" in first.stderr and "no `title`" in again.stderr,
          f"the warning is not repeated:\n{first.stderr}\n---\n{again.stderr}")
    page.write_text(page.read_text().replace("titlex: ", "title: ", 1))
    step("warning fixed")

    # A failed build changes nothing and leaves no pending files, nor the
    # folders a new page and a new public file would have needed.
    before = snapshot(inc)
    before_folders = folders(inc)
    marker_text = (inc / MARKER).read_bytes()
    page = site / "pages/en/guides/lint.md"
    good = page.read_text()
    page.write_text(good.replace("layout: ~/layouts/MainLayout.astro", "layout: ~/layouts/Missing.astro", 1) + "\nmore\n")
    (site / "pages/en/guides/brand-new.md").write_text("---\nlayout: ~/layouts/MainLayout.astro\ntitle: Brand new\n---\n\nText.\n")
    (site / "public/new-folder").mkdir()
    (site / "public/new-folder/file.txt").write_text("x\n")
    run_build(site, inc, expect=1)
    check(snapshot(inc) == before, "a failed build changed the output")
    check(folders(inc) == before_folders, f"a failed build left folders: {sorted(set(folders(inc)) - set(before_folders))}")
    check((inc / MARKER).read_bytes() == marker_text, "a failed build changed the record")
    check(not list(inc.rglob("*.skiff-new")), "a failed build left pending files")
    page.write_text(good)
    step("after a failed build")
    (site / "pages/en/guides/brand-new.md").unlink()
    shutil.rmtree(site / "public/new-folder")
    step("after the failed build's additions are gone")

    # A build killed while writing: its record is open (no end line) and a
    # pending file is left. The next build is a full one into a fresh
    # folder, with no stray file.
    marker = inc / MARKER
    marker.write_bytes(marker.read_bytes()[:-4])
    (inc / "en" / "stray.html.skiff-new").write_text("half a page")
    run = run_build(site, inc)
    check("incremental" not in run.stdout, f"an open record was trusted:\n{run.stdout}")
    check(not list(inc.rglob("*.skiff-new")), "the killed build's pending file survived")
    step("after a killed build", expect_changed=set())

    # Public files with names skiff uses for itself are not copied.
    (site / "public/.skiff-output").write_text("not a marker\n")
    (site / "public/x.skiff-new").write_text("x\n")
    run, _ = step("reserved public names")
    check("reserved" in run.stderr, f"no warning for reserved public names:\n{run.stderr}")
    check(not (inc / "x.skiff-new").exists(), "public/x.skiff-new was copied")
    check((inc / MARKER).read_text().startswith("made by skiff build"), "public/.skiff-output replaced the marker")
    (site / "public/.skiff-output").unlink()
    (site / "public/x.skiff-new").unlink()
    step("reserved public names removed")

    # A record from another part of a split build is not used: the merged
    # or reused folder gets a full build.
    run_build(site, inc, "--locale", "en")
    run = run_build(site, inc)
    check("incremental" not in run.stdout, f"another part's record was trusted:\n{run.stdout}")
    step("after a part of the build")

    # A damaged record: a full build, still the same result.
    (inc / MARKER).write_text((inc / MARKER).read_text()[:-20])
    run = run_build(site, inc)
    check("incremental" not in run.stdout, f"a damaged record was trusted:\n{run.stdout}")
    step("after a damaged record", expect_changed=set())

    # Outside git, i18nSourceHash alone decides (no date): editing the
    # source of a hash-marked translation adds the outdated notice.
    plain = tmp / "plain"
    shutil.copytree(SOURCE_ROOT / "site", plain, ignore=shutil.ignore_patterns("dist", ".skiff-cache"))
    # The copy sits inside this temporary folder, not in a git work tree.
    mark = subprocess.run([SKIFF, "i18n", str(plain), "--mark", "pages/es/guides/code-blocks.md"],
                          capture_output=True, text=True)
    check(mark.returncode == 0, f"skiff i18n --mark outside git: exit {mark.returncode}\n{mark.stderr}")
    site = plain
    inc = tmp / "inc-plain"
    run_build(site, inc)
    source = site / "pages/en/guides/code-blocks.md"
    source.write_text(source.read_text() + "\nA change outside git.\n")
    run, replaced = step("outside git: source of a hash-marked translation edited")
    check("es/guides/code-blocks/index.html" in replaced, "outside git: the hash-marked translation was not rebuilt")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("incremental builds match clean builds in every case")
