#include "news/link_evidence.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace cscwatch::news {

namespace {

using namespace std::chrono;

std::string fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

Evidence make(EvidenceKind kind, std::string detail, double scale = 1.0) {
  return Evidence{kind, weight_of(kind).weight * scale, std::move(detail)};
}

bool overlaps(const Date& a0, const Date& a1, const Date& b0, const Date& b1) {
  return sys_days{a0} <= sys_days{b1} && sys_days{b0} <= sys_days{a1};
}

// Whether the fieldwork from s to e runs through a month (1-12) of any year.
bool month_in_fieldwork(unsigned month, const Date& s, const Date& e) {
  int a = static_cast<int>(s.year()) * 12 + static_cast<int>(static_cast<unsigned>(s.month())) - 1;
  int b = static_cast<int>(e.year()) * 12 + static_cast<int>(static_cast<unsigned>(e.month())) - 1;
  for (int k = a; k <= b && k < a + 24; ++k)
    if (static_cast<unsigned>(k % 12 + 1) == month) return true;
  return false;
}

std::string grade_name(Grade g) { return std::string(to_string(g)); }

struct Span {
  std::optional<Date> start, end, published;
};

Span span_of(const InspectionRow& row) {
  Span s{parse_iso_date(row.inspection_start), parse_iso_date(row.inspection_end), parse_iso_date(row.published)};
  if (!s.end) s.end = s.start;
  return s;
}

// A date about another authority, or (for an authority named in passing) one
// in a sentence naming none, which is about the article's subject.
bool about_other_authority(const StatedDate& d, const InspectionRow& row, bool main_subject = true) {
  if (d.authority_urn.empty()) return !main_subject;
  return d.authority_urn != row.authority_urn;
}

}  // namespace

std::string_view to_string(EvidenceKind kind) {
  switch (kind) {
    case EvidenceKind::AuthorityNamed: return "authority_named";
    case EvidenceKind::AuthoritySubjectOfGrade: return "authority_subject_of_grade";
    case EvidenceKind::AuthorityInAddress: return "authority_in_address";
    case EvidenceKind::QuotationVerbatim: return "quotation_verbatim";
    case EvidenceKind::QuotationClose: return "quotation_close";
    case EvidenceKind::EventAgrees: return "event_agrees";
    case EvidenceKind::EventDiffers: return "event_differs";
    case EvidenceKind::GradeAgrees: return "grade_agrees";
    case EvidenceKind::GradeComparable: return "grade_comparable";
    case EvidenceKind::GradeDiffers: return "grade_differs";
    case EvidenceKind::FieldworkAgrees: return "fieldwork_agrees";
    case EvidenceKind::FieldworkDiffers: return "fieldwork_differs";
    case EvidenceKind::FieldworkMonthsAgree: return "fieldwork_months_agree";
    case EvidenceKind::FieldworkMonthsDiffer: return "fieldwork_months_differ";
    case EvidenceKind::PublicationAgrees: return "publication_agrees";
    case EvidenceKind::PublicationDayMonthAgrees: return "publication_day_month_agrees";
    case EvidenceKind::PublicationDiffers: return "publication_differs";
    case EvidenceKind::ArticleSoonAfter: return "article_soon_after";
    case EvidenceKind::ArticleWeeksAfter: return "article_weeks_after";
    case EvidenceKind::ArticleYearsAfter: return "article_years_after";
    case EvidenceKind::ArticleBeforeReport: return "article_before_report";
    case EvidenceKind::CalledEarlier: return "called_earlier";
    case EvidenceKind::LatestByArticleDate: return "latest_by_article_date";
    case EvidenceKind::AuthorityQuoted: return "authority_quoted";
  }
  return "unknown";
}

const EvidenceWeight& weight_of(EvidenceKind kind) {
  for (const auto& w : kEvidenceWeights)
    if (w.kind == kind) return w;
  static const EvidenceWeight none{kind, 0, false, false};
  return none;
}

EventKind event_kind_of(const InspectionRow& row) {
  if (row.kind == "monitoring_visit") return EventKind::MonitoringVisit;
  if (row.kind == "focused_visit") return EventKind::FocusedVisit;
  if (row.kind == "joint_targeted_inspection") return EventKind::JointTargetedInspection;
  return EventKind::Inspection;
}

std::optional<Grade> overall_grade_of(const InspectionRow& row) {
  auto g = parse_grade(row.grade("overall"));
  if (g) return g;
  std::optional<Grade> worst;
  for (const auto& [area, cell] : row.judgements) {
    if (area == "lscb") continue;
    if (auto x = parse_grade(cell.grade); x && (!worst || rank(*x) > rank(*worst))) worst = x;
  }
  return worst;
}

