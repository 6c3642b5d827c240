#include <gtest/gtest.h>

#include "domain/inspection_cadence.h"

namespace cscwatch {
namespace {

Date d(const char* iso) { return *parse_iso_date(iso); }

TEST(InspectionCadence, WindowIsThirtyToFortyTwoMonthsAfterTheLastInspection) {
  // Dudley's 2022 ILACS ended 11 November 2022 (requires improvement).
  auto f = forecast_next_inspection(d("2022-11-11"), Grade::RequiresImprovement);
  ASSERT_TRUE(f.opens && f.closes);
  EXPECT_EQ(to_iso(*f.opens), "2025-05-11");
  EXPECT_EQ(to_iso(*f.closes), "2026-05-11");
  EXPECT_EQ(forecast_status(f, d("2024-11-25")), "window opens in 5 months");
  EXPECT_EQ(forecast_status(f, d("2025-05-10")), "window opens within a month");
  EXPECT_EQ(forecast_status(f, d("2025-05-11")), "in window");
  EXPECT_EQ(forecast_status(f, d("2026-05-11")), "in window");
  EXPECT_EQ(forecast_status(f, d("2026-05-20")), "past window");
  EXPECT_EQ(forecast_status(f, d("2026-11-25")), "past window by 6 months");
}

TEST(InspectionCadence, InadequateIsMonitoredNotOnTheCycle) {
  auto f = forecast_next_inspection(d("2021-12-17"), Grade::Inadequate);
  EXPECT_FALSE(f.opens);
  EXPECT_FALSE(f.closes);
  EXPECT_EQ(forecast_status(f, d("2026-11-25")), "monitoring");
  EXPECT_NE(f.basis.find("monitoring visits"), std::string::npos);
}

TEST(InspectionCadence, MonthArithmeticClampsToTheMonthEnd) {
  EXPECT_EQ(to_iso(add_months(d("2021-08-31"), 30)), "2024-02-29");
  EXPECT_EQ(to_iso(add_months(d("2021-08-31"), 42)), "2025-02-28");
  EXPECT_EQ(whole_months_between(d("2024-01-31"), d("2024-02-29")), 0);
  EXPECT_EQ(whole_months_between(d("2024-01-15"), d("2024-03-15")), 2);
  EXPECT_EQ(whole_months_between(d("2024-03-15"), d("2024-01-16")), -1);
}

}  // namespace
}  // namespace cscwatch
