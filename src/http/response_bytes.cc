#include "http/response_bytes.h"

#include <fmt/format.h>

#include "http/byte_ranges.h"
#include "http/security_headers.h"
#include "http/status_text.h"

namespace cscwatch {

namespace {

std::string cache_control(const WebResponse& out, bool signed_in) {
  // A signed-in page, or one setting a cookie: no shared or browser cache.
  if (signed_in || !out.headers.empty()) return "no-store";
  // Assets, and a page image (drawn from a document whose bytes never change).
  if (out.content_type.rfind("text/javascript", 0) == 0 || out.content_type.rfind("text/css", 0) == 0 ||
      out.content_type == "image/png")
    return "public, max-age=3600";
  return "no-cache";
}

// The headers every answer carries, whatever its ranges.
std::string common_headers(const WebResponse& out, int status, bool signed_in) {
  std::string h = fmt::format("HTTP/1.1 {} {}\r\n", status, reason_phrase(status));
  for (const auto& [k, v] : out.is_pdf ? pdf_security_headers() : security_headers()) h += fmt::format("{}: {}\r\n", k, v);
  if (!out.content_disposition.empty()) h += "Content-Disposition: " + out.content_disposition + "\r\n";
  for (const auto& [k, v] : out.headers) h += k + ": " + v + "\r\n";
  if (!out.location.empty()) h += "Location: " + out.location + "\r\n";
  h += "Cache-Control: " + cache_control(out, signed_in) + "\r\n";
  if (out.is_pdf) h += "Accept-Ranges: bytes\r\n";
  return h;
}

// Several ranges: multipart/byteranges, a part header before each range.
size_t add_multipart(ResponseBytes& b, const WebResponse& out, const std::vector<ByteRange>& ranges, std::uintptr_t seed) {
  const std::string& body = out.body;
  std::string boundary =
      fmt::format("cscwatch-{:016x}", seed ^ static_cast<std::uintptr_t>(body.size() * 2654435761u));
  b.head += "Content-Type: multipart/byteranges; boundary=" + boundary + "\r\n";
  size_t length = 0;
  for (const auto& r : ranges) {
    b.parts.push_back(fmt::format("\r\n--{}\r\nContent-Type: {}\r\nContent-Range: bytes {}-{}/{}\r\n\r\n", boundary,
                                  out.content_type, r.first, r.last, body.size()));
    b.segments.push_back({static_cast<int>(b.parts.size()) - 1});
    b.segments.push_back({-1, r.first, r.size()});
    length += b.parts.back().size() + r.size();
  }
  b.parts.push_back(fmt::format("\r\n--{}--\r\n", boundary));
  b.segments.push_back({static_cast<int>(b.parts.size()) - 1});
  return length + b.parts.back().size();
}

}  // namespace

ResponseBytes response_bytes(const WebResponse& out, const ResponseFacts& facts, const ErrorResponses& errors) {
  const std::string& body = out.body;
  RangeDecision ranges;
  if (!facts.range.empty() && facts.ranges_allowed && out.status == 200) ranges = decide_ranges(facts.range, body.size());
  int status = ranges.kind == RangeDecision::Partial ? 206 : ranges.kind == RangeDecision::Unsatisfiable ? 416 : out.status;

  ResponseBytes b;
  b.head = common_headers(out, status, facts.signed_in);
  size_t length = 0;
  if (ranges.kind == RangeDecision::Unsatisfiable) {
    b.head += fmt::format("Content-Range: bytes */{}\r\n", body.size());
    WebResponse e = errors(std::string(facts.path), 416, "The requested range is outside the document.");
    b.head += "Content-Type: " + e.content_type + "\r\n";
    b.parts.push_back(std::move(e.body));
    b.segments.push_back({0});
    length = b.parts.back().size();
  } else if (ranges.kind == RangeDecision::Partial && ranges.ranges.size() == 1) {
    const ByteRange& r = ranges.ranges[0];
    b.head += fmt::format("Content-Range: bytes {}-{}/{}\r\n", r.first, r.last, body.size());
    b.head += "Content-Type: " + out.content_type + "\r\n";
    b.segments.push_back({-1, r.first, r.size()});
    length = r.size();
  } else if (ranges.kind == RangeDecision::Partial) {
    length = add_multipart(b, out, ranges.ranges, facts.boundary_seed);
  } else {
    b.head += "Content-Type: " + out.content_type + "\r\n";
    b.segments.push_back({-1, 0, body.size()});
    length = body.size();
  }
  b.head += fmt::format("Content-Length: {}\r\n", length);
  if (!facts.keep_alive) b.head += "Connection: close\r\n";
  b.head += "\r\n";
  if (facts.head_only) b.segments.clear();
  return b;
}

}  // namespace cscwatch
