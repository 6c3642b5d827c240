// What an article claims: the authority, the grade, the kind of event, the
// dates (stated outright or relative to the article's own date), earlier
// grades and interventions. Each is one reading (council_reading.h,
// grade_reading.h, date_reading.h, event_kind_reading.h,
// intervention_reading.h) over the article's shared words (reading_context.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/authority.h"
#include "domain/authority_directory.h"
#include "domain/date.h"
#include "domain/grade.h"
#include "news/council_reading.h"
#include "news/date_reading.h"
#include "news/event_kind_reading.h"
#include "news/grade_reading.h"
#include "news/intervention_reading.h"

namespace cscwatch::news {

struct ArticleReading {
  std::string headline;
  std::optional<Date> article_date;
  std::string article_date_source;   // "byline", "html meta ..."
  std::vector<AuthorityMention> authorities;  // most prominent first
  std::optional<Grade> grade;
  std::vector<GradeMention> grade_mentions;
  EventKind event_kind = EventKind::Unknown;
  std::vector<StatedDate> dates;
  std::vector<GradeMention> earlier_grades;
  std::vector<Intervention> interventions;
  // Interventions the headline reports: what the article is about when it is
  // about the Department's action rather than an inspection (intervention_linking.h).
  std::vector<InterventionKind> headline_interventions;
  // The last day the article's date may be, when it is known only to a month
  // or a year (the CLI's --date "2014-06"): article_date is then the first.
  std::optional<Date> article_date_to;
};

// `hidden` are byte ranges (quotations by people other than the inspectorate)
// whose words are not the article's own claims: they are ignored for grades,
// dates, event kind and interventions (authorities are still counted).
ArticleReading read_article(std::string_view text, const AuthorityDirectory& directory,
                            const std::vector<std::pair<size_t, size_t>>& hidden,
                            std::optional<Date> meta_date = std::nullopt, std::string meta_source = {});

// The grade the article reports for one authority (claims in sentences naming
// another authority are left out); empty urn: every claim.
std::optional<Grade> grade_for_authority(const ArticleReading& reading, const std::string& urn);

}  // namespace cscwatch::news
