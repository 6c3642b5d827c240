// An authority's current position after its judgements, derived from the
// record (domain brief, section 3): whether it is under intervention, since
// when and by what; how long since it was judged inadequate; the visits since;
// when re-inspection is due. A pure function of the records and today.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/grade.h"
#include "domain/improvement_records.h"
#include "domain/inspection_cadence.h"

namespace cscwatch {

// A graded inspection as the status needs it.
struct GradedInspection {
  Date start, end;
  std::optional<Date> published;
  std::optional<Grade> overall;  // or the counted grade where no overall is given (2026)
};

struct ImprovementStatus {
  bool under_intervention = false;
  std::optional<Date> since;                 // the earliest start among the interventions in force
  std::vector<Intervention> in_force;
  // Notices, directions, commissioners and advisers whose end no source
  // states, taken as ended by a later judgement better than inadequate
  // (directions are revoked when the authority improves, domain brief §3).
  std::vector<Intervention> presumed_ended;
  // The latest graded inspection judged inadequate, when it is the latest one.
  std::optional<Date> inadequate_judged;      // its publication (else its last day on site)
  std::optional<int> months_since_inadequate;
  // DfE intervenes in every authority judged inadequate [S34]: true when the
  // latest grade is inadequate and the record holds no intervention since.
  bool intervention_expected_but_unrecorded = false;
  int monitoring_visits = 0;  // since the inadequate judgement (all, when none)
  int focused_visits = 0;
  InspectionForecast reinspection;  // the cadence rule's window, or the monitoring rule
  std::string reinspection_text;    // in words, for pages
};

// The position in words, as pages and the API state it: "under
// intervention"; "expected, not recorded" when the latest judgement is
// inadequate and nothing is recorded since (never "no intervention": the
// DfE intervenes in every such authority); otherwise "no intervention in
// force".
std::string_view intervention_position(const ImprovementStatus& status);

// In force on `today` by its own dates: started and not yet ended (an end
// stated as a month or year runs to the end of that period).
bool in_force(const Intervention& intervention, const Date& today);

ImprovementStatus derive_improvement_status(const std::vector<GradedInspection>& inspections,
                                            const std::vector<Intervention>& interventions,
                                            const std::vector<Visit>& visits, const Date& today);

}  // namespace cscwatch
