// The Kaplan-Meier estimate behind "time to recover from inadequate", on cases
// small enough to work by hand.
#include <gtest/gtest.h>

#include "analysis/lead_inspectors.h"
#include "analysis/national_statistics.h"

namespace cscwatch {
namespace {

TEST(KaplanMeier, CensoredObservationsShrinkTheRiskSetWithoutCountingAsRecoveries) {
  // Recovered after 1, 3 and 4 months; still inadequate after 2 and 5.
  // S(1) = 4/5 = 0.8; S(3) = 0.8 * 2/3 = 0.533; S(4) = 0.533 * 1/2 = 0.267.
  auto r = kaplan_meier({{1, true}, {2, false}, {3, true}, {4, true}, {5, false}});
  EXPECT_EQ(r.inadequate, 5);
  EXPECT_EQ(r.recovered, 3);
  EXPECT_EQ(r.censored, 2);
  ASSERT_EQ(r.curve.size(), 3u);
  EXPECT_NEAR(r.curve[0].still_inadequate, 0.8, 1e-9);
  EXPECT_NEAR(r.curve[1].still_inadequate, 0.8 * 2 / 3, 1e-9);
  EXPECT_NEAR(r.curve[2].still_inadequate, 0.8 * 2 / 3 / 2, 1e-9);
  EXPECT_EQ(r.q1, 3.0);  // S(1) = 0.8 is still above 0.75
  // The median of the recoveries alone would be 3; the censored authorities push it to 4.
  EXPECT_EQ(r.median, 4.0);
  EXPECT_FALSE(r.q3.has_value()) << "never falls to 25% within the record";
}

TEST(KaplanMeier, NoCensoringGivesTheEmpiricalQuantiles) {
  auto r = kaplan_meier({{10, true}, {20, true}, {30, true}, {40, true}});
  EXPECT_EQ(r.q1, 10.0);
  EXPECT_EQ(r.median, 20.0);
  EXPECT_EQ(r.q3, 30.0);
}

TEST(KaplanMeier, TiedRecoveriesAndNothingAtAll) {
  auto r = kaplan_meier({{6, true}, {6, true}, {6, false}, {9, false}});
  ASSERT_EQ(r.curve.size(), 1u);
  EXPECT_NEAR(r.curve[0].still_inadequate, 0.5, 1e-9);  // 2 of the 4 at risk at 6 months
  EXPECT_EQ(r.median, 6.0);
  auto none = kaplan_meier({});
  EXPECT_EQ(none.inadequate, 0);
  EXPECT_FALSE(none.median.has_value());
}

TEST(LeadInspectors, SlugsAreLowerCaseWordsJoinedByHyphens) {
  EXPECT_EQ(inspector_slug("Neil Penswick"), "neil-penswick");
  EXPECT_EQ(inspector_slug("  Paula Thomson-Jones HMI "), "paula-thomson-jones-hmi");
  EXPECT_EQ(inspector_slug("O'Neill,  Anne"), "o-neill-anne");
  EXPECT_EQ(inspector_slug("<script>"), "script");
  EXPECT_EQ(inspector_slug("--"), "");
}

}  // namespace
}  // namespace cscwatch
