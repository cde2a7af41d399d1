#define BOOST_TEST_MODULE external_links
#include <boost/test/unit_test.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "lint/external_links.h"
#include "temp_dir.h"

using namespace std::chrono_literals;
using skiff::check_external_links;
using skiff::ExternalCheckOptions;
using skiff::ExternalCheckStats;
using skiff::ExternalLink;
using skiff::external_link_excluded;
using skiff::Findings;
using skiff::Severity;
using Clock = std::chrono::steady_clock;

namespace {

// An HTTP/1.1 server on 127.0.0.1 (a free port), one thread per connection,
// one request per connection. It answers the endpoints below and records
// every request, so tests can assert what was fetched, how often, and how
// many requests were in flight at once. Nothing here reaches the internet.
//
//   /ok              200
//   /gone            404
//   /head-405        405 to HEAD, 200 to GET
//   /head-403        403 to HEAD, 200 to GET
//   /forbidden       403
//   /flaky?fail=N    500 to the first N requests for this exact target, then 200
//   /error           503 always
//   /busy            429 always, no Retry-After
//   /rate            429 with Retry-After: 1 to the first request, then 200
//   /slow            answers after 3 s
//   /slowish         answers after 300 ms
//   /redirect        302 to /ok
//   /redirect-loop   302 to itself
//   /redirect-file   302 to file:///etc/hostname
//   anything else    404
class TestServer {
 public:
  struct Request {
    std::string method;
    std::string target;  // path and query, as sent
    Clock::time_point at;
  };

  TestServer() {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listen_fd_ < 0) throw std::runtime_error("socket failed");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 64) != 0 ||
        ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
      ::close(listen_fd_);
      throw std::runtime_error("cannot listen on 127.0.0.1");
    }
    port_ = ntohs(addr.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
  }

  ~TestServer() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    acceptor_.join();
    for (std::thread& t : workers_) t.join();
    ::close(listen_fd_);
  }

  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  int port() const { return port_; }
  std::string url(const std::string& target) const {
    return "http://127.0.0.1:" + std::to_string(port_) + target;
  }

  // Requests for `target` (exactly), of `method` or of any method.
  int hits(const std::string& target, const std::string& method = "") const {
    std::lock_guard lock(mutex_);
    return static_cast<int>(std::count_if(requests_.begin(), requests_.end(), [&](const Request& r) {
      return r.target == target && (method.empty() || r.method == method);
    }));
  }
  int total() const {
    std::lock_guard lock(mutex_);
    return static_cast<int>(requests_.size());
  }
  std::vector<Request> requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
  }
  int max_in_flight() const {
    std::lock_guard lock(mutex_);
    return max_in_flight_;
  }

 private:
  struct Response {
    int status = 200;
    std::string reason = "OK";
    std::string headers = {};
    std::chrono::milliseconds delay{0};
  };

  void accept_loop() {
    for (;;) {
      {
        std::lock_guard lock(mutex_);
        if (stop_) return;
      }
      pollfd p{listen_fd_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd < 0) continue;
      workers_.emplace_back([this, fd] {
        serve(fd);
        ::close(fd);
      });
    }
  }

  // Reads the request head; "" on timeout, stop or a closed connection.
  std::string read_head(int fd) {
    std::string head;
    const Clock::time_point give_up = Clock::now() + 5s;
    while (head.find("\r\n\r\n") == std::string::npos && head.size() < 65536 && Clock::now() < give_up) {
      {
        std::lock_guard lock(mutex_);
        if (stop_) return {};
      }
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      char buffer[4096];
      ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) return {};
      head.append(buffer, static_cast<std::size_t>(n));
    }
    return head;
  }

  void serve(int fd) {
    std::string head = read_head(fd);
    std::istringstream line(head.substr(0, head.find("\r\n")));
    Request request;
    line >> request.method >> request.target;
    if (request.method.empty() || request.target.empty()) return;
    request.at = Clock::now();
    int earlier = 0;  // requests for this exact target before this one
    {
      std::lock_guard lock(mutex_);
      for (const Request& r : requests_) earlier += r.target == request.target ? 1 : 0;
      requests_.push_back(request);
      max_in_flight_ = std::max(max_in_flight_, ++in_flight_);
    }
    const bool head_method = request.method == "HEAD";
    Response response = route(request, earlier);
    if (response.delay.count() > 0) {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, response.delay, [this] { return stop_; });
    }
    const std::string body = "hello\n";
    std::string out = "HTTP/1.1 " + std::to_string(response.status) + " " + response.reason + "\r\n" +
                      "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n" +
                      response.headers + "\r\n" + (head_method ? "" : body);
    // MSG_NOSIGNAL: the client may hang up early (it stops GETs after the
    // headers); that must not kill the test with SIGPIPE.
    ::send(fd, out.data(), out.size(), MSG_NOSIGNAL);
    std::lock_guard lock(mutex_);
    --in_flight_;
  }

  static Response route(const Request& request, int earlier) {
    const std::string& target = request.target;
    const std::string path = target.substr(0, target.find('?'));
    const bool head = request.method == "HEAD";
    if (path == "/ok") return {};
    if (path == "/head-405") return head ? Response{405, "Method Not Allowed"} : Response{};
    if (path == "/head-403") return head ? Response{403, "Forbidden"} : Response{};
    if (path == "/flaky") {
      std::size_t at = target.find("fail=");
      int fail = at == std::string::npos ? 2 : std::atoi(target.c_str() + at + 5);
      return earlier < fail ? Response{500, "Internal Server Error"} : Response{};
    }
    if (path == "/forbidden") return {403, "Forbidden"};
    if (path == "/error") return {503, "Service Unavailable"};
    if (path == "/busy") return {429, "Too Many Requests"};
    if (path == "/rate") return earlier == 0 ? Response{429, "Too Many Requests", "Retry-After: 1\r\n"} : Response{};
    if (path == "/slow") return {200, "OK", "", 3000ms};
    if (path == "/slowish") return {200, "OK", "", 300ms};
    if (path == "/redirect") return {302, "Found", "Location: /ok\r\n"};
    if (path == "/redirect-loop") return {302, "Found", "Location: /redirect-loop\r\n"};
    if (path == "/redirect-file") return {302, "Found", "Location: file:///etc/hostname\r\n"};
    return {404, "Not Found"};
  }

  int listen_fd_ = -1;
  int port_ = 0;
  std::thread acceptor_;
  std::vector<std::thread> workers_;  // touched by the acceptor only, until it is joined
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::vector<Request> requests_;
  int in_flight_ = 0;
  int max_in_flight_ = 0;
};

