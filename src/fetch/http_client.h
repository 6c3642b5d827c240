// HTTP GET with libcurl: redirects followed, timeouts and a size limit, so a
// slow or hostile server cannot hang or exhaust a fetch.
#pragma once

#include <cstddef>
#include <string>

#include "domain/result.h"

namespace cscwatch {

struct HttpLimits {
  long connect_timeout_seconds = 20;
  long total_timeout_seconds = 300;
  std::size_t max_bytes = 256u << 20;
};

class HttpClient {
 public:
  explicit HttpClient(HttpLimits limits = {});
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // The body of a 2xx response; otherwise an error naming the URL and the
  // status or transport failure.
  Result<std::string> get(const std::string& url);

 private:
  void* curl_;
  HttpLimits limits_;
};

}  // namespace cscwatch
