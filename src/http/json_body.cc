#include "http/json_body.h"

namespace cscwatch {

std::string json_body(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

}  // namespace cscwatch
