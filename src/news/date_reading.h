// The dates an article states: day ranges, months, years, and phrases relative
// to the article's own date ("last month", "two years ago"), each with the
// event it is about (the inspection, its publication, an earlier inspection,
// a visit) read from the nearest event word in its sentence.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "news/reading_context.h"

namespace cscwatch::news {

struct StatedDate {
  std::string text;              // as printed: "in January and February", "5 April 2016", "today"
  std::string refers_to;         // inspection, publication, earlier_inspection, focused_visit, monitoring_visit,
                                 // intervention, article, other
  std::string precision;         // day, month, year, relative, relation
  std::optional<Date> from, to;  // resolved interval (inclusive), when the year is known
  std::vector<unsigned> months;  // months named (1-12), also when the year is not known
  std::optional<int> year;
  std::optional<unsigned> day;  // day of the month, when a single day is named (also without a year)
  bool year_inferred = false;   // year taken from the article's date
  std::string sentence;
  std::string authority_urn;  // the authority named nearest in its sentence; empty: none named
};

// A date at the start of `text`: "5 April 2016", "Tuesday 5 April 2016",
// "April 5, 2016", "2016-04-05", "05/04/2016".
std::optional<Date> leading_date(std::string_view text);

// The article's own date from its header lines (short lines, or lines saying
// Published / Updated / Posted; the first date, not the update's): sets
// ctx.article_date, its source "byline" and ctx.byline_end.
void read_byline_date(ReadingContext& ctx);

// Appends every date the sentence states to `out` (at most 60 in all).
void read_dates(const ReadingContext& ctx, const SentenceWords& sentence, std::vector<StatedDate>& out);

}  // namespace cscwatch::news
