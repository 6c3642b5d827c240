// Throttles password guessing, per account name and per client address: after
// kMaxFailures failed sign-ins within kWindow, further attempts are refused
// (429 with Retry-After) for a lock-out that doubles each time it recurs, up
// to kMaxLockout. A success clears the account's count (not the address's:
// one right password must not reset a guessing run from that address).
//
// Kept in memory, not in the register: a failed sign-in then writes nothing,
// so guessing cannot empty the response cache (which follows the database
// file) and a refused attempt costs no argon2 work and no disk write. A
// restart forgets the counts; one server process serves a register.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace cscwatch {

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr int kMaxFailuresPerAccount = 5;
  static constexpr int kMaxFailuresPerAddress = 20;  // several people behind one office NAT
  static constexpr std::chrono::seconds kWindow{15 * 60};
  static constexpr std::chrono::seconds kFirstLockout{60};
  static constexpr std::chrono::seconds kMaxLockout{3600};
  static constexpr std::size_t kMaxTracked = 100000;  // keys kept; past it, idle ones are dropped

  // Seconds to wait before another attempt is allowed, or nullopt to go ahead.
  std::optional<std::chrono::seconds> refused(std::string_view account_name, std::string_view address, Clock::time_point now);
  void failed(std::string_view account_name, std::string_view address, Clock::time_point now);
  void succeeded(std::string_view account_name);

 private:
  struct Entry {
    std::deque<Clock::time_point> failures;  // within the window
    int lockouts = 0;
    Clock::time_point locked_until{};
  };
  std::optional<std::chrono::seconds> wait_for(const std::string& key, Clock::time_point now);  // mutex held
  void note_failure(const std::string& key, int limit, Clock::time_point now);                  // mutex held
  void prune(Clock::time_point now);                                                             // mutex held
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace cscwatch
