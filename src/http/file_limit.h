// The process's limit on open files, and the connection budget it allows.
//
// Every connection the server holds is a file descriptor, so the number of
// connections it can hold is bounded by RLIMIT_NOFILE. The soft limit is
// often 1024 while the hard limit is far higher: `cscwatch serve` raises the
// soft limit to the hard one at start (anyone may, up to the hard limit) and
// logs what it got, then sizes the connection budget from it, leaving
// headroom for what else the process opens (the register's database, its
// WAL and shared-memory files for each worker's connection, PDFs, page
// images, the log).
#pragma once

#include <cstdint>
#include <string>

namespace cscwatch {

struct FileLimit {
  std::uint64_t before = 0;  // the soft limit found at start
  std::uint64_t soft = 0;    // the soft limit now
  std::uint64_t hard = 0;
  std::string error;  // why it could not be raised (empty: it was, or needed not be)
};

// Raises the soft limit on open files to the hard limit (or to the kernel's
// fs.nr_open when the hard limit is unlimited). Never lowers it.
FileLimit raise_file_limit();

// The soft limit in force now.
std::uint64_t open_file_limit();

// The most connections to hold with `open_files` descriptors: all but a
// headroom of an eighth (at least 128, at most 4096), and at most
// kMaxConnectionBudget.
constexpr int kMaxConnectionBudget = 50000;
int connection_budget_for(std::uint64_t open_files);

// One line for the log: the limit obtained and the budget sized from it.
std::string describe(const FileLimit& limit, int budget);

}  // namespace cscwatch
