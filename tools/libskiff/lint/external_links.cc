#include "lint/external_links.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <deque>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <system_error>
#include <tuple>
#include <utility>

#include "base/disk.h"

namespace skiff {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr int kMaxRedirects = 10;
constexpr milliseconds kMaxWait{30000};  // longest pause before a retry
constexpr int kCacheVersion = 1;

// libcurl's process-wide setup, once per process. Never undone: other
// threads may still be checking, and the process exit frees it anyway.
bool curl_ready() {
  static std::once_flag once;
  static bool ok = false;
  std::call_once(once, [] { ok = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; });
  return ok;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The scheme of `url` (lowercased, without ':'), or "" when it has none.
std::string scheme_of(std::string_view url) {
  std::size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return {};
  if (!std::isalpha(static_cast<unsigned char>(url[0]))) return {};
  for (char c : url.substr(0, colon)) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return {};
  }
  return lower(url.substr(0, colon));
}

// RFC 9110 reason phrases, so messages read the same whatever the server
// sent (HTTP/2 sends none at all).
std::string_view reason_phrase(long status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 402: return "Payment Required";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 407: return "Proxy Authentication Required";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 421: return "Misdirected Request";
    case 422: return "Unprocessable Content";
    case 423: return "Locked";
    case 425: return "Too Early";
    case 426: return "Upgrade Required";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 451: return "Unavailable For Legal Reasons";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    default: return {};
  }
}

// "15 s", "0.3 s".
std::string seconds_text(milliseconds ms) {
  if (ms.count() % 1000 == 0) return fmt::format("{} s", ms.count() / 1000);
  return fmt::format("{:g} s", static_cast<double>(ms.count()) / 1000.0);
}

std::string tries_text(int tries) { return tries > 1 ? fmt::format(" ({} tries)", tries) : std::string(); }

// What became of one unique URL.
struct Outcome {
  bool failed = false;
  Severity severity = Severity::Error;
  std::string text;  // follows the backticked URL in the message
};

struct Target {
  enum class Kind { Fetch, Excluded, NotCheckable };
  Kind kind = Kind::Fetch;
  std::string url;   // Fetch: normalised by libcurl, no fragment
  std::string host;  // Fetch: lowercased host name, the per-host key
  bool from_cache = false;
  bool succeeded = false;  // fetched this run with a success
  long status = 0;         // final HTTP status when answered
  Outcome outcome;
};

// Parses `written` (fragment removed): a Fetch target, or one that says why
// it cannot be fetched.
Target parse_target(const std::string& written) {
  Target t;
  std::string scheme = scheme_of(written);
  if (scheme != "http" && scheme != "https") {
    t.kind = Target::Kind::NotCheckable;
    t.outcome = {true, Severity::Warning, "is not an http or https URL, so it was not checked"};
    return t;
  }
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> handle(curl_url(), curl_url_cleanup);
  if (!handle) {
    t.kind = Target::Kind::NotCheckable;
    t.outcome = {true, Severity::Warning, "could not be checked: out of memory"};
    return t;
  }
  // CURLU_URLENCODE: spaces and non-ASCII are sent percent-encoded, as a
  // browser sends them; existing %XX escapes are kept.
  CURLUcode rc = curl_url_set(handle.get(), CURLUPART_URL, written.c_str(), CURLU_URLENCODE);
  char* url = nullptr;
  char* host = nullptr;
  if (rc == CURLUE_OK) rc = curl_url_get(handle.get(), CURLUPART_URL, &url, 0);
  if (rc == CURLUE_OK) rc = curl_url_get(handle.get(), CURLUPART_HOST, &host, 0);
  if (rc != CURLUE_OK || host == nullptr || *host == '\0') {
    t.kind = Target::Kind::NotCheckable;
    t.outcome = {true, Severity::Error,
                 fmt::format("is not a valid URL ({})", rc != CURLUE_OK ? curl_url_strerror(rc) : "no host")};
  } else {
    t.url = url;
    t.host = lower(host);
  }
  curl_free(url);
  curl_free(host);
  return t;
}