// A port on 127.0.0.1 that refuses connections: bound (so no one else gets
// it while the test runs) but not listening.
class ClosedPort {
 public:
  ClosedPort() {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
      throw std::runtime_error("cannot bind 127.0.0.1");
    }
    port = ntohs(addr.sin_port);
  }
  ~ClosedPort() { ::close(fd_); }
  int port = 0;

 private:
  int fd_ = -1;
};

struct Fixture {
  Fixture() {
    // A developer's proxy settings must not route 127.0.0.1 elsewhere.
    ::setenv("no_proxy", "127.0.0.1,localhost", 1);
    ::setenv("NO_PROXY", "127.0.0.1,localhost", 1);
  }
  TestServer server;
};

// Options for tests: no pause between starts to 127.0.0.1 (every request
// here goes to that one host), short timeouts and backoff.
ExternalCheckOptions quick() {
  ExternalCheckOptions o;
  o.per_host = 8;
  o.per_host_interval = 0ms;
  o.timeout = 2000ms;
  o.retries = 2;
  o.backoff = 10ms;
  return o;
}

ExternalLink link(std::string url, std::string file = "pages/en/a.md", int line = 1, int column = 1) {
  return {std::move(url), std::move(file), {line, column}};
}

long ms_between(const TestServer::Request& a, const TestServer::Request& b) {
  return static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(b.at - a.at).count());
}

std::chrono::milliseconds since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

nlohmann::json read_json(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str(), nullptr, false);
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

// ---- What is fetched, and how often -----------------------------------------

