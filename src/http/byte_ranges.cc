#include "http/byte_ranges.h"

#include <algorithm>
#include <charconv>
#include <optional>

namespace cscwatch {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<std::size_t> number(std::string_view s) {
  if (s.empty() || s.size() > 19) return std::nullopt;
  std::size_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

RangeDecision decide_ranges(std::string_view header, std::size_t length) {
  RangeDecision full;
  header = trim(header);
  if (header.substr(0, 6) != "bytes=") return full;  // another unit, or malformed: ignored
  header.remove_prefix(6);
  std::vector<ByteRange> ranges;
  std::size_t specs = 0;
  while (!header.empty()) {
    auto comma = header.find(',');
    std::string_view spec = trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    if (spec.empty()) continue;  // "bytes=0-1,,2-3" is tolerated
    // Counting the specs, not just the satisfiable ones, bounds the work.
    if (++specs > kMaxRanges) return full;
    auto dash = spec.find('-');
    if (dash == std::string_view::npos) return full;
    std::string_view a = trim(spec.substr(0, dash)), b = trim(spec.substr(dash + 1));
    if (a.empty()) {  // suffix: the last b bytes
      auto n = number(b);
      if (!n) return full;
      if (*n == 0 || length == 0) continue;  // unsatisfiable
      ranges.push_back({length - std::min(*n, length), length - 1});
      continue;
    }
    auto first = number(a);
    if (!first) return full;
    std::optional<std::size_t> last;
    if (!b.empty()) {
      last = number(b);
      if (!last || *last < *first) return full;  // syntactically invalid: the whole header is ignored
    }
    if (*first >= length) continue;  // unsatisfiable
    ranges.push_back({*first, std::min(last.value_or(length - 1), length - 1)});
  }
  if (specs == 0) return full;
  if (ranges.empty()) return {RangeDecision::Unsatisfiable, {}};
  // Overlapping ranges, or more bytes than the body: refused (whole body).
  std::vector<ByteRange> sorted = ranges;
  std::sort(sorted.begin(), sorted.end(), [](const ByteRange& x, const ByteRange& y) { return x.first < y.first; });
  std::size_t total = 0;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (i > 0 && sorted[i].first <= sorted[i - 1].last) return full;
    total += sorted[i].size();
  }
  if (total > length) return full;
  return {RangeDecision::Partial, std::move(ranges)};
}

}  // namespace cscwatch
