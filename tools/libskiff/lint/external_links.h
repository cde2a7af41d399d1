// `skiff lint --external`: checks links to other sites over HTTP(S). Without
// the flag lint only collects them; this is the part that fetches.
//
// Each unique URL is fetched once, however many pages link to it, with a cap
// on requests in flight (in total and per host), a pause between request
// starts to one host, a timeout per request, retries with backoff for answers
// that may be temporary, and an optional on-disk cache of successes. The
// result is one finding per occurrence of a failing URL, so every page that
// links to it gets its own line in the report.
//
// What is an error and what a warning (rule "external"):
//   error    404 or 410; host not found (DNS); connection refused (after the
//            retries); more than 10 redirects; TLS certificate rejected; a
//            URL that is not a valid URL
//   warning  timed out (after the retries); 429 or 5xx (after the retries);
//            any other 4xx (401, 403…: often a login wall or bot filter, not
//            a dead link); other connection failures; a redirect to a
//            non-http(s) URL (not followed); an URL that is not http(s)
//            (callers pass only http(s), but one that slips through is
//            reported, never fetched)
//
// HEAD first, then GET: a URL is asked with HEAD; any HEAD answer of 400 or
// more other than 429 is asked again with GET (some servers answer 405, 501,
// 403 or even 404 to HEAD only), and the GET answer counts. The GET is
// stopped once the status line and headers are in: the body is never needed.
// Redirects are followed (at most 10, http and https only).
//
// Retries: after the first try, up to `retries` more for timeouts,
// connection failures, 429 and 5xx. The n-th retry waits backoff·2^(n-1),
// or the server's Retry-After (seconds or an HTTP date) when it sent one;
// either way at most 30 s.
//
// Fragments: `https://x/y#z` is fetched as `https://x/y`, and `#z` is not
// checked: that would need the page rendered by a browser (many sites make
// their ids with scripts), and a wrong fragment still lands on the page.
//
// Per host means per host name (lowercased, port ignored): two ports of one
// machine share its limits. Redirects are followed by the request that got
// them, so a redirect to another host is not counted against that host.
//
// Cache file (JSON, written atomically at the end of each run when
// `cache_file` is set; the folder is created):
//   {"version": 1,
//    "links": {"https://example.com/": {"status": 200, "checked": 1717171717}}}
// Keys are fetched URLs (normalised, without fragment); `status` is the final
// HTTP status; `checked` is Unix time in seconds. Only successes are stored
// and reused, while younger than `cache_ttl`; failures are always fetched
// again. Entries of URLs this run did not look at are kept until they
// expire. A missing file is an empty cache; an unreadable or corrupt one is
// ignored (and said in `ExternalCheckStats::cache_problem`), never fatal.
//
// Exclude patterns are matched against the URL as written (fragment
// removed), case-sensitively, as prefixes: a pattern matches a URL that
// starts with it. `*` in a pattern matches any run of characters, '/'
// included; no other character is special (`?` is common in URLs). So
// `https://example.com/private` excludes everything below that path, and
// `https://*.example.com/` or `*/internal/*` work as globs.
//
// Threads: every call has its own curl multi handle, so calls may run on
// different threads at once. libcurl's process-wide setup
// (curl_global_init) runs once, on the first call (std::call_once); code
// elsewhere in the process must not call curl_global_cleanup while a check
// runs. No signal handlers are touched (CURLOPT_NOSIGNAL), so a slow DNS
// lookup is not cut short by SIGALRM; it is bounded by `timeout` instead.
// The call blocks until every URL has an answer; with finite timeouts and
// retries that is bounded. Proxies come from the usual environment
// variables (http_proxy, https_proxy, no_proxy), as with curl itself.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "lint/finding.h"

namespace skiff {

// One occurrence of an external link in a page.
struct ExternalLink {
  std::string url;   // as written (absolute http or https)
  std::string file;  // as shown, e.g. pages/en/a.md
  Position pos;
};

struct ExternalCheckOptions {
  int concurrency = 16;                              // requests in flight in total (at least 1)
  int per_host = 2;                                  // requests in flight per host (at least 1)
  std::chrono::milliseconds per_host_interval{250};  // at least this between request starts to one host
  std::chrono::milliseconds timeout{15000};          // whole request, connect included; <= 0: 15 s
  int retries = 2;                                   // after the first try (see above)
  std::chrono::milliseconds backoff{500};            // doubles each retry; Retry-After wins; max 30 s
  std::filesystem::path cache_file;                  // "" = no cache (format above)
  std::chrono::hours cache_ttl{24};                  // successes are reused this long
  std::vector<std::string> exclude;                  // never fetched (pattern syntax above)
  std::string user_agent = "skiff-lint/0.1 (+https://github.com/skiff-docs)";
};

struct ExternalCheckStats {
  int unique_urls = 0;    // distinct URLs after removing fragments (all of them)
  int fetched = 0;        // of those, checked over the network this run
  int from_cache = 0;     // of those, answered by the cache
  int excluded = 0;       // of those, matching an exclude pattern
  int not_checkable = 0;  // of those, not http(s) or not a valid URL
  int requests = 0;       // requests made: HEADs, GET fallbacks, retries (redirect hops not counted)
  std::string cache_problem;  // why the cache could not be read or written; "" when fine
};

// Checks every unique URL of `links` (see above) and returns one finding per
// distinct occurrence (file and position) of a URL that failed, in the order
// of `links`, with the URL as written: "`https://x/y` answered 404 Not
// Found", "`https://x/y` timed out after 15 s (3 tries)".
Findings check_external_links(const std::vector<ExternalLink>& links, const ExternalCheckOptions& options,
                              ExternalCheckStats* stats = nullptr);

// Whether `url` (fragment already removed) matches one of `patterns`.
bool external_link_excluded(std::string_view url, const std::vector<std::string>& patterns);

}  // namespace skiff