BOOST_FIXTURE_TEST_CASE(working_links_give_no_findings, Fixture) {
  ExternalCheckStats stats;
  Findings f = check_external_links({link(server.url("/ok")), link(server.url("/redirect")),
                                     link(server.url("/head-405")), link(server.url("/head-403"))},
                                    quick(), &stats);
  BOOST_TEST(f.empty());
  BOOST_TEST(stats.unique_urls == 4);
  BOOST_TEST(stats.fetched == 4);
  // HEAD is enough when it works: no GET for /ok, one HEAD for it directly
  // and one through the redirect.
  BOOST_TEST(server.hits("/ok", "HEAD") == 2);
  BOOST_TEST(server.hits("/ok", "GET") == 0);
  BOOST_TEST(server.hits("/redirect") == 1);
  // HEAD refused, GET asked and believed.
  BOOST_TEST(server.hits("/head-405", "HEAD") == 1);
  BOOST_TEST(server.hits("/head-405", "GET") == 1);
  BOOST_TEST(server.hits("/head-403", "GET") == 1);
  // Six requests made; the server also saw the hop the redirect led to.
  BOOST_TEST(stats.requests == 6);
  BOOST_TEST(server.total() == 7);
}

BOOST_FIXTURE_TEST_CASE(each_url_is_fetched_once_and_reported_at_every_occurrence, Fixture) {
  std::vector<ExternalLink> links = {
      link(server.url("/ok"), "pages/en/a.md", 3, 5),   link(server.url("/gone"), "pages/en/a.md", 4, 1),
      link(server.url("/ok"), "pages/es/a.md", 3, 5),   link(server.url("/gone"), "pages/es/a.md", 7, 9),
      link(server.url("/ok"), "pages/ja/a.md", 1, 1),   link(server.url("/gone"), "pages/ja/a.md", 2, 2),
      link(server.url("/gone"), "pages/ja/a.md", 2, 2),  // the same occurrence twice: reported once
  };
  ExternalCheckStats stats;
  Findings f = check_external_links(links, quick(), &stats);
  BOOST_TEST(stats.unique_urls == 2);
  BOOST_TEST(server.hits("/ok") == 1);
  BOOST_TEST(server.hits("/gone", "HEAD") == 1);
  BOOST_TEST(server.hits("/gone", "GET") == 1);  // a 404 to HEAD is asked again with GET
  BOOST_REQUIRE_EQUAL(f.size(), 3u);
  const std::string message = "`" + server.url("/gone") + "` answered 404 Not Found";
  BOOST_TEST(f[0].file == "pages/en/a.md");
  BOOST_TEST(f[0].pos.line == 4);
  BOOST_TEST(f[0].pos.column == 1);
  BOOST_TEST(f[1].file == "pages/es/a.md");
  BOOST_TEST(f[1].pos.line == 7);
  BOOST_TEST(f[1].pos.column == 9);
  BOOST_TEST(f[2].file == "pages/ja/a.md");
  for (const auto& finding : f) {
    BOOST_TEST(finding.rule == "external");
    BOOST_TEST((finding.severity == Severity::Error));
    BOOST_TEST(finding.message == message);
    BOOST_TEST(!finding.fix.has_value());
  }
}

BOOST_FIXTURE_TEST_CASE(a_fragment_is_not_fetched_and_the_message_keeps_it, Fixture) {
  ExternalCheckStats stats;
  Findings f = check_external_links({link(server.url("/ok#intro")), link(server.url("/ok#usage")),
                                     link(server.url("/ok")), link(server.url("/gone#x"))},
                                    quick(), &stats);
  BOOST_TEST(stats.unique_urls == 2);
  BOOST_TEST(server.hits("/ok") == 1);
  BOOST_REQUIRE_EQUAL(f.size(), 1u);
  BOOST_TEST(f[0].message == "`" + server.url("/gone#x") + "` answered 404 Not Found");
}

BOOST_FIXTURE_TEST_CASE(gone_for_good_is_an_error_other_4xx_a_warning, Fixture) {
  Findings f = check_external_links({link(server.url("/gone")), link(server.url("/forbidden"))}, quick());
  BOOST_REQUIRE_EQUAL(f.size(), 2u);
  BOOST_TEST((f[0].severity == Severity::Error));
  BOOST_TEST((f[1].severity == Severity::Warning));
  BOOST_TEST(f[1].message == "`" + server.url("/forbidden") + "` answered 403 Forbidden");
  BOOST_TEST(server.hits("/forbidden") == 2);  // HEAD, then GET; 4xx is not retried
}

// ---- Retries and backoff ------------------------------------------------------

BOOST_FIXTURE_TEST_CASE(server_errors_are_retried_until_they_pass, Fixture) {
  // HEAD gets 500 and is asked again with GET; the GET gets 500 once more,
  // then 200 on its retry.
  Findings f = check_external_links({link(server.url("/flaky?fail=2"))}, quick());
  BOOST_TEST(f.empty());
  BOOST_TEST(server.hits("/flaky?fail=2", "HEAD") == 1);
  BOOST_TEST(server.hits("/flaky?fail=2", "GET") == 2);
}

