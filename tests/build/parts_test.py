"""skiff build split into parts: the union of the parts is the full build.

Builds the embedded site whole, then split by --shard K/N (several N) and by
--locale, and checks that the parts' folders hold every file of the full
build, byte for byte, with no file in two parts. Also the usage errors.

Usage: parts_test.py SKIFF SOURCE_ROOT
"""
import pathlib
import shutil
import subprocess
import sys
import tempfile

SKIFF = sys.argv[1]
SITE = pathlib.Path(sys.argv[2]) / "site"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def build(out, *args, expect=0):
    run = subprocess.run([SKIFF, "build", str(SITE), "--out", str(out), "--quiet", *args],
                         capture_output=True, text=True)
    check(run.returncode == expect, f"skiff build {' '.join(args)}: exit {run.returncode}\n{run.stderr}")
    return run


# skiff's mark on every output folder it made (the same text in each): not
# part of the site.
MARKER = ".skiff-output"


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and p.name != MARKER}


with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    build(tmp / "full")
    full = files(tmp / "full")
    check(len(full) > 30, f"the full build has only {len(full)} files")

    def merged(name, parts_args):
        union = {}
        for i, args in enumerate(parts_args):
            out = tmp / f"{name}-{i}"
            build(out, *args)
            for rel, data in files(out).items():
                check(rel not in union, f"{name}: {rel} is in two parts ({args})")
                union[rel] = data
        missing = sorted(set(full) - set(union))
        extra = sorted(set(union) - set(full))
        differ = sorted(rel for rel in set(full) & set(union) if full[rel] != union[rel])
        check(not missing, f"{name}: parts lack {missing[:5]}")
        check(not extra, f"{name}: parts add {extra[:5]}")
        check(not differ, f"{name}: parts differ from the full build in {differ[:5]}")

    for n in (2, 3, 5):
        merged(f"shard{n}", [["--shard", f"{k}/{n}"] for k in range(1, n + 1)])
    merged("locales", [["--locale", "en"], ["--locale", "es,ja"], ["--locale", "ar"]])
    merged("both", [["--locale", "en", "--shard", "1/2"], ["--locale", "en", "--shard", "2/2"],
                    ["--locale", "es,ja,ar", "--shard", "1/2"], ["--locale", "es,ja,ar", "--shard", "2/2"]])

    # Every shard of a 3-way split has pages (the hash spreads them).
    for k in (1, 2, 3):
        part = files(tmp / f"shard3-{k - 1}")
        check(any(rel.endswith(".html") and "/" in rel for rel in part), f"shard {k}/3 has no pages")

    # Usage errors: exit 2 from the command line, or an error from the build.
    for bad in (["--shard", "0/3"], ["--shard", "4/3"], ["--shard", "x"], ["--shard", "1/0"]):
        run = subprocess.run([SKIFF, "build", str(SITE), "--out", str(tmp / "bad"), *bad], capture_output=True, text=True)
        check(run.returncode != 0, f"--shard {bad[1]} was accepted")
    run = subprocess.run([SKIFF, "build", str(SITE), "--out", str(tmp / "bad"), "--locale", "xx"], capture_output=True, text=True)
    check(run.returncode == 1 and "xx" in run.stderr, f"--locale xx: exit {run.returncode}\n{run.stderr}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("parts: the union of the parts is the full build")
