// One authority's improvement story as the pages and the API show it: its
// interventions, boards, plans with their actions, visits, and the status
// derived from them and its graded inspections (domain/intervention_status.h).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/intervention_status.h"
#include "store/inspection_rows.h"
#include "store/sqlite.h"

namespace cscwatch {

struct PlanWithActions {
  ImprovementPlan plan;
  std::vector<PlanAction> actions;
  std::vector<ImprovementPointRow> report_points;  // of the report the plan answers
  std::string report_title;                        // empty when it names no report
};

struct ImprovementOverview {
  std::string authority_urn;
  bool restricted = false;  // the records are not public
  std::vector<Intervention> interventions;
  std::vector<ImprovementBoard> boards;
  std::vector<PlanWithActions> plans;
  std::vector<Visit> visits;
  ImprovementStatus status;
  bool empty() const { return interventions.empty() && boards.empty() && plans.empty() && visits.empty(); }
};

// The graded inspections the status needs (overall grade, or the counted
// grade where the framework gives none).
std::vector<GradedInspection> graded_inspections(const std::vector<InspectionRow>& rows);

ImprovementOverview improvement_overview(const Connection& db, const std::string& urn,
                                         const std::vector<InspectionRow>& inspections, const Date& today);

// Authorities under intervention on `today`, by URN; `include` decides which
// authorities' records the asker may see (restricted ones are left out otherwise).
std::set<std::string> authorities_under_intervention(const Connection& db, const Date& today,
                                                     const std::function<bool(const std::string& urn, bool restricted)>& include);

}  // namespace cscwatch
