#include "api/context_figures_api.h"

#include <nlohmann/json.hpp>

#include "analysis/authority_profile.h"
#include "analysis/context_figures_history.h"
#include "api/api_json.h"

namespace cscwatch {

WebResponse context_figures_api(const PageContext& ctx, const WebRequest& request) {
  const std::string& slug = request.path_args.at(0);
  auto profile = authority_profile(ctx.db, slug);
  if (!profile) throw NotFound("No authority is called '" + slug + "'.");
  nlohmann::json inspections = nlohmann::json::array();
  for (const auto& i : context_figures_history(ctx.db, profile->authority.urn)) {
    nlohmann::json figures = nlohmann::json::object();
    for (const auto& [name, f] : i.figures)
      figures[name] = {{"value", f.value},
                       {"rate", f.rate ? nlohmann::json(*f.rate) : nlohmann::json(nullptr)},
                       {"as_at", f.as_at},
                       {"printed", f.printed},
                       {"page", f.page},
                       {"pdf_url", "/report/" + std::to_string(i.document_id) + "/pdf#page=" + std::to_string(f.page)}};
    inspections.push_back({{"document_id", i.document_id},
                           {"source_file", i.source_file},
                           {"inspection_start", i.inspection_start},
                           {"overall", i.overall.empty() ? nlohmann::json(nullptr) : nlohmann::json(i.overall)},
                           {"figures", figures}});
  }
  return json_response(json_body({{"authority", authority_summary_json(profile->authority)},
                                  {"units",
                                   {{"children_living_in_area", "children under 18; rate: % of the population"},
                                    {"child_poverty", "% of children living in poverty"},
                                    {"children_in_need", "children; rate per 10,000 children"},
                                    {"child_protection_plans", "children; rate per 10,000 children"},
                                    {"looked_after", "children; rate per 10,000 children"}}},
                                  {"inspections", inspections}}));
}

}  // namespace cscwatch
