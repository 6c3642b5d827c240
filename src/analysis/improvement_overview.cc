#include "analysis/improvement_overview.h"

#include <functional>

#include "analysis/national_register.h"
#include "store/improvement_store.h"
#include "store/improvement_visibility.h"

namespace cscwatch {

std::vector<GradedInspection> graded_inspections(const std::vector<InspectionRow>& rows) {
  std::vector<GradedInspection> out;
  for (const auto& r : rows) {
    if (r.judgements.empty()) continue;
    auto start = parse_iso_date(r.inspection_start), end = parse_iso_date(r.inspection_end);
    if (!start || !end) continue;
    GradedInspection g{*start, *end, parse_iso_date(r.published), parse_grade(counted_grade(r).grade)};
    out.push_back(g);
  }
  return out;
}

ImprovementOverview improvement_overview(const Connection& db, const std::string& urn,
                                         const std::vector<InspectionRow>& inspections, const Date& today) {
  ImprovementOverview o;
  o.authority_urn = urn;
  o.restricted = improvement_records_restricted(db, urn);
  o.interventions = interventions_for(db, urn);
  o.boards = boards_for(db, urn);
  o.visits = visits_for(db, urn);
  for (auto& plan : plans_for(db, urn)) {
    PlanWithActions p;
    p.actions = actions_for_plan(db, plan.id);
    if (plan.report_document_id) {
      for (const auto& r : inspections)
        if (r.document_id == *plan.report_document_id) {
          p.report_points = query_improvement_points(db, r.inspection_id);
          p.report_title = r.inspection_start + " " + r.framework + " report";
        }
    }
    p.plan = std::move(plan);
    o.plans.push_back(std::move(p));
  }
  o.status = derive_improvement_status(graded_inspections(inspections), o.interventions, o.visits, today);
  return o;
}

std::set<std::string> authorities_under_intervention(
    const Connection& db, const Date& today, const std::function<bool(const std::string&, bool)>& include) {
  std::set<std::string> out;
  for (const auto& urn : authorities_with_interventions(db)) {
    if (!include(urn, improvement_records_restricted(db, urn))) continue;
    auto rows = query_inspections(db, InspectionFilter::of_authority(urn));
    auto status = derive_improvement_status(graded_inspections(rows), interventions_for(db, urn), {}, today);
    if (status.under_intervention) out.insert(urn);
  }
  return out;
}

}  // namespace cscwatch
