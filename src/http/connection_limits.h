// How many connections may be open: from one client address, and from all
// together. A connection over either limit is refused at once (server.cc);
// one address cannot take the server's connections from everyone else.
#pragma once

#include <map>
#include <mutex>
#include <string>

namespace cscwatch {

class ConnectionLimits {
 public:
  // per_address 0: no limit per address (behind a reverse proxy).
  ConnectionLimits(int per_address, int total) : per_address_limit_(per_address), total_limit_(total) {}

  // Counts a new connection from `address`, or returns false if it is over a limit.
  bool admit(const std::string& address);
  // A connection admitted from `address` has closed.
  void release(const std::string& address);

 private:
  int per_address_limit_, total_limit_;
  std::mutex mutex_;
  std::map<std::string, int> per_address_;
  int open_ = 0;
};

}  // namespace cscwatch
