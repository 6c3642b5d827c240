#include "fetch/http_client.h"

#include <curl/curl.h>

namespace cscwatch {

namespace {

struct Sink {
  std::string body;
  std::size_t limit = 0;
  bool overflow = false;
};

size_t on_data(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  size_t n = size * count;
  if (sink->body.size() + n > sink->limit) {
    sink->overflow = true;
    return 0;  // aborts the transfer
  }
  sink->body.append(data, n);
  return n;
}

// curl_global_init is not thread-safe; run it once, before any handle.
struct CurlGlobal {
  CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
  ~CurlGlobal() { curl_global_cleanup(); }
};

}  // namespace

HttpClient::HttpClient(HttpLimits limits) : limits_(limits) {
  static CurlGlobal global;
  curl_ = curl_easy_init();
}

HttpClient::~HttpClient() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

Result<std::string> HttpClient::get(const std::string& url) {
  auto* curl = static_cast<CURL*>(curl_);
  if (!curl) return Error{"cannot initialise libcurl"};
  Sink sink;
  sink.limit = limits_.max_bytes;
  curl_easy_reset(curl);
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, limits_.connect_timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, limits_.total_timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "cscwatch (+https://www.gnu.org/licenses/agpl-3.0.html)");
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_data);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  CURLcode rc = curl_easy_perform(curl);
  if (sink.overflow) return Error{url + ": response larger than " + std::to_string(limits_.max_bytes >> 20) + " MiB"};
  if (rc != CURLE_OK) return Error{url + ": " + curl_easy_strerror(rc)};
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status >= 300) return Error{url + ": HTTP status " + std::to_string(status)};
  return std::move(sink.body);
}

}  // namespace cscwatch
