// When an authority's next full inspection is due, from the ILACS cadence
// (domain brief, section 2): the next short or standard inspection usually
// falls between six months before and six months after the third anniversary
// of the last one, i.e. 30 to 42 months after it. An authority judged
// inadequate is not on that cycle: it gets monitoring visits, then a standard
// re-inspection when Ofsted judges it ready.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/date.h"
#include "domain/grade.h"
#include "domain/judgement.h"

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

// The April 2026 framework gives no overall grade. Whether an authority gets a
// focused visit before its next short inspection depends on the impact of
// leaders being good or outstanding and at least two of the three practice
// judgements (help and protection, children in care, care leavers) being good
// or outstanding (domain brief, section 1). Our reading for the rest: any of
// the four judged inadequate puts the authority under monitoring, as an
// inadequate overall grade did.
enum class Standing2026 {
  Secure,        // leaders good+ and two of three practice judgements good+: short inspection, no focused visit first
  NotYetSecure,  // otherwise: a focused visit first, then the next inspection in the usual window
  Inadequate,    // any judgement inadequate: monitoring visits, then re-inspection
};
struct Grades2026 {
  std::optional<Grade> leaders, help_protection, in_care, care_leavers;
};
Standing2026 standing_under_2026_framework(const Grades2026& grades);
std::string_view describe(Standing2026 standing);

// The forecast under the April 2026 framework, from its four judgements.
InspectionForecast forecast_next_inspection_2026(const Date& last_end, const Grades2026& grades);

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
