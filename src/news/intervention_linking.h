// Which intervention record an article about an intervention reports, and
// which inspection a record (an intervention or a visit) follows. An article
// is about an intervention when its headline reports one of the Department's
// statutory or formal acts (a commissioner, an improvement notice, a
// direction): then it is linked to that record where the register holds it
// and otherwise to nothing; the inspection the intervention follows is shown
// as context, never as the link.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/improvement_records.h"
#include "news/article_reading.h"
#include "store/inspection_rows.h"
#include "store/sqlite.h"

namespace cscwatch::news {

// The kind of intervention record an article is about, from its headline; nullopt: not about an intervention.
std::optional<cscwatch::InterventionKind> reported_intervention(const ArticleReading& reading);

struct InterventionLink {
  cscwatch::Intervention record;
  double confidence = 0;
  std::vector<std::string> evidence;  // for people: "kind commissioner as the headline says", ...
};

// Thresholds: a record whose dates fit what the article states links at
// kDatedConfidence; the only record of its kind, with nothing dated either way, at kUndatedConfidence.
inline constexpr double kDatedConfidence = 0.9;
inline constexpr double kUndatedConfidence = 0.6;

// The record of `urn` (the article's subject) of the kind the headline
// reports whose dates fit the article's; nullopt with why_not otherwise.
std::optional<InterventionLink> link_intervention(const Connection& db, const ArticleReading& reading,
                                                  const std::string& urn, std::string& why_not);

// The latest full inspection of `urn` published by `by` (a record's first
// possible day is not enough: a record dated to a month may follow a report
// published in that month, so `by` is its last possible day).
std::optional<InspectionRow> inspection_followed(const Connection& db, const std::string& urn, const Date& by);

// The last day a stated record date may be: the day, the month's last day, or the year's.
Date last_day_of(const cscwatch::StatedDate& d);

}  // namespace cscwatch::news
