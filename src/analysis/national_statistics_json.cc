#include "analysis/national_statistics_json.h"

#include <cmath>

namespace cscwatch {

namespace {

nlohmann::json counts_json(const GradeCounts& c) {
  nlohmann::json o = nlohmann::json::object();
  for (const char* g : kStatsGrades) {
    auto it = c.by_grade.find(g);
    if (it != c.by_grade.end()) o[g] = it->second;
  }
  o["total"] = c.total;
  o["counted_by_lowest_judgement"] = c.by_lowest_judgement;
  return o;
}

nlohmann::json mix_json(const GradeMix& m) {
  nlohmann::json o = {{"by_year", nlohmann::json::object()}, {"by_framework", nlohmann::json::object()}};
  for (const auto& [k, c] : m.by_year) o["by_year"][k] = counts_json(c);
  for (const auto& [k, c] : m.by_framework) o["by_framework"][k] = counts_json(c);
  return o;
}

nlohmann::json months(const std::optional<double>& v) {
  if (!v) return nullptr;
  return std::round(*v * 10) / 10;
}

nlohmann::json transitions_json(const TransitionMatrix& t) {
  nlohmann::json o = {{"total", t.total}, {"counts", nlohmann::json::object()}, {"shares", nlohmann::json::object()}};
  for (const auto& [from, row] : t.counts)
    for (const auto& [to, n] : row) {
      o["counts"][from][to] = n;
      o["shares"][from][to] = std::round(t.share(from, to) * 1000) / 1000;
    }
  return o;
}

nlohmann::json recovery_json(const RecoveryTimes& r) {
  nlohmann::json curve = nlohmann::json::array();
  for (const auto& s : r.curve)
    curve.push_back({{"months", std::round(s.months * 10) / 10}, {"still_inadequate", std::round(s.still_inadequate * 1000) / 1000}});
  return {{"inadequate_judgements", r.inadequate}, {"recovered", r.recovered}, {"censored", r.censored},
          {"median_months", months(r.median)}, {"q1_months", months(r.q1)}, {"q3_months", months(r.q3)},
          {"kaplan_meier", curve}};
}

}  // namespace

nlohmann::json national_statistics_json(const NationalStatistics& s) {
  nlohmann::json o;
  o["as_at"] = to_iso(s.as_at);
  o["rules"] = kStatisticsRules;
  o["grade_mix"] = mix_json(s.national);
  o["grade_mix_by_region"] = nlohmann::json::object();
  for (const auto& [region, m] : s.by_region) o["grade_mix_by_region"][region] = mix_json(m);
  o["transitions"] = transitions_json(s.transitions);
  o["transitions_by_region"] = nlohmann::json::object();
  for (const auto& [region, t] : s.transitions_by_region) o["transitions_by_region"][region] = transitions_json(t);
  o["recovery"] = recovery_json(s.recovery);
  o["recovery_by_region"] = nlohmann::json::object();
  for (const auto& [region, r] : s.recovery_by_region) o["recovery_by_region"][region] = recovery_json(r);
  o["recovery_by_intervention"] = nlohmann::json::object();
  for (const auto& [kind, r] : s.recovery_by_intervention) o["recovery_by_intervention"][kind] = recovery_json(r);
  return o;
}

}  // namespace cscwatch
