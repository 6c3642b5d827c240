// The intervention reading on its own.
#include "news/intervention_reading.h"

#include <gtest/gtest.h>

namespace cscwatch::news {
namespace {

std::vector<Intervention> interventions_of(const std::string& sentence) {
  std::vector<Intervention> out;
  read_interventions(split_words(sentence), sentence, {}, out);
  return out;
}

TEST(InterventionReading, CommissionerAndActor) {
  auto iv = interventions_of("The Department for Education appointed a commissioner to the council");
  ASSERT_EQ(iv.size(), 1u);
  EXPECT_EQ(iv[0].kind, InterventionKind::Commissioner);
  EXPECT_EQ(iv[0].actor, "Department for Education");
}

TEST(InterventionReading, PhrasesThatAreNotInterventions) {
  EXPECT_TRUE(interventions_of("The police and crime commissioner said").empty());
  EXPECT_TRUE(interventions_of("This is a step in the right direction").empty());
}

TEST(InterventionReading, ImprovementNoticeAndNewDirector) {
  auto iv = interventions_of("An improvement notice was issued and an interim director of children's services named");
  ASSERT_EQ(iv.size(), 2u);
  EXPECT_EQ(iv[0].kind, InterventionKind::ImprovementNotice);
  EXPECT_EQ(iv[1].kind, InterventionKind::NewDirector);
}

}  // namespace
}  // namespace cscwatch::news
