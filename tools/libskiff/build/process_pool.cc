#include "build/process_pool.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
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

#include "base/interrupt.h"
#include "render/shared_cache.h"

namespace skiff {
namespace {

// What workers and the parent share, in one anonymous shared mapping of
// 1 + jobs counters: the next item to take, then the item each worker is on
// (-1: none), so a worker that dies mid-item can be named without a message
// per item on the pipe.
class SharedState {
 public:
  static std::size_t bytes(int jobs) { return sizeof(std::atomic<int>) * static_cast<std::size_t>(1 + jobs); }
  SharedState(void* memory, int jobs) : slots_(static_cast<std::atomic<int>*>(memory)) {
    new (&slots_[0]) std::atomic<int>(0);
    for (int w = 0; w < jobs; ++w) new (&slots_[1 + w]) std::atomic<int>(-1);
  }
  std::atomic<int>& next() { return slots_[0]; }
  std::atomic<int>& current(int worker) { return slots_[1 + worker]; }

 private:
  std::atomic<int>* slots_;
};

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

// Reads a pipe through a buffer: a record's many small fields cost one
// read(2) per 64 KiB, not one per field.
class PipeReader {
 public:
  explicit PipeReader(int fd) : fd_(fd), buffer_(1 << 16) {}
  bool read(void* data, std::size_t size) {
    char* p = static_cast<char*>(data);
    while (size > 0) {
      if (at_ == end_ && !fill()) return false;
      std::size_t n = std::min(size, end_ - at_);
      std::memcpy(p, buffer_.data() + at_, n);
      at_ += n;
      p += n;
      size -= n;
    }
    return true;
  }
  bool read_int(std::int32_t& v) { return read(&v, sizeof v); }
  bool read_text(std::string& s) {
    std::int32_t size = 0;
    if (!read_int(size) || size < 0) return false;
    s.resize(static_cast<std::size_t>(size));
    return size == 0 || read(s.data(), s.size());
  }

