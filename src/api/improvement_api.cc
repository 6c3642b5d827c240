#include "api/improvement_api.h"

#include <nlohmann/json.hpp>

#include "analysis/improvement_overview.h"
#include "domain/improvement_validation.h"
#include "forms/improvement_fields.h"
#include "http/json_body.h"
#include "store/improvement_store.h"
#include "store/improvement_visibility.h"
#include "store/inspection_rows.h"

namespace cscwatch {

using improvement_form::AuthorityRef;
using improvement_form::authority_of_slug;
using nlohmann::json;

WebResponse improvement_api(const PageContext& ctx, const WebRequest& r) {
  AuthorityRef a = authority_of_slug(ctx.db, r.path_args.at(0));
  auto rows = query_inspections(ctx.db, InspectionFilter::of_authority(a.urn));
  ImprovementOverview o = improvement_overview(ctx.db, a.urn, rows, ctx.today);
  if (!may_view_improvement_records(ctx.db, r.account, a.urn))
    throw NotFound("The improvement records of " + a.name + " are restricted.");
  json interventions = json::array(), boards = json::array(), plans = json::array(), visits = json::array(), in_force = json::array();
  for (const auto& i : o.interventions) interventions.push_back(to_json(i));
  for (const auto& b : o.boards) boards.push_back(to_json(b));
  for (const auto& p : o.plans) {
    json plan = to_json(p.plan);
    plan["actions"] = json::array();
    for (const auto& act : p.actions) {
      json aj = to_json(act);
      aj["overdue"] = is_overdue(act, ctx.today);
      plan["actions"].push_back(aj);
    }
    plans.push_back(plan);
  }
  for (const auto& v : o.visits) visits.push_back(to_json(v));
  for (const auto& i : o.status.in_force) in_force.push_back(i.id);
  const ImprovementStatus& s = o.status;
  json status = {{"under_intervention", s.under_intervention},
                 {"position", std::string(intervention_position(s))},
                 {"since", s.since ? json(to_iso(*s.since)) : json(nullptr)},
                 {"in_force", in_force},
                 {"inadequate_judged", s.inadequate_judged ? json(to_iso(*s.inadequate_judged)) : json(nullptr)},
                 {"months_since_inadequate", s.months_since_inadequate ? json(*s.months_since_inadequate) : json(nullptr)},
                 {"intervention_expected_but_unrecorded", s.intervention_expected_but_unrecorded},
                 {"monitoring_visits", s.monitoring_visits},
                 {"focused_visits", s.focused_visits},
                 {"reinspection", s.reinspection_text}};
  WebResponse out = json_response(json_body({{"authority_urn", a.urn}, {"authority_slug", a.slug}, {"restricted", o.restricted},
                                             {"status", status}, {"interventions", interventions}, {"boards", boards},
                                             {"plans", plans}, {"visits", visits}}));
  if (r.account || o.restricted) out.cacheable = false;
  return out;
}

}  // namespace cscwatch
