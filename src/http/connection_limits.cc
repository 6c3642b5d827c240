#include "http/connection_limits.h"

namespace cscwatch {

bool ConnectionLimits::admit(const std::string& address) {
  std::lock_guard lock(mutex_);
  if (open_ >= total_limit_) return false;
  int& n = per_address_[address];
  if (per_address_limit_ > 0 && n >= per_address_limit_) {
    if (n == 0) per_address_.erase(address);
    return false;
  }
  ++n;
  ++open_;
  return true;
}

void ConnectionLimits::release(const std::string& address) {
  std::lock_guard lock(mutex_);
  --open_;
  auto it = per_address_.find(address);
  if (it != per_address_.end() && --it->second <= 0) per_address_.erase(it);
}

}  // namespace cscwatch
