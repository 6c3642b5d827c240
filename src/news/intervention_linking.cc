#include "news/intervention_linking.h"

#include <algorithm>
#include <chrono>

#include "news/link_evidence.h"
#include "store/improvement_store.h"

namespace cscwatch::news {

namespace {

using namespace std::chrono;

// How far around a record's first month an article dated then still reports
// it: news of an appointment comes within weeks; a month either side of the
// stated start allows for the notice being dated before it was announced.
constexpr int kDaysBeforeStart = 31;
constexpr int kDaysAfterStart = 120;
constexpr int kDaysAroundDay = 3;  // a stated day against a record's day: a weekend's slack

Date add_days(const Date& d, int n) { return Date{sys_days{d} + days{n}}; }

bool overlaps(const Date& a0, const Date& a1, const Date& b0, const Date& b1) {
  return sys_days{a0} <= sys_days{b1} && sys_days{b0} <= sys_days{a1};
}

enum class Fit { Fits, Contradicts, Silent };

struct DateFit {
  Fit fit = Fit::Silent;
  std::string detail;
};

// A date the article states about the action itself (not about a report or a visit).
bool about_action(const StatedDate& d) {
  return d.from && d.to && !d.year_inferred && d.refers_to != "inspection" && d.refers_to != "publication" &&
         d.refers_to != "earlier_inspection" && d.refers_to != "monitoring_visit" && d.refers_to != "focused_visit";
}

// A stated date matching one of the record's dates (its start or end), to the record's precision.
std::optional<std::string> stated_match(const ArticleReading& reading, const cscwatch::StatedDate& at,
                                        const char* which) {
  Date from = at.first_day, to = last_day_of(at);
  if (at.precision == cscwatch::StatedDate::Precision::Day) {
    from = add_days(from, -kDaysAroundDay);
    to = add_days(to, kDaysAroundDay);
  }
  for (const auto& d : reading.dates)
    if (about_action(d) && d.precision != "year" && overlaps(*d.from, *d.to, from, to))
      return "'" + d.text + "' is when it " + which + " (" + to_iso(at) + ")";
  return std::nullopt;
}

DateFit date_fit(const ArticleReading& reading, const cscwatch::Intervention& r) {
  if (r.start)
    if (auto m = stated_match(reading, *r.start, "began")) return {Fit::Fits, *m};
  if (r.end)
    if (auto m = stated_match(reading, *r.end, "ended")) return {Fit::Fits, *m};
  if (!reading.article_date) return {};
  Date a0 = *reading.article_date, a1 = reading.article_date_to ? *reading.article_date_to : a0;
  std::string dated = "article dated " + to_iso(a0);
  if (r.start) {
    Date s0 = r.start->first_day, s1 = last_day_of(*r.start);
    if (overlaps(a0, a1, add_days(s0, -kDaysBeforeStart), add_days(s1, kDaysAfterStart)))
      return {Fit::Fits, dated + ", within weeks of its start (" + to_iso(*r.start) + ")"};
    if (sys_days{a1} < sys_days{add_days(s0, -kDaysBeforeStart)})
      return {Fit::Contradicts, dated + ", before it began (" + to_iso(*r.start) + ")"};
  }
  if (r.end && overlaps(a0, a1, add_days(r.end->first_day, -kDaysAroundDay), add_days(last_day_of(*r.end), 30)))
    return {Fit::Fits, dated + ", when it ended (" + to_iso(*r.end) + ")"};
  // Dated, and at none of the record's dates: another action of the same kind.
  return {Fit::Contradicts, dated + ", not near its dates"};
}

}  // namespace

Date last_day_of(const cscwatch::StatedDate& d) {
  const Date& f = d.first_day;
  switch (d.precision) {
    case cscwatch::StatedDate::Precision::Day: return f;
    case cscwatch::StatedDate::Precision::Month: return Date{year_month_day_last{f.year(), month_day_last{f.month()}}};
    case cscwatch::StatedDate::Precision::Year: return Date{f.year(), December, day{31}};
  }
  return f;
}

std::optional<cscwatch::InterventionKind> reported_intervention(const ArticleReading& reading) {
  for (InterventionKind k : reading.headline_interventions) {
    switch (k) {
      case InterventionKind::Commissioner: return cscwatch::InterventionKind::Commissioner;
      case InterventionKind::ImprovementNotice: return cscwatch::InterventionKind::ImprovementNotice;
      case InterventionKind::Direction: return cscwatch::InterventionKind::StatutoryDirection;
      default: break;  // trusts, boards, new directors: the council's own acts, reported with inspections
    }
  }
  return std::nullopt;
}

std::optional<InterventionLink> link_intervention(const Connection& db, const ArticleReading& reading,
                                                  const std::string& urn, std::string& why_not) {
  auto kind = reported_intervention(reading);
  if (!kind) {
    why_not = "the article is not about an intervention";
    return std::nullopt;
  }
  std::string what(label(*kind));
  std::vector<cscwatch::Intervention> same;
  for (auto& r : interventions_for(db, urn))
    if (r.kind == *kind) same.push_back(std::move(r));
  if (same.empty()) {
    why_not = "no matching intervention: the register holds no " + what + " record for this authority";
    return std::nullopt;
  }
  std::vector<std::pair<const cscwatch::Intervention*, DateFit>> fitting, silent;
  for (const auto& r : same) {
    DateFit f = date_fit(reading, r);
    if (f.fit == Fit::Fits) fitting.emplace_back(&r, f);
    if (f.fit == Fit::Silent) silent.emplace_back(&r, f);
  }
  InterventionLink link;
  link.evidence.push_back("the headline reports a " + what);
  if (fitting.size() == 1) {
    link.record = *fitting.front().first;
    link.confidence = kDatedConfidence;
    link.evidence.push_back(fitting.front().second.detail);
    return link;
  }
  if (fitting.size() > 1) {
    why_not = "ambiguous: " + std::to_string(fitting.size()) + " " + what + " records fit the article's dates";
    return std::nullopt;
  }
  // Nothing dated either way: only the sole record of its kind, which no date rules out.
  if (same.size() == 1 && silent.size() == 1) {
    link.record = *silent.front().first;
    link.confidence = kUndatedConfidence;
    link.evidence.push_back("the only " + what + " record of this authority; the article states no date");
    return link;
  }
  why_not = "no matching intervention: no " + what + " record of this authority fits the article's dates";
  return std::nullopt;
}

std::optional<InspectionRow> inspection_followed(const Connection& db, const std::string& urn, const Date& by) {
  std::optional<InspectionRow> best;
  for (auto& row : query_inspections(db, InspectionFilter::of_authority(urn))) {
    auto pub = parse_iso_date(row.published);
    if (event_kind_of(row) != EventKind::Inspection || !pub || sys_days{*pub} > sys_days{by}) continue;
    if (!best || row.published > best->published) best = std::move(row);
  }
  return best;
}

}  // namespace cscwatch::news
