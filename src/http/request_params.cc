#include "http/request_params.h"

#include <charconv>

namespace cscwatch {

std::string param(const WebRequest& request, const std::string& name, size_t max_length) {
  auto [begin, end] = request.params.equal_range(name);
  if (begin == end) return {};
  if (std::next(begin) != end) throw BadRequest("parameter '" + name + "' is given more than once");
  if (begin->second.size() > max_length)
    throw BadRequest("parameter '" + name + "' is too long (at most " + std::to_string(max_length) + " characters)");
  return begin->second;
}

int int_param(const WebRequest& request, const std::string& name, int fallback, int min, int max) {
  std::string v = param(request, name, 20);
  if (v.empty()) return fallback;
  int out = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || ptr != v.data() + v.size())
    throw BadRequest("parameter '" + name + "' must be a whole number");
  if (out < min || out > max)
    throw BadRequest("parameter '" + name + "' must be between " + std::to_string(min) + " and " + std::to_string(max));
  return out;
}

std::string choice_param(const WebRequest& request, const std::string& name, const std::vector<std::string>& allowed) {
  std::string v = param(request, name);
  if (v.empty()) return v;
  for (const auto& a : allowed)
    if (a == v) return v;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  throw BadRequest("parameter '" + name + "' must be one of: " + list);
}

bool flag_param(const WebRequest& request, const std::string& name) {
  std::string v = param(request, name, 10);
  if (v.empty() || v == "0" || v == "false" || v == "off" || v == "no") return false;
  if (v == "1" || v == "true" || v == "on" || v == "yes") return true;
  throw BadRequest("parameter '" + name + "' must be 1 or 0");
}

}  // namespace cscwatch
