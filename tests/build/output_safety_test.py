"""skiff build under faults: concurrent builds, interrupts, kills, a full disk.

Each scenario runs the real binary and checks what is left on disk:

- a build waits while another holds the output's lock (held here with
  fcntl.flock on OUT.skiff-lock), says so once, writes nothing meanwhile,
  and completes when it is released; with --no-wait it fails at once;
- two real incremental builds of different sources into one output at once
  end as a --clean build of one of them (the one that waited, if one did);
- SIGINT to the process group (a terminal's ^C) and SIGTERM to skiff alone,
  during a full build and during an incremental one: exit 130 / 143, a
  message, the previous output byte for byte as it was (its marker
  included), and no temporary folder or pending file;
- SIGKILL at the same moments: the previous output's files are as they were;
  the next build removes the leftovers (OUT.skiff-tmp-*, *.skiff-new, the
  lock file) and its result is a --clean build's;
- a build killed among its renames (the state is made by hand: the record
  listing the renames, half of them done): the next build finishes them
  first, stays incremental, and ends as a --clean build;
- a swap without RENAME_EXCHANGE killed between its renames (made by
  hand): the next build puts the previous output back, says so, and
  builds afresh;
- a full disk (a file size limit, `ulimit -f`): an error naming the file,
  exit 1, the previous output intact, nothing left behind;
- every refused --out: nothing is created.

The moments are found by watching the disk (the staging folder filling, the
first pending file), on a generated corpus large enough that the build is
still running then. No test depends on timing: a generous timeout only
guards against a hang.

Usage: output_safety_test.py SKIFF SOURCE_ROOT
"""
import fcntl
import os
import pathlib
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SKIFF = sys.argv[1]
SOURCE_ROOT = pathlib.Path(sys.argv[2])
MARKER = ".skiff-output"
HANG = 240  # seconds: only a guard against a hang
failures = []


def report_on_crash(kind, value, trace):
    """A scenario that crashes the test still reports what failed before it."""
    print("\n".join(failures))
    sys.__excepthook__(kind, value, trace)


sys.excepthook = report_on_crash


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def run_build(site, out, *args, expect=0, **kwargs):
    run = subprocess.run([SKIFF, "build", str(site), "--out", str(out), "--jobs", "2", *args],
                         capture_output=True, text=True, timeout=HANG, **kwargs)
    check(run.returncode == expect, f"skiff build {site.name} --out {out} {' '.join(args)}: exit {run.returncode}, "
                                    f"expected {expect}\n{run.stdout}\n{run.stderr[-3000:]}")
    return run


class Build:
    """A build running in the background, in its own process group (as a
    terminal job is), its output in files (a pipe could fill and block it)."""

    def __init__(self, tmp, site, out, *args):
        self.stdout = tempfile.TemporaryFile(mode="a+", dir=tmp)  # append: the offset is shared
        self.stderr = tempfile.TemporaryFile(mode="a+", dir=tmp)
        self.proc = subprocess.Popen([SKIFF, "build", str(site), "--out", str(out), "--jobs", "2", *args],
                                     stdout=self.stdout, stderr=self.stderr, text=True, start_new_session=True)

    def err(self):
        self.stderr.seek(0)
        return self.stderr.read()

    def wait(self):
        code = self.proc.wait(timeout=HANG)
        self.stdout.seek(0)
        return code, self.stdout.read(), self.err()


def wait_until(predicate, what, proc=None):
    """Polls `predicate` until true; False if `proc` ended first."""
    deadline = time.monotonic() + HANG
    while time.monotonic() < deadline:
        if predicate():
            return True
        if proc is not None and proc.poll() is not None:
            return predicate()
        time.sleep(0.002)
    check(False, f"timed out waiting for {what}")
    return False


