#include "http/login_throttle.h"

#include <algorithm>
#include <cctype>

namespace cscwatch {

namespace {
std::string account_key(std::string_view name) {
  std::string key = "account:";
  for (char c : name.substr(0, 64)) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));  // names are case-insensitive
  return key;
}
std::string address_key(std::string_view address) { return "address:" + std::string(address.substr(0, 64)); }
}  // namespace

std::optional<std::chrono::seconds> LoginThrottle::wait_for(const std::string& key, Clock::time_point now) {
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.locked_until <= now) return std::nullopt;
  auto left = std::chrono::ceil<std::chrono::seconds>(it->second.locked_until - now);
  return std::max(left, std::chrono::seconds(1));
}

std::optional<std::chrono::seconds> LoginThrottle::refused(std::string_view account_name, std::string_view address,
                                                           Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto a = wait_for(account_key(account_name), now);
  auto b = wait_for(address_key(address), now);
  if (a && b) return std::max(*a, *b);
  return a ? a : b;
}

void LoginThrottle::note_failure(const std::string& key, int limit, Clock::time_point now) {
  Entry& e = entries_[key];
  while (!e.failures.empty() && e.failures.front() <= now - kWindow) e.failures.pop_front();
  e.failures.push_back(now);
  if (static_cast<int>(e.failures.size()) < limit) return;
  // Lock out for 1, 2, 4 ... minutes, at most an hour.
  auto lockout = kFirstLockout * (1 << std::min(e.lockouts, 6));
  e.locked_until = now + std::min(lockout, kMaxLockout);
  ++e.lockouts;
  e.failures.clear();
}

void LoginThrottle::failed(std::string_view account_name, std::string_view address, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (entries_.size() >= kMaxTracked) prune(now);
  note_failure(account_key(account_name), kMaxFailuresPerAccount, now);
  note_failure(address_key(address), kMaxFailuresPerAddress, now);
}

void LoginThrottle::succeeded(std::string_view account_name) {
  std::lock_guard lock(mutex_);
  entries_.erase(account_key(account_name));
}

void LoginThrottle::prune(Clock::time_point now) {
  // Drops what no longer counts: no failures in the window and no lock-out
  // running. (Growing lock-outs are forgotten with it, which only matters
  // under a flood of distinct names or addresses.)
  for (auto it = entries_.begin(); it != entries_.end();) {
    const Entry& e = it->second;
    bool idle = e.locked_until <= now && (e.failures.empty() || e.failures.back() <= now - kWindow);
    it = idle ? entries_.erase(it) : std::next(it);
  }
}

}  // namespace cscwatch
