#include "http/connection_budget.h"

#include <algorithm>

namespace cscwatch {

ConnectionBudget::ConnectionBudget(Sizes sizes) : sizes_{std::max(0, sizes.per_address), std::max(1, sizes.total)} {}

ConnectionBudget::Admission ConnectionBudget::admit(const std::string& address) {
  std::lock_guard lock(mutex_);
  Admission a;
  auto from = per_address_.find(address);
  if (sizes_.per_address > 0 && from != per_address_.end() && from->second >= sizes_.per_address) {
    a.verdict = Verdict::kAddressFull;
    return a;
  }
  if (static_cast<int>(entries_.size()) >= sizes_.total) {
    if (waiting_.empty()) {
      a.verdict = Verdict::kServerFull;
      return a;
    }
    a.shed = shed_oldest_locked();
  }
  a.verdict = Verdict::kAdmitted;
  a.id = next_id_++;
  entries_.emplace(a.id, Entry{address, false, {}, {}});
  ++per_address_[address];
  return a;
}

void ConnectionBudget::on_shed(Id id, std::function<void()> close) {
  std::lock_guard lock(mutex_);
  if (auto it = entries_.find(id); it != entries_.end()) it->second.close = std::move(close);
}

void ConnectionBudget::waiting(Id id, Clock::time_point since) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(id);
  if (it == entries_.end()) return;
  Entry& e = it->second;
  if (e.waiting) waiting_.erase({e.since, id});
  e.waiting = true;
  e.since = since;
  waiting_.emplace(since, id);
}

void ConnectionBudget::busy(Id id) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(id);
  if (it == entries_.end() || !it->second.waiting) return;
  waiting_.erase({it->second.since, id});
  it->second.waiting = false;
}

void ConnectionBudget::release(Id id) {
  std::lock_guard lock(mutex_);
  if (auto it = entries_.find(id); it != entries_.end()) forget_locked(it);
}

std::function<void()> ConnectionBudget::shed_oldest_locked() {
  auto it = entries_.find(waiting_.begin()->second);
  std::function<void()> close = std::move(it->second.close);
  forget_locked(it);
  ++shed_;
  // A connection not yet given its callback is still counted as shed: its
  // place is taken, and it finds itself unknown (release does nothing).
  return close ? close : [] {};
}

void ConnectionBudget::forget_locked(std::unordered_map<Id, Entry>::iterator it) {
  Entry& e = it->second;
  if (e.waiting) waiting_.erase({e.since, it->first});
  if (auto a = per_address_.find(e.address); a != per_address_.end() && --a->second <= 0) per_address_.erase(a);
  entries_.erase(it);
}

int ConnectionBudget::open() const {
  std::lock_guard lock(mutex_);
  return static_cast<int>(entries_.size());
}

int ConnectionBudget::open_from(const std::string& address) const {
  std::lock_guard lock(mutex_);
  auto it = per_address_.find(address);
  return it == per_address_.end() ? 0 : it->second;
}

std::uint64_t ConnectionBudget::shed_count() const {
  std::lock_guard lock(mutex_);
  return shed_;
}

}  // namespace cscwatch
