// The HTTP server: serves a Site (its routes and the HTML of the server's own
// answers) from the register; see server.cc for how it is built and why.
#pragma once

#include <memory>

#include "domain/result.h"
#include "http/route.h"
#include "http/serve_options.h"

namespace cscwatch {

// A server bound to its port, ready to run. Separate from serve() so tests can
// run it in-process on an ephemeral port.
class WebServer {
 public:
  // Checks that the database exists and has the current schema.
  static Result<std::unique_ptr<WebServer>> create(const ServeOptions& options, Site site);
  ~WebServer();

  // Binds; returns the port (useful with port 0), or an error.
  Result<int> bind();
  // Serves until stop(); returns false if listening failed.
  bool listen();
  void stop();
  bool is_running() const;

 private:
  WebServer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Serves `site` until interrupted (SIGINT/SIGTERM). Returns a process exit
// status; prints the URL once listening.
int serve(const ServeOptions& options, Site site);

}  // namespace cscwatch
