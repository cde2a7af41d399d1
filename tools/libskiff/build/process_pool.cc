#include "build/process_pool.h"

#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <thread>

namespace skiff {
namespace {

// Record tags on a worker's pipe.
constexpr char kStart = 'S';   // followed by int32 index
constexpr char kResult = 'R';  // int32 index, int32 count, then count diagnostics

bool write_all(int fd, const void* data, std::size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    ssize_t n = ::write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

bool read_all(int fd, void* data, std::size_t size) {
  char* p = static_cast<char*>(data);
  while (size > 0) {
    ssize_t n = ::read(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

void put_int(std::string& out, std::int32_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
void put_text(std::string& out, const std::string& s) {
  put_int(out, static_cast<std::int32_t>(s.size()));
  out += s;
}

std::string encode(int index, const Diagnostics& diagnostics, const std::string& output) {
  std::string out(1, kResult);
  put_int(out, index);
  put_text(out, output);
  put_int(out, static_cast<std::int32_t>(diagnostics.all().size()));
  for (const Diagnostic& d : diagnostics.all()) {
    put_int(out, static_cast<std::int32_t>(d.severity));
    put_int(out, d.pos.line);
    put_int(out, d.pos.column);
    put_text(out, d.file);
    put_text(out, d.message);
  }
  return out;
}

bool read_int(int fd, std::int32_t& v) { return read_all(fd, &v, sizeof v); }
bool read_text(int fd, std::string& s) {
  std::int32_t size = 0;
  if (!read_int(fd, size) || size < 0) return false;
  s.resize(static_cast<std::size_t>(size));
  return size == 0 || read_all(fd, s.data(), s.size());
}

// Reads one worker's records until its pipe closes; returns the index it
// was working on when the pipe closed early, or -1.
int collect(int fd, std::vector<WorkerResult>& results, std::atomic<int>& done) {
  int current = -1;
  for (char tag; read_all(fd, &tag, 1);) {
    std::int32_t index = 0;
    if (!read_int(fd, index)) return current;
    if (tag == kStart) {
      current = index;
      continue;
    }
    std::int32_t count = 0;
    if (index < 0 || static_cast<std::size_t>(index) >= results.size()) return current;
    if (!read_text(fd, results[static_cast<std::size_t>(index)].output)) return current;
    if (!read_int(fd, count)) return current;
    Diagnostics& out = results[static_cast<std::size_t>(index)].diagnostics;
    for (std::int32_t i = 0; i < count; ++i) {
      std::int32_t severity = 0;
      Diagnostic d;
      if (!read_int(fd, severity) || !read_int(fd, d.pos.line) || !read_int(fd, d.pos.column) ||
          !read_text(fd, d.file) || !read_text(fd, d.message)) {
        return current;
      }
      d.severity = static_cast<Severity>(severity);
      out.add(std::move(d));
    }
    current = -1;
    done.fetch_add(1);
  }
  return current;
}

[[noreturn]] void worker_main(int fd, std::atomic<int>* next, int count, const WorkFn& work) {
  for (int i; (i = next->fetch_add(1)) < count;) {
    std::string start(1, kStart);
    put_int(start, i);
    if (!write_all(fd, start.data(), start.size())) break;
    Diagnostics diagnostics;
    std::string output;
    work(i, diagnostics, output);
    std::string record = encode(i, diagnostics, output);
    if (!write_all(fd, record.data(), record.size())) break;
  }
  ::close(fd);
  ::_exit(0);  // no destructors or atexit handlers of the parent's objects
}

}  // namespace

std::vector<Diagnostics> run_in_workers(int count, int jobs,
                                        const std::function<void(int, Diagnostics&)>& work,
                                        const std::function<std::string(int)>& describe,
                                        const std::function<void(int, int)>& progress) {
  std::vector<WorkerResult> results = run_in_workers_with_output(
      count, jobs, [&](int i, Diagnostics& d, std::string&) { work(i, d); }, describe, progress);
  std::vector<Diagnostics> out;
  out.reserve(results.size());
  for (WorkerResult& r : results) out.push_back(std::move(r.diagnostics));
  return out;
}

std::vector<WorkerResult> run_in_workers_with_output(int count, int jobs, const WorkFn& work,
                                                     const std::function<std::string(int)>& describe,
                                                     const std::function<void(int, int)>& progress) {
  std::vector<WorkerResult> results(static_cast<std::size_t>(std::max(count, 0)));
  jobs = std::min(jobs, count);
  auto run_here = [&](int i) {
    WorkerResult& r = results[static_cast<std::size_t>(i)];
    work(i, r.diagnostics, r.output);
  };
  if (jobs <= 1) {
    for (int i = 0; i < count; ++i) {
      run_here(i);
      if (progress) progress(i + 1, count);
    }
    return results;
  }
  void* shared = ::mmap(nullptr, sizeof(std::atomic<int>), PROT_READ | PROT_WRITE,
                        MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (shared == MAP_FAILED) return run_in_workers_with_output(count, 1, work, describe, progress);
  auto* next = new (shared) std::atomic<int>(0);

  std::vector<pid_t> pids;
  std::vector<int> fds;
  for (int w = 0; w < jobs; ++w) {
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) break;
    pid_t pid = ::fork();
    if (pid == 0) {
      ::close(pipe_fds[0]);
      for (int fd : fds) ::close(fd);
      worker_main(pipe_fds[1], next, count, work);
    }
    ::close(pipe_fds[1]);
    if (pid < 0) {
      ::close(pipe_fds[0]);
      break;
    }
    pids.push_back(pid);
    fds.push_back(pipe_fds[0]);
  }

  std::atomic<int> done{0};
  std::vector<int> crashed(fds.size(), -1);
  std::mutex mutex;
  std::condition_variable finished_cv;
  std::size_t finished = 0;  // readers whose pipe has closed
  std::vector<std::thread> readers;
  for (std::size_t w = 0; w < fds.size(); ++w) {
    readers.emplace_back([&, w] {
      crashed[w] = collect(fds[w], results, done);
      std::lock_guard<std::mutex> lock(mutex);
      ++finished;
      finished_cv.notify_all();
    });
  }
  {
    // Report progress every 100 ms until every pipe has closed; wake at
    // once when they have, so short builds do not wait out a tick.
    std::unique_lock<std::mutex> lock(mutex);
    while (finished < readers.size()) {
      if (progress) {
        lock.unlock();
        progress(done.load(), count);
        lock.lock();
      }
      finished_cv.wait_for(lock, std::chrono::milliseconds(100),
                           [&] { return finished == readers.size(); });
    }
  }
  for (std::thread& r : readers) r.join();
  for (int fd : fds) ::close(fd);
  for (pid_t pid : pids) {
    int status = 0;
    ::waitpid(pid, &status, 0);
  }
  if (progress) progress(done.load(), count);
  for (int index : crashed) {
    if (index < 0) continue;
    results[static_cast<std::size_t>(index)].diagnostics.error(
        describe(index), {}, "skiff crashed while rendering this page; please report it with the page");
  }
  // Items no worker reached (every worker died or could not start): run
  // them here so nothing is silently missing.
  int started_items = std::min(next->load(), count);
  for (int i = started_items; i < count; ++i) run_here(i);
  ::munmap(shared, sizeof(std::atomic<int>));
  return results;
}

}  // namespace skiff
