// The one writable connection. SQLite has one writer at a time: writes take
// turns on one connection (opened on first use; reads never touch it).
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "store/sqlite.h"

namespace cscwatch {

class WriterConnection {
 public:
  explicit WriterConnection(std::string db_path) : path_(std::move(db_path)) {}

  // fn(Connection&) with the writer to itself; throws SqlError if the
  // database cannot be opened.
  template <typename Fn>
  auto with(Fn&& fn) {
    std::lock_guard lock(mutex_);
    return fn(open());
  }

 private:
  Connection& open() {  // mutex_ held
    if (!connection_) {
      auto c = Connection::open(path_);
      if (!c) throw SqlError(c.error());
      connection_.emplace(std::move(*c));
    }
    return *connection_;
  }
  std::string path_;
  std::mutex mutex_;
  std::optional<Connection> connection_;
};

}  // namespace cscwatch
