// An article's date as people and news feeds write it: "2014-06-05",
// "2014-06-05T10:30:00Z" (ISO 8601 with a time), "Thu, 05 Jun 2014 10:30:00
// +0000" (RFC 822), "5 June 2014", "June 5, 2014", and a month or a year
// alone ("2014-06", "June 2014", "2014"), each as the days it may be.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/date.h"

namespace cscwatch::news {

struct ArticleDate {
  Date from, to;          // inclusive; one day when precision is "day"
  std::string precision;  // day, month, year
};

// nullopt when the text is not one of the forms above (bounded: the first 100 bytes).
std::optional<ArticleDate> parse_article_date(std::string_view text);

}  // namespace cscwatch::news
