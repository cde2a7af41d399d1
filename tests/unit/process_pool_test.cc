#define BOOST_TEST_MODULE process_pool
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "build/process_pool.h"
#include "markdown/markdown_renderer.h"

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
