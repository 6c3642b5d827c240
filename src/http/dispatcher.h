// From a parsed request to its answer, on a worker thread: finds the route,
// resolves the session, and runs the handler as its kind asks — a read on a
// pooled connection inside one snapshot, through the response cache and
// single flight; a write signed in, CSRF-checked, in one audited
// transaction; a sign-in route with the session services.
#pragma once

#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "domain/date.h"
#include "http/connection_pool.h"
#include "http/error_responses.h"
#include "http/login_throttle.h"
#include "http/response_cache.h"
#include "http/route.h"
#include "http/serve_options.h"
#include "http/sign_in_routes.h"
#include "http/single_flight.h"
#include "http/web_types.h"
#include "http/writer_connection.h"

namespace cscwatch {

class Dispatcher {
 public:
  Dispatcher(const ServeOptions& options, Site site);

  // The answer to `request` (path_args and the account are filled in).
  WebResponse dispatch(WebRequest& request);
  // A cached answer for an anonymous GET or HEAD, looked up on the event
  // loop so that a hit needs no worker thread; null when there is none.
  std::shared_ptr<const WebResponse> cache_hit(const WebRequest& request);

  const ErrorResponses& errors() const { return errors_; }

 private:
  struct CompiledRoute {
    Route route;
    std::regex pattern;
  };

  WebResponse run_read(const WebRequest& request, const ReadHandler& handler, Audience audience);
  WebResponse run_write(const WebRequest& request, const WriteHandler& handler);
  WebResponse compute_read(const WebRequest& request, const ReadHandler& handler);
  WebResponse shared_read(const WebRequest& request, const ReadHandler& handler);
  void resolve_account(WebRequest& request);
  std::string cache_generation() const;
  Date today() const;
  void log(const WebRequest& request, int status, std::chrono::steady_clock::time_point started) const;

  ServeOptions options_;
  SitePages pages_;
  std::vector<CompiledRoute> routes_;
  ErrorResponses errors_;
  ConnectionPool pool_;
  ResponseCache cache_;
  SingleFlight<WebResponse> flights_;  // identical requests in flight
  WriterConnection writer_;
  LoginThrottle throttle_;
  SessionServices sessions_;
};

}  // namespace cscwatch
