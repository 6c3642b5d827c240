// What a person may enter as a correction, and when a later extraction
// conflicts with one (domain/correction.h).
#include <gtest/gtest.h>

#include "domain/correction.h"

namespace cscwatch {
namespace {

TEST(Correction, ValuesAreCheckedAndNormalisedPerField) {
  EXPECT_EQ(normalise_correction_value("overall", "Requires improvement to be good").stored, "requires_improvement");
  EXPECT_EQ(normalise_correction_value("lscb", "none").stored, "");
  EXPECT_TRUE(normalise_correction_value("lscb", "none").error.empty());
  EXPECT_FALSE(normalise_correction_value("overall", "splendid").error.empty());
  EXPECT_EQ(normalise_correction_value("inspection_start", "2016-01-11").stored, "2016-01-11");
  EXPECT_FALSE(normalise_correction_value("published", "5 April 2016").error.empty());
  EXPECT_FALSE(normalise_correction_value("authority", "Dudley").error.empty());
  EXPECT_EQ(normalise_correction_value("authority", "80464").stored, "80464");
  EXPECT_EQ(normalise_correction_value("judgements", "confirmed").stored, "confirmed");
  EXPECT_FALSE(normalise_correction_value("kind", "letter").error.empty());
  EXPECT_FALSE(normalise_correction_value("colour", "good").error.empty());
  EXPECT_FALSE(normalise_correction_value("lead_inspector", "A\nB").error.empty());
  EXPECT_FALSE(normalise_correction_value("lead_inspector", std::string(300, 'x')).error.empty());
}

TEST(Correction, ALaterExtractionConflictsOnlyWithAThirdValue) {
  Correction c{"overall", "good", "inadequate", 1, "", "me", "now"};
  EXPECT_FALSE(correction_conflicts(c, "good"));        // the extractor now agrees
  EXPECT_FALSE(correction_conflicts(c, "inadequate"));  // the value that was corrected
  EXPECT_TRUE(correction_conflicts(c, "requires_improvement"));
  EXPECT_TRUE(correction_conflicts(c, ""));  // it no longer reads the fact at all
}

}  // namespace
}  // namespace cscwatch
