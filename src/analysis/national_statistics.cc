#include "analysis/national_statistics.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "analysis/answering_intervention.h"
#include "analysis/inspection_intervals.h"
#include "analysis/national_register.h"
#include "domain/grade.h"
#include "domain/reorganisation.h"
#include "store/improvement_store.h"
#include "store/improvement_visibility.h"
#include "store/inspection_rows.h"

namespace cscwatch {

int TransitionMatrix::row_total(const std::string& from) const {
  auto it = counts.find(from);
  if (it == counts.end()) return 0;
  int n = 0;
  for (const auto& [to, c] : it->second) n += c;
  return n;
}

double TransitionMatrix::share(const std::string& from, const std::string& to) const {
  int n = row_total(from);
  if (n == 0) return 0;
  auto it = counts.at(from).find(to);
  return it == counts.at(from).end() ? 0 : static_cast<double>(it->second) / n;
}

namespace {

constexpr double kDaysPerMonth = 365.2425 / 12;

// One graded inspection as the statistics see it.
struct Judged {
  std::string urn, framework, grade;
  bool by_lowest = false;
  Date start, end, known;  // first and last day on site; publication (or last day)
  bool full = false;       // on the inspection cycle (SIF, ILACS, 2026)
};

std::vector<Judged> judged_rows(const Connection& db, const Date& as_at) {
  InspectionFilter graded;
  graded.graded_only = true;
  std::vector<Judged> out;
  std::set<std::pair<std::string, std::string>> seen;  // one per authority and first day
  for (const auto& r : query_inspections(db, graded)) {
    const CountedGrade counted = counted_grade(r);
    if (counted.grade.empty()) continue;
    auto start = parse_iso_date(r.inspection_start.empty() ? r.inspection_end : r.inspection_start);
    auto end = parse_iso_date(r.inspection_end.empty() ? r.inspection_start : r.inspection_end);
    auto known = parse_iso_date(r.published);
    if (!known) known = end;
    if (!known || *known > as_at) continue;
    Judged j;
    j.urn = r.authority_urn;
    j.framework = counted.overall_absent_by_framework ? std::string(kFramework2026) : r.framework;
    j.grade = counted.grade;
    j.by_lowest = counted.by_lowest_judgement;
    j.known = *known;
    j.start = start ? *start : *known;
    j.end = end ? *end : j.start;
    j.full = on_inspection_cycle(j.framework) && start && end;
    if (j.full && !seen.emplace(j.urn, to_iso(j.start)).second) continue;
    out.push_back(std::move(j));
  }
  return out;
}

void count(GradeCounts& c, const Judged& j) {
  ++c.by_grade[j.grade];
  ++c.total;
  if (j.by_lowest) ++c.by_lowest_judgement;
}

// An authority's full inspections, its predecessors' before each
// reorganisation included, oldest first.
std::vector<const Judged*> history_of(const std::string& urn, const std::vector<Judged>& judged,
                                      std::optional<Date> until = std::nullopt, int depth = 0) {
  std::vector<const Judged*> out;
  for (const auto& j : judged)
    if (j.full && j.urn == urn && (!until || j.start < *until)) out.push_back(&j);
  if (depth < 8)
    for (const auto& reorg : known_reorganisations()) {
      if (reorg.successor_urn != urn) continue;
      auto day = parse_iso_date(reorg.date);
      if (!day) continue;
      Date limit = until && *until < *day ? *until : *day;
      auto inherited = history_of(std::string(reorg.predecessor_urn), judged, limit, depth + 1);
      out.insert(out.end(), inherited.begin(), inherited.end());
    }
  std::sort(out.begin(), out.end(), [](const Judged* a, const Judged* b) { return a->start < b->start; });
  return out;
}

int grade_rank_of(const std::string& g) {
  auto parsed = parse_grade(g);
  return parsed ? rank(*parsed) : 0;
}

}  // namespace

RecoveryTimes kaplan_meier(std::vector<SurvivalObservation> obs) {
  RecoveryTimes out;
  std::sort(obs.begin(), obs.end(), [](const auto& a, const auto& b) { return a.months < b.months; });
  out.inadequate = static_cast<int>(obs.size());
  for (const auto& o : obs) {
    if (o.event) {
      ++out.recovered;
      out.recovered_months.push_back(o.months);
    } else {
      ++out.censored;
    }
  }
  double survival = 1;
  size_t i = 0;
  while (i < obs.size()) {
    const double t = obs[i].months;
    const auto at_risk = static_cast<double>(obs.size() - i);
    int events = 0;
    size_t j = i;
    for (; j < obs.size() && obs[j].months == t; ++j)
      if (obs[j].event) ++events;
    if (events > 0) {
      survival *= 1.0 - events / at_risk;
      out.curve.push_back({t, survival});
      if (!out.q1 && survival <= 0.75 + 1e-12) out.q1 = t;
      if (!out.median && survival <= 0.5 + 1e-12) out.median = t;
      if (!out.q3 && survival <= 0.25 + 1e-12) out.q3 = t;
    }
    i = j;
  }
  return out;
}

NationalStatistics national_statistics(const Connection& db, const Date& as_at) {
  NationalStatistics s;
  s.as_at = as_at;
  std::map<std::string, std::string> region_of;  // urn -> region name
  // The authorities that exist at the as-at date carry the histories: a
  // county replaced by then hands its history to its successors, and a
  // successor not yet created leaves it with the county.
  std::vector<std::string> current;
  {
    const std::string day = to_iso(as_at);
    std::set<std::string> absent;
    for (const auto& r : known_reorganisations()) {
      if (r.date <= day) absent.emplace(r.predecessor_urn);
      else absent.emplace(r.successor_urn);
    }
    auto q = db.prepare("SELECT urn, region_name FROM authorities ORDER BY urn");
    while (q.step()) {
      region_of[q.text(0)] = q.text(1);
      if (!absent.count(q.text(0))) current.push_back(q.text(0));
    }
  }
  const std::vector<Judged> judged = judged_rows(db, as_at);

  for (const auto& j : judged) {
    const std::string year = std::to_string(static_cast<int>(j.known.year()));
    const std::string& region = region_of[j.urn];
    count(s.national.by_year[year], j);
    count(s.national.by_framework[j.framework], j);
    count(s.by_region[region].by_year[year], j);
    count(s.by_region[region].by_framework[j.framework], j);
  }

  std::vector<SurvivalObservation> all;
  std::map<std::string, std::vector<SurvivalObservation>> by_region, by_intervention;
  for (const auto& urn : current) {
    const auto history = history_of(urn, judged);
    const std::string& region = region_of[urn];
    const auto interventions =
        improvement_records_restricted(db, urn) ? std::vector<Intervention>{} : interventions_for(db, urn);
    for (size_t i = 0; i + 1 < history.size(); ++i) {
      const auto& from = history[i]->grade;
      const auto& to = history[i + 1]->grade;
      ++s.transitions.counts[from][to];
      ++s.transitions.total;
      ++s.transitions_by_region[region].counts[from][to];
      ++s.transitions_by_region[region].total;
    }
    for (size_t i = 0; i < history.size(); ++i) {
      if (history[i]->grade != "inadequate") continue;
      SurvivalObservation o;
      const Judged* better = nullptr;
      for (size_t k = i + 1; k < history.size() && !better; ++k)
        if (grade_rank_of(history[k]->grade) < grade_rank_of("inadequate")) better = history[k];
      o.event = better != nullptr;
      o.months = days_between(history[i]->end, better ? better->end : as_at) / kDaysPerMonth;
      all.push_back(o);
      by_region[region].push_back(o);
      by_intervention[answering_intervention(interventions, history[i]->end, better ? better->end : as_at)].push_back(o);
    }
  }
  s.recovery = kaplan_meier(all);
  for (auto& [region, obs] : by_region) s.recovery_by_region[region] = kaplan_meier(obs);
  for (auto& [kind, obs] : by_intervention) s.recovery_by_intervention[kind] = kaplan_meier(obs);
  return s;
}

}  // namespace cscwatch
