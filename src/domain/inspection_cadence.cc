#include "domain/inspection_cadence.h"

namespace cscwatch {

Date add_months(const Date& date, int months) {
  std::chrono::year_month_day moved = date + std::chrono::months{months};
  if (moved.ok()) return moved;
  return std::chrono::year_month_day_last{moved.year(), std::chrono::month_day_last{moved.month()}};
}

int whole_months_between(const Date& a, const Date& b) {
  int months = (static_cast<int>(b.year()) - static_cast<int>(a.year())) * 12 +
               (static_cast<int>(static_cast<unsigned>(b.month())) - static_cast<int>(static_cast<unsigned>(a.month())));
  // Not a whole month yet if the day of the month has not been reached.
  if (months > 0 && b.day() < a.day()) --months;
  if (months < 0 && b.day() > a.day()) ++months;
  return months;
}

InspectionForecast forecast_next_inspection(const Date& last_end, std::optional<Grade> latest_overall) {
  InspectionForecast f;
  if (latest_overall == Grade::Inadequate) {
    f.basis = "judged inadequate: monitoring visits until a standard re-inspection, outside the three-year cycle";
    return f;
  }
  f.opens = add_months(last_end, kWindowOpensMonths);
  f.closes = add_months(last_end, kWindowClosesMonths);
  f.basis = "three years after the last inspection, give or take six months";
  return f;
}

Standing2026 standing_under_2026_framework(const Grades2026& g) {
  auto good_or_better = [](const std::optional<Grade>& grade) { return grade && rank(*grade) <= rank(Grade::Good); };
  auto inadequate = [](const std::optional<Grade>& grade) { return grade == Grade::Inadequate; };
  if (inadequate(g.leaders) || inadequate(g.help_protection) || inadequate(g.in_care) || inadequate(g.care_leavers))
    return Standing2026::Inadequate;
  const int practice_good =
      int{good_or_better(g.help_protection)} + int{good_or_better(g.in_care)} + int{good_or_better(g.care_leavers)};
  return good_or_better(g.leaders) && practice_good >= 2 ? Standing2026::Secure : Standing2026::NotYetSecure;
}

std::string_view describe(Standing2026 standing) {
  switch (standing) {
    case Standing2026::Secure:
      return "leaders good or better and at least two of three practice judgements good or better";
    case Standing2026::NotYetSecure:
      return "leaders, or two of the three practice judgements, below good: a focused visit comes first";
    case Standing2026::Inadequate: return "a judgement inadequate";
  }
  return "";
}

InspectionForecast forecast_next_inspection_2026(const Date& last_end, const Grades2026& grades) {
  InspectionForecast f;
  const Standing2026 standing = standing_under_2026_framework(grades);
  if (standing == Standing2026::Inadequate) {
    f.basis = "2026 framework, a judgement inadequate: monitoring visits until a re-inspection, outside the cycle";
    return f;
  }
  f.opens = add_months(last_end, kWindowOpensMonths);
  f.closes = add_months(last_end, kWindowClosesMonths);
  f.basis = standing == Standing2026::Secure
                ? "2026 framework, " + std::string(describe(standing)) +
                      ": a short inspection three years on, give or take six months"
                : "2026 framework, " + std::string(describe(standing)) +
                      "; the next inspection three years on, give or take six months";
  return f;
}

std::string forecast_status(const InspectionForecast& f, const Date& today) {
  if (!f.opens || !f.closes) return "monitoring";
  if (days_between(today, *f.opens) > 0) {
    int months = whole_months_between(today, *f.opens);
    return months < 1 ? "window opens within a month" : "window opens in " + std::to_string(months) + " months";
  }
  if (days_between(*f.closes, today) > 0) {
    int months = whole_months_between(*f.closes, today);
    return months < 1 ? "past window" : "past window by " + std::to_string(months) + " months";
  }
  return "in window";
}

}  // namespace cscwatch
