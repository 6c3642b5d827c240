#include "analysis/intervention_register.h"

#include <algorithm>
#include <chrono>
#include <map>

#include "analysis/improvement_overview.h"
#include "store/improvement_store.h"
#include "store/improvement_visibility.h"
#include "store/inspection_rows.h"
#include "store/register.h"

namespace cscwatch {

namespace {

std::chrono::sys_days days(const Date& d) { return std::chrono::sys_days(d); }
Date judged(const GradedInspection& g) { return g.published.value_or(g.end); }

// The inadequate judgement an intervention begun on `start` answers.
const GradedInspection* answered(const std::vector<GradedInspection>& graded, const Date& start) {
  const GradedInspection* before = nullptr;
  const GradedInspection* after = nullptr;
  const Date slack = add_months(start, 1), within = add_months(start, 12);
  for (const auto& g : graded) {
    if (g.overall != Grade::Inadequate) continue;
    const Date d = judged(g);
    if (days(d) <= days(slack)) {
      if (!before || days(d) > days(judged(*before))) before = &g;
    } else if (days(d) <= days(within) && (!after || days(d) < days(judged(*after)))) {
      after = &g;
    }
  }
  return before ? before : after;
}

// The first judgement better than inadequate on an inspection begun after `start`.
const GradedInspection* next_better(const std::vector<GradedInspection>& graded, const Date& start) {
  const GradedInspection* best = nullptr;
  for (const auto& g : graded)
    if (g.overall && *g.overall != Grade::Inadequate && days(g.start) > days(start) &&
        (!best || days(g.start) < days(best->start)))
      best = &g;
  return best;
}

InterventionRegisterRow row_for(const Authority& a, const Intervention& i, const std::vector<GradedInspection>& graded,
                                const ImprovementStatus& status) {
  InterventionRegisterRow r;
  r.urn = a.urn;
  r.authority = a.name;
  r.slug = a.slug;
  r.region = a.region_name;
  r.intervention = i;
  r.in_force = std::any_of(status.in_force.begin(), status.in_force.end(),
                           [&](const Intervention& f) { return f.id == i.id; });
  if (!i.start) return r;
  const Date start = i.start->first_day;
  if (const auto* g = answered(graded, start)) {
    r.judged_inadequate = judged(*g);
    r.months_to_intervention = whole_months_between(*r.judged_inadequate, start);
  }
  if (const auto* g = next_better(graded, start)) {
    r.better_judged = judged(*g);
    r.better_grade = g->overall;
    r.months_to_better = whole_months_between(start, *r.better_judged);
  }
  return r;
}

}  // namespace

std::vector<InterventionRegisterRow> intervention_register(const Connection& db, const Date& today) {
  std::map<std::string, Authority> by_urn;
  for (auto& a : read_authorities(db)) by_urn[a.urn] = std::move(a);
  std::vector<InterventionRegisterRow> out;
  for (const auto& urn : authorities_with_interventions(db)) {
    auto a = by_urn.find(urn);
    if (a == by_urn.end() || improvement_records_restricted(db, urn)) continue;
    const auto graded = graded_inspections(query_inspections(db, InspectionFilter::of_authority(urn)));
    const auto interventions = interventions_for(db, urn);
    const auto status = derive_improvement_status(graded, interventions, {}, today);
    for (const auto& i : interventions) out.push_back(row_for(a->second, i, graded, status));
  }
  std::stable_sort(out.begin(), out.end(), [](const InterventionRegisterRow& x, const InterventionRegisterRow& y) {
    if (x.authority != y.authority) return x.authority < y.authority;
    const auto& a = x.intervention.start;
    const auto& b = y.intervention.start;
    if (!a || !b) return a.has_value() && !b.has_value();
    return days(a->first_day) < days(b->first_day);
  });
  return out;
}

bool in_force_during(const Intervention& i, int year) {
  if (!i.start) return false;
  const Date year_start{std::chrono::year{year}, std::chrono::January, std::chrono::day{1}};
  const Date next_year = add_months(year_start, 12);
  if (days(i.start->first_day) >= days(next_year)) return false;
  if (!i.end) return true;
  Date last = i.end->first_day;  // an end stated as a month or year runs to the end of it
  if (i.end->precision == StatedDate::Precision::Month) last = add_months(last, 1);
  if (i.end->precision == StatedDate::Precision::Year) last = add_months(last, 12);
  return days(last) > days(year_start);
}

std::vector<InterventionRegisterRow> filter_intervention_register(const std::vector<InterventionRegisterRow>& rows,
                                                                  const InterventionRegisterFilter& f) {
  std::vector<InterventionRegisterRow> out;
  for (const auto& r : rows) {
    if (!f.kind.empty() && to_string(r.intervention.kind) != f.kind) continue;
    if (!f.region.empty() && r.region != f.region) continue;
    if (f.year && !in_force_during(r.intervention, *f.year)) continue;
    if (f.now && !r.in_force) continue;
    out.push_back(r);
  }
  return out;
}

const std::vector<std::string>& intervention_register_columns() {
  static const std::vector<std::string> columns = {
      "authority_urn", "authority",         "region",           "kind",           "issuer",
      "person",        "start",             "review",           "end",            "in_force",
      "judged_inadequate", "months_to_intervention", "better_judged", "better_grade", "months_to_better",
      "outcome",       "source_url",        "source_title",     "source_date",    "origin"};
  return columns;
}

std::vector<std::string> intervention_register_cells(const InterventionRegisterRow& r) {
  const Intervention& i = r.intervention;
  auto stated = [](const std::optional<StatedDate>& d) { return d ? to_iso(*d) : std::string(); };
  auto date = [](const std::optional<Date>& d) { return d ? to_iso(*d) : std::string(); };
  auto number = [](const std::optional<int>& n) { return n ? std::to_string(*n) : std::string(); };
  return {r.urn,
          r.authority,
          r.region,
          std::string(to_string(i.kind)),
          i.issuer,
          i.person,
          stated(i.start),
          stated(i.review),
          stated(i.end),
          r.in_force ? "yes" : "no",
          date(r.judged_inadequate),
          number(r.months_to_intervention),
          date(r.better_judged),
          r.better_grade ? std::string(to_string(*r.better_grade)) : std::string(),
          number(r.months_to_better),
          i.outcome,
          i.source,
          i.source_title,
          stated(i.source_date),
          i.origin};
}

}  // namespace cscwatch
