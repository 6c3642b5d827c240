#include "domain/completeness.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "domain/judgement_scheme.h"

namespace cscwatch {

namespace {

std::string area_words(JudgementArea area) {
  std::string words(label(area));
  // "Help and protection" -> "help and protection"; "LSCB ..." keeps its capitals.
  if (words.size() > 1 && std::islower(static_cast<unsigned char>(words[1])))
    words[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(words[0])));
  return words;
}

void check_identity(const InspectionRecord& r, std::vector<ReviewItem>& out) {
  if (r.authority_printed.value.empty())
    add_review_item(out, {"authority", "the authority's name was not read from the title", 1});
  if (!r.start) add_review_item(out, {"inspection_start", "the first day on site was not read", 1});
  if (!r.end) add_review_item(out, {"inspection_end", "the last day on site was not read", 1});
  if (!r.lead_inspector || r.lead_inspector->value.empty())
    add_review_item(out, {"lead_inspector", "no lead inspector was read", 0});
}

void check_judgements(const InspectionRecord& r, JudgementScheme scheme, std::vector<ReviewItem>& out) {
  const int table_page = r.evidence.table_page > 0 ? r.evidence.table_page : 1;
  const auto required = required_judgements(scheme, r.evidence.title_covers_lscb);
  for (JudgementArea area : required) {
    if (r.judgement(area)) continue;
    add_review_item(out, {std::string(to_string(area)),
                          "the " + area_words(area) + " judgement that every " + std::string(describe(scheme)) +
                              " prints was not read",
                          area == JudgementArea::Lscb ? 0 : table_page});
  }
  for (const auto& j : r.judgements) {
    if (std::find(required.begin(), required.end(), j.area) != required.end()) continue;
    if (scheme == JudgementScheme::Letter) {
      add_review_item(out, {"kind", "read as a visit letter, yet judgements were read from it: probably a graded "
                                    "report misread as a letter",
                            j.page});
      continue;
    }
    if (scheme == JudgementScheme::Ilacs2026 && j.area == JudgementArea::Overall) {
      add_review_item(out, {"overall", "an overall effectiveness grade was read, but inspections begun from 1 April "
                                       "2026 are not given one",
                            j.page});
      continue;
    }
    // SIF reports without the LSCB in their title (re-inspections) print none.
    add_review_item(out, {std::string(to_string(j.area)),
                          "a " + area_words(j.area) + " judgement was read, which a " + std::string(describe(scheme)) +
                              " does not give",
                          j.page});
  }
  if (scheme == JudgementScheme::Letter && r.evidence.table_grade_cells > 0)
    add_review_item(out, {"kind", "read as a visit letter, yet its first pages hold a judgement table: probably a "
                                  "graded report misread as a letter",
                          table_page});
}

void check_dates(const InspectionRecord& r, std::vector<ReviewItem>& out) {
  if (r.start && r.end) {
    const int span = days_between(r.start->value, r.end->value);
    if (span < 0) {
      add_review_item(out, {"inspection_end", "the last day on site (" + to_iso(r.end->value) +
                                                  ") is before the first (" + to_iso(r.start->value) + ")",
                            r.end->page});
    } else {
      const OnSiteSpan plausible = plausible_on_site_span(r.kind, r.evidence.split_fieldwork);
      const bool printed_single_day = r.evidence.single_date_printed && span == 0;
      if (!printed_single_day && (span < plausible.min_days || span > plausible.max_days))
        add_review_item(out, {"inspection_end",
                              "on site for " + std::to_string(span) + " days, outside the " +
                                  std::to_string(plausible.min_days) + "-" + std::to_string(plausible.max_days) +
                                  " days plausible for a " + std::string(to_string(r.kind)),
                              r.end->page});
    }
  }
  if (r.end && r.published && days_between(r.end->value, r.published->value) < 0)
    add_review_item(out, {"published", "published (" + to_iso(r.published->value) + ") before the last day on site (" +
                                           to_iso(r.end->value) + ")",
                          r.published->page});
}

void check_summary_agrees(const InspectionRecord& r, std::vector<ReviewItem>& out) {
  const auto& summary = r.evidence.summary_grade;
  const Judgement* overall = r.judgement(JudgementArea::Overall);
  if (!summary || !overall || !overall->grade) return;
  if (summary->value == *overall->grade) return;
  add_review_item(out, {"overall",
                        "the overall grade read (" + std::string(to_string(*overall->grade)) +
                            ") disagrees with the report's summary sentence (" +
                            std::string(to_string(summary->value)) + ")",
                        summary->page});
}

void check_table_count(const InspectionRecord& r, JudgementScheme scheme, std::vector<ReviewItem>& out) {
  if (scheme == JudgementScheme::Letter || r.evidence.table_grade_cells < 0) return;
  if (r.evidence.table_grade_cells == r.evidence.table_rows_read) return;
  add_review_item(out, {"judgements",
                        "the judgement table prints " + std::to_string(r.evidence.table_grade_cells) +
                            " grades but " + std::to_string(r.evidence.table_rows_read) +
                            " judgements were read from it",
                        r.evidence.table_page > 0 ? r.evidence.table_page : 1});
}

}  // namespace

OnSiteSpan plausible_on_site_span(DocumentKind kind, bool split_fieldwork) {
  OnSiteSpan span;
  switch (kind) {
    case DocumentKind::SifReport: span = {8, 35}; break;             // about four weeks; re-inspections 2-3
    case DocumentKind::IlacsReport: span = {2, 16}; break;           // short 2-7 (Scilly 3), standard 8-16
    case DocumentKind::LookedAfterChildrenReport: span = {2, 21}; break;
    case DocumentKind::FocusedVisitLetter:
    case DocumentKind::MonitoringVisitLetter: span = {0, 10}; break;  // about two days
    case DocumentKind::JointTargetedInspection: span = {0, 21}; break;
    case DocumentKind::LscbReview: span = {0, 10}; break;  // Surrey 2015: three days
  }
  // Two on-site periods months apart (Sheffield 2013-14, South Tyneside 2022-23).
  if (split_fieldwork) span.max_days = 200;
  return span;
}

std::vector<ReviewItem> check_completeness(const InspectionRecord& r) {
  std::vector<ReviewItem> out = r.doubts;
  check_identity(r, out);
  // The period comes from the first day on site; failing that (its own
  // review item above), the last day or the publication date.
  const auto* dated = r.start ? &*r.start : r.end ? &*r.end : r.published ? &*r.published : nullptr;
  if (dated) {
    const JudgementScheme scheme = judgement_scheme(r.kind, dated->value);
    check_judgements(r, scheme, out);
    check_table_count(r, scheme, out);
  }
  check_dates(r, out);
  check_summary_agrees(r, out);
  return out;
}

}  // namespace cscwatch
