// Who may hold one of the server's connections, and whom to drop when they
// are all taken.
//
// A connection waiting on the event loop costs a file descriptor and a few
// KiB, not a thread, so the server can hold tens of thousands: the budget in
// all is sized from the process's file limit (file_limit.h). A hard cap that
// refused newcomers once full (4000 until 2026-12) let 5,000 slowloris
// connections lock every normal visitor out with 503s while the event loop
// had room. So when the budget is full a newcomer is not refused: the
// connection that has waited longest for a complete request head (or, idle
// between keep-alive requests, for its next one) is shed to make room. A
// slowloris connection is held until its head deadline, so it is always
// older than a visitor's that sends its head at once. A connection whose head
// has arrived (reading its body, being answered, being written to) is never
// shed: it is doing work, and it has its own deadlines.
//
// One address may still hold at most `per_address` connections; past that
// its newcomer is refused (503), so one address cannot fill the budget.
//
// Pure bookkeeping, safe from any thread: the server calls the shed
// connection's callback, which closes it on its own strand.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

namespace cscwatch {

class ConnectionBudget {
 public:
  using Clock = std::chrono::steady_clock;
  using Id = std::uint64_t;

  struct Sizes {
    int per_address = 64;  // 0: no limit per address (behind a reverse proxy)
    int total = 4000;      // all addresses together (at least 1)
  };

  enum class Verdict { kAdmitted, kAddressFull, kServerFull };

  struct Admission {
    Verdict verdict = Verdict::kServerFull;
    Id id = 0;  // the newcomer's, when admitted
    // The connection shed to make room: call it after admit() returns (never
    // under a lock of the caller's that the callback might take). Empty when
    // none was shed.
    std::function<void()> shed;
  };

  explicit ConnectionBudget(Sizes sizes);

  // A new connection from `address`. The budget full, the connection waiting
  // longest for a request head is shed to admit it; refused only when its
  // address is at its limit or no connection is waiting for a head.
  Admission admit(const std::string& address);
  // How to close connection `id` should it be shed (called at most once).
  void on_shed(Id id, std::function<void()> close);
  // `id` waits for a request head from `since` on (after accept, between
  // keep-alive requests): from now it may be shed, oldest first.
  void waiting(Id id, Clock::time_point since);
  // `id`'s request head has arrived: not shed until it waits again.
  void busy(Id id);
  // `id` has closed (a shed connection's release does nothing: its place
  // was given away when it was shed).
  void release(Id id);

  int open() const;
  int open_from(const std::string& address) const;
  std::uint64_t shed_count() const;
  Sizes sizes() const { return sizes_; }

 private:
  struct Entry {
    std::string address;
    bool waiting = false;
    Clock::time_point since;
    std::function<void()> close;
  };
  // Takes the longest-waiting connection out of the books; its close callback.
  std::function<void()> shed_oldest_locked();
  void forget_locked(std::unordered_map<Id, Entry>::iterator it);

  const Sizes sizes_;
  mutable std::mutex mutex_;
  std::unordered_map<Id, Entry> entries_;
  std::map<std::string, int> per_address_;
  std::set<std::pair<Clock::time_point, Id>> waiting_;  // oldest first
  Id next_id_ = 1;
  std::uint64_t shed_ = 0;
};

}  // namespace cscwatch
