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
