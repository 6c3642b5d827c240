#include "analysis/national_register.h"

#include "analysis/forecast_backtest.h"
#include "analysis/inspection_intervals.h"
#include "analysis/round_queue.h"
#include "domain/reorganisation.h"

#include <algorithm>
#include <unordered_map>

#include "domain/grade.h"
#include "domain/inspection_cadence.h"

namespace cscwatch {

int months_between(const Date& from, const Date& to) { return std::max(0, whole_months_between(from, to)); }

std::optional<JudgementScheme> row_scheme(const InspectionRow& row) {
  auto kind = parse_document_kind(row.kind);
  if (!kind) return std::nullopt;
  auto day = parse_iso_date(row.inspection_start.empty() ? row.published : row.inspection_start);
  if (!day) {
    // Only the ILACS period depends on the date.
    if (*kind == DocumentKind::IlacsReport) return std::nullopt;
    day = Date{};
  }
  return judgement_scheme(*kind, *day);
}

InspectionForecast forecast_after(const InspectionRow& r, const Date& last_day) {
  if (counted_grade(r).overall_absent_by_framework)
    return forecast_next_inspection_2026(
        last_day, Grades2026{parse_grade(r.grade("leadership")), parse_grade(r.grade("help_protection")),
                             parse_grade(r.grade("in_care")), parse_grade(r.grade("care_leavers"))});
  return forecast_next_inspection(last_day, parse_grade(counted_grade(r).grade));
}

CountedGrade counted_grade(const InspectionRow& row) {
  CountedGrade c;
  auto scheme = row_scheme(row);
  if (!scheme) {
    c.grade = row.grade("overall");
    return c;
  }
  std::vector<std::optional<Grade>> others;
  for (JudgementArea area : required_judgements(*scheme, true))
    if (area != JudgementArea::Overall) others.push_back(parse_grade(row.grade(std::string(to_string(area)))));
  auto g = grade_for_counts(*scheme, parse_grade(row.grade("overall")), others);
  c.overall_absent_by_framework = overall_absent_by_framework(*scheme);
  c.by_lowest_judgement = c.overall_absent_by_framework && g.has_value();
  if (g) c.grade = std::string(to_string(*g));
  return c;
}

std::vector<RegisterEntry> national_register(const Connection& db, const Date& today) {
  std::vector<RegisterEntry> entries;
  std::unordered_map<std::string, size_t> index;
  auto q = db.prepare(R"sql(
    SELECT a.urn, a.la_code, a.ons_code, a.name, a.slug, a.region_code, a.region_name, a.la_type, a.legacy,
           (SELECT COUNT(*) FROM inspections i WHERE i.authority_urn = a.urn)
    FROM authorities a ORDER BY a.name)sql");
  while (q.step()) {
    RegisterEntry e;
    e.urn = q.text(0);
    e.la_code = q.text(1);
    e.ons_code = q.text(2);
    e.name = q.text(3);
    e.slug = q.text(4);
    e.region_code = q.text(5);
    e.region_name = q.text(6);
    e.la_type = q.text(7);
    e.legacy = q.integer(8) != 0;
    e.inspection_count = static_cast<int>(q.integer(9));
    index.emplace(e.urn, entries.size());
    entries.push_back(std::move(e));
  }
  // Every graded row once: the last one per authority is its latest, and the
  // rest feed grades_ever (so "has ever been inadequate" needs no second query).
  InspectionFilter graded;
  graded.graded_only = true;
  const std::vector<InspectionRow> graded_rows = query_inspections(db, graded);
  // The next-inspection windows come from the record itself: the intervals
  // between consecutive graded inspections, by previous framework and grade
  // (analysis/inspection_intervals.h; `cscwatch forecast --backtest` scores them).
  const std::vector<GradedVisit> visits = graded_visits(graded_rows);
  const CadenceWindows windows(inspection_intervals(visits, known_reorganisations()));
  // The forecast: the current round's order and pace (analysis/round_queue.h).
  const RoundQueue round(last_inspections(visits, known_reorganisations(), today), visits, today,
                         newest_start(visits, today));
  for (auto row : graded_rows) {
    auto it = index.find(row.authority_urn);
    if (it == index.end()) continue;
    RegisterEntry& e = entries[it->second];
    std::string overall = counted_grade(row).grade;
    if (!overall.empty() && std::find(e.grades_ever.begin(), e.grades_ever.end(), overall) == e.grades_ever.end())
      e.grades_ever.push_back(overall);
    e.latest = std::move(row);
  }
  for (auto& e : entries) {
    if (!e.latest) continue;
    e.counted = counted_grade(*e.latest);
    const std::string& last_day = e.latest->inspection_end.empty() ? e.latest->inspection_start : e.latest->inspection_end;
    if (auto d = parse_iso_date(last_day)) {
      e.months_since = months_between(*d, today);
      const auto visit = graded_visits({*e.latest});
      if (!visit.empty()) {
        e.forecast = round.forecast(e.urn).forecast;
        if (!e.forecast->opens && !e.forecast->closes && e.forecast->basis.empty())
          e.forecast = windows.forecast(visit.front()).forecast;
      } else {
        e.forecast = forecast_after(*e.latest, *d);
      }
      e.forecast_status = forecast_status(*e.forecast, today);
    }
  }
  return entries;
}

std::vector<RegisterEntry> filter_register(const std::vector<RegisterEntry>& entries, const RegisterFilter& f) {
  std::vector<RegisterEntry> out;
  for (const auto& e : entries) {
    if (e.legacy && !f.include_legacy) continue;
    if (!f.region.empty() && e.region_name != f.region) continue;
    if (!f.framework.empty() && (!e.latest || e.latest->framework != f.framework)) continue;
    if (!f.grade.empty()) {
      if (f.grade == "none") {
        if (!e.current_grade().empty()) continue;
      } else if (f.grade_ever) {
        if (std::find(e.grades_ever.begin(), e.grades_ever.end(), f.grade) == e.grades_ever.end()) continue;
      } else if (e.current_grade() != f.grade) {
        continue;
      }
    }
    out.push_back(e);
  }
  return out;
}

const std::vector<std::string>& register_sort_columns() {
  static const std::vector<std::string> columns = {
      "authority_name", "region", "overall", "leadership", "help_protection", "in_care", "care_leavers",
      "adoption", "lscb", "framework", "inspection_start", "inspection_end", "published", "lead_inspector",
      "months_since", "next_window", "authority_la_code", "authority_urn"};
  return columns;
}

bool is_register_sort_column(const std::string& column) {
  const auto& c = register_sort_columns();
  return std::find(c.begin(), c.end(), column) != c.end();
}

namespace {

// Sort key: (blank?, value) so blanks always sort last, whichever direction.
struct Key {
  bool blank = true;
  int number = 0;
  std::string text;
};

int grade_rank(const std::string& machine) {
  auto g = parse_grade(machine);
  return g ? rank(*g) : 0;
}

Key key_of(const RegisterEntry& e, const std::string& column) {
  Key k;
  auto text = [&](const std::string& s) {
    k.blank = s.empty();
    k.text = s;
  };
  if (column == "authority_name") text(e.name);
  else if (column == "region") text(e.region_name);
  else if (column == "authority_la_code") text(e.la_code);
  else if (column == "authority_urn") { k.blank = false; k.number = std::atoi(e.urn.c_str()); }
  else if (column == "months_since") {
    if (e.months_since) { k.blank = false; k.number = *e.months_since; }
  } else if (column == "next_window") {
    if (e.forecast && e.forecast->opens) text(to_iso(*e.forecast->opens));
  } else if (!e.latest) {
    // blank
  } else if (column == "framework") text(e.latest->framework);
  else if (column == "inspection_start") text(e.latest->inspection_start);
  else if (column == "inspection_end") text(e.latest->inspection_end);
  else if (column == "published") text(e.latest->published);
  else if (column == "lead_inspector") text(e.latest->lead_inspector);
  else {
    // Overall sorts by the counted grade, so a 2026 inspection is not a blank.
    int r = grade_rank(column == "overall" ? e.current_grade() : e.latest->grade(column));
    if (r) { k.blank = false; k.number = r; }
  }
  return k;
}

}  // namespace

void sort_register(std::vector<RegisterEntry>& entries, const std::string& column, bool descending) {
  std::vector<std::pair<Key, size_t>> keys;
  keys.reserve(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) keys.emplace_back(key_of(entries[i], column), i);
  std::stable_sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
    if (a.first.blank != b.first.blank) return !a.first.blank;
    if (a.first.blank) return false;
    int c = a.first.number != b.first.number ? (a.first.number < b.first.number ? -1 : 1)
                                             : a.first.text.compare(b.first.text);
    return descending ? c > 0 : c < 0;
  });
  std::vector<RegisterEntry> sorted;
  sorted.reserve(entries.size());
  for (auto& [key, i] : keys) sorted.push_back(std::move(entries[i]));
  entries = std::move(sorted);
}

std::map<std::string, int> count_by_current_grade(const std::vector<RegisterEntry>& entries) {
  std::map<std::string, int> counts;
  for (const auto& e : entries) {
    std::string g = e.current_grade();
    ++counts[g.empty() ? "none" : g];
  }
  return counts;
}

std::map<std::string, int> count_by_lowest_judgement(const std::vector<RegisterEntry>& entries) {
  std::map<std::string, int> counts;
  for (const auto& e : entries)
    if (e.counted.by_lowest_judgement) ++counts[e.current_grade()];
  return counts;
}

}  // namespace cscwatch