BOOST_FIXTURE_TEST_CASE(server_errors_after_the_retries_are_a_warning, Fixture) {
  ExternalCheckOptions o = quick();
  o.retries = 2;
  Findings f = check_external_links({link(server.url("/flaky?fail=10"))}, o);
  BOOST_REQUIRE_EQUAL(f.size(), 1u);
  BOOST_TEST((f[0].severity == Severity::Warning));
  BOOST_TEST(f[0].message == "`" + server.url("/flaky?fail=10") + "` answered 500 Internal Server Error (3 tries)");
  BOOST_TEST(server.hits("/flaky?fail=10", "GET") == 3);  // the first try and two retries
}

BOOST_FIXTURE_TEST_CASE(backoff_doubles_between_tries, Fixture) {
  ExternalCheckOptions o = quick();
  o.retries = 2;
  o.backoff = 200ms;
  const Clock::time_point start = Clock::now();
  Findings f = check_external_links({link(server.url("/error"))}, o);
  const auto elapsed = since(start);
  BOOST_REQUIRE_EQUAL(f.size(), 1u);
  BOOST_TEST(f[0].message.find("answered 503 Service Unavailable (3 tries)") != std::string::npos, f[0].message);
  // 200 ms, then 400 ms.
  BOOST_TEST(elapsed.count() >= 600, elapsed.count() << " ms");
  std::vector<TestServer::Request> gets;
  for (const auto& r : server.requests()) {
    if (r.method == "GET") gets.push_back(r);
  }
  BOOST_REQUIRE_EQUAL(gets.size(), 3u);
  BOOST_TEST(ms_between(gets[0], gets[1]) >= 200);
  BOOST_TEST(ms_between(gets[1], gets[2]) >= 400);
}

BOOST_FIXTURE_TEST_CASE(retry_after_wins_over_the_backoff, Fixture) {
  const Clock::time_point start = Clock::now();
  Findings f = check_external_links({link(server.url("/rate"))}, quick());  // backoff 10 ms
  const auto elapsed = since(start);
  BOOST_TEST(f.empty());
  BOOST_TEST(server.hits("/rate", "HEAD") == 2);  // 429 is retried as it was asked
  BOOST_TEST(elapsed.count() >= 1000, elapsed.count() << " ms");
}

BOOST_FIXTURE_TEST_CASE(too_many_requests_after_the_retries_is_a_warning, Fixture) {
  ExternalCheckOptions o = quick();
  o.retries = 1;
  Findings f = check_external_links({link(server.url("/busy"))}, o);
  BOOST_REQUIRE_EQUAL(f.size(), 1u);
  BOOST_TEST((f[0].severity == Severity::Warning));
  BOOST_TEST(f[0].message == "`" + server.url("/busy") + "` answered 429 Too Many Requests (2 tries)");
  BOOST_TEST(server.hits("/busy") == 2);
}

BOOST_FIXTURE_TEST_CASE(a_timeout_is_retried_then_a_warning, Fixture) {
  ExternalCheckOptions o = quick();
  o.timeout = 300ms;
  o.retries = 1;
  const Clock::time_point start = Clock::now();
  Findings f = check_external_links({link(server.url("/slow"))}, o);
  const auto elapsed = since(start);
  BOOST_REQUIRE_EQUAL(f.size(), 1u);
  BOOST_TEST((f[0].severity == Severity::Warning));
  BOOST_TEST(f[0].message == "`" + server.url("/slow") + "` timed out after 0.3 s (2 tries)");
  BOOST_TEST(server.hits("/slow") == 2);
  BOOST_TEST(elapsed.count() < 2500, elapsed.count() << " ms");  // did not wait for the 3 s answer
}

// ---- Redirects and unreachable hosts --------------------------------------------

BOOST_FIXTURE_TEST_CASE(a_redirect_loop_is_an_error, Fixture) {
  Findings f = check_external_links({link(server.url("/redirect-loop"))}, quick());
  BOOST_REQUIRE_EQUAL(f.size(), 1u);
  BOOST_TEST((f[0].severity == Severity::Error));
  BOOST_TEST(f[0].message == "`" + server.url("/redirect-loop") + "` redirects more than 10 times");
  BOOST_TEST(server.hits("/redirect-loop") == 11);  // the first request and 10 redirects
}