// `text` matches `pattern` at its start; '*' in the pattern matches any run.
bool prefix_glob(std::string_view pattern, std::string_view text) {
  // Greedy matching with one backtrack point: linear enough for URLs, and
  // no recursion to blow up on patterns full of stars.
  std::size_t p = 0, t = 0, star = std::string_view::npos, star_t = 0;
  while (p < pattern.size()) {
    if (pattern[p] == '*') {
      star = p++;
      star_t = t;
    } else if (t < text.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos && star_t < text.size()) {
      p = star + 1;
      t = ++star_t;
    } else {
      return false;
    }
  }
  return true;  // the pattern is used up: the rest of the text is free
}

// ---- Cache ----------------------------------------------------------------

struct CacheEntry {
  long status = 0;
  std::int64_t checked = 0;  // Unix seconds
};
using Cache = std::map<std::string, CacheEntry, std::less<>>;

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool fresh(const CacheEntry& e, std::int64_t now, std::chrono::hours ttl) {
  const std::int64_t ttl_s = std::chrono::duration_cast<std::chrono::seconds>(ttl).count();
  // An entry from the future (clock changed) is not trusted.
  return e.status >= 100 && e.status < 400 && e.checked <= now + 60 && now - e.checked < ttl_s;
}

// The fresh entries of the cache file; `dropped` is set when the file had
// anything else (expired, unusable), so it is worth rewriting.
Cache read_cache(const std::filesystem::path& path, std::chrono::hours ttl, std::int64_t now, bool& dropped,
                 std::string& problem) {
  Cache cache;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return cache;
  std::string error;
  std::optional<std::string> text = read_file(path, error);
  if (!text) {
    problem = "link cache not read: " + error;
    return cache;
  }
  nlohmann::json doc = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  const auto version = doc.is_object() ? doc.find("version") : doc.end();
  const auto links = doc.is_object() ? doc.find("links") : doc.end();
  if (!doc.is_object() || version == doc.end() || *version != kCacheVersion || links == doc.end() ||
      !links->is_object()) {
    problem = "link cache " + path.string() + " is not a skiff link cache (version 1); ignored";
    dropped = true;
    return cache;
  }
  for (const auto& [url, value] : links->items()) {
    CacheEntry e;
    if (value.is_object() && value.contains("status") && value["status"].is_number_integer() &&
        value.contains("checked") && value["checked"].is_number_integer()) {
      e.status = value["status"].get<long>();
      e.checked = value["checked"].get<std::int64_t>();
    }
    if (fresh(e, now, ttl)) {
      cache.emplace(url, e);
    } else {
      dropped = true;
    }
  }
  return cache;
}

