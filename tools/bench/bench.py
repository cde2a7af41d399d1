#!/usr/bin/env python3
"""tools/bench/bench.py: skiff's benchmark runner (tools/run bench).

Generates the synthetic corpora with gen_site.py, runs each named benchmark,
prints a results table and the ratios, and writes WORK/results.json and
BENCHMARKS.md (at the repo root after a full run). See tools/bench/README.md
for what is measured and how to read the numbers.

skiff build, Hugo and the cmark-gfm floor of one corpus form a group
(compare-1k, compare-5k) whose runs alternate, so that the ratios between
them come from one stretch of time on the machine.

Python 3 standard library only. A benchmark is a function registered with
@benchmark("name"); add new ones (build speed against Hugo, incremental
rebuilds, ...) the same way, and `--only name` picks one.

This measures; it asserts nothing about time. Targets are printed as
PASS/MISS for the reader and never change the exit status.
"""

import argparse
import csv
import datetime
import filecmp
import json
import os
import platform
import re
import select
import shlex
import shutil
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SKIFF = os.path.join(REPO, "build", "tools", "skiff", "skiff")
GEN_SITE = os.path.join(REPO, "tools", "bench", "gen_site.py")
SITE = os.path.join(REPO, "site")
LINKINATOR = os.path.join(REPO, "node_modules", ".bin", "linkinator")
# linkinator 7.6.1, installed beside 6.3.0 under the npm alias `linkinator7`:
# the version of the issue's ~400 s reference. Needs node 20 or later.
LINKINATOR7_PACKAGE = os.path.join(REPO, "node_modules", "linkinator7", "package.json")
LINKINATOR7 = os.path.join(REPO, "node_modules", "linkinator7", "build", "src", "cli.js")
LINKINATOR_PACKAGE = os.path.join(REPO, "node_modules", "linkinator", "package.json")

# The corpora, as gen_site.py arguments. Every argument is spelled out (not
# left to gen_site's defaults) so that CORPUS.json can be compared with it.
CORPORA = {
    "skiff-1k": {"pages": 1000, "locales": ["en", "es", "fr", "ja", "zh-cn"],
                 "coverage": 0.7, "seed": "1", "defects": 0},
    "skiff-5k": {"pages": 5000, "locales": ["en", "es", "fr", "ja", "zh-cn"],
                 "coverage": 0.7, "seed": "1", "defects": 0},
}

# Hugo twins: gen_site.py --hugo DIR writes the same content as a Hugo site
# (a 100-link sidebar on every page, gen_site.md) in the same call as the
# skiff corpus. gen_site writes no CORPUS.json there, so bench.py marks a
# twin with TWIN_STAMP: the "generator" and "args" of its skiff corpus's
# CORPUS.json, compared the same way.
HUGO_TWINS = {"skiff-1k": "hugo-1k", "skiff-5k": "hugo-5k"}
TWIN_STAMP = "BENCH-CORPUS.json"
HUGO = "hugo"   # Debian's package hugo (tools/bench/packages.txt)

# What the generated pages need from site/ to build like a real site: the
# frontmatter names ~/layouts/MainLayout.astro (skiff resolves it to
# layouts/MainLayout.html), and that layout links /favicon.svg and
# /styles/site.css.
SITE_LAYOUTS = "layouts"
SITE_ASSETS = ["favicon.svg", "styles"]   # under site/public/

# Not a pass/fail check: printed beside the numbers. From the lint-speed issue.
LINT_TARGET_S = 2.0

LINKINATOR_SKIP = "^(?!http://localhost)"   # every URL not on its own server
PROGRESS_EVERY_S = 10.0
SAMPLE_EVERY_S = 0.02   # TreeMemory's sampling interval (untimed runs only)
# After bench.py deletes many files, a build group waits this long before its
# first run (--settle): on the 2-core machine's ext4 (no journal), creating
# files stays slow for about a minute after a mass deletion (README).
SETTLE_S = 75.0
BUSY_LOAD = 0.5   # 1-minute load average above which the machine line warns


class BenchError(Exception):
    """A problem that stops the run; main() prints it and exits 1."""


# ---------------------------------------------------------------------------
# Registry
# ---------------------------------------------------------------------------

BENCHMARKS = {}   # name -> Benchmark, in the order they run


GROUPS = {}       # group name -> member benchmark names, in the order of a round


class Benchmark(object):
    def __init__(self, name, func, slow, summary, hugo, reference=False, group=None):
        self.name, self.func, self.slow, self.summary = name, func, slow, summary
        self.reference = reference
        self.hugo = hugo
        self.group = group


def benchmark(name, slow=False, summary="", hugo=(), reference=False, group=None):
    """Register func(ctx) -> result dict as benchmark `name`.

    slow=True: skipped by --quick. hugo: the corpora whose Hugo twin it
    uses (ctx.hugo_twin), so that a run which includes it generates each
    corpus and its twin in one gen_site.py call. group: the members of a
    group that a run includes are run together, alternately (run_group),
    and `--only GROUP` picks them all. The result dict holds at least
    "name", and the keys print_table() reads (runs, median_wall_s, ...)."""
    def register(func):
        first = " ".join((func.__doc__ or name).split("\n\n")[0].split())
        BENCHMARKS[name] = Benchmark(name, func, slow, summary or first, tuple(hugo), reference,
                                     group)
        if group:
            GROUPS.setdefault(group, []).append(name)
        return func
    return register


class Context(object):
    """What benchmarks share: options, the work folder, prepared corpora and
    the results so far (so one benchmark can use another's numbers)."""

    def __init__(self, args):
        self.args = args
        self.work = os.path.abspath(args.work)
        self.out = os.path.join(self.work, "out")   # last run's stdout/stderr
        self.results = {}
        self.corpora = {}
        self.phases = []   # {"what", "seconds"}, in order
        self.current = None   # the benchmark running now
        self.skiff = None     # snapshot_skiff()'s copy of the binary
        self.hugo_wanted = set()   # corpora whose Hugo twin this run uses
        self.chosen = set()        # the benchmarks this run was asked for
        self.trash = os.path.join(self.work, "trash")   # outputs moved aside, deleted at the end
        self.trashed = 0
        # time.time() when bench.py last deleted many files, in this run or
        # (from WORK/LAST_DELETE) an earlier one, whose trash it deleted last
        self.last_delete_file = os.path.join(self.work, "LAST_DELETE")
        self.last_delete = None
        try:
            with open(self.last_delete_file, encoding="ascii") as f:
                self.last_delete = float(f.read().strip())
        except (OSError, ValueError):
            pass

    def deleted(self):
        """Note that many files were just deleted (see settle())."""
        self.last_delete = time.time()
        try:
            with open(self.last_delete_file, "w", encoding="ascii") as f:
                f.write("%.3f\n" % self.last_delete)
        except OSError:
            pass

    def move_to_trash(self, path):
        """Move path (a build output) into WORK/trash instead of deleting it:
        a rename, which frees no inodes, so it does not slow the files the
        next run creates (see settle()). The trash is deleted at the end."""
        if not os.path.lexists(path):
            return
        os.makedirs(self.trash, exist_ok=True)
        self.trashed += 1
        os.rename(path, os.path.join(self.trash, "%d-%s" % (self.trashed, os.path.basename(path))))

    def settle(self, who):
        """Wait until --settle seconds have passed since bench.py last
        deleted many files, after a sync.

        On an ext4 file system without a journal (the 2-core machine's),
        creating a file checks candidate inodes against recently deleted
        ones (ext4 recently_deleted()), and after tens of thousands of
        deletions a clean skiff build of the 1k corpus takes 2-4 s instead
        of 1 s, for about a minute. Timed runs should not measure that."""
        if self.last_delete is None or self.args.settle <= 0:
            return
        os.sync()
        wait = self.last_delete + self.args.settle - time.time()
        if wait > 0:
            say("%s: waiting %.0f s: files were deleted %.0f s ago, and creating files right "
                "after a mass deletion is slow on this file system (--settle %g)" % (
                    who, wait, self.args.settle - wait, self.args.settle))
            time.sleep(wait)
            self.phase("%s: settling after deletions" % who, wait)

    def corpus(self, name):
        """The path of corpus `name`, generated (or reused) on first use,
        with its Hugo twin when a benchmark of this run needs that."""
        if name not in self.corpora:
            self.corpora[name] = prepare_corpus(self, name, name in self.hugo_wanted)
        return self.corpora[name]["path"]

    def hugo_twin(self, name):
        """The path of corpus `name`'s Hugo twin (WORK/hugo-1k for skiff-1k).

        gen_site.py writes both in one call: when the corpus was prepared
        without its twin, or the twin is missing or out of date, both are
        generated again (same arguments give byte-identical files)."""
        if self.corpora.get(name, {}).get("hugo") is None:
            self.corpora[name] = prepare_corpus(self, name, True)
        return self.corpora[name]["hugo"]

    def corpus_info(self, name):
        self.corpus(name)
        return self.corpora[name]

    def result(self, name):
        """Benchmark `name`'s result, running it now if it has not run yet."""
        if name not in self.results:
            say("%s needs %s: running it first" % (self.current, name))
            run_benchmark(self, BENCHMARKS[name])
        return self.results[name]

    def phase(self, what, seconds):
        self.phases.append({"what": what, "seconds": round(seconds, 3)})


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------

def say(message):
    """Progress for the person watching; flushed so it shows while waiting."""
    print(message, flush=True)


def shown(path):
    """path relative to the repo when inside it, for messages."""
    return os.path.relpath(path, REPO) if path.startswith(REPO + os.sep) else path


def mib(kib):
    return kib / 1024.0


def run_quiet(cmd, cwd=None):
    """Run cmd, return its stdout stripped, or None if it cannot run."""
    try:
        done = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout.strip()


class Measured(object):
    """One run of a command: what measure() returns.

    wall: seconds; rss_kib: peak RSS (ru_maxrss); code: exit status;
    user, sys: CPU seconds (ru_utime, ru_stime); cpu: their sum."""

    def __init__(self, wall, usage, code):
        self.wall, self.code = wall, code
        self.rss_kib = usage.ru_maxrss
        self.user, self.sys = usage.ru_utime, usage.ru_stime
        self.cpu = self.user + self.sys

    def record(self):
        """The run as stored in results.json (and read by summarize_runs)."""
        return {"wall_s": round(self.wall, 4), "cpu_s": round(self.cpu, 3),
                "user_s": round(self.user, 3), "sys_s": round(self.sys, 3),
                "peak_rss_mib": round(mib(self.rss_kib), 1), "exit": self.code}

    def text(self):
        return "%.3f s wall, %.3f s CPU, peak RSS %.1f MiB" % (self.wall, self.cpu,
                                                                mib(self.rss_kib))


