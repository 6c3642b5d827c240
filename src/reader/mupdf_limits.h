// Per-document limits on MuPDF's work, shared by the text reader and the page
// renderer: a memory budget counted by the context's allocator and a deadline
// that aborts the interpreter through its cookie. Reports are untrusted input;
// a hostile page must fail with a message, not take the process down.
#pragma once

#include <mupdf/fitz.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <thread>

namespace cscwatch {

// MuPDF's memory, counted per context: every allocation carries its size in a
// header, and an allocation that would take the context past its budget
// fails (MuPDF first empties its cache and retries, then throws).
struct MemoryBudget {
  std::size_t used = 0;
  std::size_t limit = SIZE_MAX;
  bool exceeded = false;
};

// An fz_alloc_context whose user pointer is a MemoryBudget.
fz_alloc_context budget_allocator(MemoryBudget* budget);

// Sets the cookie's abort flag when the document's time is up; MuPDF's
// interpreter checks it between content stream operators and stops.
class Deadline {
 public:
  Deadline(fz_cookie* cookie, std::chrono::milliseconds limit);
  ~Deadline();
  Deadline(const Deadline&) = delete;
  Deadline& operator=(const Deadline&) = delete;
  bool expired();

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool done_ = false, expired_ = false;
  std::thread thread_;
};

}  // namespace cscwatch