std::vector<Evidence> authority_evidence(const ArticleReading& reading, const CandidateFacts& facts) {
  std::vector<Evidence> out;
  if (facts.mention) {
    const auto& m = *facts.mention;
    std::string named = m.mentions == 0 ? " named only in the article's address"
                                        : " named " + std::to_string(m.mentions) + (m.mentions == 1 ? " time" : " times");
    out.push_back(make(EvidenceKind::AuthorityNamed,
                       m.authority->name + named + (facts.most_prominent ? " (most prominent)" : "") +
                           ", " + fixed2(facts.prominence_share) + " of the article's naming weight",
                       facts.prominence_share));
    // The subject of "rated"/"judged": sentences giving the grade name this authority.
    int subject = 0, other = 0;
    for (const auto& g : reading.grade_mentions) {
      if (g.authority_urn.empty()) continue;
      (g.authority_urn == facts.row->authority_urn ? subject : other)++;
    }
    if (subject > 0 && subject >= other)
      out.push_back(make(EvidenceKind::AuthoritySubjectOfGrade,
                         "named in " + std::to_string(subject) + " of the sentences that give a grade"));
  }
  if (!facts.mention && !facts.quotations.empty() && facts.quotations.front().verbatim &&
      facts.quotations.front().reports_with_it == 1 && facts.quotations.front().words >= kFullQuotationWords)
    out.push_back(make(EvidenceKind::AuthorityQuoted, facts.row->authority_name +
                                                          " is not named, but the article quotes its report word for word"));
  if (facts.in_address)
    out.push_back(make(EvidenceKind::AuthorityInAddress, facts.row->authority_name + " is named in the article's address"));
  return out;
}

std::vector<Evidence> quotation_evidence(const CandidateFacts& facts) {
  std::vector<Evidence> out;
  // Each further quotation found adds less: the first says the article quotes this report, the rest confirm it.
  double scale = 1.0;
  for (const auto& q : facts.quotations) {
    double uniqueness = 1.0 / std::max(1, q.reports_with_it);
    double length = std::min(1.0, static_cast<double>(q.words) / kFullQuotationWords);
    std::string shown = q.text.size() > 80 ? q.text.substr(0, 77) + "..." : q.text;
    out.push_back(make(q.verbatim ? EvidenceKind::QuotationVerbatim : EvidenceKind::QuotationClose,
                       "'" + shown + "' " + (q.verbatim ? "verbatim" : "close") + " on page " + std::to_string(q.page) +
                           (q.reports_with_it > 1 ? " (in " + std::to_string(q.reports_with_it) + " reports)" : ""),
                       scale * uniqueness * length));
    scale *= 0.5;
  }
  return out;
}

std::vector<Evidence> event_evidence(const ArticleReading& reading, const InspectionRow& row) {
  if (reading.event_kind == EventKind::Unknown) return {};
  std::string about = "the article is about a " + std::string(to_string(reading.event_kind)) + ", this is a " + row.kind;
  if (event_kind_of(row) == reading.event_kind) return {make(EvidenceKind::EventAgrees, about)};
  return {make(EvidenceKind::EventDiffers, about)};
}

std::vector<Evidence> grade_evidence(const ArticleReading& reading, const InspectionRow& row, bool main_subject) {
  auto g = overall_grade_of(row);
  std::vector<GradeMention> about;
  for (const auto& m : reading.grade_mentions)
    if (m.authority_urn == row.authority_urn || (m.authority_urn.empty() && main_subject)) about.push_back(m);
  auto stated = grade_of(about, row.authority_urn);
  if (!stated || !g) return {};
  if (*g == *stated)
    return {make(EvidenceKind::GradeAgrees, "article says " + grade_name(*stated) + ", report overall " + grade_name(*g))};
  if (rank(*g) == rank(*stated))
    return {make(EvidenceKind::GradeComparable, "article says " + grade_name(*stated) + ", report " + grade_name(*g))};
  return {make(EvidenceKind::GradeDiffers, "article says " + grade_name(*stated) + ", report overall " + grade_name(*g))};
}

std::vector<Evidence> fieldwork_evidence(const ArticleReading& reading, const InspectionRow& row, bool main_subject) {
  std::vector<Evidence> out;
  Span s = span_of(row);
  if (!s.start || !s.end) return out;
  for (const auto& d : reading.dates) {
    if (d.refers_to != "inspection" || about_other_authority(d, row, main_subject)) continue;
    std::string vs = "'" + d.text + "' vs fieldwork " + row.inspection_start + " to " + row.inspection_end;
    if (d.from && d.to && !d.year_inferred) {
      bool ok = overlaps(*d.from, *d.to, *s.start, *s.end);
      out.push_back(make(ok ? EvidenceKind::FieldworkAgrees : EvidenceKind::FieldworkDiffers, vs));
    } else if (!d.months.empty()) {
      bool ok = std::all_of(d.months.begin(), d.months.end(),
                            [&](unsigned mo) { return month_in_fieldwork(mo, *s.start, *s.end); });
      out.push_back(make(ok ? EvidenceKind::FieldworkMonthsAgree : EvidenceKind::FieldworkMonthsDiffer, vs));
    }
  }
  return out;
}

