#include "domain/intervention_status.h"

#include <algorithm>
#include <chrono>

namespace cscwatch {

namespace {

std::chrono::sys_days days(const Date& d) { return std::chrono::sys_days(d); }

}  // namespace

std::string_view intervention_position(const ImprovementStatus& s) {
  if (s.under_intervention) return "under intervention";
  if (s.intervention_expected_but_unrecorded) return "expected, not recorded";
  return "no intervention in force";
}

bool in_force(const Intervention& i, const Date& today) {
  if (!i.start) return false;  // no start stated: cannot say it is in force
  if (days(i.start->first_day) > days(today)) return false;
  // An end stated only as a month or year ends somewhere in it: in force
  // until that period is over.
  if (i.end) {
    Date last = i.end->first_day;
    if (i.end->precision == StatedDate::Precision::Month) last = add_months(last, 1);
    if (i.end->precision == StatedDate::Precision::Year) last = add_months(last, 12);
    if (days(last) <= days(today)) return false;
  }
  return true;
}

ImprovementStatus derive_improvement_status(const std::vector<GradedInspection>& inspections,
                                            const std::vector<Intervention>& interventions,
                                            const std::vector<Visit>& visits, const Date& today) {
  ImprovementStatus s;
  auto improved_since = [&](const Intervention& i) {
    if (i.kind == InterventionKind::AlternativeDelivery || i.end || !i.start) return false;
    return std::any_of(inspections.begin(), inspections.end(), [&](const GradedInspection& g) {
      return g.overall && *g.overall != Grade::Inadequate && days(g.start) > days(i.start->first_day);
    });
  };
  for (const auto& i : interventions) {
    if (!in_force(i, today)) continue;
    if (improved_since(i)) {
      s.presumed_ended.push_back(i);
      continue;
    }
    s.in_force.push_back(i);
    if (i.start && (!s.since || days(i.start->first_day) < days(*s.since))) s.since = i.start->first_day;
  }
  s.under_intervention = !s.in_force.empty();

  const GradedInspection* latest = nullptr;
  for (const auto& g : inspections)
    if (!latest || days(g.end) > days(latest->end)) latest = &g;

  std::optional<Date> visits_from;
  if (latest && latest->overall == Grade::Inadequate) {
    s.inadequate_judged = latest->published.value_or(latest->end);
    s.months_since_inadequate = std::max(0, whole_months_between(*s.inadequate_judged, today));
    visits_from = latest->end;
    const bool recorded = std::any_of(interventions.begin(), interventions.end(), [&](const Intervention& i) {
      // One begun before the judgement and still running counts as well
      // (Dudley's board and BCP's adviser predate their judgements).
      return (in_force(i, today) && !improved_since(i)) || (i.start && days(i.start->first_day) >= days(latest->end));
    });
    s.intervention_expected_but_unrecorded = !recorded;
  }
  for (const auto& v : visits) {
    if (!v.start || days(*v.start) > days(today)) continue;  // not yet happened
    if (visits_from && days(*v.start) < days(*visits_from)) continue;
    if (latest && !visits_from && days(*v.start) < days(latest->end)) continue;
    (v.kind == VisitKind::Monitoring ? s.monitoring_visits : s.focused_visits) += 1;
  }

  if (!latest) {
    s.reinspection_text = "no graded inspection in the register";
    return s;
  }
  s.reinspection = forecast_next_inspection(latest->end, latest->overall);
  if (latest->overall == Grade::Inadequate) {
    // Ofsted re-inspects when it judges the authority ready; the only figure
    // the sources give is a secondary one (about 2.5 years under ILACS,
    // uncertain [S28]), so it is shown as indicative, not as a window.
    const Date indicative = add_months(latest->end, 30);
    s.reinspection_text = "monitoring visits until a standard re-inspection when Ofsted judges the authority ready "
                          "(indicatively about 2.5 years after the inspection, around " +
                          std::string(month_name(static_cast<unsigned>(indicative.month()))) + " " +
                          std::to_string(static_cast<int>(indicative.year())) + "; a secondary, uncertain figure)";
  } else {
    s.reinspection_text = "next inspection window " + to_long_form(*s.reinspection.opens) + " to " +
                          to_long_form(*s.reinspection.closes) + " (" + forecast_status(s.reinspection, today) + ")";
  }
  return s;
}

}  // namespace cscwatch
