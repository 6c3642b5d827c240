#include "http/connection_pool.h"

namespace cscwatch {

ConnectionPool::Lease ConnectionPool::borrow() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(c));
    }
  }
  auto opened = Connection::open(path_, /*read_only=*/true);
  if (!opened) throw SqlError(opened.error());
  auto c = std::make_unique<Connection>(std::move(*opened));
  // Belt and braces: the file is opened read-only, and the connection also
  // refuses writes, so no request can change the register.
  c->exec("PRAGMA query_only = 1");
  return Lease(*this, std::move(c));
}

void ConnectionPool::give_back(std::unique_ptr<Connection> c) {
  if (!c) return;
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(c));
}

}  // namespace cscwatch