std::vector<Evidence> publication_evidence(const ArticleReading& reading, const InspectionRow& row,
                                           bool main_subject) {
  std::vector<Evidence> out;
  auto published = parse_iso_date(row.published);
  if (!published) return out;
  for (const auto& d : reading.dates) {
    if (d.refers_to != "publication" || about_other_authority(d, row, main_subject)) continue;
    std::string vs = "'" + d.text + "' vs published " + row.published;
    if (d.day && !d.months.empty()) {
      // A day and month, with or without a year: the same day of the year.
      bool same_day = static_cast<unsigned>(published->day()) == *d.day &&
                      static_cast<unsigned>(published->month()) == d.months.front();
      bool year_ok = !d.year || d.year_inferred || *d.year == static_cast<int>(published->year());
      if (same_day && year_ok) {
        out.push_back(make(d.year && !d.year_inferred ? EvidenceKind::PublicationAgrees
                                                      : EvidenceKind::PublicationDayMonthAgrees,
                           vs));
        continue;
      }
    }
    if (d.from && !d.year_inferred) {
      // Within a week of the stated day, or inside the stated month or year.
      Date to = d.to ? *d.to : *d.from;
      bool ok = days_between(*d.from, *published) >= -7 && days_between(*published, to) >= -7;
      out.push_back(make(ok ? EvidenceKind::PublicationAgrees : EvidenceKind::PublicationDiffers, vs));
    }
  }
  return out;
}

std::vector<Evidence> article_date_evidence(const ArticleReading& reading, const InspectionRow& row) {
  const auto& ad = reading.article_date;
  Span s = span_of(row);
  if (!ad || !s.start) return {};
  // A date known only to a month or year rules out only what its last day
  // does, and says nothing of how soon after publication it came.
  const Date last = reading.article_date_to ? *reading.article_date_to : *ad;
  bool imprecise = last != *ad;
  std::string dated = "article dated " + (imprecise ? to_iso(*ad) + " to " + to_iso(last) : to_iso(*ad));
  if (days_between(*s.start, last) < 0)
    return {make(EvidenceKind::ArticleBeforeReport, dated + ", before this inspection began (" + row.inspection_start + ")")};
  if (!s.published) return {};
  int lag = days_between(*s.published, *ad);
  if (days_between(*s.published, last) < -3)
    return {make(EvidenceKind::ArticleBeforeReport, dated + ", " + std::to_string(-days_between(*s.published, last)) +
                                                       " days before this report was published (" + row.published + ")")};
  if (imprecise)
    return lag > 365 ? std::vector<Evidence>{make(EvidenceKind::ArticleYearsAfter,
                                                  dated + ", over a year after publication (" + row.published + ")")}
                     : std::vector<Evidence>{};
  if (lag <= 14)
    return {make(EvidenceKind::ArticleSoonAfter,
                 dated + (lag == 0 ? ", the day the report was published"
                                   : ", " + std::to_string(lag) + " days from publication (" + row.published + ")"))};
  if (lag <= 120)
    return {make(EvidenceKind::ArticleWeeksAfter, dated + ", " + std::to_string(lag) + " days after publication")};
  if (lag > 365)
    return {make(EvidenceKind::ArticleYearsAfter, dated + ", over a year after publication (" + row.published + ")")};
  return {};
}

std::vector<Evidence> earlier_evidence(const ArticleReading& reading, const InspectionRow& row) {
  auto start = parse_iso_date(row.inspection_start);
  if (!start) return {};
  int began = static_cast<int>(start->year());
  for (const auto& eg : reading.earlier_grades)
    if (eg.year && began <= *eg.year &&
        (eg.authority_urn.empty() || eg.authority_urn == row.authority_urn))
      return {make(EvidenceKind::CalledEarlier, "the article calls a " + std::to_string(*eg.year) +
                                                    " inspection earlier, and this one began " + row.inspection_start)};
  for (const auto& d : reading.dates)
    if (d.refers_to == "earlier_inspection" && d.year && d.precision == "year" && began <= *d.year &&
        !about_other_authority(d, row))
      return {make(EvidenceKind::CalledEarlier, "the article names '" + d.text + "' as an earlier inspection")};
  return {};
}

std::vector<Evidence> latest_evidence(const CandidateFacts& facts) {
  if (!facts.latest_by_article_date) return {};
  return {make(EvidenceKind::LatestByArticleDate,
               "the latest " + std::string(to_string(event_kind_of(*facts.row))) + " of " + facts.row->authority_name +
                   " published by the article's date")};
}

std::vector<Evidence> all_evidence(const ArticleReading& reading, const CandidateFacts& facts) {
  std::vector<Evidence> out;
  auto add = [&](std::vector<Evidence> more) {
    for (auto& e : more) out.push_back(std::move(e));
  };
  const InspectionRow& row = *facts.row;
  add(authority_evidence(reading, facts));
  add(quotation_evidence(facts));
  add(event_evidence(reading, row));
  add(grade_evidence(reading, row, facts.main_subject));
  add(fieldwork_evidence(reading, row, facts.main_subject));
  add(publication_evidence(reading, row, facts.main_subject));
  add(article_date_evidence(reading, row));
  add(earlier_evidence(reading, row));
  add(latest_evidence(facts));
  return out;
}

}  // namespace cscwatch::news
