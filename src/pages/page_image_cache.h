// Rendered page images kept in memory within a byte budget, least recently
// used first out. Key: the document's SHA-256, the page and the scale, so a
// re-ingested file with other bytes never shows an old picture. Requests for
// an image being drawn wait for that one drawing instead of starting another
// (a page opened by several people at once is drawn once).
#pragma once

#include <cstddef>
#include <functional>
#include <future>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "domain/result.h"

namespace cscwatch {

class PageImageCache {
 public:
  using Image = std::shared_ptr<const std::string>;

  explicit PageImageCache(std::size_t byte_budget);

  // The image under `key`, drawn by `draw` if nobody has it or is drawing it.
  // A failure is handed to every waiter and not kept (the next request tries
  // again). An image larger than the whole budget is returned, not kept.
  Result<Image> get_or_draw(const std::string& key, const std::function<Result<std::string>()>& draw);

  struct Stats {
    std::size_t entries = 0, bytes = 0, hits = 0, draws = 0;
  };
  Stats stats() const;

 private:
  struct Entry {
    std::shared_future<Result<Image>> image;
    bool ready = false;
    std::size_t bytes = 0;
    std::list<std::string>::iterator lru;  // valid when ready
  };
  void evict_locked();

  const std::size_t budget_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> lru_;  // most recent first; ready entries only
  std::size_t bytes_ = 0, hits_ = 0, draws_ = 0;
};

}  // namespace cscwatch
