// Dates as reports print them: "11 January to 8 February 2016", "6 to 17
// December 2021", "1/06/2015 - 25/06/2015", "28 July 2016", two-part
// inspections "5 to 9 December 2022 and 14 to 15 February 2023".
#pragma once

#include <optional>
#include <string_view>

#include "domain/date.h"

namespace cscwatch::parse {

struct DateRange {
  Date start;
  Date end;
};

// Reads a date or date range from the start of `text` (normalised or not) and
// stops at the first word that is not part of a date phrase, so trailing text
// ("Report published: ...") is ignored. Days without a month or year take them
// from the next date printed ("6 to 17 December 2021"). Several ranges joined
// by "and" give first day to last day. nullopt when no complete date is found
// or the result is implausible (end before start, or over 200 days).
std::optional<DateRange> parse_date_range(std::string_view text);

// What a date phrase printed besides its range: one day only ("Inspection
// date: 28 July 2016"), or two on-site periods joined by "and" ("5 to 9
// December 2022 and 14 to 15 February 2023"). The completeness checks judge
// the on-site span against these.
struct DatePhrase {
  DateRange range;
  bool single_day = false;
  bool split = false;
};
// parse_date_range with the phrase's shape.
std::optional<DatePhrase> read_date_phrase(std::string_view text);

// The first complete date at the start of `text` ("5 April 2016", "10/08/2015").
std::optional<Date> parse_single_date(std::string_view text);

}  // namespace cscwatch::parse