 private:
  bool fill() {
    for (;;) {
      ssize_t n = ::read(fd_, buffer_.data(), buffer_.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      at_ = 0;
      end_ = static_cast<std::size_t>(n);
      return true;
    }
  }
  int fd_;
  std::vector<char> buffer_;
  std::size_t at_ = 0;
  std::size_t end_ = 0;
};

void put_int(std::string& out, std::int32_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
void put_text(std::string& out, const std::string& s) {
  put_int(out, static_cast<std::int32_t>(s.size()));
  out += s;
}

// One item's record: int32 index, its output, int32 count, then count
// diagnostics (severity, line, column, file, message).
std::string encode(int index, const Diagnostics& diagnostics, const std::string& output) {
  std::string out;
  out.reserve(16 + output.size());
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

// Reads one worker's records until its pipe closes, marking each item
// received.
void collect(int fd, std::vector<WorkerResult>& results, std::vector<char>& received,
             std::atomic<int>& done) {
  PipeReader in(fd);
  for (std::int32_t index = 0; in.read_int(index);) {
    std::int32_t count = 0;
    if (index < 0 || static_cast<std::size_t>(index) >= results.size()) return;
    WorkerResult& result = results[static_cast<std::size_t>(index)];
    if (!in.read_text(result.output)) return;
    if (!in.read_int(count)) return;
    for (std::int32_t i = 0; i < count; ++i) {
      std::int32_t severity = 0;
      Diagnostic d;
      if (!in.read_int(severity) || !in.read_int(d.pos.line) || !in.read_int(d.pos.column) ||
          !in.read_text(d.file) || !in.read_text(d.message)) {
        return;
      }
      d.severity = static_cast<Severity>(severity);
      result.diagnostics.add(std::move(d));
    }
    received[static_cast<std::size_t>(index)] = 1;
    done.fetch_add(1);
  }
}

// Records are sent in batches of about 64 KiB: one write (and one wake-up
// of the parent's reader) per batch, not per item. Items a crashed worker
// finished but had not sent yet are run again by the parent.
//
// A worker dies with its parent (a build killed with SIGKILL must not go
// on writing, nor keep the output's lock: output_dir.h), and stops between
// items on an interrupt (interrupt.h: a terminal's ^C reaches every
// process of the group; the parent also stops handing out items).
[[noreturn]] void worker_main(int fd, SharedState shared, int slot, int count, const WorkFn& work,
                              pid_t parent) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(0);  // the parent died before prctl
  constexpr std::size_t kBatch = 1 << 16;
  std::string batch;
  bool pipe_ok = true;
  for (int i; pipe_ok && interrupted() == 0;) {
    // "Between items" first: a worker killed after taking an item but
    // before starting it must not be blamed for the previous one (finished,
    // perhaps not sent); the item it took is then simply run again.
    shared.current(slot).store(-1);
    if ((i = shared.next().fetch_add(1)) >= count) break;
    shared.current(slot).store(i);
    Diagnostics diagnostics;
    std::string output;
    work(i, diagnostics, output);
    batch += encode(i, diagnostics, output);
    if (batch.size() >= kBatch) {
      pipe_ok = write_all(fd, batch.data(), batch.size());
      batch.clear();
    }
  }
  if (pipe_ok && !batch.empty()) write_all(fd, batch.data(), batch.size());
  shared.current(slot).store(-1);
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
    for (int i = 0; i < count && interrupted() == 0; ++i) {
      run_here(i);
      if (progress) progress(i + 1, count);
    }
    return results;
  }
  const std::size_t shared_bytes = SharedState::bytes(jobs);
  void* memory = ::mmap(nullptr, shared_bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (memory == MAP_FAILED) return run_in_workers_with_output(count, 1, work, describe, progress);
  SharedState shared(memory, jobs);
  // What one worker computes that the others may need again (highlighted
  // code), shared from here on; closed once every worker has exited.
  const bool cache_opened = shared_cache::open();

  std::vector<pid_t> pids;
  std::vector<int> fds;
  const pid_t parent = ::getpid();
  for (int w = 0; w < jobs; ++w) {
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) break;
    pid_t pid = ::fork();
    if (pid == 0) {
      ::close(pipe_fds[0]);
      for (int fd : fds) ::close(fd);
      worker_main(pipe_fds[1], shared, w, count, work, parent);
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
  std::vector<char> received(results.size(), 0);
  std::mutex mutex;
  std::condition_variable finished_cv;
  std::size_t finished = 0;  // readers whose pipe has closed
  std::vector<std::thread> readers;
  for (std::size_t w = 0; w < fds.size(); ++w) {
    readers.emplace_back([&, w] {
      collect(fds[w], results, received, done);
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
      // An interrupt that reached this process alone (kill PID): no item
      // is handed out any more; workers finish the one they are on.
      if (interrupted() != 0) shared.next().store(count);
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
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  if (progress) progress(done.load(), count);
  // A worker that died mid-item left it as its current one, unreceived.
  std::vector<char> crashed(results.size(), 0);
  for (std::size_t w = 0; w < pids.size(); ++w) {
    int index = shared.current(static_cast<int>(w)).load();
    if (index < 0 || index >= count || received[static_cast<std::size_t>(index)]) continue;
    crashed[static_cast<std::size_t>(index)] = 1;
    results[static_cast<std::size_t>(index)] = WorkerResult{};  // a record cut off mid-way
    results[static_cast<std::size_t>(index)].diagnostics.error(
        describe(index), {}, "skiff crashed while rendering this page; please report it with the page");
  }
  // Items no worker reached (every worker died or could not start), and
  // items a dead worker finished but never sent: run them here so nothing
  // is silently missing.
  for (int i = 0; i < count; ++i) {
    const auto at = static_cast<std::size_t>(i);
    if (received[at] || crashed[at] || interrupted() != 0) continue;
    results[at] = WorkerResult{};  // drop a record cut off mid-way
    run_here(i);
  }
  ::munmap(memory, shared_bytes);
  if (cache_opened) shared_cache::close();
  return results;
}

}  // namespace skiff
