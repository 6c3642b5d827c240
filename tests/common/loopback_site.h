// A stand-in for a web site (Ofsted's, in the fetch tests) on a loopback port:
// add routes to server(), then start(); it stops when stopped or destroyed.
#pragma once

#include <httplib.h>

#include <chrono>
#include <string>
#include <thread>

namespace cscwatch::testing {

class LoopbackSite {
 public:
  LoopbackSite() : port_(server_.bind_to_any_port("127.0.0.1")) {}
  ~LoopbackSite() { stop(); }
  LoopbackSite(const LoopbackSite&) = delete;
  LoopbackSite& operator=(const LoopbackSite&) = delete;

  httplib::Server& server() { return server_; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

  void start() {
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // stop() before the accept loop starts would be lost and join() would hang.
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

  void stop() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace cscwatch::testing
