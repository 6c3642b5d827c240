// The OpenAPI 3 description of /api, served at /api/openapi.json.
#pragma once

#include <string>

namespace cscwatch {

const std::string& openapi_document();

}  // namespace cscwatch
