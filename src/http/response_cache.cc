#include "http/response_cache.h"

namespace cscwatch {

void ResponseCache::check_generation(const std::string& generation) {
  if (generation == generation_) return;
  lru_.clear();
  index_.clear();
  bytes_ = 0;
  generation_ = generation;
}

std::shared_ptr<const WebResponse> ResponseCache::get(const std::string& key, const std::string& generation) {
  std::lock_guard lock(mutex_);
  check_generation(generation);
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->response;
}

void ResponseCache::put(const std::string& key, const std::string& generation, const WebResponse& response) {
  if (response.body.size() > max_bytes_ / 8) return;  // one huge page must not evict everything
  auto copy = std::make_shared<const WebResponse>(response);
  std::lock_guard lock(mutex_);
  check_generation(generation);
  if (auto it = index_.find(key); it != index_.end()) {
    bytes_ -= it->second->response->body.size();
    lru_.erase(it->second);
    index_.erase(it);
  }
  lru_.push_front({key, copy});
  index_[key] = lru_.begin();
  bytes_ += copy->body.size();
  while (!lru_.empty() && (lru_.size() > max_entries_ || bytes_ > max_bytes_)) {
    bytes_ -= lru_.back().response->body.size();
    index_.erase(lru_.back().key);
    lru_.pop_back();
  }
}

}  // namespace cscwatch