def measure(cmd, stdout_path, stderr_path, cwd=None, on_tick=None, sampler=None):
    """Run cmd once and return a Measured: wall time, CPU time, peak RSS,
    exit code.

    Wall time is time.perf_counter() around start and reap. CPU time and
    peak RSS come from the rusage that os.wait4() returns for the child,
    which on Linux covers the child *and every descendant it reaped* before
    exiting (the kernel adds a reaped child's usage to its parent's):

    * CPU time = ru_utime + ru_stime, all threads of the child plus its
      waited-for children: skiff's forked render workers (process_pool.cc
      waitpid()s each), Hugo's goroutine threads. A descendant that is
      never reaped by its parent would be missing; none of the measured
      tools leaves one.
    * Peak RSS = ru_maxrss: the largest resident set of any *single*
      process among them (the child itself, or one of skiff's workers), not
      a sum over processes, which the kernel does not keep.

    on_tick(pid, elapsed): called about every PROGRESS_EVERY_S seconds while
    the child runs (for long runs). sampler(pid): called about every
    SAMPLE_EVERY_S seconds (TreeMemory, in untimed runs). Waiting uses a
    pidfd, so the reap is not late by a polling interval; without either
    callback the wait simply blocks."""
    with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err,
                                    stdin=subprocess.DEVNULL)
        except OSError as e:   # e.g. the binary is being relinked right now
            raise BenchError("cannot run %s: %s (being rebuilt? run again)" % (cmd[0], e))
        if on_tick is None and sampler is None:
            _, status, usage = os.wait4(proc.pid, 0)
        else:
            status, usage = wait_with_callbacks(proc.pid, start, on_tick, sampler)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)   # reaped above
    return Measured(wall, usage, proc.returncode)


def wait_with_callbacks(pid, start, on_tick, sampler):
    """os.wait4(pid) that calls on_tick / sampler while waiting; returns
    (status, rusage). Sleeps in poll() on a pidfd, which wakes the moment
    the child exits (a plain sleep loop would add up to its interval to
    the wall time)."""
    pidfd = poller = None
    try:
        pidfd = os.pidfd_open(pid)
        poller = select.poll()
        poller.register(pidfd, select.POLLIN)
    except (AttributeError, OSError):   # old kernel or Python: short sleeps instead
        pidfd = poller = None
    next_tick = start + PROGRESS_EVERY_S
    try:
        while True:
            got, status, usage = os.wait4(pid, os.WNOHANG)
            if got:
                return status, usage
            if sampler is not None:
                sampler(pid)
            now = time.perf_counter()
            if on_tick is not None and now >= next_tick:
                on_tick(pid, now - start)
                next_tick += PROGRESS_EVERY_S
            wait_s = SAMPLE_EVERY_S if sampler is not None else max(0.0, next_tick - now)
            if poller is not None:
                poller.poll(max(1, int(wait_s * 1000)))
            else:
                time.sleep(min(wait_s, 0.02))
    finally:
        if pidfd is not None:
            os.close(pidfd)


def process_tree(pid):
    """pid and its descendants alive now (from /proc/PID/task/*/children)."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            for task in os.listdir("/proc/%d/task" % p):
                with open("/proc/%d/task/%s/children" % (p, task), encoding="ascii") as f:
                    todo.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            pass
    return found


class TreeMemory(object):
    """A measure() sampler: the peak over time of the memory of a process
    and all its descendants, summed, from /proc/PID/smaps_rollup.

    Sum of Pss (each shared page divided among the processes that map it):
    what the tree as a whole holds, the number to set beside a single
    process's peak RSS (Hugo's). Sum of Rss counts pages that skiff's
    forked workers share with the parent once per process, so it
    overstates. Sampled (every SAMPLE_EVERY_S seconds), so a short peak can
    be missed, and reading /proc costs CPU: used only in untimed runs."""

    def __init__(self):
        self.samples = 0
        self.peak_pss_kib = self.peak_rss_kib = 0
        self.max_processes = 0

    def __call__(self, pid):
        pss = rss = count = 0
        for p in process_tree(pid):
            try:
                with open("/proc/%d/smaps_rollup" % p, encoding="ascii") as f:
                    for line in f:
                        if line.startswith("Pss:"):
                            pss += int(line.split()[1])
                        elif line.startswith("Rss:"):
                            rss += int(line.split()[1])
                count += 1
            except (OSError, ValueError):
                pass
        self.samples += 1
        self.peak_pss_kib = max(self.peak_pss_kib, pss)
        self.peak_rss_kib = max(self.peak_rss_kib, rss)
        self.max_processes = max(self.max_processes, count)

    def record(self):
        return {"peak_pss_sum_mib": round(mib(self.peak_pss_kib), 1),
                "peak_rss_sum_mib": round(mib(self.peak_rss_kib), 1),
                "max_processes": self.max_processes, "samples": self.samples,
                "sample_every_s": SAMPLE_EVERY_S}


def tail(path, lines=20):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return "".join(f.readlines()[-lines:]).rstrip()
    except OSError:
        return ""


def summarize_runs(runs):
    """Median, min and max wall time, median CPU time and median peak RSS
    of timed runs."""
    walls = [r["wall_s"] for r in runs]
    summary = {
        "median_wall_s": round(statistics.median(walls), 4),
        "min_wall_s": round(min(walls), 4),
        "max_wall_s": round(max(walls), 4),
        "median_peak_rss_mib": round(statistics.median(r["peak_rss_mib"] for r in runs), 1),
    }
    if all("cpu_s" in r for r in runs):
        summary["median_cpu_s"] = round(statistics.median(r["cpu_s"] for r in runs), 3)
    return summary


# ---------------------------------------------------------------------------
# Machine
# ---------------------------------------------------------------------------

def machine_info(skiff):
    """Where the numbers come from: CPU, cores, memory, kernel, date, commit.

    Numbers from different machines (or commits) are not comparable; this
    is printed first and stored with the results. `skiff` is the binary
    measured (for its --version)."""
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem_gib = None
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem_gib = int(line.split()[1]) / 1024.0 / 1024.0
                    break
    except OSError:
        pass
    commit = run_quiet(["git", "-C", REPO, "rev-parse", "--short", "HEAD"]) or "unknown"
    status = run_quiet(["git", "-C", REPO, "status", "--porcelain"])
    if commit != "unknown" and status:
        commit += "+dirty"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(mem_gib, 1) if mem_gib else None,
        "kernel": "%s %s" % (platform.system(), platform.release()),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "skiff_commit": commit,
        "skiff_version": run_quiet([skiff, "--version"]) or "unknown",
        "python": platform.python_version(),
        "load_1min": round(os.getloadavg()[0], 2),
    }


def machine_line(m):
    mem = "%.1f GiB" % m["memory_gib"] if m["memory_gib"] else "? GiB"
    return "machine: %s | %s cores | %s RAM | %s | %s | load %.2f | skiff %s (%s)" % (
        m["cpu"], m["cores"], mem, m["kernel"], m["date"], m["load_1min"],
        m["skiff_commit"], m["skiff_version"])


# ---------------------------------------------------------------------------
# Corpora
# ---------------------------------------------------------------------------

def generator_version():
    """GENERATOR_VERSION from gen_site.py: a new generator means new corpora."""
    with open(GEN_SITE, encoding="utf-8") as f:
        m = re.search(r'^GENERATOR_VERSION = "([^"]*)"', f.read(), re.M)
    return m.group(1) if m else "?"


def corpus_is_current(path, want, stamp="CORPUS.json"):
    """True when path/CORPUS.json (or path/TWIN_STAMP of a Hugo twin) was
    written by this gen_site.py with `want`."""
    try:
        with open(os.path.join(path, stamp), encoding="utf-8") as f:
            have = json.load(f)
    except (OSError, ValueError):
        return False
    return (have.get("args") == want and
            have.get("generator") == "gen_site.py v%s" % generator_version())


def copy_tree_fresh(src, dst):
    """Replace dst with a copy of src (a file or a folder)."""
    if os.path.isdir(dst) and not os.path.islink(dst):
        shutil.rmtree(dst)
    elif os.path.lexists(dst):
        os.remove(dst)
    if os.path.isdir(src):
        shutil.copytree(src, dst)
    else:
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy2(src, dst)


def prepare_corpus(ctx, name, hugo=False):
    """Generate corpus `name` into WORK/name unless CORPUS.json shows it is
    already there with the same arguments; then copy site/'s layouts and the
    assets they link into it (every time, so they follow site/).

    hugo=True: also its Hugo twin, WORK/HUGO_TWINS[name], which gen_site.py
    writes in the same call (--hugo). Both are reused only when both are
    current; otherwise both are generated (a reused skiff corpus is then
    rewritten byte for byte, which keeps the pair from one generator run)."""
    want = CORPORA[name]
    path = os.path.join(ctx.work, name)
    twin = os.path.join(ctx.work, HUGO_TWINS[name]) if hugo else None
    label = "%s + %s" % (name, HUGO_TWINS[name]) if hugo else name
    start = time.perf_counter()
    generated = False
    skiff_ok = corpus_is_current(path, want)
    twin_ok = twin is None or corpus_is_current(twin, want, TWIN_STAMP)
    if skiff_ok and twin_ok:
        say("corpus %s: reusing %s%s" % (name, path, " and its Hugo twin %s" % twin if twin else ""))
    else:
        if skiff_ok:
            say("corpus %s: its Hugo twin %s is missing or out of date: generating both "
                "(gen_site.py --pages %d --hugo, one call)…" % (name, twin, want["pages"]))
        else:
            say("corpus %s: generating (gen_site.py --pages %d%s)…" % (
                name, want["pages"], " --hugo %s" % twin if twin else ""))
        cmd = [sys.executable, GEN_SITE, "--pages", str(want["pages"]),
               "--locales", ",".join(want["locales"]), "--coverage", str(want["coverage"]),
               "--seed", want["seed"], "--defects", str(want["defects"]), "--out", path]
        if twin:
            cmd += ["--hugo", twin]
            if os.path.lexists(os.path.join(twin, TWIN_STAMP)):   # stale until rewritten
                os.remove(os.path.join(twin, TWIN_STAMP))
        done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if done.returncode != 0:
            raise BenchError("gen_site.py failed for %s:\n%s" % (label, done.stdout.rstrip()))
        generated = True
        ctx.deleted()   # gen_site removes what it wrote there before
    copy_tree_fresh(os.path.join(SITE, SITE_LAYOUTS), os.path.join(path, "layouts"))
    for asset in SITE_ASSETS:
        copy_tree_fresh(os.path.join(SITE, "public", asset), os.path.join(path, "public", asset))
    with open(os.path.join(path, "CORPUS.json"), encoding="utf-8") as f:
        corpus = json.load(f)
    if twin and generated:
        with open(os.path.join(twin, TWIN_STAMP), "w", encoding="utf-8") as f:
            json.dump({"generator": corpus["generator"], "args": corpus["args"],
                       "twin_of": name, "written_by": "tools/bench/bench.py"}, f, indent=1)
            f.write("\n")
    seconds = time.perf_counter() - start
    ctx.phase("corpus %s (%s)" % (label, "generated" if generated else "reused"), seconds)
    say("corpus %s: %d page files, %.1f MB, ready in %.1f s" % (
        label, corpus["files"], corpus["bytes"] / 1e6, seconds))
    return {"path": path, "files": corpus["files"], "bytes": corpus["bytes"],
            "locales": corpus["args"]["locales"], "generated": generated, "hugo": twin}


# ---------------------------------------------------------------------------
# skiff lint
# ---------------------------------------------------------------------------

def snapshot_skiff(work):
    """Copy build/tools/skiff/skiff to WORK/bin/skiff and return the copy.

    Every run of one invocation then measures the same binary, even while
    ninja relinks build/ (a compile in another terminal would otherwise swap
    the binary between runs, or make it briefly unrunnable). skiff embeds its
    CSS, JS and locale files, so the copy runs anywhere."""
    if not os.path.exists(SKIFF):
        raise BenchError("skiff not found at %s: run tools/run build first "
                         "(tools/run bench builds it)" % shown(SKIFF))
    copy = os.path.join(work, "bin", "skiff")
    os.makedirs(os.path.dirname(copy), exist_ok=True)
    for attempt in range(5):   # the build may be relinking it right now
        try:
            shutil.copy2(SKIFF, copy + ".tmp")
            os.replace(copy + ".tmp", copy)
            if run_quiet([copy, "--version"]):
                return copy
        except OSError:
            pass
        time.sleep(2)
    raise BenchError("%s does not run (being rebuilt?): run tools/run build, then again"
                     % shown(SKIFF))


def lint_findings(ctx, corpus_name, json_path):
    """Summarise `skiff lint --format json` output; print every error.

    The corpora are meant to lint clean (gen_site.py with --defects 0): an
    error means the corpus or skiff changed, and the timings then include
    error reporting. Errors are listed in full, never hidden."""
    try:
        with open(json_path, encoding="utf-8") as f:
            report = json.load(f)
    except (OSError, ValueError) as e:
        raise BenchError("cannot read skiff lint's JSON output %s: %s" % (json_path, e))
    summary = report.get("summary", {})
    errors = [f for f in report.get("findings", []) if f.get("severity") == "error"]
    rules = ", ".join("%s %d" % kv for kv in sorted(summary.get("rules", {}).items()))
    say("corpus %s: skiff lint reports %d errors, %d warnings (%s)" % (
        corpus_name, summary.get("errors", len(errors)), summary.get("warnings", 0),
        rules or "none"))
    for f in errors:
        say("  ERROR %s:%s:%s %s: %s" % (f.get("file"), f.get("line"), f.get("column"),
                                         f.get("rule"), f.get("message")))
    return {"errors": summary.get("errors"), "warnings": summary.get("warnings"),
            "notes": summary.get("notes"), "rules": summary.get("rules", {}),
            "error_findings": errors}


def bench_lint(ctx, name, corpus_name, target_s):
    """`skiff lint CORPUS --format json`: one warm-up run, then --runs timed.

    The warm-up fills the page cache (the corpus was just written or has not
    been read for a while) and its output is the corpus's lint check."""
    path = ctx.corpus(corpus_name)
    pages = ctx.corpus_info(corpus_name)["files"]
    cmd = [ctx.skiff, "lint", path, "--format", "json"]
    stdout_path = os.path.join(ctx.out, name + ".json")
    stderr_path = os.path.join(ctx.out, name + ".stderr")
    say("%s: %s" % (name, shlex.join(cmd)))

    def run_once(label):
        m = measure(cmd, stdout_path, stderr_path)
        if m.code not in (0, 1):   # 1 = lint errors found, still a full run
            raise BenchError("%s: skiff lint exited %d:\n%s" % (name, m.code, tail(stderr_path)))
        say("%s: %s: %s, exit %d" % (name, label, m.text(), m.code))
        return m.record()

    start = time.perf_counter()
    warmup = run_once("warm-up (not counted)")
    findings = lint_findings(ctx, corpus_name, stdout_path)
    runs = [run_once("run %d/%d" % (i + 1, ctx.args.runs)) for i in range(ctx.args.runs)]
    ctx.phase(name, time.perf_counter() - start)

    result = {"name": name, "command": shlex.join(cmd), "corpus": corpus_name,
              "pages": pages, "pages_basis": "source page files (CORPUS.json files)",
              "warmup": warmup, "runs": runs, "lint_findings": findings}
    result.update(summarize_runs(runs))
    result["pages_per_s"] = round(pages / result["median_wall_s"], 1)
    if target_s is not None:
        result["target_s"] = target_s
        result["target_met"] = result["median_wall_s"] < target_s
    return result


