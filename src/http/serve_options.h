// How `cscwatch serve` (and the tests' in-process server) is configured.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "domain/date.h"
#include "http/write_context.h"

namespace cscwatch {

struct ServeOptions {
  std::string db_path;
  std::string host = "127.0.0.1";  // loopback unless asked otherwise
  int port = 8080;                 // 0: any free port (tests)
  // Worker threads: requests answered at once. Connections wait for their
  // requests on one event-loop thread and hold a worker only while answered.
  int threads = 16;
  // Open connections allowed from one client address (0: no limit). Behind a
  // reverse proxy every connection comes from the proxy: set 0 there and let
  // the proxy limit clients (docs/limits.md).
  int max_connections_per_address = 64;
  // Open connections allowed in all (0: sized from the open-file limit,
  // file_limit.h). When they are all taken a newcomer is still admitted: the
  // connection waiting longest for a request head is shed for it
  // (connection_budget.h).
  int max_connections = 0;
  // Deadlines for reading a request: the whole head, from its first byte
  // (however slowly it trickles in), and an idle keep-alive connection's wait
  // for its next request. Past them the connection is closed.
  std::chrono::milliseconds head_timeout{10000};
  std::chrono::milliseconds idle_timeout{5000};
  bool log_requests = false;
  // Session cookies get the Secure attribute (the site is served over TLS).
  bool secure_cookies = false;
  // Behind a reverse proxy: believe its X-Forwarded-For (the client's
  // address, for sign-in throttling) and X-Forwarded-Proto: https (Secure
  // cookies). Never set it when clients reach the server directly: they could
  // claim any address.
  bool trust_proxy = false;
  std::function<Date()> today;  // empty: the real date (tests fix it)
  // More write routes (POST, URL pattern -> handler), with everything
  // a write route gets: how tests check the write path itself (a handler
  // that forgets its audit row) without a fake route in the production
  // server.
  std::vector<std::pair<std::string, WriteHandler>> extra_write_routes;
};

}  // namespace cscwatch
