#!/usr/bin/env python3
"""gen_history.py: give a generated corpus (gen_site.py) a git history.

Turns DIR into a git repository whose history has COMMITS commits: the
first adds every file as gen_site wrote it, each later one edits one to
three pages (sources more often than translations), some with subjects that
skiff i18n ignores ("fix typo", "[i18nIgnore]"), some renaming a source page
together with its translations. Written with `git fast-import`, so 20,000
commits take seconds. Deterministic for a given seed.

The files on disk end up as the last commit has them (git checkout), so
skiff i18n and skiff lint see a consistent site.

usage: gen_history.py DIR [--commits N] [--seed S]
"""

import argparse
import os
import random
import subprocess
import sys


def page_files(root):
    out = []
    for folder, _, files in os.walk(os.path.join(root, "pages")):
        for name in files:
            if name.endswith((".md", ".mdx")):
                out.append(os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/"))
    return sorted(out)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", help="a corpus written by gen_site.py (becomes a git repository)")
    parser.add_argument("--commits", type=int, default=20000, help="commits in all (default: 20000)")
    parser.add_argument("--seed", default="1", help="random seed (default: 1)")
    args = parser.parse_args(argv)
    root = os.path.abspath(args.dir)
    if os.path.exists(os.path.join(root, ".git")):
        sys.exit("gen_history.py: %s is already a git repository" % root)
    files = page_files(root)
    if not files:
        sys.exit("gen_history.py: no pages under %s/pages" % root)
    contents = {}
    for path in files:
        with open(os.path.join(root, path), "rb") as f:
            contents[path] = f.read()
    others = []
    for folder, _, names in os.walk(root):
        for name in names:
            full = os.path.join(folder, name)
            rel = os.path.relpath(full, root).replace(os.sep, "/")
            if not rel.startswith("pages/"):
                others.append(rel)
    rng = random.Random("gen_history:" + args.seed)
    sources = [p for p in files if p.startswith("pages/en/")]
    locales = sorted({p.split("/")[1] for p in files} - {"en"})

    subprocess.run(["git", "init", "-q", "-b", "main", root], check=True)
    proc = subprocess.Popen(["git", "-C", root, "fast-import", "--quiet", "--done"], stdin=subprocess.PIPE)
    out = proc.stdin
    time = 1_600_000_000

    def data(payload):
        out.write(b"data %d\n" % len(payload))
        out.write(payload)
        out.write(b"\n")

    def commit(subject, operations):
        nonlocal time
        time += rng.randint(60, 7200)
        out.write(b"commit refs/heads/main\n")
        out.write(b"committer Bench <bench@example.com> %d +0000\n" % time)
        data(subject.encode())
        for op in operations:
            out.write(op)

    first = []
    for rel in files + sorted(others):
        if rel in contents:
            payload = contents[rel]
        else:
            with open(os.path.join(root, rel), "rb") as f:
                payload = f.read()
        first.append(b"M 100644 inline %s\n" % rel.encode() + b"data %d\n" % len(payload) + payload + b"\n")
    commit("Add the corpus", first)

    live = list(files)
    for n in range(1, args.commits):
        roll = rng.random()
        if roll < 0.01:
            # Rename a source page with its translations.
            src = rng.choice([p for p in live if p.startswith("pages/en/")])
            new = src[:-3] + "-moved.md"
            ops = []
            for locale in ["en"] + locales:
                old_path = src.replace("pages/en/", "pages/%s/" % locale, 1)
                if old_path in contents:
                    new_path = new.replace("pages/en/", "pages/%s/" % locale, 1)
                    ops.append(b'R "%s" "%s"\n' % (old_path.encode(), new_path.encode()))
                    contents[new_path] = contents.pop(old_path)
                    live[live.index(old_path)] = new_path
            commit("Move %s" % os.path.basename(src), ops)
            continue
        edits = []
        for _ in range(rng.randint(1, 3)):
            pool = [p for p in live if p.startswith("pages/en/")] if rng.random() < 0.7 else live
            path = rng.choice(pool)
            contents[path] += b"\nEdit %d: the page changes a little.\n" % n
            edits.append(path)
        subject = rng.choice(["Update %s", "Clarify %s", "Fix typo in %s", "Reword %s [i18nIgnore]", "Expand %s"])
        ops = [b"M 100644 inline %s\n" % p.encode() + b"data %d\n" % len(contents[p]) + contents[p] + b"\n"
               for p in dict.fromkeys(edits)]
        commit(subject % os.path.basename(edits[0]), ops)
    out.write(b"done\n")
    out.close()
    if proc.wait() != 0:
        sys.exit("gen_history.py: git fast-import failed")
    subprocess.run(["git", "-C", root, "checkout", "-q", "-f", "main"], check=True)
    subprocess.run(["git", "-C", root, "clean", "-q", "-fd"], check=True)
    print("gen_history: %d commits over %d pages in %s" % (args.commits, len(files), root))


if __name__ == "__main__":
    main()
