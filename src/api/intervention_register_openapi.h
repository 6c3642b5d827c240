// The intervention register's part of the OpenAPI document (/api/openapi.json):
// /api/interventions and its downloads, described beside their code
// (web/intervention_register_page.h) rather than in the shared document.
#pragma once

#include <nlohmann/json.hpp>

namespace cscwatch {

void add_intervention_register_paths(nlohmann::json& paths);

}  // namespace cscwatch