bool write_cache(const std::filesystem::path& path, const Cache& cache, std::string& problem) {
  nlohmann::json links = nlohmann::json::object();
  for (const auto& [url, e] : cache) links[url] = {{"status", e.status}, {"checked", e.checked}};
  nlohmann::json doc = {{"version", kCacheVersion}, {"links", std::move(links)}};
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  // replace_file gives the new file the old one's permissions; with no old
  // file it would apply "unknown" (07777), so an empty one (umask
  // permissions) is made first. A reader seeing it empty treats it as
  // corrupt, which costs one uncached run at worst.
  if (!std::filesystem::exists(path, ec)) std::ofstream(path, std::ios::binary | std::ios::app);
  std::string error;
  // Cached URLs may be any bytes a page held: replace invalid UTF-8 rather
  // than throw.
  if (!replace_file(path, doc.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n", error)) {
    problem = "link cache not written: " + error;
    return false;
  }
  return true;
}

// ---- Fetching -------------------------------------------------------------

// One URL on its way through the queue: its current method, its failures
// so far and, while running, its curl handle.
struct Job {
  Target* target = nullptr;
  bool head = true;
  int failures = 0;  // tries that failed in a way worth retrying
  Clock::time_point not_before{};
  CURL* easy = nullptr;
  bool body_stopped = false;  // the write callback ended the transfer on purpose
  std::string location;       // the last Location header seen (for messages)
  char error[CURL_ERROR_SIZE] = {};
};

// GET answers: the status and headers are all we need. A redirect's body
// (followed by curl) is skipped; the first byte of any other body ends the
// transfer, so a link to a large file does not download it.
std::size_t on_body(char*, std::size_t size, std::size_t count, void* user) {
  Job& job = *static_cast<Job*>(user);
  long status = 0;
  curl_easy_getinfo(job.easy, CURLINFO_RESPONSE_CODE, &status);
  if (status >= 300 && status < 400) return size * count;
  job.body_stopped = true;
  return 0;  // makes the transfer end with CURLE_WRITE_ERROR
}

// Keeps the Location header: when a redirect is refused (file://…),
// libcurl names only the scheme, and the message should name the URL.
std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  Job& job = *static_cast<Job*>(user);
  std::string_view line(data, size * count);
  constexpr std::string_view kName = "location:";
  if (line.size() > kName.size() && lower(line.substr(0, kName.size())) == kName) {
    line.remove_prefix(kName.size());
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n' || line.back() == ' ')) {
      line.remove_suffix(1);
    }
    job.location = line;
  }
  return size * count;
}

class Fetcher {
 public:
  Fetcher(const ExternalCheckOptions& options, ExternalCheckStats& stats)
      : options_(options),
        stats_(stats),
        concurrency_(std::max(1, options.concurrency)),
        per_host_(std::max(1, options.per_host)),
        retries_(std::max(0, options.retries)),
        timeout_(options.timeout.count() > 0 ? options.timeout : milliseconds(15000)) {}

  // Fetches every target; each gets its outcome.
  void run(const std::vector<Target*>& targets) {
    for (Target* t : targets) {
      jobs_.push_back(std::make_unique<Job>());
      jobs_.back()->target = t;
      pending_.push_back(jobs_.back().get());
    }
    if (!curl_ready()) return fail_all("libcurl could not be initialised");
    multi_ = curl_multi_init();
    if (multi_ == nullptr) return fail_all("libcurl could not be initialised");
    loop();
    for (auto& job : jobs_) {
      if (job->easy != nullptr) end_transfer(*job);  // only after an error in loop()
    }
    curl_multi_cleanup(multi_);
  }

 private:
  struct Host {
    int in_flight = 0;
    std::optional<Clock::time_point> last_start;
  };

  void loop() {
    while (!pending_.empty() || in_flight_ > 0) {
      const Clock::time_point now = Clock::now();
      Clock::time_point wake = now + milliseconds(1000);
      start_ready(now, wake);
      int running = 0;
      CURLMcode mc = curl_multi_perform(multi_, &running);
      if (mc != CURLM_OK) return fail_all(std::string("libcurl failed: ") + curl_multi_strerror(mc));
      if (collect_finished() > 0) continue;  // free slots: start more before waiting
      if (pending_.empty() && in_flight_ == 0) break;
      // Sleep until a socket is ready, curl's own timers fire (it uses the
      // shorter of those and ours) or a queued job may start.
      auto wait = std::chrono::ceil<milliseconds>(wake - Clock::now());
      int wait_ms = static_cast<int>(std::clamp<milliseconds::rep>(wait.count(), 0, 1000));
      mc = curl_multi_poll(multi_, nullptr, 0, wait_ms, nullptr);
      if (mc != CURLM_OK) return fail_all(std::string("libcurl failed: ") + curl_multi_strerror(mc));
    }
  }

