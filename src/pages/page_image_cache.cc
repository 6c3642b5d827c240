#include "pages/page_image_cache.h"

namespace cscwatch {

PageImageCache::PageImageCache(std::size_t byte_budget) : budget_(byte_budget) {}

Result<PageImageCache::Image> PageImageCache::get_or_draw(const std::string& key,
                                                          const std::function<Result<std::string>()>& draw) {
  std::promise<Result<Image>> promise;
  {
    std::unique_lock lock(mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end()) {
      ++hits_;
      if (it->second.ready) lru_.splice(lru_.begin(), lru_, it->second.lru);
      auto image = it->second.image;  // a copy: the entry may be evicted once unlocked
      lock.unlock();
      return image.get();
    }
    ++draws_;
    Entry entry;
    entry.image = promise.get_future().share();
    entries_.emplace(key, std::move(entry));
  }
  Result<Image> result = Error{"the page could not be drawn"};
  try {
    auto drawn = draw();
    if (drawn) result = Image(std::make_shared<const std::string>(std::move(*drawn)));
    else result = Error{drawn.error()};
  } catch (const std::exception& e) {
    result = Error{std::string("the page could not be drawn: ") + e.what()};
  }
  promise.set_value(result);
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (!result || (*result)->size() > budget_) {
    entries_.erase(it);
    return result;
  }
  it->second.ready = true;
  it->second.bytes = (*result)->size();
  lru_.push_front(key);
  it->second.lru = lru_.begin();
  bytes_ += it->second.bytes;
  evict_locked();
  return result;
}

void PageImageCache::evict_locked() {
  while (bytes_ > budget_ && !lru_.empty()) {
    auto it = entries_.find(lru_.back());
    bytes_ -= it->second.bytes;
    entries_.erase(it);
    lru_.pop_back();
  }
}

PageImageCache::Stats PageImageCache::stats() const {
  std::lock_guard lock(mutex_);
  return {lru_.size(), bytes_, hits_, draws_};
}

}  // namespace cscwatch
