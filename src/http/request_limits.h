// The limits a client meets (documented in docs/limits.md). The idle
// keep-alive and request head deadlines and the connections per address and
// in all are in ServeOptions (the budget in all sized from the file limit,
// file_limit.h); the largest body is the site's (Site::max_body_bytes).
#pragma once

#include <chrono>
#include <cstddef>

namespace cscwatch::limits {

using namespace std::chrono_literals;

constexpr auto kBodyTimeout = 30s;                 // the whole request body
constexpr auto kWriteTimeout = 60s;                // writing one response
constexpr std::size_t kMaxTargetBytes = 8 * 1024;  // the request line's URL
constexpr std::size_t kMaxHeadBytes = 32 * 1024;   // request line and headers

}  // namespace cscwatch::limits
