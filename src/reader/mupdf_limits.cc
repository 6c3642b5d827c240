#include "reader/mupdf_limits.h"

#include <cstdlib>

namespace cscwatch {

namespace {

constexpr std::size_t kAllocHeader = 16;  // keeps malloc's alignment

void* budget_malloc(void* user, std::size_t size) {
  auto* b = static_cast<MemoryBudget*>(user);
  if (size > b->limit || b->used > b->limit - size) {
    b->exceeded = true;
    return nullptr;
  }
  auto* p = static_cast<unsigned char*>(std::malloc(size + kAllocHeader));
  if (!p) return nullptr;
  *reinterpret_cast<std::size_t*>(p) = size;
  b->used += size;
  return p + kAllocHeader;
}

void budget_free(void* user, void* ptr) {
  if (!ptr) return;
  auto* b = static_cast<MemoryBudget*>(user);
  auto* p = static_cast<unsigned char*>(ptr) - kAllocHeader;
  b->used -= *reinterpret_cast<std::size_t*>(p);
  std::free(p);
}

void* budget_realloc(void* user, void* ptr, std::size_t size) {
  if (!ptr) return budget_malloc(user, size);
  if (size == 0) {
    budget_free(user, ptr);
    return nullptr;
  }
  auto* b = static_cast<MemoryBudget*>(user);
  auto* p = static_cast<unsigned char*>(ptr) - kAllocHeader;
  std::size_t old = *reinterpret_cast<std::size_t*>(p);
  if (size > old && (size - old > b->limit || b->used > b->limit - (size - old))) {
    b->exceeded = true;
    return nullptr;
  }
  auto* q = static_cast<unsigned char*>(std::realloc(p, size + kAllocHeader));
  if (!q) return nullptr;
  *reinterpret_cast<std::size_t*>(q) = size;
  b->used = b->used - old + size;
  return q + kAllocHeader;
}

}  // namespace

fz_alloc_context budget_allocator(MemoryBudget* budget) { return {budget, budget_malloc, budget_realloc, budget_free}; }

Deadline::Deadline(fz_cookie* cookie, std::chrono::milliseconds limit)
    : thread_([this, cookie, limit] {
        std::unique_lock lock(mutex_);
        if (!cv_.wait_for(lock, limit, [this] { return done_; })) {
          expired_ = true;
          cookie->abort = 1;
        }
      }) {}

Deadline::~Deadline() {
  {
    std::lock_guard lock(mutex_);
    done_ = true;
  }
  cv_.notify_one();
  thread_.join();
}

bool Deadline::expired() {
  std::lock_guard lock(mutex_);
  return expired_;
}

}  // namespace cscwatch
