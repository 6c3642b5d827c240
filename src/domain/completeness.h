// Completeness rules: what every document of its kind, framework and period
// must yield, and cross-checks that catch a misread. One place, so a silent
// blank is impossible: a document that falls short is stored with a review
// item naming each missing or doubtful fact, never with a quiet gap.
//
// The rules (each tested in tests/domain/completeness_test.cc):
//  - every document: the authority as printed, the first and last day on
//    site, the lead inspector;
//  - graded reports: every judgement of their scheme (judgement_scheme.h),
//    a grade or a row printed "Not judged";
//  - ILACS from April 2026: no overall effectiveness grade; a visit letter:
//    no grades and no judgement table at all;
// and the cross-checks:
//  - first day <= last day <= publication date;
//  - the on-site span plausible for the kind (SIF 8-35 days, ILACS 2-16,
//    letters 0-10; more when the report prints two on-site periods; a SIF
//    report printing a single day is taken as printed);
//  - the overall grade agrees with the report's own summary sentence;
//  - the front table's grade cells equal the judgements read from it;
//  - a judgement not in the scheme (care leavers apart before 2023) is doubted.
#pragma once

#include <vector>

#include "domain/inspection.h"
#include "domain/review_item.h"

namespace cscwatch {

// The parser's own doubts followed by every rule the record falls short of.
// Empty when the record is complete and consistent.
std::vector<ReviewItem> check_completeness(const InspectionRecord& record);

// Fewest and most days from the first to the last day on site that the kind
// plausibly spans (one-day visits are 0).
struct OnSiteSpan {
  int min_days = 0;
  int max_days = 0;
};
OnSiteSpan plausible_on_site_span(DocumentKind kind, bool split_fieldwork);

}  // namespace cscwatch
