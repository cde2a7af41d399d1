// Parallel page rendering in worker processes.
//
// Why processes, not threads: cmark-gfm 0.29 (Debian 12) keeps the table of
// "special" inline characters that extensions add (`~` for strikethrough,
// `:` and `w` for autolinks) in one process-wide array, which every parser
// sets on parse and clears when it finishes. Two threads parsing at once
// clear it under each other, and a page intermittently loses its
// strikethrough and autolinks. Each forked worker has its own copy.
//
// Workers take page indexes from a counter in shared memory (so a slow page
// does not hold up a fixed share) and send each page's diagnostics back over
// a pipe. A worker that dies mid-page is reported as an error on that page.
//
// Interrupts (base/interrupt.h): once one has arrived, no further item is
// started, in the workers or here; items never run have empty results, and
// the caller is expected to check interrupted() and discard the lot. A
// worker dies with the process that forked it (PR_SET_PDEATHSIG), so a
// killed build leaves no worker writing behind it.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace skiff {

// Runs work(i, diagnostics) for every i in [0, count) on `jobs` processes
// (jobs <= 1: in this process) and returns the diagnostics by index.
// `describe(i)` names item i (a file) for crash reports; `progress(done,
// total)` is called from this thread while workers run. Must be called
// while this process has no other threads.
// The same, for work that also produces data for the parent: `output` is
// whatever bytes work(i, …) leaves in it (the caller's own format), sent
// back with item i's diagnostics. A crashed item has empty output.
struct WorkerResult {
  Diagnostics diagnostics;
  std::string output;
};
using WorkFn = std::function<void(int, Diagnostics&, std::string&)>;
std::vector<WorkerResult> run_in_workers_with_output(int count, int jobs, const WorkFn& work,
                                                     const std::function<std::string(int)>& describe,
                                                     const std::function<void(int, int)>& progress);

std::vector<Diagnostics> run_in_workers(int count, int jobs,
                                        const std::function<void(int, Diagnostics&)>& work,
                                        const std::function<std::string(int)>& describe,
                                        const std::function<void(int, int)>& progress);

}  // namespace skiff
