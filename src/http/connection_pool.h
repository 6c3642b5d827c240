// Read-only SQLite connections for request handlers. SQLite connections are
// not shared between threads: a request borrows one for its whole duration
// and gives it back, so each connection is used by one thread at a time and
// idle connections are reused instead of reopened (opening costs more than a
// small query).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/sqlite.h"

namespace cscwatch {

class ConnectionPool {
 public:
  explicit ConnectionPool(std::string db_path) : path_(std::move(db_path)) {}

  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<Connection> c) : pool_(pool), c_(std::move(c)) {}
    ~Lease() { pool_.give_back(std::move(c_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    const Connection& operator*() const { return *c_; }

   private:
    ConnectionPool& pool_;
    std::unique_ptr<Connection> c_;
  };

  // Throws SqlError if the database cannot be opened.
  Lease borrow();

 private:
  void give_back(std::unique_ptr<Connection> c);
  std::string path_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace cscwatch