def snapshot(folder):
    """relative path → bytes of every file (the marker included)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def without_marker(files):
    return {k: v for k, v in files.items() if k != MARKER}


def leftovers(out):
    """Everything a build may leave behind: siblings and pending files (the
    lock file is checked on its own)."""
    found = sorted(p.name for p in out.parent.iterdir()
                   if p.name.startswith(out.name + ".skiff-") and p.name != out.name + ".skiff-lock")
    if out.exists():
        found += sorted(p.relative_to(out).as_posix() for p in out.rglob("*")
                        if p.name.endswith(".skiff-new") or ".skiff-tmp-" in p.name)
    return found


def group_alive(pgid):
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False


def count_files(folder):
    return sum(len(files) for _, _, files in os.walk(folder))


def has_pending(folder):
    return any(f.endswith(".skiff-new") for _, _, files in os.walk(folder) for f in files)


def compare(name, out, reference):
    """`out` holds the same files as `reference` (a clean build), byte for byte."""
    a, b = without_marker(snapshot(out)), without_marker(snapshot(reference))
    missing = sorted(set(b) - set(a))
    extra = sorted(set(a) - set(b))
    differ = sorted(f for f in set(a) & set(b) if a[f] != b[f])
    check(not missing and not extra and not differ,
          f"{name}: differs from a clean build: missing {missing[:3]}, extra {extra[:3]}, differ {differ[:3]}")


def clean_reference(tmp, site, name):
    ref = tmp / f"clean-{name}"
    if ref.exists():
        shutil.rmtree(ref)
    run_build(site, ref, "--clean")
    return ref


def edit_titles(site, tag):
    """Renames every English page's title: every page's navigation changes,
    so an incremental build writes (and renames) thousands of files."""
    for page in sorted((site / "pages" / "en").rglob("*.md")):
        text = page.read_text()
        page.write_text(text.replace("title: ", f"title: {tag} ", 1))


with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    # The corpus: large enough that a build is still running when a moment
    # below is seen (thousands of files); the embedded site for the rest.
    big = tmp / "big"
    subprocess.run([sys.executable, str(SOURCE_ROOT / "tools" / "bench" / "gen_site.py"), "--pages", "400",
                    "--out", str(big)], check=True, capture_output=True, timeout=HANG)
    # What the generated pages need from site/, as tools/bench/bench.py does.
    shutil.copytree(SOURCE_ROOT / "site" / "layouts", big / "layouts")
    for asset in ("favicon.svg", "styles"):
        copy = shutil.copytree if (SOURCE_ROOT / "site" / "public" / asset).is_dir() else shutil.copy
        (big / "public").mkdir(exist_ok=True)
        copy(SOURCE_ROOT / "site" / "public" / asset, big / "public" / asset)
    small = tmp / "small"
    shutil.copytree(SOURCE_ROOT / "site", small, ignore=shutil.ignore_patterns("dist", ".skiff-cache"))

    # ---- the lock -------------------------------------------------------
    out = tmp / "locked"
    run_build(small, out)
    before = snapshot(out)
    page = small / "pages/en/guides/lint.md"
    page.write_text(page.read_text() + "\nA sentence added while the output is locked.\n")
    lock_path = tmp / "locked.skiff-lock"
    with open(lock_path, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        no_wait = run_build(small, out, "--no-wait", expect=1)
        check(f"another skiff build into {out} is running" in no_wait.stderr and "--no-wait" in no_wait.stderr,
              f"--no-wait: no clear message:\n{no_wait.stderr}")
        build = Build(tmp, small, out)
        wait_until(lambda: "waiting for another skiff build" in build.err(), "the waiting message", build.proc)
        check(build.proc.poll() is None, f"the build did not wait for the lock:\n{build.err()}")
        check(build.err().count(f"waiting for another skiff build into {out} to finish…") == 1,
              f"the waiting message, once:\n{build.err()}")
        # Give it every chance to write while it should be waiting: it must not.
        time.sleep(0.5)
        check(snapshot(out) == before, "the waiting build changed the output")
        check(leftovers(out) == [], f"the waiting build wrote beside the output: {leftovers(out)}")
        fcntl.flock(held, fcntl.LOCK_UN)
    code, stdout, stderr = build.wait()
    check(code == 0, f"the build that waited: exit {code}\n{stderr}")
    check(stderr.count("waiting for another skiff build") == 1, f"waiting message repeated:\n{stderr}")
    compare("after waiting for the lock", out, clean_reference(tmp, small, "locked"))
    check(not lock_path.exists(), "the lock file was left after the build")
    check(leftovers(out) == [], f"left behind after waiting: {leftovers(out)}")

    # ---- two real builds at once ---------------------------------------
    out = tmp / "both"
    run_build(small, out)
    for round_ in range(3):
        a, b = tmp / f"a{round_}", tmp / f"b{round_}"
        for copy, tag in ((a, "A"), (b, "B")):
            shutil.copytree(small, copy)
            edit_titles(copy, f"{tag}{round_}")
        first, second = Build(tmp, a, out), Build(tmp, b, out)
        results = {"a": first.wait(), "b": second.wait()}
        for name, (code, _, stderr) in results.items():
            check(code == 0, f"concurrent round {round_}: build {name} exit {code}\n{stderr}")
        waited = [name for name, (_, _, stderr) in results.items() if "waiting for another" in stderr]
        got = without_marker(snapshot(out))
        ref_a = without_marker(snapshot(clean_reference(tmp, a, "a")))
        ref_b = without_marker(snapshot(clean_reference(tmp, b, "b")))
        check(ref_a != ref_b, "the two sources build the same site")
        check(got in (ref_a, ref_b), f"concurrent round {round_}: the output is neither build's clean result")
        if len(waited) == 1:
            check(got == (ref_a if waited == ["a"] else ref_b),
                  f"concurrent round {round_}: the build that waited ({waited[0]}) did not have the last word")
        check(leftovers(out) == [], f"concurrent round {round_}: left behind {leftovers(out)}")
        shutil.rmtree(a)
        shutil.rmtree(b)

    # ---- interrupts and kills --------------------------------------------
    def staging_filling(build, out, files=50):
        staging = out.parent / f"{out.name}.skiff-tmp-{build.proc.pid}"
        return lambda: staging.is_dir() and count_files(staging) >= files

    def pending_appears(out):
        return lambda: has_pending(out)

    full_moments = [("staging just made", 1), ("staging half full", 600)]
    out = tmp / "out"
    run_build(big, out)
    reference = clean_reference(tmp, big, "big")

    def interrupted(name, start_args, moment, send, expect_code, expect_text, in_place):
        """Starts a build, signals it at `moment`, checks the output is as before."""
        before = snapshot(out)
        build = Build(tmp, big, out, *start_args)
        if not wait_until(moment(build), f"{name}: the moment", build.proc):
            code, _, stderr = build.wait()
            check(False, f"{name}: the build ended (exit {code}) before the moment; a larger corpus is needed\n"
                         f"{stderr[-2000:]}")
            return
        send(build.proc)
        code, stdout, stderr = build.wait()
        if send is kill:
            check(code == -signal.SIGKILL, f"{name}: exit {code}")
            # Its workers die with it (each may finish the one system call
            # it is in): they must not go on writing pages.
            staging = out.parent / f"{out.name}.skiff-tmp-{build.proc.pid}"
            files_then = count_files(staging) if staging.is_dir() else 0
            wait_until(lambda: not group_alive(build.proc.pid), f"{name}: the workers to end")
            files_now = count_files(staging) if staging.is_dir() else 0
            check(files_now - files_then <= 2, f"{name}: workers went on writing after skiff was killed "
                                               f"({files_now - files_then} more files)")
            check(without_marker(snapshot(out)).keys() >= without_marker(before).keys(), f"{name}: files lost")
            after = snapshot(out)
            changed = sorted(f for f in before if f != MARKER and after.get(f) != before[f])
            check(not changed, f"{name}: killed, yet the previous output's files changed: {changed[:3]}")
            # The next build clears up and ends as a clean build.
            run_build(big, out)
            compare(f"{name}: the build after", out, reference)
            check(leftovers(out) == [], f"{name}: left after the next build: {leftovers(out)}")
            check(not (tmp / "out.skiff-lock").exists(), f"{name}: the lock file was left after the next build")
            return
        check(code == expect_code, f"{name}: exit {code}, expected {expect_code}\n{stderr[-2000:]}")
        check(expect_text in stderr, f"{name}: no message `{expect_text}`:\n{stderr[-2000:]}")
        check(snapshot(out) == before, f"{name}: the previous output changed")
        check(leftovers(out) == [], f"{name}: left behind {leftovers(out)}")
        check(not (tmp / "out.skiff-lock").exists(), f"{name}: the lock file was left")

    def ctrl_c(proc):
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal's ^C: skiff and its workers

    def term(proc):
        os.kill(proc.pid, signal.SIGTERM)  # skiff alone: it must stop its workers

    def kill(proc):
        os.kill(proc.pid, signal.SIGKILL)

    for label, files in full_moments:
        moment = lambda build, files=files: staging_filling(build, out, files)
        interrupted(f"full build, ^C, {label}", ["--clean"], moment, ctrl_c, 130,
                    "interrupted by SIGINT: the build stopped and removed its temporary folder; "
                    "the previous output is as it was", False)
        interrupted(f"full build, SIGTERM, {label}", ["--clean"], moment, term, 143,
                    "interrupted by SIGTERM", False)
        interrupted(f"full build, SIGKILL, {label}", ["--clean"], moment, kill, None, None, False)

    # Incremental: every title renamed, so every page is written as pending.
    for n, send in enumerate((ctrl_c, term, kill)):
        edit_titles(big, f"T{n}")
        reference = clean_reference(tmp, big, "big")
        name = f"incremental build, {send.__name__}, first pending file"
        interrupted(name, [], lambda build: pending_appears(out), send,
                    {ctrl_c: 130, term: 143, kill: None}[send],
                    "the build stopped and removed its pending files; the previous output is as it was", True)
        if send is not kill:
            run_build(big, out)
            compare(f"{name}: the build after", out, reference)

    # ---- killed among the renames (made by hand) -------------------------
    # `done` is an incremental build run to the end from a copy of `out`;
    # `out` is then given the state a kill among its renames leaves: the
    # record listing the renames, the pending files, half of them renamed.
    run_build(big, out)
    done = tmp / "done"
    shutil.copytree(out, done, symlinks=True)
    edit_titles(big, "R")
    gone = sorted((big / "pages" / "en").rglob("*.md"))[-1]
    gone.unlink()
    run = run_build(big, done)
    check("incremental:" in run.stdout, f"renames: the reference build was not incremental\n{run.stdout}")
    record = (done / MARKER).read_text()
    check(record.endswith("applied\nend\n"), "renames: the record does not end with `applied`")
    apply_at = record.rfind("apply\n")
    listed = [line.split("\t", 1) for line in record[apply_at:].splitlines()[1:] if "\t" in line]
    renames = [path for kind, path in listed if kind == "rename"]
    removals = [path for kind, path in listed if kind == "remove"]
    check(len(renames) > 100 and removals, f"renames: {len(renames)} renames, {len(removals)} removals listed")
    (out / MARKER).write_text(record[: -len("applied\nend\n")] + "end\n")
    for i, rel in enumerate(renames):
        new = (done / rel).read_bytes()
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        if i % 2 == 0:
            (out / rel).write_bytes(new)  # renamed already
        else:
            (out / (rel + ".skiff-new")).write_bytes(new)
    run = run_build(big, out)
    check("incremental: 0 pages rendered" in run.stdout,
          f"renames: the next build did not finish the update and go on incrementally\n{run.stdout}")
    compare("killed among the renames: the build after", out, clean_reference(tmp, big, "big"))
    check(leftovers(out) == [], f"killed among the renames: left behind {leftovers(out)}")
    check((out / MARKER).read_text().endswith("applied\nend\n") or "apply\n" not in (out / MARKER).read_text(),
          "renames: the finished update is not marked applied")

    # ---- a swap killed between its two renames (made by hand) ----------
    # Without RENAME_EXCHANGE the swap renames OUT to OUT.skiff-old-PID, then
    # the staging tree to OUT; a kill in between leaves both trees and no
    # OUT. The next build puts the previous output back, then builds afresh.
    out = tmp / "swap"
    run_build(small, out)
    aside = tmp / "swap.skiff-old-4242"
    out.rename(aside)
    shutil.copytree(aside, tmp / "swap.skiff-tmp-4242", symlinks=True)
    (tmp / "swap.skiff-tmp-4242" / "only-new.html").write_text("the new tree")
    run = run_build(small, out)
    restored = (f"{out}: warning: restored the previous output from swap.skiff-old-4242 "
                "(a build was killed while swapping its output in)")
    check(restored in (run.stdout + run.stderr).splitlines(), f"swap: no `{restored}`:\n{run.stdout}{run.stderr}")
    check("incremental:" not in run.stdout, f"swap: the build after a restore trusted the record\n{run.stdout}")
    compare("after a swap killed half-way", out, clean_reference(tmp, small, "swap-ref"))
    check(leftovers(out) == [], f"swap: left behind {leftovers(out)}")

    # ---- a full disk ---------------------------------------------------
    # RLIMIT_FSIZE caps each file's size: writing a page past it fails with
    # EFBIG (skiff ignores SIGXFSZ), as a full disk fails with ENOSPC.
    # The limit lets the record grow a little (a failed update in place
    # puts its "end" line back) and one page grows far past it.
    out = tmp / "full"
    run_build(small, out)
    limit = (out / MARKER).stat().st_size + 16384

    def file_limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    page = small / "pages/en/guides/lint.md"
    page.write_text(page.read_text() + "\n" + "A long paragraph for a full disk. " * (limit // 16) + "\n")
    run_build(small, out)
    before = snapshot(out)
    for args, name in ((["--clean"], "full build"), ([], "incremental build")):
        page.write_text(page.read_text() + f"\nAnother sentence for the {name} on a full disk.\n")
        run = run_build(small, out, *args, expect=1, preexec_fn=file_limit)
        check("File too large" in run.stderr and "cannot write " + str(out) in run.stderr,
              f"full disk, {name}: no error naming the file:\n{run.stderr[-2000:]}")
        check(snapshot(out) == before, f"full disk, {name}: the previous output changed")
        check(leftovers(out) == [], f"full disk, {name}: left behind {leftovers(out)}")
    run_build(small, out)
    compare("after the full disk", out, clean_reference(tmp, small, "small"))

    # ---- refused outputs -----------------------------------------------
    home = tmp / "homes" / "ann"
    home.mkdir(parents=True)
    refusals = [
        (small / "layouts" / "out", {}, "refusing to write the output inside the site's layouts/ folder, which the build reads"),
        (small / "components", {}, "refusing to write the output inside the site's components/ folder, which the build reads"),
        (small / "locales" / "x", {}, "refusing to write the output inside the site's locales/ folder, which the build reads"),
        (small / ".git" / "x", {}, "refusing to write the output inside the site's .git/ folder, which the build reads"),
        (small / "pages" / "x", {}, "refusing to write the output inside the site's pages/ folder, which the build reads"),
        (tmp / "homes", {"HOME": str(home)}, f"refusing to use {tmp / 'homes'} as the output: it contains the home folder"),
        (home, {"HOME": str(home)}, "refusing to use the home folder as the output"),
    ]
    import pwd
    passwd_home = pathlib.Path(pwd.getpwuid(os.getuid()).pw_dir)
    if passwd_home != pathlib.Path("/"):
        unset = {k: v for k, v in os.environ.items() if k != "HOME"}
        refusals.append((passwd_home, None, "refusing to use the home folder as the output"))
    for target, env, message in refusals:
        environment = unset if env is None else {**os.environ, **env}
        existed = target.exists()
        run = run_build(small, target, expect=1, env=environment)
        check(message in run.stderr, f"--out {target}: expected `{message}`:\n{run.stderr}")
        check(existed or not target.exists(), f"--out {target}: it was created")
        check(not pathlib.Path(str(target) + ".skiff-lock").exists(), f"--out {target}: a lock file was made")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("builds under locks, interrupts, kills and a full disk leave the output whole")
