#define BOOST_TEST_MODULE process_pool
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "build/process_pool.h"
#include "markdown/markdown_renderer.h"
#include "render/highlighter.h"
#include "render/shared_cache.h"

using namespace skiff;

namespace {

std::string name_of(int i) { return "page-" + std::to_string(i) + ".md"; }

class PlainHooks final : public MarkdownHooks {
 public:
  std::string element_html(std::size_t, bool) override { return {}; }
  std::string heading_id(int, std::string_view, int, int) override { return "h"; }
  std::string code_block(std::string_view, std::string_view code, int, int) override { return std::string(code); }
  std::string link(const MarkdownLink& link) override { return std::string(link.url); }
};

}  // namespace

BOOST_AUTO_TEST_CASE(results_come_back_by_index_with_every_field) {
  auto work = [](int i, Diagnostics& d) {
    d.error(name_of(i), {i + 1, 2 * i + 1}, "message \xC3\xA9 " + std::to_string(i));
    if (i % 2 == 0) d.warning(name_of(i), {}, "even");
  };
  std::vector<Diagnostics> results = run_in_workers(50, 4, work, name_of, {});
  BOOST_REQUIRE_EQUAL(results.size(), 50u);
  for (int i = 0; i < 50; ++i) {
    const auto& all = results[static_cast<std::size_t>(i)].all();
    BOOST_REQUIRE_EQUAL(all.size(), i % 2 == 0 ? 2u : 1u);
    BOOST_TEST(all[0].file == name_of(i));
    BOOST_TEST(all[0].pos.line == i + 1);
    BOOST_TEST(all[0].pos.column == 2 * i + 1);
    BOOST_TEST(all[0].message == "message \xC3\xA9 " + std::to_string(i));
    BOOST_TEST((all[0].severity == Severity::Error));
    if (i % 2 == 0) BOOST_TEST((all[1].severity == Severity::Warning));
  }
}

BOOST_AUTO_TEST_CASE(outputs_larger_than_a_batch_arrive_whole) {
  // Records are batched about 64 KiB at a time: items of several KiB each
  // cross batch boundaries and pipe buffer sizes.
  auto output_of = [](int i) { return std::string(static_cast<std::size_t>(1000 + 37 * i), static_cast<char>('a' + i % 26)); };
  std::vector<WorkerResult> results = run_in_workers_with_output(
      300, 2, [&](int i, Diagnostics&, std::string& out) { out = output_of(i); }, name_of, {});
  BOOST_REQUIRE_EQUAL(results.size(), 300u);
  for (int i = 0; i < 300; ++i) BOOST_TEST((results[static_cast<std::size_t>(i)].output == output_of(i)), i);
}

BOOST_AUTO_TEST_CASE(every_item_runs_in_a_worker_not_again_in_the_parent) {
  const std::string parent = std::to_string(::getpid());
  std::vector<WorkerResult> results = run_in_workers_with_output(
      2000, 2, [](int, Diagnostics&, std::string& out) { out = std::to_string(::getpid()); }, name_of, {});
  int in_parent = 0;
  for (const WorkerResult& r : results) in_parent += r.output == parent ? 1 : 0;
  BOOST_TEST(in_parent == 0);
}

BOOST_AUTO_TEST_CASE(progress_reaches_the_total) {
  int last_done = -1;
  int last_total = -1;
  run_in_workers(20, 3, [](int, Diagnostics&) {}, name_of, [&](int done, int total) {
    last_done = done;
    last_total = total;
  });
  BOOST_TEST(last_done == 20);
  BOOST_TEST(last_total == 20);
}

BOOST_AUTO_TEST_CASE(a_crash_is_reported_on_its_page_and_the_rest_still_runs) {
  auto work = [](int i, Diagnostics& d) {
    if (i == 7) std::abort();
    d.warning(name_of(i), {1, 1}, "done");
  };
  std::vector<Diagnostics> results = run_in_workers(30, 2, work, name_of, {});
  BOOST_TEST(results[7].error_count() == 1);
  BOOST_TEST(results[7].all().at(0).file == "page-7.md");
  BOOST_TEST(results[7].all().at(0).message.find("crashed") != std::string::npos);
  for (int i = 0; i < 30; ++i) {
    if (i != 7) BOOST_TEST(results[static_cast<std::size_t>(i)].warning_count() == 1, i);
  }
}

BOOST_AUTO_TEST_CASE(one_job_runs_in_this_process) {
  int calls = 0;  // only visible if the work ran here
  run_in_workers(5, 1, [&](int, Diagnostics&) { ++calls; }, name_of, {});
  BOOST_TEST(calls == 5);
}

