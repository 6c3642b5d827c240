#include "http/file_limit.h"

#include <sys/resource.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>

namespace cscwatch {

namespace {

// Linux refuses a soft limit above fs.nr_open, so "unlimited" means that.
std::uint64_t kernel_file_ceiling() {
  std::ifstream in("/proc/sys/fs/nr_open");
  std::uint64_t n = 0;
  if (in >> n && n > 0) return n;
  return 1u << 20;
}

}  // namespace

std::uint64_t open_file_limit() {
  rlimit r{};
  if (::getrlimit(RLIMIT_NOFILE, &r) != 0) return 1024;
  return r.rlim_cur == RLIM_INFINITY ? kernel_file_ceiling() : r.rlim_cur;
}

FileLimit raise_file_limit() {
  FileLimit out;
  rlimit r{};
  if (::getrlimit(RLIMIT_NOFILE, &r) != 0) {
    out.error = std::strerror(errno);
    out.before = out.soft = out.hard = 1024;
    return out;
  }
  out.before = r.rlim_cur == RLIM_INFINITY ? kernel_file_ceiling() : r.rlim_cur;
  out.hard = r.rlim_max == RLIM_INFINITY ? kernel_file_ceiling() : r.rlim_max;
  out.soft = out.before;
  if (out.before >= out.hard) return out;
  rlimit raised = r;
  raised.rlim_cur = out.hard;
  if (::setrlimit(RLIMIT_NOFILE, &raised) != 0) {
    out.error = std::strerror(errno);
    return out;
  }
  out.soft = open_file_limit();
  return out;
}

int connection_budget_for(std::uint64_t open_files) {
  std::uint64_t headroom = std::clamp<std::uint64_t>(open_files / 8, 128, 4096);
  // So few descriptors that the headroom takes them all: still serve a few.
  if (open_files <= headroom + 16) return 16;
  return static_cast<int>(std::min<std::uint64_t>(open_files - headroom, kMaxConnectionBudget));
}

std::string describe(const FileLimit& limit, int budget) {
  std::string files = limit.soft > limit.before ? fmt::format("{} (raised from {}; hard limit {})", limit.soft, limit.before, limit.hard)
                                                : fmt::format("{} (hard limit {})", limit.soft, limit.hard);
  if (!limit.error.empty()) files += fmt::format("; could not raise it: {}", limit.error);
  return fmt::format("open files: {}; connection budget {} in all", files, budget);
}

}  // namespace cscwatch