@benchmark("lint-5k")
def lint_5k(ctx):
    """skiff lint on the 5k corpus (19,000 page files): the lint-speed target.

    The issue's target is a median under 2 s on the 2-core machine."""
    return bench_lint(ctx, "lint-5k", "skiff-5k", LINT_TARGET_S)


GEN_HISTORY = os.path.join(REPO, "tools", "bench", "gen_history.py")
I18N_COMMITS = 20000
I18N_TARGET_S = 1.0
PER_FILE_SAMPLE = 200   # files timed with the per-file `git log` approach


def prepare_history_corpus(ctx):
    """WORK/history-5k: the 5k corpus (gen_site.py) turned into a git
    repository with I18N_COMMITS commits (gen_history.py), made once and
    reused while its stamp matches."""
    path = os.path.join(ctx.work, "history-5k")
    want = {"pages": 5000, "commits": I18N_COMMITS, "seed": "1", "generator": generator_version()}
    stamp = os.path.join(ctx.work, "history-5k.json")
    try:
        with open(stamp, encoding="utf-8") as f:
            if json.load(f) == want and os.path.isdir(os.path.join(path, ".git")):
                say("corpus history-5k: reusing %s" % path)
                return path
    except (OSError, ValueError):
        pass
    start = time.perf_counter()
    if os.path.exists(path):
        shutil.rmtree(path)
        ctx.deleted()
    say("corpus history-5k: generating 5,000 pages x 5 locales and %d commits (about a minute)…" % I18N_COMMITS)
    for cmd in ([sys.executable, GEN_SITE, "--pages", "5000", "--out", path],
                [sys.executable, GEN_HISTORY, path, "--commits", str(I18N_COMMITS)]):
        done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if done.returncode != 0:
            raise BenchError("%s failed:\n%s" % (os.path.basename(cmd[1]), done.stdout.rstrip()))
    with open(stamp, "w", encoding="utf-8") as f:
        json.dump(want, f)
    ctx.phase("corpus history-5k (generated)", time.perf_counter() - start)
    return path


