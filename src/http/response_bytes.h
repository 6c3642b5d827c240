// A response as bytes on the wire: the status line and headers (security
// headers, caching, ranges), then the body or the parts of it a Range header
// asked for. The body is never copied: segments point into it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "http/error_responses.h"
#include "http/web_types.h"

namespace cscwatch {

struct ResponseFacts {
  std::string_view path;   // the request's (a 416's error body is JSON under /api/)
  bool head_only = false;  // HEAD: the headers alone
  bool ranges_allowed = false;  // a GET; the Range header is then honoured on a 200
  std::string_view range;  // the Range header ("" when absent or after If-Range)
  bool signed_in = false;  // the answer is a signed-in account's: never cached
  bool keep_alive = true;
  std::uintptr_t boundary_seed = 0;  // varies the multipart boundary between connections
};

struct ResponseBytes {
  // One piece of what follows the head: parts[part], or body[offset, offset + length).
  struct Segment {
    int part = -1;
    std::size_t offset = 0, length = 0;
  };
  std::string head;                // status line and headers, with the blank line
  std::vector<std::string> parts;  // multipart part headers, or a 416's own body
  std::vector<Segment> segments;   // empty for HEAD
};

ResponseBytes response_bytes(const WebResponse& out, const ResponseFacts& facts, const ErrorResponses& errors);

}  // namespace cscwatch
