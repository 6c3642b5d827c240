// JSON as a response body.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace cscwatch {

// Compact JSON text. Invalid UTF-8 (from a damaged PDF) is replaced rather
// than failing the request.
std::string json_body(const nlohmann::json& j);

}  // namespace cscwatch
