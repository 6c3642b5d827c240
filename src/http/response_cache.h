// A bounded LRU cache of rendered GET responses. The server is read-only and
// every page is a pure function of (request, database contents, today's
// date), so a response can be reused until the database file changes (an
// ingest ran) or the date does. This is what keeps the register page and
// repeated searches at a few hundred microseconds under load.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "http/web_types.h"

namespace cscwatch {

class ResponseCache {
 public:
  ResponseCache(size_t max_entries, size_t max_bytes) : max_entries_(max_entries), max_bytes_(max_bytes) {}

  // `generation` identifies the database state; a different one empties the cache.
  std::shared_ptr<const WebResponse> get(const std::string& key, const std::string& generation);
  void put(const std::string& key, const std::string& generation, const WebResponse& response);

 private:
  void check_generation(const std::string& generation);  // mutex held
  struct Entry {
    std::string key;
    std::shared_ptr<const WebResponse> response;
  };
  size_t max_entries_, max_bytes_, bytes_ = 0;
  std::mutex mutex_;
  std::string generation_;
  std::list<Entry> lru_;  // most recent first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace cscwatch
