// Concurrent identical requests share one computation. When 64 people open
// the same new search at once, the response cache cannot help (nothing is in
// it until the first answer is done) and every request would compute the same
// answer; with this, the first computes and the others wait for its answer.
//
// Only an answer the caller calls shareable (the server: one it would cache,
// a 200 that is a pure function of the request and the register) is handed to
// the waiters. If the first caller's answer is not shareable (an error, a
// search stopped because its client left) or its computation throws, each
// waiter computes its own answer, as if it had arrived alone. A waiter whose
// own client goes away stops waiting at once (within one poll interval): it
// never holds its thread for someone else's work.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace cscwatch {

template <class Value>
class SingleFlight {
 public:
  using Shared = std::shared_ptr<const Value>;

  explicit SingleFlight(std::chrono::milliseconds poll = std::chrono::milliseconds(20)) : poll_(poll) {}

  // The value for `key`: computed here, or shared from an identical call in
  // flight. Null only when `gone` (polled while waiting; empty: never) said
  // this caller has left before an answer was ready.
  Shared run(const std::string& key, const std::function<Value()>& compute,
             const std::function<bool(const Value&)>& shareable, const std::function<bool()>& gone = {}) {
    std::shared_ptr<Flight> flight;
    {
      std::unique_lock lock(mutex_);
      auto it = flights_.find(key);
      if (it != flights_.end()) {
        std::shared_ptr<Flight> joined = it->second;
        ++joined->waiters;
        bool left = false;
        while (!joined->done) {
          if (!gone) {
            joined->finished.wait(lock, [&] { return joined->done; });
            break;
          }
          if (joined->finished.wait_for(lock, poll_, [&] { return joined->done; })) break;
          lock.unlock();  // gone() may make a system call: not under the lock
          left = gone();
          lock.lock();
          if (left) break;
        }
        --joined->waiters;
        if (left) return nullptr;
        if (joined->value) return joined->value;
        // Not shareable: answer this caller on its own, below.
      } else {
        flight = std::make_shared<Flight>();
        flights_.emplace(key, flight);
      }
    }
    if (!flight) return std::make_shared<const Value>(compute());

    Shared value;
    try {
      value = std::make_shared<const Value>(compute());
    } catch (...) {
      land(key, flight, nullptr);
      throw;
    }
    land(key, flight, shareable(*value) ? value : nullptr);
    return value;
  }

  // Callers waiting for the computation of `key` now (for tests and diagnostics).
  std::size_t waiting(const std::string& key) const {
    std::lock_guard lock(mutex_);
    auto it = flights_.find(key);
    return it == flights_.end() ? 0 : it->second->waiters;
  }

 private:
  struct Flight {
    bool done = false;
    Shared value;  // null if the answer is not to be shared
    std::size_t waiters = 0;
    std::condition_variable finished;
  };

  void land(const std::string& key, const std::shared_ptr<Flight>& flight, Shared value) {
    std::lock_guard lock(mutex_);
    flight->done = true;
    flight->value = std::move(value);
    flights_.erase(key);
    flight->finished.notify_all();
  }

  std::chrono::milliseconds poll_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<Flight>> flights_;
};

}  // namespace cscwatch