BOOST_FIXTURE_TEST_CASE(a_redirect_to_a_file_url_is_not_followed, Fixture) {
  Findings f = check_external_links({link(server.url("/redirect-file"))}, quick());
  BOOST_REQUIRE_EQUAL(f.size(), 1u);
  BOOST_TEST((f[0].severity == Severity::Warning));
  BOOST_TEST(f[0].message == "`" + server.url("/redirect-file") +
                                 "` redirects to `file:///etc/hostname`, which is not http or https, not followed");
}

BOOST_AUTO_TEST_CASE(a_refused_connection_is_an_error) {
  ClosedPort closed;
  ExternalCheckOptions o = quick();
  o.retries = 1;
  const std::string url = "http://127.0.0.1:" + std::to_string(closed.port) + "/x";
  ExternalCheckStats stats;
  Findings f = check_external_links({link(url)}, o, &stats);
  BOOST_REQUIRE_EQUAL(f.size(), 1u);
  BOOST_TEST((f[0].severity == Severity::Error));
  BOOST_TEST(f[0].message == "`" + url + "` could not connect: connection refused (2 tries)");
  BOOST_TEST(stats.requests == 2);
}

BOOST_FIXTURE_TEST_CASE(urls_that_are_not_http_are_reported_not_fetched, Fixture) {
  ExternalCheckStats stats;
  const std::string ftp = "ftp://127.0.0.1:" + std::to_string(server.port()) + "/ok";
  const std::string bad_port = "http://127.0.0.1:99999/ok";
  Findings f = check_external_links({link(ftp), link("mailto:someone@example.com"), link(bad_port)}, quick(), &stats);
  BOOST_TEST(server.total() == 0);
  BOOST_TEST(stats.requests == 0);
  BOOST_TEST(stats.not_checkable == 3);
  BOOST_REQUIRE_EQUAL(f.size(), 3u);
  BOOST_TEST(f[0].message == "`" + ftp + "` is not an http or https URL, so it was not checked");
  BOOST_TEST((f[0].severity == Severity::Warning));
  BOOST_TEST((f[1].severity == Severity::Warning));
  BOOST_TEST(f[2].message.find("is not a valid URL") != std::string::npos, f[2].message);
  BOOST_TEST((f[2].severity == Severity::Error));
}

BOOST_AUTO_TEST_CASE(no_links_no_work) {
  ExternalCheckStats stats;
  stats.fetched = 99;
  BOOST_TEST(check_external_links({}, quick(), &stats).empty());
  BOOST_TEST(stats.unique_urls == 0);
  BOOST_TEST(stats.fetched == 0);
}

// ---- Limits ---------------------------------------------------------------------

std::vector<ExternalLink> slowish_links(TestServer& server, int n) {
  std::vector<ExternalLink> links;
  for (int i = 0; i < n; ++i) links.push_back(link(server.url("/slowish?i=" + std::to_string(i))));
  return links;
}

BOOST_FIXTURE_TEST_CASE(requests_in_flight_per_host_are_capped, Fixture) {
  ExternalCheckOptions o = quick();
  o.per_host = 2;
  Findings f = check_external_links(slowish_links(server, 6), o);
  BOOST_TEST(f.empty());
  BOOST_TEST(server.total() == 6);
  BOOST_TEST(server.max_in_flight() == 2);
}

BOOST_FIXTURE_TEST_CASE(requests_in_flight_in_total_are_capped, Fixture) {
  ExternalCheckOptions o = quick();
  o.concurrency = 1;
  Findings f = check_external_links(slowish_links(server, 3), o);
  BOOST_TEST(f.empty());
  BOOST_TEST(server.max_in_flight() == 1);
}

// The measurement above can see more than two at once.
BOOST_FIXTURE_TEST_CASE(without_a_cap_requests_overlap, Fixture) {
  ExternalCheckOptions o = quick();
  o.per_host = 6;
  check_external_links(slowish_links(server, 6), o);
  BOOST_TEST(server.max_in_flight() > 2);
}