// Regression: with threads, cmark-gfm's process-wide table of extension
// characters was cleared by one parser while another parsed, and pages lost
// strikethrough and autolinks now and then.
BOOST_AUTO_TEST_CASE(parallel_markdown_keeps_every_extension) {
  auto work = [](int i, Diagnostics& d) {
    PlainHooks hooks;
    std::string html = render_markdown(
        "Item " + std::to_string(i) + ": ~~old~~ see www.example.com and\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        false, hooks);
    if (html.find("<del>old</del>") == std::string::npos ||
        html.find("<a href=\"http://www.example.com\">") == std::string::npos ||
        html.find("<table>") == std::string::npos) {
      d.error(name_of(i), {}, html);
    }
  };
  std::vector<Diagnostics> results = run_in_workers(400, 4, work, name_of, {});
  int failures = 0;
  for (const Diagnostics& d : results) failures += d.error_count();
  BOOST_TEST(failures == 0);
}

// --- the cache the workers of one run share (render/shared_cache.h) ---

BOOST_AUTO_TEST_CASE(workers_see_what_other_workers_stored) {
  BOOST_TEST(!shared_cache::is_open());
  // Item 0 stores a value and then waits until some other worker has
  // stored one too; each other item stores its own key and reports which
  // of the keys it can see. Every worker sees item 0's value once stored.
  auto work = [](int i, Diagnostics&, std::string& out) {
    if (!shared_cache::is_open()) {
      out = "closed";
      return;
    }
    const std::string key = "key-" + std::to_string(i % 7);
    const std::string value = "value-" + std::to_string(i % 7) + std::string(static_cast<std::size_t>(i % 7) * 100, 'x');
    shared_cache::insert(key, value);
    shared_cache::insert(key, "a second, different value is ignored");
    auto found = shared_cache::find(key);
    out = found && *found == value ? "ok" : "missing " + key;
  };
  std::vector<WorkerResult> results = run_in_workers_with_output(200, 3, work, name_of, {});
  for (const WorkerResult& r : results) BOOST_TEST(r.output == "ok");
  BOOST_TEST(!shared_cache::is_open());  // closed again after the run
}

BOOST_AUTO_TEST_CASE(a_value_stored_by_one_worker_is_found_by_another) {
  // Worker processes are siblings: item 0 stores, and the others wait (a
  // bounded while) for it to appear; the pid tells whose process found it.
  auto work = [](int i, Diagnostics&, std::string& out) {
    if (i == 0) {
      shared_cache::insert("shared-key", std::to_string(::getpid()));
      out = "stored";
      return;
    }
    for (int tries = 0; tries < 2000; ++tries) {
      if (auto found = shared_cache::find("shared-key")) {
        out = *found == std::to_string(::getpid()) ? "same process" : "other process";
        return;
      }
      ::usleep(1000);
    }
    out = "never found";
  };
  std::vector<WorkerResult> results = run_in_workers_with_output(2, 2, work, name_of, {});
  BOOST_TEST(results[0].output == "stored");
  BOOST_TEST((results[1].output == "other process" || results[1].output == "same process"));
}

BOOST_AUTO_TEST_CASE(shared_cache_without_a_mapping_finds_nothing) {
  BOOST_TEST(!shared_cache::is_open());
  shared_cache::insert("k", "v");
  BOOST_TEST(!shared_cache::find("k"));
  BOOST_REQUIRE(shared_cache::open(std::size_t{1} << 20));
  BOOST_TEST(!shared_cache::open());  // one at a time
  BOOST_TEST(!shared_cache::find("k"));
  shared_cache::insert("k", "v");
  shared_cache::insert("", "");
  BOOST_TEST(shared_cache::find("k").value_or("none") == "v");
  BOOST_TEST(shared_cache::find("").value_or("none") == "");
  // Full: inserts are dropped, earlier entries stay.
  const std::string big(300'000, 'b');
  for (int i = 0; i < 10; ++i) shared_cache::insert("big-" + std::to_string(i), big);
  int stored = 0;
  for (int i = 0; i < 10; ++i) stored += shared_cache::find("big-" + std::to_string(i)) ? 1 : 0;
  BOOST_TEST(stored >= 1);
  BOOST_TEST(stored < 10);
  BOOST_TEST(shared_cache::find("k").value_or("none") == "v");
  shared_cache::close();
  BOOST_TEST(!shared_cache::find("k"));
}

BOOST_AUTO_TEST_CASE(highlighting_in_workers_matches_highlighting_here) {
  // The highlighter keeps its lines in the shared cache: what workers get
  // back (from their own work or another worker's) is what this process
  // computes itself.
  const std::vector<std::string> codes = {"const a = 1;\nlet b = 'x';\n", "", "\n", "x\r\ny\n\n",
                                          "function f() { return 2; }", "// é 日 😳\n"};
  auto work = [&](int i, Diagnostics&, std::string& out) {
    auto lines = Highlighter::instance().highlight_lines("js", codes[static_cast<std::size_t>(i) % codes.size()]);
    out = lines ? std::to_string(lines->size()) : "none";
    if (lines) for (const std::string& line : *lines) out += "|" + line;
  };
  std::vector<WorkerResult> results = run_in_workers_with_output(60, 3, work, name_of, {});
  Highlighter here;
  for (std::size_t i = 0; i < results.size(); ++i) {
    auto lines = here.highlight_lines("js", codes[i % codes.size()]);
    std::string want = lines ? std::to_string(lines->size()) : "none";
    if (lines) for (const std::string& line : *lines) want += "|" + line;
    BOOST_TEST(results[i].output == want);
  }
}
