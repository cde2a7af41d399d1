#!/usr/bin/env python3
"""Lint recall and precision on a generated corpus (issue 4, "Measured").

usage: recall_test.py SKIFF SOURCE_ROOT WORK_DIR

tools/bench/gen_site.py writes a 1,000-page, 5-locale corpus (3,800 page
files) with K broken internal links and K broken anchors, listed in
DEFECTS.json. `skiff lint --format json` must report exactly those — no
misses, no extras — and nothing at all on the same corpus without defects.
The corpus has no layouts of its own; the embedded site's are copied in.
"""
import json
import pathlib
import shutil
import subprocess
import sys

DEFECTS = 25


def corpus(gen, root, work, name, defects):
    out = work / name
    if out.exists():
        shutil.rmtree(out)
    subprocess.run([sys.executable, str(gen), "--pages", "1000", "--defects", str(defects),
                    "--seed", "recall", "--out", str(out)], check=True, stdout=subprocess.DEVNULL)
    shutil.copytree(root / "site" / "layouts", out / "layouts")
    # The generator imports LoopingVideo on every page, used or not; that is
    # the unused-import rule's business, not this test's.
    with open(out / "site.yml", "a") as yml:
        yml.write("lint:\n  rules:\n    unused-import: off\n")
    return out


def lint(skiff, site):
    run = subprocess.run([skiff, "lint", str(site), "--format", "json"], capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"skiff lint exited {run.returncode}: {run.stderr}")
    return run.returncode, json.loads(run.stdout)


def main():
    skiff, root, work = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    work.mkdir(parents=True, exist_ok=True)
    gen = root / "tools" / "bench" / "gen_site.py"
    failures = []

    site = corpus(gen, root, work, "recall-defects", DEFECTS)
    expected = json.loads((site / "DEFECTS.json").read_text())
    want = {(d["file"], {"broken-link": "links", "broken-anchor": "anchors"}[d["kind"]], d["target"])
            for d in expected["defects"]}
    assert len(want) == 2 * DEFECTS, f"the generator listed {len(want)} defects"
    code, report = lint(skiff, site)
    got = set()
    for f in report["findings"]:
        target = f["message"].split("`")[1] if "`" in f["message"] else f["message"]
        got.add((f["file"], f["rule"], target))
    missed = sorted(want - got)
    extra = sorted(got - want)
    if missed:
        failures.append(f"{len(missed)} defects not reported, e.g. {missed[:5]}")
    if extra:
        failures.append(f"{len(extra)} findings that are not defects, e.g. {extra[:5]}")
    if code != 1:
        failures.append(f"exit status {code} with errors present (expected 1)")
    print(f"defects: {len(want)} planted, {len(want & got)} found, {len(extra)} extra")

    clean = corpus(gen, root, work, "recall-clean", 0)
    code, report = lint(skiff, clean)
    if report["findings"]:
        failures.append(f"{len(report['findings'])} findings on the clean corpus, e.g. {report['findings'][:3]}")
    if code != 0:
        failures.append(f"exit status {code} on the clean corpus (expected 0)")
    print(f"clean corpus: {len(report['findings'])} findings")

    if failures:
        print("\n".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
