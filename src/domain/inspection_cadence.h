// When an authority's next full inspection is due, from the ILACS cadence
// (domain brief, section 2): the next short or standard inspection usually
// falls between six months before and six months after the third anniversary
// of the last one, i.e. 30 to 42 months after it. An authority judged
// inadequate is not on that cycle: it gets monitoring visits, then a standard
// re-inspection when Ofsted judges it ready.
#pragma once

#include <optional>
#include <string>

#include "domain/date.h"
#include "domain/grade.h"

namespace cscwatch {

inline constexpr int kWindowOpensMonths = 30;
inline constexpr int kWindowClosesMonths = 42;

struct InspectionForecast {
  std::optional<Date> opens;   // empty when the cadence does not apply (inadequate)
  std::optional<Date> closes;
  std::string basis;           // the rule applied, in words
};

// `last_end`: the last day of the authority's latest graded inspection.
InspectionForecast forecast_next_inspection(const Date& last_end, std::optional<Grade> latest_overall);

// Where `today` stands against a forecast: "in window", "window opens in N
// months", "past window by N months" (no later inspection is known), or
// "monitoring" for an inadequate authority.
std::string forecast_status(const InspectionForecast& forecast, const Date& today);

// date + months, clamped to the month's last day (31 August + 6 months is
// 28 or 29 February).
Date add_months(const Date& date, int months);

// Whole months from a to b (negative if b is earlier).
int whole_months_between(const Date& a, const Date& b);

}  // namespace cscwatch