@benchmark("i18n-5k")
def i18n_5k(ctx):
    """skiff i18n on 5,000 source pages x 5 locales with 20,000 commits.

    One cold run (no SITE/.skiff-cache: the whole git history and the old
    source versions are read), then --runs warm runs (the history and
    digest caches in place, as on every run after the first): the target is
    a warm median under 1 s. Beside it, the per-file approach it replaces
    (`git log -1 -- FILE` per page, as status trackers did), timed on a
    sample of files and scaled to all of them."""
    path = prepare_history_corpus(ctx)
    cache = os.path.join(path, ".skiff-cache")
    cmd = [ctx.skiff, "i18n", path, "--format", "json"]
    out_path = os.path.join(ctx.out, "i18n-5k.json")
    err_path = os.path.join(ctx.out, "i18n-5k.stderr")
    say("i18n-5k: %s" % shlex.join(cmd))
    start = time.perf_counter()
    if os.path.exists(cache):
        shutil.rmtree(cache)
    cold = measure(cmd, out_path, err_path)
    if cold.code != 0:
        raise BenchError("skiff i18n exited %d:\n%s" % (cold.code, tail(err_path)))
    say("i18n-5k: cold (no cache): %s" % cold.text())
    with open(out_path, encoding="utf-8") as f:
        report = json.load(f)
    for loc in report["locales"]:
        say("i18n-5k: %s: %d done, %d outdated, %d missing" % (loc["locale"], loc["done"], loc["outdated"], loc["missing"]))
    runs = []
    for i in range(ctx.args.runs):
        m = measure(cmd, out_path, err_path)
        if m.code != 0:
            raise BenchError("skiff i18n exited %d:\n%s" % (m.code, tail(err_path)))
        say("i18n-5k: warm run %d/%d: %s" % (i + 1, ctx.args.runs, m.text()))
        runs.append(m.record())
    ctx.phase("i18n-5k", time.perf_counter() - start)

    # The per-file approach: one `git log` per page file.
    files = sorted(os.path.relpath(os.path.join(d, f), path)
                   for d, _, fs in os.walk(os.path.join(path, "pages")) for f in fs if f.endswith(".md"))
    sample = files[:: max(1, len(files) // PER_FILE_SAMPLE)][:PER_FILE_SAMPLE]
    say("i18n-5k: per-file git log on %d of %d files…" % (len(sample), len(files)))
    start = time.perf_counter()
    for rel in sample:
        subprocess.run(["git", "log", "-1", "--format=%H %ct", "--", rel], cwd=path,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    sample_s = time.perf_counter() - start
    per_file_s = sample_s / len(sample) * len(files)
    ctx.phase("i18n-5k: per-file git log sample", sample_s)
    say("i18n-5k: per-file git log: %.2f s for %d files, so about %.0f s for all %d" % (
        sample_s, len(sample), per_file_s, len(files)))

    result = {"name": "i18n-5k", "command": shlex.join(cmd), "corpus": "history-5k",
              "pages": len(files), "pages_basis": "page files (all locales)", "commits": I18N_COMMITS,
              "cold": cold.record(),
              "runs": runs, "per_file_git_log": {"sample_files": len(sample), "sample_s": round(sample_s, 3),
                                                 "estimated_all_s": round(per_file_s, 1)}}
    result.update(summarize_runs(runs))
    result["pages_per_s"] = round(len(files) / result["median_wall_s"], 1)
    result["target_s"] = I18N_TARGET_S
    result["target_met"] = result["median_wall_s"] < I18N_TARGET_S
    return result


@benchmark("lint-1k")
def lint_1k(ctx):
    """skiff lint on the 1k corpus (3,800 page files): also the skiff side
    of the linkinator comparison, which runs on the 1k corpus only."""
    return bench_lint(ctx, "lint-1k", "skiff-1k", None)


# ---------------------------------------------------------------------------
# linkinator
# ---------------------------------------------------------------------------

def need_linkinator():
    if not os.access(LINKINATOR, os.X_OK):
        raise BenchError("linkinator not found at %s: run tools/run bench (it installs the "
                         "npm tools with npm ci), or npm ci --ignore-scripts"
                         % shown(LINKINATOR))
    if shutil.which("node") is None:
        raise BenchError("node not found: linkinator needs node (tools/run bench installs it)")


def write_entry_pages(dist, locales):
    """Give each locale a /<locale>/ page listing all its pages, where skiff
    did not build one. Returns how many were written.

    gen_site.py's skiff corpus has no pages/<locale>/index.md, so skiff's
    root index.html (a language chooser) links to /en/, /es/, … that do not
    exist, and a crawler starting there reaches no page at all. These lists
    play the part of the Hugo corpus's per-language index (gen_site.md), so
    that linkinator can reach every page from the root."""
    written = 0
    for loc in locales:
        root = os.path.join(dist, loc)
        entry = os.path.join(root, "index.html")
        if not os.path.isdir(root) or os.path.exists(entry):
            continue
        urls = []
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            if "index.html" in files and folder != root:
                urls.append("/" + os.path.relpath(folder, dist).replace(os.sep, "/") + "/")
        items = "\n".join('<li><a href="%s">%s</a></li>' % (u, u) for u in urls)
        with open(entry, "w", encoding="utf-8") as f:
            f.write('<!DOCTYPE html>\n<html lang="%s"><head><meta charset="utf-8">'
                    "<title>%s: all pages (bench crawl entry)</title></head>\n"
                    "<body><ul>\n%s\n</ul></body></html>\n" % (loc, loc, items))
        written += 1
    return written


# Links in built HTML, counted the way linkinator finds them: URL attributes
# of real tags (escaped markup in code blocks is text, not a tag).
TAG_RE = re.compile(rb"<[A-Za-z][^>]*>")
URL_ATTR_RE = re.compile(rb"\s(href|src|srcset|poster)\s*=", re.I)


def html_link_counts(dist):
    """HTML files under dist, and the links in them: URL attributes (href,
    src, srcset, poster, which linkinator follows) and <a href> alone.

    Printed as links per page beside each crawl: linkinator parses every
    page it fetches, so this (not the number of distinct URLs) is what makes
    one folder slower to crawl than another."""
    files = urls = anchors = 0
    for folder, _, names in os.walk(dist):
        for n in names:
            if not n.endswith(".html"):
                continue
            with open(os.path.join(folder, n), "rb") as f:
                data = f.read()
            files += 1
            for tag in TAG_RE.findall(data):
                found = URL_ATTR_RE.findall(tag)
                if found:
                    urls += len(found)
                    if tag[1:2] in (b"a", b"A") and tag[2:3].isspace() and \
                            any(a.lower() == b"href" for a in found):
                        anchors += 1
    return {"html_files": files, "links": urls, "a_href": anchors,
            "links_per_page": round(urls / files, 1) if files else 0.0,
            "a_href_per_page": round(anchors / files, 1) if files else 0.0}


def read_linkinator_csv(path, dist):
    """Count what linkinator reported in --format csv output.

    Rows are one per distinct URL (with its #fragment: linkinator fetches
    /a/ and /a/#x separately). Pages are distinct local URLs without the
    fragment that answered 2xx and look like HTML (end in / or .html)."""
    links = ok = broken = skipped = 0
    pages = set()
    broken_urls = []
    dist_prefix = dist.rstrip("/") + "/"
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        reader = csv.reader(f)
        next(reader, None)   # url,status,state,parent,failureDetails
        for row in reader:
            if len(row) < 3:
                continue
            url, status, state = row[0], row[1], row[2]
            if state == "SKIPPED":
                skipped += 1
                continue
            links += 1
            if state == "BROKEN":
                broken += 1
                broken_urls.append("%s (%s, on %s)" % (url, status, row[3] if len(row) > 3 else "?"))
                continue
            ok += 1
            local = url.split("#", 1)[0]
            if local == dist or local.startswith(dist_prefix):   # served from dist
                if local == dist or local.endswith("/") or local.endswith(".html"):
                    pages.add(local)
    return {"links_checked": links, "ok": ok, "broken": broken, "skipped": skipped,
            "pages": len(pages), "broken_urls": broken_urls}


def count_csv_rows(path, state):
    """Rows and page-like rows so far in the growing CSV (for progress)."""
    try:
        with open(path, "rb") as f:
            f.seek(state["offset"])
            chunk = f.read()
    except OSError:
        return state
    end = chunk.rfind(b"\n") + 1
    for line in chunk[:end].splitlines():
        if b",SKIPPED," in line:
            state["skipped"] += 1
        elif line and not line.startswith(b"url,status"):
            state["links"] += 1
    state["offset"] += end
    return state


def rss_mib_now(pid):
    try:
        with open("/proc/%d/status" % pid, encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return 0.0


def rss_now_text(pid):
    """"RSS n MiB" for a progress line; a process that has just exited (not
    yet reaped) has no VmRSS."""
    rss = rss_mib_now(pid)
    return "RSS %.0f MiB" % rss if rss > 0 else "exiting"


def linkinator_version(package=LINKINATOR_PACKAGE):
    with open(package, encoding="utf-8") as f:
        return json.load(f).get("version", "?")


def run_linkinator(ctx, name, corpus_name, dist, html, skiff, command=None, package=LINKINATOR_PACKAGE):
    """Crawl dist with linkinator once, with progress every PROGRESS_EVERY_S.

    html: html_link_counts(dist); skiff: the lint-1k result, the other side
    of the ratio. Returns the benchmark's result dict (the table's keys, the
    counts, links per page and the ratio)."""
    version = linkinator_version(package)
    node = run_quiet(["node", "--version"]) or "?"
    cmd = (command or [LINKINATOR]) + [dist, "--recurse", "--skip", LINKINATOR_SKIP,
                                       "--format", "csv", "--verbosity", "info"]
    csv_path = os.path.join(ctx.out, name + ".csv")
    stderr_path = os.path.join(ctx.out, name + ".stderr")
    say("%s: linkinator %s on node %s (progress every %d s)" % (
        name, version, node, PROGRESS_EVERY_S))
    say("%s: %s" % (name, shlex.join(cmd)))

    progress = {"offset": 0, "links": 0, "skipped": 0}

    def tick(pid, elapsed):
        count_csv_rows(csv_path, progress)
        say("%s: %4.0f s: %d links checked, %d skipped, %s" % (
            name, elapsed, progress["links"], progress["skipped"], rss_now_text(pid)))

    start = time.perf_counter()
    m = measure(cmd, csv_path, stderr_path, cwd=REPO, on_tick=tick)
    wall, rss_kib = m.wall, m.rss_kib
    ctx.phase("%s: linkinator run" % name, time.perf_counter() - start)
    if m.code != 0:
        raise BenchError("linkinator exited %d:\n%s" % (m.code, tail(stderr_path)))
    counts = read_linkinator_csv(csv_path, dist)
    say("%s: %.1f s, peak RSS %.1f MiB: %d links checked (%d broken), %d skipped, "
        "%d pages crawled of %d HTML files" % (name, wall, mib(rss_kib), counts["links_checked"],
                                               counts["broken"], counts["skipped"],
                                               counts["pages"], html["html_files"]))
    say("%s: the HTML holds %.1f links per page (href/src/srcset/poster; %.1f of them "
        "<a href>), %d in all" % (name, html["links_per_page"], html["a_href_per_page"],
                                   html["links"]))
    for url in counts["broken_urls"][:20]:
        say("  BROKEN %s" % url)
    if len(counts["broken_urls"]) > 20:
        say("  … and %d more (%s)" % (len(counts["broken_urls"]) - 20, csv_path))

    run = m.record()
    result = {"name": name, "command": shlex.join(cmd), "corpus": corpus_name,
              "linkinator_version": version, "node_version": node, "runs": [run],
              "html_files": html["html_files"], "links_per_page": html["links_per_page"],
              "a_href_per_page": html["a_href_per_page"], "html_links": html["links"],
              "pages": counts["pages"], "pages_basis": "HTML pages crawled (distinct, 2xx)"}
    result.update({k: v for k, v in counts.items() if k != "pages"})
    result.update(summarize_runs([run]))
    result["pages_per_s"] = round(counts["pages"] / wall, 2) if wall > 0 else None

    if result["pages_per_s"]:
        result["ratio"] = round(skiff["pages_per_s"] / result["pages_per_s"], 1)
        result["ratio_basis"] = (
            "skiff lint-1k %d source pages / %.3f s = %.1f pages/s; linkinator %d HTML pages "
            "/ %.1f s = %.2f pages/s" % (skiff["pages"], skiff["median_wall_s"],
                                         skiff["pages_per_s"], counts["pages"], wall,
                                         result["pages_per_s"]))
    return result


@benchmark("linkinator-1k", slow=True)
def linkinator_1k(ctx):
    """linkinator (npm) crawling skiff's build of the 1k corpus, once.

    The peer skiff lint is compared with: a crawler of built HTML that
    serves the folder on localhost itself; external links are skipped
    (never fetched), as skiff lint skips them without --external. Reports
    wall time, peak RSS, links and pages checked, and the throughput ratio
    (skiff lint pages/s on the 1k sources) / (linkinator pages/s)."""
    need_linkinator()
    skiff = ctx.result("lint-1k")   # the other side of the ratio, measured first
    corpus = ctx.corpus("skiff-1k")
    dist = os.path.join(ctx.work, "skiff-1k-dist")

    say("linkinator-1k: building the 1k corpus with skiff…")
    start = time.perf_counter()
    build = subprocess.run([ctx.skiff, "build", corpus, "--out", dist, "--quiet"],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    ctx.deleted()   # skiff deleted the previous build there
    if build.returncode != 0:
        raise BenchError("skiff build %s failed:\n%s" % (corpus, build.stdout.rstrip()))
    entries = write_entry_pages(dist, ctx.corpus_info("skiff-1k")["locales"])
    html = html_link_counts(dist)
    ctx.phase("linkinator-1k: skiff build of skiff-1k", time.perf_counter() - start)
    say("linkinator-1k: built %s in %.1f s: %d HTML files (%d bench entry pages added)" % (
        dist, time.perf_counter() - start, html["html_files"], entries))

    result = run_linkinator(ctx, "linkinator-1k", "skiff-1k", dist, html, skiff)
    result["entry_pages_added"] = entries
    return result


def need_hugo():
    if shutil.which(HUGO) is None:
        raise BenchError("hugo not found: tools/run bench installs it (Debian package hugo, "
                         "listed in tools/bench/packages.txt), or apt-get install hugo")


HUGO_CMD = [HUGO, "--quiet"]


def hugo_version():
    """(version, the whole `hugo version` line)."""
    full = run_quiet([HUGO, "version"]) or "?"
    m = re.search(r"v(\d+\.\d+\.\d+)", full)
    return (m.group(1) if m else "?"), full


def hugo_command_text(site):
    return "cd %s && rm -rf public resources && %s" % (shlex.quote(site), shlex.join(HUGO_CMD))


def run_hugo_once(ctx, name, site, label):
    """Move site/public and site/resources to WORK/trash (not timed: the
    `rm -rf public resources` of gen_site.md, without freeing inodes, see
    Context.settle), then time `hugo --quiet` in site: a clean build.
    Progress every PROGRESS_EVERY_S. Returns the Measured."""
    for d in ("public", "resources"):
        ctx.move_to_trash(os.path.join(site, d))
    stdout_path = os.path.join(ctx.out, name + "-hugo.stdout")
    stderr_path = os.path.join(ctx.out, name + "-hugo.stderr")

    def tick(pid, elapsed):
        say("%s: %s: %4.0f s: hugo building, %s" % (name, label, elapsed, rss_now_text(pid)))

    m = measure(HUGO_CMD, stdout_path, stderr_path, cwd=site, on_tick=tick)
    if m.code != 0:
        raise BenchError("hugo exited %d in %s:\n%s" % (m.code, site, tail(stderr_path)))
    return m


def build_hugo(ctx, name, site):
    """`hugo --quiet` in site after removing public/ and resources/ (not
    timed), once: as gen_site.md measures Hugo, on a warm page cache (the
    twin was just generated or read). Returns what it took and wrote."""
    version, full = hugo_version()
    say("%s: %s (in %s), Hugo %s" % (name, shlex.join(HUGO_CMD), site, full))
    m = run_hugo_once(ctx, name, site, "build")
    ctx.phase("%s: hugo build" % name, m.wall)
    build = {"command": hugo_command_text(site), "version": version, "version_line": full,
             "stderr": tail(os.path.join(ctx.out, name + "-hugo.stderr"))}
    build.update(m.record())
    build["wall_s"] = round(m.wall, 3)
    return build


@benchmark("linkinator-hugo-1k", slow=True, hugo=["skiff-1k"])
def linkinator_hugo_1k(ctx):
    """linkinator crawling Hugo's build of the 1k corpus (its Hugo twin, a
    100-link sidebar on every page), once.

    The setting of the issue's reference number (linkinator took about
    400 s on the Hugo build of this corpus). Builds WORK/hugo-1k with
    Debian's hugo (timed: the Hugo build line), then crawls public/ exactly
    like linkinator-1k. The ratio is skiff lint-1k pages/s / linkinator
    pages/s here."""
    need_linkinator()
    need_hugo()
    skiff = ctx.result("lint-1k")   # the other side of the ratio, measured first
    site = ctx.hugo_twin("skiff-1k")
    dist = os.path.join(site, "public")

    say("linkinator-hugo-1k: building the Hugo twin %s with hugo…" % site)
    build = build_hugo(ctx, "linkinator-hugo-1k", site)
    start = time.perf_counter()
    html = html_link_counts(dist)
    ctx.phase("linkinator-hugo-1k: counting links in public/", time.perf_counter() - start)
    build["html_files"] = html["html_files"]
    say("linkinator-hugo-1k: Hugo %s built %s in %.1f s, peak RSS %.1f MiB: %d HTML files" % (
        build["version"], dist, build["wall_s"], build["peak_rss_mib"], html["html_files"]))
    if build["stderr"]:
        say("linkinator-hugo-1k: hugo said on stderr:\n%s" % build["stderr"])

    result = run_linkinator(ctx, "linkinator-hugo-1k", "hugo-1k (Hugo twin of skiff-1k)",
                            dist, html, skiff)
    result["hugo_build"] = build
    return result


@benchmark("linkinator7-hugo-1k", slow=True, hugo=["skiff-1k"], reference=True)
def linkinator7_hugo_1k(ctx):
    """linkinator 7.6.1 (the version of the issue's ~400 s reference) on
    Hugo's build of the 1k corpus, once. About ten minutes.

    Only with --reference or --only: 7.x re-checks every repeated (URL, page)
    pair with a linear search, so the 100-link sidebar makes it ~100 times
    slower than 6.3.0 on the same folder. Reproduces the reference number in
    the same run as skiff lint-1k. Needs node 20 or later."""
    if not os.path.exists(LINKINATOR7):
        raise BenchError("linkinator 7 not installed (%s): run tools/run bench, which runs npm ci"
                         % shown(LINKINATOR7))
    node = run_quiet(["node", "--version"]) or "v0"
    if int(node.lstrip("v").split(".")[0] or 0) < 20:
        raise BenchError("linkinator 7 needs node 20 or later; this is node %s" % node)
    need_hugo()
    skiff = ctx.result("lint-1k")
    site = ctx.hugo_twin("skiff-1k")
    dist = os.path.join(site, "public")
    if "linkinator-hugo-1k" not in ctx.results or not os.path.isdir(dist):
        say("linkinator7-hugo-1k: building the Hugo twin %s with hugo…" % site)
        build_hugo(ctx, "linkinator7-hugo-1k", site)
    html = html_link_counts(dist)
    return run_linkinator(ctx, "linkinator7-hugo-1k", "hugo-1k (Hugo twin of skiff-1k)", dist, html, skiff,
                          command=["node", LINKINATOR7], package=LINKINATOR7_PACKAGE)


# ---------------------------------------------------------------------------
# Build speed: skiff build, Hugo and the cmark-gfm floor, alternated
# ---------------------------------------------------------------------------

CMARK_GFM = "cmark-gfm"   # Debian's package cmark-gfm (tools/bench/packages.txt)
CMARK_ARGS = ["-e", "table", "--unsafe"]

# Targets of the build-speed issue: printed PASS/MISS, never asserted.
BUILD_VS_HUGO_WALL = 0.1     # skiff build wall <= 0.1 x Hugo's, same run
BUILD_VS_FLOOR_WALL = 2.0    # skiff build wall <= 2 x the cmark-gfm floor, same run
BUILD_VS_HUGO_RSS = 0.1      # skiff build peak memory <= 1/10 of Hugo's
BUILD_5K_VS_1K = 5.5         # build-5k wall <= 5.5 x build-1k (5 x the pages)
JOBS_SPEEDUP = 1.7           # --jobs 2 at least 1.7 x faster than --jobs 1

SKIFF_OUTPUT_LEFTOVERS = (".skiff-tmp-", ".skiff-old-")   # OutputDir's siblings


def source_pages(ctx, corpus_name):
    return ctx.corpus_info(corpus_name)["files"]


def count_html(folder):
    return sum(1 for _, _, names in os.walk(folder) for n in names if n.endswith(".html"))


def read_tree(folder, skip=()):
    """Read every file under folder once (not timed): puts it in the page
    cache, as a warm-up run would. Returns (files, bytes)."""
    files = size = 0
    for d, dirs, names in os.walk(folder):
        dirs[:] = sorted(x for x in dirs if x not in skip)
        for n in names:
            with open(os.path.join(d, n), "rb") as f:
                while True:
                    chunk = f.read(1 << 20)
                    if not chunk:
                        break
                    size += len(chunk)
            files += 1
    return files, size


class Member(object):
    """One tool of a comparison group. The group calls prepare() once,
    warm_up() once, then before_run() (not timed) and run() (timed, returns
    a Measured) once per round, then after_runs(), then result(runs)."""

    kind = "?"

    def __init__(self, ctx, name, corpus_name):
        self.ctx, self.name, self.corpus_name = ctx, name, corpus_name
        self.stdout_path = os.path.join(ctx.out, name + ".stdout")
        self.stderr_path = os.path.join(ctx.out, name + ".stderr")
        self.extra = {}

    def prepare(self):
        pass

    def warm_up(self):
        pass

    def before_run(self):
        pass

    def run(self):
        raise NotImplementedError

    def after_runs(self):
        pass

    def base_result(self, runs, command):
        pages = source_pages(self.ctx, self.corpus_name)
        result = {"name": self.name, "kind": self.kind, "command": command,
                  "corpus": self.corpus_name, "pages": pages,
                  "pages_basis": "source page files of the corpus (CORPUS.json files), the "
                                 "same for skiff, Hugo and the floor",
                  "runs": runs}
        result.update(summarize_runs(runs))
        result["pages_per_s"] = round(pages / result["median_wall_s"], 1)
        result.update(self.extra)
        return result


class SkiffBuild(Member):
    """`skiff build CORPUS --out WORK/out-NAME [--jobs N]` into a folder
    that does not exist (removed before each run, not timed)."""

    kind = "skiff build"

    def __init__(self, ctx, name, corpus_name, jobs=None, over_previous=False):
        Member.__init__(self, ctx, name, corpus_name)
        self.jobs = jobs
        self.over_previous = over_previous

    def prepare(self):
        self.path = self.ctx.corpus(self.corpus_name)
        self.dest = os.path.join(self.ctx.work, "out-" + self.name)
        self.cmd = [self.ctx.skiff, "build", self.path, "--out", self.dest]
        if self.jobs:
            self.cmd += ["--jobs", str(self.jobs)]

    def before_run(self):
        """Move the previous output and any leftover of a killed build
        (skiff's OutputDir stages into DEST.skiff-tmp-PID and moves the old
        tree to DEST.skiff-old-PID) to WORK/trash, so every timed run builds
        from nothing, like Hugo's after `rm -rf public resources`."""
        parent, base = os.path.dirname(self.dest), os.path.basename(self.dest)
        for n in sorted(os.listdir(parent)):
            if n == base or any(n.startswith(base + x) for x in SKIFF_OUTPUT_LEFTOVERS):
                self.ctx.move_to_trash(os.path.join(parent, n))

    def measure(self, sampler=None):
        m = measure(self.cmd, self.stdout_path, self.stderr_path, sampler=sampler)
        if m.code != 0:
            raise BenchError("%s: skiff build exited %d:\n%s" % (
                self.name, m.code, tail(self.stderr_path) or tail(self.stdout_path)))
        return m

    def warm_up(self):
        """One untimed build, with the process tree's memory sampled
        (TreeMemory: the parent and its render workers together)."""
        self.before_run()
        tree = TreeMemory()
        m = self.measure(sampler=tree)
        self.extra["warmup"] = m.record()
        self.extra["tree_memory_warmup"] = tree.record()
        self.extra["html_files"] = count_html(self.dest)
        say("%s: warm-up (not counted): %s; whole process tree, sampled: peak PSS sum "
            "%.1f MiB (RSS sum %.1f MiB) over up to %d process(es); %d HTML files" % (
                self.name, m.text(), mib(tree.peak_pss_kib), mib(tree.peak_rss_kib),
                tree.max_processes, self.extra["html_files"]))

    def run(self):
        return self.measure()

    def after_runs(self):
        """With over_previous (build-1k only): one more run over the
        previous output (not removed first) with --clean, as a user forcing
        a full rebuild into the same folder: skiff then moves the old tree
        aside and deletes it before exiting. (Without --clean the build
        would be incremental: see SkiffIncremental.) Reported beside, not
        counted. Not on 5k: deleting 25,000 files with the machine's
        synchronous discards took minutes (README, "Deleting files")."""
        if not self.over_previous:
            self.before_run()
            return
        cmd = self.cmd
        self.cmd = cmd + ["--clean"]
        m = self.measure()
        self.cmd = cmd
        self.ctx.deleted()   # skiff deleted the previous tree
        self.extra["over_previous_output"] = m.record()
        say("%s: one more run over the previous output with --clean (not counted): %s" % (self.name, m.text()))
        self.before_run()

    def result(self, runs):
        result = self.base_result(runs, shlex.join(self.cmd))
        result["jobs"] = self.jobs or os.cpu_count()
        result["jobs_basis"] = "--jobs %d" % self.jobs if self.jobs else \
            "default: one per core (%d)" % os.cpu_count()
        return result


INCREMENTAL_TARGET_S = 0.15   # a no-op rebuild, and one after a one-page edit


class SkiffIncremental(Member):
    """`skiff build` run again over its own output: incremental. With
    edit=False nothing changed since the last build (a no-op); with
    edit=True one English page's text was edited before the run (not
    timed), so that page and the locales that show it as a fallback are
    rendered again. Works on a private copy of the corpus
    (WORK/incremental-SIZE/site), made once per corpus version, so the
    shared corpus and the floor's input stay untouched; both members of a
    group share it and its output, and the first warm-up is the full build
    they start from."""

    kind = "skiff build, incremental"

    def __init__(self, ctx, name, corpus_name, edit):
        Member.__init__(self, ctx, name, corpus_name)
        self.edit = edit
        self.rounds = 0

    def prepare(self):
        corpus = self.ctx.corpus(self.corpus_name)
        folder = os.path.join(self.ctx.work, "incremental-" + self.corpus_name.split("-")[-1])
        self.site = os.path.join(folder, "site")
        self.dest = os.path.join(folder, "out")
        stamp = os.path.join(corpus, "CORPUS.json")
        copied_stamp = os.path.join(self.site, "CORPUS.json")
        if not (os.path.exists(copied_stamp) and filecmp.cmp(stamp, copied_stamp, shallow=False)):
            say("%s: copying %s to %s (not timed)" % (self.name, shown(corpus), shown(self.site)))
            copy_tree_fresh(corpus, self.site)
            if os.path.exists(self.dest):
                self.ctx.move_to_trash(self.dest)
        en = os.path.join(self.site, "pages", "en")
        first = sorted(d for d in os.listdir(en) if os.path.isdir(os.path.join(en, d)))[0]
        self.page = os.path.join(en, first, sorted(os.listdir(os.path.join(en, first)))[0])
        self.cmd = [self.ctx.skiff, "build", self.site, "--out", self.dest]
        self.counts = []

    def measure(self):
        m = measure(self.cmd, self.stdout_path, self.stderr_path)
        if m.code != 0:
            raise BenchError("%s: skiff build exited %d:\n%s" % (
                self.name, m.code, tail(self.stderr_path) or tail(self.stdout_path)))
        with open(self.stdout_path, encoding="utf-8") as f:
            found = re.search(r"incremental: (\d+) pages? rendered, (\d+) files? written", f.read())
        return m, (int(found.group(1)), int(found.group(2))) if found else None

    def warm_up(self):
        m, counts = self.measure()
        self.extra["warmup"] = m.record()
        say("%s: warm-up (not counted): %s; %s" % (
            self.name, m.text(), "incremental: %d rendered, %d written" % counts if counts
            else "a full build (no previous output)"))

    def before_run(self):
        if self.edit:
            self.rounds += 1
            with open(self.page, "a", encoding="utf-8") as f:
                f.write("\nA sentence the benchmark adds, round %d.\n" % self.rounds)

    def run(self):
        m, counts = self.measure()
        if counts is None:
            raise BenchError("%s: the build was not incremental:\n%s" % (self.name, tail(self.stdout_path)))
        if self.edit and counts[0] == 0 or not self.edit and counts != (0, 0):
            raise BenchError("%s: unexpected work for %s: %d pages rendered, %d files written" % (
                self.name, "an edit" if self.edit else "a no-op", counts[0], counts[1]))
        self.counts.append(counts)
        return m

    def result(self, runs):
        result = self.base_result(runs, shlex.join(self.cmd))
        result["edited_page"] = os.path.relpath(self.page, self.site) if self.edit else None
        result["rendered_written"] = self.counts
        result["target_s"] = INCREMENTAL_TARGET_S
        result["target_met"] = result["median_wall_s"] < INCREMENTAL_TARGET_S
        return result


class HugoBuild(Member):
    """Debian's hugo on the corpus's Hugo twin: `rm -rf public resources`
    (not timed), then `hugo --quiet` (timed)."""

    kind = "hugo"

    def prepare(self):
        need_hugo()
        self.site = self.ctx.hugo_twin(self.corpus_name)
        self.version, self.version_line = hugo_version()
        self.rounds = 0

    def warm_up(self):
        """Not a Hugo run (a 5k build takes most of a minute): every input
        file of the twin is read once, which is what a warm-up run gives
        the timed runs (a warm page cache)."""
        files, size = read_tree(self.site, skip=("public", "resources"))
        self.extra["warmup"] = {"read_files": files, "read_bytes": size}
        say("%s: warm-up (not counted): read the twin's %d files (%.1f MB) into the page "
            "cache; Hugo %s" % (self.name, files, size / 1e6, self.version))

    def run(self):
        self.rounds += 1
        return run_hugo_once(self.ctx, self.name, self.site, "run %d" % self.rounds)

    def after_runs(self):
        self.extra["html_files"] = count_html(os.path.join(self.site, "public"))
        self.extra["stderr"] = tail(os.path.join(self.ctx.out, self.name + "-hugo.stderr"))

    def result(self, runs):
        result = self.base_result(runs, hugo_command_text(self.site))
        result["version"], result["version_line"] = self.version, self.version_line
        return result


def write_bodies(corpus, bodies):
    """Every page body of corpus (frontmatter stripped), concatenated in
    path order into one file: gen_site.md's floor input. Returns bytes."""
    root = os.path.join(corpus, "pages")
    paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".md"))
    tmp = bodies + ".tmp"
    size = 0
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        for p in paths:
            with open(p, encoding="utf-8") as f:
                t = f.read()
            body = t[t.index("\n---\n", 4) + 5:].lstrip("\n") + "\n"
            out.write(body)
    os.replace(tmp, bodies)
    size = os.path.getsize(bodies)
    return len(paths), size


class CmarkFloor(Member):
    """The floor: one cmark-gfm process rendering every page body (one
    stream, GFM tables on, raw HTML kept) and nothing else."""

    kind = "cmark-gfm floor"

    def prepare(self):
        if shutil.which(CMARK_GFM) is None:
            raise BenchError("cmark-gfm not found: tools/run bench installs it (Debian package "
                             "cmark-gfm, listed in tools/bench/packages.txt), or apt-get install "
                             "cmark-gfm")
        corpus = self.ctx.corpus(self.corpus_name)
        self.bodies = os.path.join(self.ctx.work, "bodies-%s.md" % self.corpus_name)
        stamp = os.path.join(corpus, "CORPUS.json")
        if (os.path.exists(self.bodies) and
                os.path.getmtime(self.bodies) >= os.path.getmtime(stamp)):
            files, size = self.ctx.corpora[self.corpus_name]["files"], os.path.getsize(self.bodies)
            say("%s: reusing %s (%.1f MB)" % (self.name, shown(self.bodies), size / 1e6))
        else:
            files, size = write_bodies(corpus, self.bodies)
            say("%s: wrote %s: %d page bodies, frontmatter stripped, in path order (%.1f MB)" % (
                self.name, shown(self.bodies), files, size / 1e6))
        self.cmd = [CMARK_GFM] + CMARK_ARGS + [self.bodies]
        self.extra["bodies_file"] = self.bodies
        self.extra["bodies_bytes"] = size
        self.extra["cmark_gfm_version"] = (run_quiet([CMARK_GFM, "--version"]) or "?").splitlines()[0]

    def measure(self):
        m = measure(self.cmd, os.devnull, self.stderr_path)
        if m.code != 0:
            raise BenchError("%s: cmark-gfm exited %d:\n%s" % (self.name, m.code,
                                                              tail(self.stderr_path)))
        return m

    def warm_up(self):
        m = self.measure()
        self.extra["warmup"] = m.record()
        say("%s: warm-up (not counted): %s" % (self.name, m.text()))

    def run(self):
        return self.measure()

    def result(self, runs):
        return self.base_result(runs, shlex.join(self.cmd) + " > /dev/null")


MEMBERS = {}   # benchmark name -> function(ctx) -> Member


def run_group(ctx, group, wanted):
    """Run the members of `group` that this run includes (and `wanted`)
    alternately: one warm-up each, then --runs rounds, each round running
    every member once in GROUPS order. Drift on a shared machine (another
    process, thermal, the page cache) then hits every tool alike, and run i
    of one member is paired with run i of another for the ratios. Stores
    every member's result; returns wanted's."""
    names = [n for n in GROUPS[group] if n in ctx.chosen or n == wanted]
    members = [MEMBERS[n](ctx) for n in names]
    say("%s: %s alternately: a warm-up each, then %d rounds of %s" % (
        group, ", ".join(names), ctx.args.runs, " → ".join(names)))
    for n in names[1:]:
        say("   %s: %s" % (n, BENCHMARKS[n].summary))
    for m in members:
        m.prepare()
    for m in members:
        if isinstance(m, SkiffBuild):
            say("%s: %s" % (m.name, shlex.join(m.cmd)))
        elif isinstance(m, HugoBuild):
            say("%s: %s" % (m.name, hugo_command_text(m.site)))
        elif isinstance(m, CmarkFloor):
            say("%s: %s > /dev/null" % (m.name, shlex.join(m.cmd)))
    ctx.settle(group)
    start = time.perf_counter()
    for m in members:
        m.warm_up()
    runs = {m.name: [] for m in members}
    spent = {m.name: 0.0 for m in members}
    for i in range(ctx.args.runs):
        for m in members:
            m.before_run()
            measured = m.run()
            spent[m.name] += measured.wall
            runs[m.name].append(measured.record())
            say("%s: run %d/%d: %s" % (m.name, i + 1, ctx.args.runs, measured.text()))
    for m in members:
        m.after_runs()
    ctx.phase("%s (%s; timed runs: %s)" % (group, ", ".join(names), ", ".join(
        "%s %.1f s" % (n, spent[n]) for n in names)), time.perf_counter() - start)
    for m in members:
        result = m.result(runs[m.name])
        result["group"] = group
        result["alternated_with"] = [n for n in names if n != m.name]
        ctx.results[m.name] = result
    return ctx.results[wanted]


def group_member(name, group, make, slow=False, hugo=(), doc=""):
    """Register benchmark `name`, a member of `group` built by make(ctx)."""
    MEMBERS[name] = make

    def func(ctx):
        return run_group(ctx, group, name)
    func.__doc__ = doc
    benchmark(name, slow=slow, hugo=hugo, group=group)(func)


for _size, _pages in (("1k", "3,800"), ("5k", "19,000")):
    _corpus = "skiff-" + _size
    group_member("build-" + _size, "compare-" + _size,
                 lambda ctx, n="build-" + _size, c=_corpus: SkiffBuild(
                     ctx, n, c, over_previous=(n == "build-1k")),
                 doc="skiff build of the %s corpus (%s page files), default --jobs (one per "
                     "core), into an empty folder each run." % (_size, _pages))
    if _size == "1k":
        group_member("build-jobs1-1k", "compare-1k",
                     lambda ctx: SkiffBuild(ctx, "build-jobs1-1k", "skiff-1k", jobs=1),
                     doc="skiff build --jobs 1 of the 1k corpus: the other side of the jobs "
                         "scaling ratio.")
    for _kind, _edit in (("noop", False), ("edit", True)):
        group_member("build-%s-%s" % (_kind, _size), "incremental-" + _size,
                     lambda ctx, n="build-%s-%s" % (_kind, _size), c=_corpus, e=_edit: SkiffIncremental(
                         ctx, n, c, edit=e),
                     doc="skiff build of the %s corpus over its own output, %s (incremental)." % (
                         _size, "after one English page's text changed" if _edit else "nothing changed"))
    group_member("hugo-" + _size, "compare-" + _size,
                 lambda ctx, n="hugo-" + _size, c=_corpus: HugoBuild(ctx, n, c),
                 slow=True, hugo=[_corpus],
                 doc="Hugo (Debian's hugo) building the %s corpus's Hugo twin, clean each "
                     "run%s." % (_size, " (about 45 s and 4.6 GB a run)" if _size == "5k" else ""))
    group_member("floor-" + _size, "compare-" + _size,
                 lambda ctx, n="floor-" + _size, c=_corpus: CmarkFloor(ctx, n, c),
                 doc="The floor: cmark-gfm -e table --unsafe on every page body of the %s "
                     "corpus, one stream." % _size)


# Run (and table) order: the build groups before the linkinator benchmarks,
# which replace whole built sites and so delete many files (Context.settle).
for _name in [n for n in BENCHMARKS if n.startswith("linkinator")]:
    BENCHMARKS[_name] = BENCHMARKS.pop(_name)


def paired_ratio(a, b, key):
    """(ratio, basis) of a[key] over b[key]: the median of per-round ratios
    when a and b ran alternately in one group (run i with run i), else the
    ratio of their medians."""
    ra, rb = a["runs"], b["runs"]
    if a.get("group") and a.get("group") == b.get("group") and len(ra) == len(rb):
        values = [x[key] / y[key] for x, y in zip(ra, rb) if y[key] > 0]
        if values:
            return statistics.median(values), "median of %d paired runs" % len(values)
    med = {"wall_s": "median_wall_s", "peak_rss_mib": "median_peak_rss_mib",
           "cpu_s": "median_cpu_s"}[key]
    return a[med] / b[med], "ratio of medians (not alternated)"


def compute_ratios(results):
    """The build-speed ratios, each with its target (None: shown only) and
    PASS/MISS. Returns a list of dicts, in print order."""
    ratios = []

    def add(name, value, basis, op=None, target=None):
        met = None
        if target is not None:
            met = value <= target if op == "<=" else value >= target
        ratios.append({"name": name, "value": round(value, 3), "op": op, "target": target,
                       "met": met, "basis": basis})

    for size in ("1k", "5k"):
        b, h, f = (results.get(n + size) for n in ("build-", "hugo-", "floor-"))
        if b and h:
            v, basis = paired_ratio(b, h, "wall_s")
            add("skiff/Hugo wall, %s" % size, v, basis, "<=", BUILD_VS_HUGO_WALL)
            v, basis = paired_ratio(b, h, "peak_rss_mib")
            add("skiff/Hugo peak RSS, %s" % size, v,
                basis + "; skiff: its largest single process", "<=", BUILD_VS_HUGO_RSS)
            tree = b.get("tree_memory_warmup")
            if tree and h["median_peak_rss_mib"] > 0:
                add("skiff tree PSS/Hugo peak RSS, %s" % size,
                    tree["peak_pss_sum_mib"] / h["median_peak_rss_mib"],
                    "skiff: parent + workers, PSS summed, sampled in its warm-up run; "
                    "Hugo: median peak RSS", "<=", BUILD_VS_HUGO_RSS)
            if b.get("median_cpu_s") and h.get("median_cpu_s"):
                v, basis = paired_ratio(b, h, "cpu_s")
                add("skiff/Hugo CPU, %s" % size, v, basis)
        if b and f:
            v, basis = paired_ratio(b, f, "wall_s")
            add("skiff/floor wall, %s" % size, v, basis, "<=", BUILD_VS_FLOOR_WALL)
            if b.get("median_cpu_s") and f.get("median_cpu_s"):
                v, basis = paired_ratio(b, f, "cpu_s")
                add("skiff/floor CPU, %s" % size, v, basis)
    b1, b5 = results.get("build-1k"), results.get("build-5k")
    if b1 and b5:
        add("skiff build 5k/1k wall", b5["median_wall_s"] / b1["median_wall_s"],
            "ratio of medians, separate groups: %d / %d page files" % (b5["pages"], b1["pages"]),
            "<=", BUILD_5K_VS_1K)
    j1 = results.get("build-jobs1-1k")
    if b1 and j1:
        v, basis = paired_ratio(j1, b1, "wall_s")
        target = JOBS_SPEEDUP if b1["jobs"] == 2 else None
        add("skiff build --jobs 1 / --jobs %d wall, 1k" % b1["jobs"], v,
            basis + ("" if target else "; the target is for --jobs 2 (2 cores)"), ">=", target)
    return ratios


def ratio_line(r):
    target = ""
    if r["target"] is not None:
        target = "  target %s %g: %s" % ("≤" if r["op"] == "<=" else "≥", r["target"],
                                        "PASS" if r["met"] else "MISS")
    return "%-40s %8.3f%s  (%s)" % (r["name"], r["value"], target, r["basis"])


# ---------------------------------------------------------------------------
# Running and reporting
# ---------------------------------------------------------------------------

def run_benchmark(ctx, bench):
    previous = getattr(ctx, "current", None)
    ctx.current = bench.name
    say("")
    say("== %s: %s" % (bench.name, bench.summary))
    ctx.results[bench.name] = bench.func(ctx)
    ctx.current = previous


def ratio_text(ratio):
    return "%.0fx" % ratio if ratio >= 100 else "%.1fx" % ratio


def print_table(ctx):
    """The compact results table, then the Hugo build, the ratio lines and a
    closing summary line of the ratios."""
    head = ("benchmark", "runs", "median s", "min s", "max s", "CPU s", "peak RSS MiB",
            "pages", "pages/s", "links/page", "target")
    rows = []
    for name in BENCHMARKS:
        r = ctx.results.get(name)
        if r is None:
            continue
        target = ""
        if "target_s" in r:
            target = "< %g s %s" % (r["target_s"], "PASS" if r["target_met"] else "MISS")
        rows.append((name, str(len(r["runs"])), "%.3f" % r["median_wall_s"],
                     "%.3f" % r["min_wall_s"], "%.3f" % r["max_wall_s"],
                     "%.3f" % r["median_cpu_s"] if "median_cpu_s" in r else "-",
                     "%.1f" % r["median_peak_rss_mib"], str(r["pages"]),
                     "%.1f" % r["pages_per_s"] if r.get("pages_per_s") else "-",
                     "%.1f" % r["links_per_page"] if "links_per_page" in r else "", target))
    widths = [max(len(row[i]) for row in rows + [head]) for i in range(len(head))]
    say("")
    for row in [head] + rows:
        say("  ".join(cell.ljust(w) if i in (0, 10) else cell.rjust(w)
                      for i, (cell, w) in enumerate(zip(row, widths))).rstrip())
    say("CPU s: median user + system time of the process and the children it reaped "
        "(skiff's render workers included)")
    say("peak RSS: the largest single process (skiff's workers are separate processes; "
        "no sum over them)")
    for r in ctx.results.values():
        tree, again = r.get("tree_memory_warmup"), r.get("over_previous_output")
        if tree:
            say("%s: whole process tree in the warm-up run (sampled every %g s): peak PSS sum "
                "%.1f MiB, RSS sum %.1f MiB, up to %d process(es)" % (
                    r["name"], tree["sample_every_s"], tree["peak_pss_sum_mib"],
                    tree["peak_rss_sum_mib"], tree["max_processes"]))
        if again:
            say("%s: one --clean run over the previous output (skiff moves it aside and deletes it): "
                "%.3f s wall, %.3f s CPU (median of the clean runs: %.3f s)" % (
                    r["name"], again["wall_s"], again["cpu_s"], r["median_wall_s"]))
    if any("links_per_page" in r for r in ctx.results.values()):
        say("links/page: URL attributes linkinator follows (href, src, srcset, poster) per HTML "
            "file of the crawled folder")
    ratios = compute_ratios(ctx.results)
    if ratios:
        say("")
        say("ratios (targets are for the reader; nothing is asserted):")
        for r in ratios:
            say("  " + ratio_line(r))
    for r in ctx.results.values():
        b = r.get("hugo_build")
        if b:
            say("%s: Hugo %s built the Hugo twin in %.1f s, peak RSS %.1f MiB, %d HTML files "
                "(one run; not part of any ratio): %s" % (r["name"], b["version"], b["wall_s"],
                                                          b["peak_rss_mib"], b["html_files"],
                                                          b["command"]))
    for r in ctx.results.values():
        if "ratio" in r:
            say("%s: skiff lint is %.1fx linkinator's throughput (%s)" % (
                r["name"], r["ratio"], r["ratio_basis"]))
    i18n = ctx.results.get("i18n-5k")
    if i18n:
        per_file = i18n["per_file_git_log"]["estimated_all_s"]
        say("i18n-5k: warm median %.3f s, cold %.3f s (%d commits, %d page files); the per-file "
            "git log approach: about %.0f s (%.0fx the cold run; timed on %d files, scaled)" % (
                i18n["median_wall_s"], i18n["cold"]["wall_s"], i18n["commits"], i18n["pages"], per_file,
                per_file / i18n["cold"]["wall_s"], i18n["per_file_git_log"]["sample_files"]))
    parts = []
    for name, what in (("linkinator-1k", "skiff's HTML (%.0f links/page)"),
                       ("linkinator-hugo-1k", "Hugo's HTML (%.0f links/page: 100-link sidebar)")):
        r = ctx.results.get(name)
        if r and "ratio" in r:
            parts.append("%s%s on %s" % (ratio_text(r["ratio"]), "" if parts else " linkinator",
                                         what % r["links_per_page"]))
    if parts:
        say("skiff lint: %s" % ", ".join(parts))


# ---------------------------------------------------------------------------
# BENCHMARKS.md
# ---------------------------------------------------------------------------

NOTES_MARKER = "<!-- notes -->"

# The hand-written part of the template. Everything from NOTES_MARKER down
# is kept from the existing file when it is rewritten; these lines are the
# first version of that part.
MD_HEADER = """\
# skiff benchmarks

Generated by `tools/run bench` (tools/bench/bench.py) on every full run: do
not edit above the `<!-- notes -->` line, it is rewritten. Everything from
that line down is hand-written and kept. How to run and read the numbers:
[tools/bench/README.md](tools/bench/README.md).
"""

MD_NOTES_DEFAULT = """\
<!-- notes -->
## Profile notes

Top costs of `skiff build` and what was changed: not written yet.
"""

MD_HOW = """\
Each benchmark runs one warm-up (not counted), then `--runs` timed runs; the
tables give medians. skiff build, Hugo and the cmark-gfm floor of one corpus
run alternately (skiff, Hugo, floor, skiff, …) so that drift on a shared
machine hits all three alike; a ratio between two of them is the median of
the per-round ratios. **Wall** is `time.perf_counter()` around starting and
reaping the process. **CPU** is `ru_utime + ru_stime` from `os.wait4()`:
the process, all its threads and every child it reaped (skiff's forked render
workers, Hugo's goroutine threads). **Peak RSS** is `ru_maxrss` from the same
call: the largest *single* process (for skiff, the parent or its biggest
worker, not their sum); the "tree PSS" ratio sets skiff's whole process tree
(Pss of the parent and workers summed, sampled every 20 ms in the warm-up
run) beside it. **pages/s** is the corpus's source page files divided by the
median wall time, for all three tools. skiff builds into a folder that does
not exist and Hugo without `public/` and `resources/`: the previous output
is moved aside, untimed, and deleted after all runs, and a group waits
(`--settle`) after bench.py deleted many files, because on some file
systems (the 2-core machine's ext4 without a journal) creating files is
slow for about a minute after a mass deletion. Hugo's warm-up reads its input files instead
of building. The floor is one
`cmark-gfm -e table --unsafe` process rendering every page body (frontmatter
stripped, concatenated in path order) to /dev/null: Markdown to HTML and
nothing else (no layout, no writes). The corpora come from
`tools/bench/gen_site.py` (1,000 and 5,000 English pages × 5 locales at 70 %
coverage: 3,800 and 19,000 page files; the Hugo twins hold the same content,
`gen_site.md`).
"""


def md_cell(text):
    return str(text).replace("|", "\\|")


def markdown_report(ctx, machine, total_s, argv):
    """BENCHMARKS.md up to (not including) the notes marker."""
    m = machine
    lines = [MD_HEADER]
    mem = "%.1f GiB RAM" % m["memory_gib"] if m["memory_gib"] else "? RAM"
    lines.append("**Machine:** %s cores, %s, %s, %s; load average %.2f at the start, %.2f "
                 "at the end.  " % (m["cores"], m["cpu"], mem, m["kernel"], m["load_1min"],
                                    os.getloadavg()[0]))
    lines.append("**Date:** %s. **skiff:** %s (`%s`).  " % (m["date"], m["skiff_commit"],
                                                         m["skiff_version"]))
    lines.append("**Run:** `tools/run bench%s`, %d timed runs per benchmark after a warm-up; "
                 "took %.0f s (%.1f min)." % ((" " + shlex.join(argv)) if argv else "",
                                               ctx.args.runs, total_s, total_s / 60.0))
    lines.append("")
    lines.append("## Results")
    lines.append("")
    lines.append("| benchmark | runs | median wall s | min–max s | median CPU s | peak RSS MiB "
                 "| pages | pages/s |")
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name in BENCHMARKS:
        r = ctx.results.get(name)
        if r is None:
            continue
        lines.append("| %s | %d | %.3f | %.3f–%.3f | %s | %.1f | %s | %s |" % (
            name, len(r["runs"]), r["median_wall_s"], r["min_wall_s"], r["max_wall_s"],
            "%.3f" % r["median_cpu_s"] if "median_cpu_s" in r else "–",
            r["median_peak_rss_mib"], r["pages"],
            "%.1f" % r["pages_per_s"] if r.get("pages_per_s") else "–"))
    lines.append("")
    notes = []
    for name in BENCHMARKS:
        r = ctx.results.get(name)
        if r is None:
            continue
        tree, again = r.get("tree_memory_warmup"), r.get("over_previous_output")
        if tree:
            notes.append("* %s: whole process tree in the warm-up run: peak PSS sum %.1f MiB "
                         "(RSS sum %.1f MiB, up to %d process(es))." % (
                             name, tree["peak_pss_sum_mib"], tree["peak_rss_sum_mib"],
                             tree["max_processes"]))
        if again:
            notes.append("* %s: one `--clean` run over the previous output (skiff moves it aside and "
                         "deletes it before exiting): %.3f s, against a median of %.3f s into "
                         "an empty folder." % (name, again["wall_s"], r["median_wall_s"]))
        if "target_s" in r:
            notes.append("* %s: target median < %g s: %s." % (
                name, r["target_s"], "PASS" if r["target_met"] else "MISS"))
    if notes:
        lines.extend(notes)
        lines.append("")
    ratios = compute_ratios(ctx.results)
    if ratios:
        lines.append("## Ratios and targets")
        lines.append("")
        lines.append("Targets are for the reader: nothing is asserted.")
        lines.append("")
        lines.append("| ratio | value | target | | basis |")
        lines.append("| --- | ---: | --- | --- | --- |")
        for r in ratios:
            target = verdict = ""
            if r["target"] is not None:
                target = "%s %g" % ("≤" if r["op"] == "<=" else "≥", r["target"])
                verdict = "**PASS**" if r["met"] else "**MISS**"
            lines.append("| %s | %.3f | %s | %s | %s |" % (md_cell(r["name"]), r["value"],
                                                          target, verdict, md_cell(r["basis"])))
        lines.append("")
    lines.append("## Commands")
    lines.append("")
    for name in BENCHMARKS:
        r = ctx.results.get(name)
        if r is not None and r.get("command"):
            lines.append("* %s: `%s`" % (name, r["command"].replace(ctx.work, "WORK")
                                         .replace(REPO + os.sep, "")))
    lines.append("")
    lines.append("WORK is the work folder (`build/bench/`).")
    lines.append("")
    lines.append("## How measured")
    lines.append("")
    lines.append(MD_HOW)
    return "\n".join(lines)


def write_markdown(path, text):
    """Write text + the notes part (from NOTES_MARKER to the end of the
    existing file, or MD_NOTES_DEFAULT) to path, atomically."""
    notes = MD_NOTES_DEFAULT
    try:
        with open(path, encoding="utf-8") as f:
            old = f.read().splitlines(True)
        at = [i for i, line in enumerate(old) if line.strip() == NOTES_MARKER]
        if at:
            notes = "".join(old[at[0]:])
    except OSError:
        pass
    tmp = "%s.tmp-%d" % (path, os.getpid())
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text.rstrip("\n") + "\n\n" + notes)
    os.replace(tmp, path)


def parse_args(argv):
    names = ", ".join("%s%s" % (b.name, " (slow)" if b.slow else "") for b in BENCHMARKS.values())
    ap = argparse.ArgumentParser(
        prog="tools/run bench",
        description="Benchmark skiff and its peers on generated corpora, print a table and "
                    "write WORK/results.json. Benchmarks: %s. Run through tools/run bench, "
                    "which builds skiff and installs the npm tools and hugo first." % names,
        epilog="See tools/bench/README.md for what each number means.")
    ap.add_argument("--quick", action="store_true",
                    help="skip the slow benchmarks (%s: Hugo builds and node crawlers)"
                         % ", ".join(b.name for b in BENCHMARKS.values() if b.slow))
    ap.add_argument("--only", metavar="NAME", action="append",
                    choices=list(BENCHMARKS) + list(GROUPS),
                    help="run only this benchmark (and what it needs); repeat for more. A "
                         "group name runs its members alternately (%s). Benchmarks: %s"
                         % ("; ".join("%s: %s" % (g, ", ".join(m)) for g, m in GROUPS.items()),
                            ", ".join(BENCHMARKS)))
    ap.add_argument("--reference", action="store_true",
                    help="also run the reference benchmarks (%s: about ten minutes)"
                         % ", ".join(b.name for b in BENCHMARKS.values() if b.reference))
    ap.add_argument("--runs", type=int, default=5, metavar="N",
                    help="timed runs per benchmark after one warm-up run (default: 5; "
                         "linkinator always runs once; a comparison group runs N rounds)")
    ap.add_argument("--settle", type=float, default=SETTLE_S, metavar="S",
                    help="before a build group's runs, wait until S seconds have passed since "
                         "bench.py last deleted many files (default: %g; 0: never wait). See "
                         "tools/bench/README.md, 'Deleting files'" % SETTLE_S)
    ap.add_argument("--markdown", metavar="FILE",
                    help="where to write the Markdown report (default: BENCHMARKS.md at the "
                         "repo root for a full run, WORK/BENCHMARKS.md with --only or --quick, "
                         "so that a partial run does not replace the full report)")
    ap.add_argument("--work", metavar="DIR", default=os.path.join(REPO, "build", "bench"),
                    help="corpora, outputs and results.json (default: build/bench/, reused "
                         "between runs)")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    return args


def empty_trash(ctx):
    """Delete WORK/trash, after all the timed runs."""
    if os.path.isdir(ctx.trash):
        start = time.perf_counter()
        shutil.rmtree(ctx.trash, ignore_errors=True)
        ctx.deleted()
        ctx.phase("deleting the outputs moved to %s" % shown(ctx.trash), time.perf_counter() - start)


def main(argv=None):
    args = parse_args(argv)
    ctx = Context(args)
    os.makedirs(ctx.out, exist_ok=True)
    started = time.perf_counter()
    if os.path.isdir(ctx.trash):   # left by an interrupted run
        say("deleting %s, left by an earlier run…" % shown(ctx.trash))
        shutil.rmtree(ctx.trash, ignore_errors=True)
        ctx.deleted()

    try:
        ctx.skiff = snapshot_skiff(ctx.work)
    except BenchError as e:
        print("bench: error: %s" % e, file=sys.stderr, flush=True)
        return 1
    machine = machine_info(ctx.skiff)
    say(machine_line(machine))
    if machine["load_1min"] > BUSY_LOAD:
        say("note: load average %.2f before starting: something else is running, and on "
            "%s cores it shows in every time below" % (machine["load_1min"], machine["cores"]))

    if args.only:
        wanted = set()
        for name in args.only:
            wanted.update(GROUPS.get(name, [name]))
        chosen = [b for b in BENCHMARKS.values() if b.name in wanted]
    else:
        chosen = [b for b in BENCHMARKS.values()
                  if not (args.quick and b.slow) and (args.reference or not b.reference)]
        for b in BENCHMARKS.values():
            if b not in chosen:
                say("skipping %s (%s)" % (b.name, "--quick" if args.quick and b.slow else "add --reference"))
    ctx.hugo_wanted = {c for b in chosen for c in b.hugo}
    ctx.chosen = {b.name for b in chosen}
    try:
        for bench in chosen:
            if bench.name not in ctx.results:
                run_benchmark(ctx, bench)
    except BenchError as e:
        print("bench: error: %s" % e, file=sys.stderr, flush=True)
        return 1
    except KeyboardInterrupt:
        print("bench: interrupted", file=sys.stderr)
        return 130
    finally:
        empty_trash(ctx)

    print_table(ctx)
    total = time.perf_counter() - started
    say("took %.1f s: %s" % (total, "; ".join(
        "%s %.1f s" % (p["what"], p["seconds"]) for p in ctx.phases)))
    results_path = os.path.join(ctx.work, "results.json")
    with open(results_path, "w", encoding="utf-8") as f:
        json.dump({"machine_line": machine_line(machine), "machine": machine,
                   "options": {"quick": args.quick, "only": args.only, "runs": args.runs,
                               "reference": args.reference},
                   "corpora": ctx.corpora, "phases": ctx.phases, "total_s": round(total, 1),
                   "benchmarks": ctx.results, "ratios": compute_ratios(ctx.results)},
                  f, indent=1, ensure_ascii=False)
        f.write("\n")
    say("results: %s" % results_path)
    markdown = args.markdown or (os.path.join(ctx.work, "BENCHMARKS.md")
                                 if args.only or args.quick else os.path.join(REPO, "BENCHMARKS.md"))
    write_markdown(markdown, markdown_report(ctx, machine, total,
                                             sys.argv[1:] if argv is None else argv))
    say("report: %s" % markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
