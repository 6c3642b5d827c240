// The cscwatch site: its routing table and pages given to the HTTP server.
#pragma once

#include <memory>

#include "domain/result.h"
#include "http/route.h"
#include "http/serve_options.h"
#include "http/server.h"

namespace cscwatch {

Site cscwatch_site();

// A server for the site, ready to bind (the tests run one in-process).
Result<std::unique_ptr<WebServer>> create_site_server(const ServeOptions& options);

// Serves the site until interrupted (`cscwatch serve`); a process exit status.
int serve(const ServeOptions& options);

}  // namespace cscwatch
