// The web application: national register, authority and report pages,
// search and the JSON API, served from the register (read-only).
#pragma once

#include <string>

namespace cscwatch {

struct ServeOptions {
  std::string db_path;
  std::string host = "127.0.0.1";
  int port = 8080;
};

// Serves until interrupted. Returns a process exit status; prints the URL
// once listening.
int serve(const ServeOptions& options);

}  // namespace cscwatch