BOOST_FIXTURE_TEST_CASE(request_starts_to_one_host_are_spaced, Fixture) {
  ExternalCheckOptions o = quick();
  o.per_host_interval = 150ms;
  std::vector<ExternalLink> links;
  for (int i = 0; i < 4; ++i) links.push_back(link(server.url("/ok?i=" + std::to_string(i))));
  const Clock::time_point start = Clock::now();
  Findings f = check_external_links(links, o);
  const auto elapsed = since(start);
  BOOST_TEST(f.empty());
  BOOST_TEST(elapsed.count() >= 450, elapsed.count() << " ms");
  std::vector<TestServer::Request> requests = server.requests();
  BOOST_REQUIRE_EQUAL(requests.size(), 4u);
  for (std::size_t i = 1; i < requests.size(); ++i) {
    // Measured at the server, so allow for connection set-up jitter.
    BOOST_TEST(ms_between(requests[i - 1], requests[i]) >= 100);
  }
}

// ---- Exclude list -----------------------------------------------------------------

BOOST_FIXTURE_TEST_CASE(excluded_urls_are_never_fetched, Fixture) {
  ExternalCheckOptions o = quick();
  o.exclude = {server.url("/private"), "*/skip/*"};
  ExternalCheckStats stats;
  Findings f = check_external_links(
      {link(server.url("/private/gone")), link(server.url("/a/skip/b")), link(server.url("/ok"))}, o, &stats);
  BOOST_TEST(f.empty());  // both excluded URLs would answer 404
  BOOST_TEST(server.hits("/private/gone") == 0);
  BOOST_TEST(server.hits("/a/skip/b") == 0);
  BOOST_TEST(server.total() == 1);
  BOOST_TEST(stats.excluded == 2);
  BOOST_TEST(stats.fetched == 1);
}

BOOST_AUTO_TEST_CASE(exclude_patterns_are_prefixes_with_stars) {
  const std::vector<std::string> patterns = {"https://example.com/private", "https://*.internal.test/",
                                             "*/drafts/*"};
  BOOST_TEST(external_link_excluded("https://example.com/private", patterns));
  BOOST_TEST(external_link_excluded("https://example.com/private/a?b=c", patterns));
  BOOST_TEST(!external_link_excluded("https://example.com/public", patterns));
  BOOST_TEST(!external_link_excluded("http://example.com/private", patterns));
  BOOST_TEST(external_link_excluded("https://wiki.internal.test/page", patterns));
  BOOST_TEST(external_link_excluded("https://a.b.internal.test/", patterns));
  BOOST_TEST(!external_link_excluded("https://internal.test/", patterns));
  BOOST_TEST(external_link_excluded("http://x.org/docs/drafts/one", patterns));
  BOOST_TEST(!external_link_excluded("http://x.org/docs/drafts", patterns));
  BOOST_TEST(!external_link_excluded("https://example.com/", {}));
  BOOST_TEST(!external_link_excluded("https://example.com/", {""}));  // an empty pattern excludes nothing
  BOOST_TEST(external_link_excluded("https://example.com/", {"*"}));
  BOOST_TEST(external_link_excluded("https://example.com/?q", {"https://example.com/?"}));  // '?' is literal
  BOOST_TEST(!external_link_excluded("https://example.com/a", {"https://example.com/?"}));
  BOOST_TEST(!external_link_excluded("https://Example.com/private", patterns));  // case-sensitive
}

// ---- Cache ----------------------------------------------------------------------------

BOOST_FIXTURE_TEST_CASE(the_cache_skips_successes_but_not_failures, Fixture) {
  skiff::testing::TempDir dir;
  ExternalCheckOptions o = quick();
  o.cache_file = dir.path / "cache" / "external-links.json";  // the folder is created
  const std::vector<ExternalLink> links = {link(server.url("/ok")), link(server.url("/gone"))};

  ExternalCheckStats first;
  BOOST_TEST(check_external_links(links, o, &first).size() == 1u);
  BOOST_TEST(first.fetched == 2);
  BOOST_TEST(first.cache_problem == "");
  nlohmann::json cache = read_json(o.cache_file);
  BOOST_REQUIRE(cache.is_object());
  BOOST_TEST(cache["version"] == 1);
  BOOST_TEST(cache["links"].size() == 1u);
  BOOST_TEST(cache["links"][server.url("/ok")]["status"] == 200);
  const std::int64_t checked = cache["links"][server.url("/ok")]["checked"].get<std::int64_t>();
  BOOST_TEST(std::abs(checked - unix_now()) <= 5);
  // A new cache file gets ordinary permissions (not setuid, not writable by all).
  using std::filesystem::perms;
  const perms mode = std::filesystem::status(o.cache_file).permissions();
  BOOST_TEST(((mode & (perms::set_uid | perms::set_gid | perms::sticky_bit | perms::others_write)) == perms::none));

  ExternalCheckStats second;
  Findings f = check_external_links(links, o, &second);
  BOOST_REQUIRE_EQUAL(f.size(), 1u);  // the failure is still reported
  BOOST_TEST(f[0].message.find("404") != std::string::npos);
  BOOST_TEST(second.from_cache == 1);
  BOOST_TEST(second.fetched == 1);
  BOOST_TEST(server.hits("/ok") == 1);           // not asked again
  BOOST_TEST(server.hits("/gone", "HEAD") == 2);  // asked again
}

