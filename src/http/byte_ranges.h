// HTTP Range requests (RFC 9110 §14) for the server's responses, with the
// limits that stop a Range header from multiplying a reply (CVE-2011-3192:
// thousands of "0-" ranges each asking for the whole body).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace cscwatch {

// At most this many ranges in one request; more, or ranges that overlap or
// together ask for more bytes than the body has, and the Range header is
// ignored: the reply is the whole body once, 200 (as nginx and Apache do).
inline constexpr std::size_t kMaxRanges = 16;

struct ByteRange {
  std::size_t first = 0, last = 0;  // inclusive
  std::size_t size() const { return last - first + 1; }
};

struct RangeDecision {
  enum Kind {
    Full,           // 200 with the whole body (no usable Range header, or one refused by the limits)
    Partial,        // 206 with `ranges` (one: a plain body; several: multipart/byteranges)
    Unsatisfiable,  // 416 with Content-Range: bytes */length
  } kind = Full;
  std::vector<ByteRange> ranges;
};

// Decides how to answer `range_header` (the Range header's value) for a body
// of `length` bytes.
RangeDecision decide_ranges(std::string_view range_header, std::size_t length);

}  // namespace cscwatch
