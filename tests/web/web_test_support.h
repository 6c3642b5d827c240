// Shared by the web tests: a register ingested from the shared corpus (built
// once per build tree and reused), small hand-made registers, and a server
// running in-process on an ephemeral loopback port.
#pragma once

#include <httplib.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "routing/site.h"

namespace cscwatch::testing {

std::string data_dir();  // CSCWATCH_DATA_DIR

// The corpus register, or nullopt (with the reason in *why) when the shared
// data is absent. Built with the real ingest into the build tree's
// test-artifacts/web, keyed by schema and parser version.
std::optional<std::string> corpus_db(std::string* why);

// A fresh temporary directory, removed by the caller's TempDir destructor.
struct TempDir {
  TempDir();
  ~TempDir();
  std::string path;
};

// The date the tests pretend it is, so "months since" is reproducible.
Date fixed_today();

class TestServer {
 public:
  // `tweak` adjusts the options (limits, timeouts) before the server starts.
  explicit TestServer(const std::string& db_path, const std::function<void(ServeOptions&)>& tweak = {});
  ~TestServer();
  int port() const { return port_; }
  httplib::Client client() const;
  std::string url(const std::string& path) const;

 private:
  std::unique_ptr<WebServer> server_;
  std::thread thread_;
  int port_ = 0;
};

// Opens the stored PDF's directory for screenshots etc.
std::string artifacts_dir();

}  // namespace cscwatch::testing