  // Starts, in queue order, every job whose time has come and whose host
  // and the whole run have room; `wake` becomes the earliest time a waiting
  // job could start. Jobs that only wait for a free slot are woken by the
  // transfer that frees it.
  void start_ready(Clock::time_point now, Clock::time_point& wake) {
    for (auto it = pending_.begin(); it != pending_.end() && in_flight_ < concurrency_;) {
      Job& job = **it;
      Host& host = hosts_[job.target->host];
      if (job.not_before > now) {
        wake = std::min(wake, job.not_before);
        ++it;
        continue;
      }
      if (host.in_flight >= per_host_) {
        ++it;
        continue;
      }
      if (host.last_start && *host.last_start + options_.per_host_interval > now) {
        wake = std::min(wake, *host.last_start + options_.per_host_interval);
        ++it;
        continue;
      }
      it = pending_.erase(it);
      if (!begin_transfer(job)) {
        finish(job, {true, Severity::Warning, "could not be checked: libcurl could not start a request"});
        continue;
      }
      ++host.in_flight;
      host.last_start = now;
      ++in_flight_;
      ++stats_.requests;
    }
  }

  bool begin_transfer(Job& job) {
    job.easy = curl_easy_init();
    if (job.easy == nullptr) return false;
    job.body_stopped = false;
    job.location.clear();
    job.error[0] = '\0';
    CURL* e = job.easy;
    curl_easy_setopt(e, CURLOPT_URL, job.target->url.c_str());
    curl_easy_setopt(e, CURLOPT_PRIVATE, &job);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, job.error);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    // Only the web: neither the link nor a redirect may reach file://,
    // ftp:// or anything else libcurl speaks.
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, static_cast<long>(kMaxRedirects));
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_.count()));
    curl_easy_setopt(e, CURLOPT_USERAGENT, options_.user_agent.c_str());
    // Cookies live for this request only: some sites redirect in a loop
    // until the client returns the cookie they set.
    curl_easy_setopt(e, CURLOPT_COOKIEFILE, "");
    if (job.head) curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);  // never to stdout, curl's default
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &job);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, &job);
    if (curl_multi_add_handle(multi_, e) != CURLM_OK) {
      curl_easy_cleanup(e);
      job.easy = nullptr;
      return false;
    }
    return true;
  }

  void end_transfer(Job& job) {
    curl_multi_remove_handle(multi_, job.easy);
    curl_easy_cleanup(job.easy);
    job.easy = nullptr;
  }

  // Handles every transfer that ended; returns how many did.
  int collect_finished() {
    int done = 0;
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      Job* job = nullptr;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &job);
      const CURLcode rc = msg->data.result;  // read before the handle goes
      --in_flight_;
      --hosts_[job->target->host].in_flight;
      ++done;
      judge(*job, rc);
    }
    return done;
  }

  // Decides what one finished try means: the URL's outcome, or another try.
  void judge(Job& job, CURLcode rc) {
    long status = 0;
    curl_easy_getinfo(job.easy, CURLINFO_RESPONSE_CODE, &status);
    curl_off_t retry_after = 0;
    curl_easy_getinfo(job.easy, CURLINFO_RETRY_AFTER, &retry_after);
    long os_errno = 0;
    curl_easy_getinfo(job.easy, CURLINFO_OS_ERRNO, &os_errno);
    char* effective = nullptr;
    curl_easy_getinfo(job.easy, CURLINFO_EFFECTIVE_URL, &effective);
    std::string via;
    if (effective != nullptr && job.target->url != effective) {
      via = fmt::format(" after redirecting to `{}`", effective);
    }
    std::string detail = job.error[0] != '\0' ? std::string(job.error) : std::string(curl_easy_strerror(rc));
    end_transfer(job);
    const Clock::time_point now = Clock::now();
    job.target->status = status;

    const bool answered = status > 0 && (rc == CURLE_OK || (rc == CURLE_WRITE_ERROR && job.body_stopped));
    if (answered) {
      std::string answer = fmt::format("answered {}", status);
      if (std::string_view phrase = reason_phrase(status); !phrase.empty()) answer += " " + std::string(phrase);
      answer += via;
      if (status < 400) return succeed(job);
      if (job.head && status != 429) {
        job.head = false;  // maybe only HEAD is refused: ask as a browser would
        job.not_before = now;
        pending_.push_back(&job);
        return;
      }
      if (status == 429 || status >= 500) {
        if (retry(job, now, retry_after)) return;
        return finish(job, {true, Severity::Warning, answer + tries_text(job.failures)});
      }
      return finish(job, {true, status == 404 || status == 410 ? Severity::Error : Severity::Warning, answer});
    }
    switch (rc) {
      case CURLE_OPERATION_TIMEDOUT:
        if (retry(job, now, 0)) return;
        return finish(job, {true, Severity::Warning,
                            "timed out after " + seconds_text(timeout_) + tries_text(job.failures)});
      case CURLE_COULDNT_CONNECT:
        if (retry(job, now, 0)) return;
        if (os_errno == ECONNREFUSED) {
          return finish(job, {true, Severity::Error,
                              "could not connect: connection refused" + tries_text(job.failures)});
        }
        if (os_errno != 0) detail = std::strerror(static_cast<int>(os_errno));
        return finish(job, {true, Severity::Warning, "could not connect: " + detail + tries_text(job.failures)});
      case CURLE_COULDNT_RESOLVE_HOST:
        return finish(job, {true, Severity::Error,
                            fmt::format("could not connect: host `{}` not found", job.target->host)});
      case CURLE_TOO_MANY_REDIRECTS:
        return finish(job, {true, Severity::Error, fmt::format("redirects more than {} times", kMaxRedirects)});
      case CURLE_UNSUPPORTED_PROTOCOL:
        // The URL itself is http(s) (checked before), so a redirect led here.
        return finish(job, {true, Severity::Warning,
                            job.location.empty()
                                ? "redirects to a URL that is not http or https, not followed (" + detail + ")"
                                : fmt::format("redirects to `{}`, which is not http or https, not followed",
                                              job.location)});
      case CURLE_PEER_FAILED_VERIFICATION:
        return finish(job, {true, Severity::Error, "has a TLS certificate that was rejected: " + detail});
      case CURLE_SSL_CONNECT_ERROR:
      case CURLE_SEND_ERROR:
      case CURLE_RECV_ERROR:
      case CURLE_GOT_NOTHING:
      case CURLE_PARTIAL_FILE:
      case CURLE_HTTP2:
      case CURLE_HTTP2_STREAM:
        if (retry(job, now, 0)) return;
        return finish(job, {true, Severity::Warning,
                            "connection failed: " + detail + tries_text(job.failures)});
      default:
        return finish(job, {true, Severity::Warning, "could not be checked: " + detail});
    }
  }

  // Queues another try after the backoff (or the server's Retry-After);
  // false when the retries are used up.
  bool retry(Job& job, Clock::time_point now, curl_off_t retry_after_s) {
    ++job.failures;
    if (job.failures > retries_) return false;
    milliseconds wait = std::max(options_.backoff, milliseconds(0));
    for (int i = 1; i < job.failures && wait < kMaxWait; ++i) wait *= 2;
    if (retry_after_s > 0) {
      wait = retry_after_s >= kMaxWait.count() / 1000 ? kMaxWait : std::chrono::seconds(retry_after_s);
    }
    job.not_before = now + std::min(wait, kMaxWait);
    pending_.push_back(&job);
    return true;
  }

  void succeed(Job& job) {
    job.target->succeeded = true;
    job.target->outcome = {};
  }

  void finish(Job& job, Outcome outcome) { job.target->outcome = std::move(outcome); }

  // libcurl itself failed: whatever has no outcome yet gets this one.
  void fail_all(const std::string& why) {
    for (auto& job : jobs_) {
      const bool queued = std::find(pending_.begin(), pending_.end(), job.get()) != pending_.end();
      if (job->easy != nullptr || queued) finish(*job, {true, Severity::Warning, "could not be checked: " + why});
    }
    pending_.clear();
  }

  const ExternalCheckOptions& options_;
  ExternalCheckStats& stats_;
  const int concurrency_;
  const int per_host_;
  const int retries_;
  const milliseconds timeout_;
  CURLM* multi_ = nullptr;
  std::vector<std::unique_ptr<Job>> jobs_;
  std::deque<Job*> pending_;
  std::map<std::string, Host, std::less<>> hosts_;
  int in_flight_ = 0;
};

}  // namespace

