#include "api/intervention_register_openapi.h"

#include <string>

#include "analysis/intervention_register.h"

namespace cscwatch {

namespace {

nlohmann::json query(const char* name, const char* description, nlohmann::json schema) {
  return {{"name", name}, {"in", "query"}, {"required", false}, {"description", description}, {"schema", std::move(schema)}};
}

nlohmann::json filters() {
  nlohmann::json kinds = nlohmann::json::array();
  for (auto k : all_intervention_kinds()) kinds.push_back(std::string(to_string(k)));
  return nlohmann::json::array(
      {query("kind", "Kind of intervention", {{"type", "string"}, {"enum", kinds}}),
       query("region", "Region name", {{"type", "string"}}),
       query("year", "In force at some time in this year (2013 or later)", {{"type", "integer"}, {"minimum", 2013}}),
       query("now", "Only interventions in force today", {{"type", "integer"}, {"enum", {0, 1}}})});
}

nlohmann::json row_schema() {
  nlohmann::json properties = nlohmann::json::object();
  for (const auto& c : intervention_register_columns()) {
    const bool number = c == "months_to_intervention" || c == "months_to_better";
    properties[c] = {{"type", number ? "integer" : "string"}, {"nullable", true}};
  }
  return {{"type", "object"}, {"properties", properties}};
}

}  // namespace

void add_intervention_register_paths(nlohmann::json& paths) {
  const nlohmann::json bad = {{"description", "A filter outside its allowed values"}};
  paths["/api/interventions"] = {
      {"get",
       {{"summary", "Every recorded intervention (never restricted records), with the inadequate judgement it answers "
                    "and the next better grade"},
        {"description", "months_to_intervention: whole months from the inadequate judgement's publication to the start "
                        "(negative when the intervention came first); months_to_better: from the start to the next "
                        "judgement better than inadequate. The same rows download as /interventions.csv, .json, .xlsx."},
        {"parameters", filters()},
        {"responses",
         {{"200",
           {{"description", "count, authorities_under_intervention_now, filter, interventions"},
            {"content",
             {{"application/json",
               {{"schema",
                 {{"type", "object"},
                  {"properties",
                   {{"count", {{"type", "integer"}}},
                    {"authorities_under_intervention_now", {{"type", "integer"}}},
                    {"filter", {{"type", "object"}}},
                    {"interventions", {{"type", "array"}, {"items", row_schema()}}}}}}}}}}}}},
          {"400", bad}}}}}};
}

}  // namespace cscwatch