BOOST_FIXTURE_TEST_CASE(expired_cache_entries_are_fetched_again, Fixture) {
  skiff::testing::TempDir dir;
  ExternalCheckOptions o = quick();
  o.cache_file = dir.path / "links.json";
  nlohmann::json cache = {{"version", 1},
                          {"links",
                           {{server.url("/ok"), {{"status", 200}, {"checked", unix_now() - 2 * 24 * 3600}}},
                            {server.url("/ok?fresh"), {{"status", 200}, {"checked", unix_now() - 60}}},
                            {"https://elsewhere.test/", {{"status", 200}, {"checked", unix_now() - 60}}},
                            {"https://stale.test/", {{"status", 200}, {"checked", unix_now() - 3 * 24 * 3600}}}}}};
  write(o.cache_file, cache.dump());
  ExternalCheckStats stats;
  check_external_links({link(server.url("/ok")), link(server.url("/ok?fresh"))}, o, &stats);
  BOOST_TEST(stats.from_cache == 1);
  BOOST_TEST(stats.fetched == 1);
  BOOST_TEST(server.hits("/ok") == 1);
  BOOST_TEST(server.hits("/ok?fresh") == 0);
  nlohmann::json after = read_json(o.cache_file);
  // Entries of other URLs stay until they expire.
  BOOST_TEST(after["links"].contains("https://elsewhere.test/"));
  BOOST_TEST(!after["links"].contains("https://stale.test/"));
  BOOST_TEST(after["links"][server.url("/ok")]["checked"].get<std::int64_t>() >= unix_now() - 5);

  // A TTL of zero trusts nothing.
  o.cache_ttl = std::chrono::hours(0);
  check_external_links({link(server.url("/ok?fresh"))}, o, &stats);
  BOOST_TEST(stats.from_cache == 0);
  BOOST_TEST(server.hits("/ok?fresh") == 1);
}

BOOST_FIXTURE_TEST_CASE(a_corrupt_cache_is_ignored_and_replaced, Fixture) {
  skiff::testing::TempDir dir;
  ExternalCheckOptions o = quick();
  o.cache_file = dir.path / "links.json";
  const std::vector<ExternalLink> links = {link(server.url("/ok"))};
  for (const std::string& junk : {std::string("{not json"), std::string("[1, 2]"), std::string("\0\xff\xfe", 3),
                                  std::string(R"({"version": 1, "links": {")" + server.url("/ok") +
                                              R"(": {"status": "200", "checked": "yesterday"}}})"),
                                  std::string(R"({"version": 2, "links": {}})")}) {
    write(o.cache_file, junk);
    ExternalCheckStats stats;
    BOOST_TEST(check_external_links(links, o, &stats).empty());
    BOOST_TEST(stats.fetched == 1);
    BOOST_TEST(stats.from_cache == 0);
  }
  BOOST_TEST(server.hits("/ok") == 5);
  ExternalCheckStats stats;
  check_external_links(links, o, &stats);  // the last run wrote a good cache
  BOOST_TEST(stats.from_cache == 1);
  BOOST_TEST(server.hits("/ok") == 5);
}

BOOST_FIXTURE_TEST_CASE(a_cache_that_cannot_be_written_is_reported_not_fatal, Fixture) {
  skiff::testing::TempDir dir;
  write(dir.path / "file", "x");
  ExternalCheckOptions o = quick();
  o.cache_file = dir.path / "file" / "links.json";  // under a file: cannot exist
  ExternalCheckStats stats;
  BOOST_TEST(check_external_links({link(server.url("/ok"))}, o, &stats).empty());
  BOOST_TEST(!stats.cache_problem.empty());
}