bool external_link_excluded(std::string_view url, const std::vector<std::string>& patterns) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& p) { return !p.empty() && prefix_glob(p, url); });
}

Findings check_external_links(const std::vector<ExternalLink>& links, const ExternalCheckOptions& options,
                              ExternalCheckStats* stats_out) {
  ExternalCheckStats stats;
  // Unique targets, keyed by kind and URL so that two spellings of one page
  // ("HTTPS://x", "https://x/#a") are fetched once.
  std::vector<std::unique_ptr<Target>> targets;
  std::map<std::string, std::size_t, std::less<>> index;  // key → targets
  std::map<std::string, std::size_t, std::less<>> written_index;  // written URL → targets
  std::vector<std::size_t> target_of;                            // per link
  target_of.reserve(links.size());
  const bool any_fetch = !links.empty() && curl_ready();
  for (const ExternalLink& link : links) {
    std::string written = link.url.substr(0, link.url.find('#'));
    if (auto it = written_index.find(written); it != written_index.end()) {
      target_of.push_back(it->second);
      continue;
    }
    Target t;
    if (external_link_excluded(written, options.exclude)) {
      t.kind = Target::Kind::Excluded;
    } else if (any_fetch) {
      t = parse_target(written);
    } else {
      t.kind = Target::Kind::NotCheckable;
      t.outcome = {true, Severity::Warning, "could not be checked: libcurl could not be initialised"};
    }
    std::string key = std::to_string(static_cast<int>(t.kind)) + " " + (t.url.empty() ? written : t.url);
    auto [it, added] = index.emplace(key, targets.size());
    if (added) targets.push_back(std::make_unique<Target>(std::move(t)));
    written_index.emplace(written, it->second);
    target_of.push_back(it->second);
  }
  stats.unique_urls = static_cast<int>(targets.size());

  const std::int64_t now = unix_now();
  bool cache_dirty = false;
  Cache cache;
  if (!options.cache_file.empty()) {
    cache = read_cache(options.cache_file, options.cache_ttl, now, cache_dirty, stats.cache_problem);
  }
  std::vector<Target*> to_fetch;
  for (auto& t : targets) {
    if (t->kind == Target::Kind::Excluded) {
      ++stats.excluded;
    } else if (t->kind == Target::Kind::NotCheckable) {
      ++stats.not_checkable;
    } else if (cache.count(t->url) > 0) {
      t->from_cache = true;
      ++stats.from_cache;
    } else {
      to_fetch.push_back(t.get());
    }
  }
  stats.fetched = static_cast<int>(to_fetch.size());
  if (!to_fetch.empty()) Fetcher(options, stats).run(to_fetch);

  if (!options.cache_file.empty()) {
    for (Target* t : to_fetch) {
      if (t->succeeded) {
        cache[t->url] = {t->status, now};
      } else {
        cache.erase(t->url);
      }
    }
    if (!to_fetch.empty() || cache_dirty) {
      std::string problem;
      if (!write_cache(options.cache_file, cache, problem) && stats.cache_problem.empty()) {
        stats.cache_problem = problem;
      }
    }
  }

  Findings findings;
  std::set<std::tuple<std::string, int, int, std::size_t>> reported;
  for (std::size_t i = 0; i < links.size(); ++i) {
    const Target& t = *targets[target_of[i]];
    if (!t.outcome.failed) continue;
    const ExternalLink& link = links[i];
    if (!reported.emplace(link.file, link.pos.line, link.pos.column, target_of[i]).second) continue;
    findings.push_back({"external", t.outcome.severity, link.file, link.pos,
                        fmt::format("`{}` {}", link.url, t.outcome.text), std::nullopt});
  }
  if (stats_out != nullptr) *stats_out = stats;
  return findings;
}

}  // namespace skiff
