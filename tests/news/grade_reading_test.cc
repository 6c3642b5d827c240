// The grade reading on its own: claimed grades, aspirations and denials,
// earlier grades, areas and the overall grade.
#include "news/grade_reading.h"

#include <gtest/gtest.h>

namespace cscwatch::news {
namespace {

GradeReading grades_of(std::string_view text, int ref_year = 2019) {
  ReadingContext ctx(text, {});
  ctx.ref_year = ref_year;
  GradeReading out;
  for (size_t si = 0; si < ctx.sentences.size(); ++si) read_grades(ctx, sentence_words(ctx, si), out);
  return out;
}

TEST(GradeReading, RatedGradeIsClaimed) {
  auto g = grades_of("Headline\nChildren's services were rated 'requires improvement to be good' by Ofsted.");
  ASSERT_EQ(g.current.size(), 1u);
  EXPECT_EQ(g.current[0].grade, Grade::RequiresImprovement);
}

TEST(GradeReading, CommonWordsAreNotGrades) {
  auto g = grades_of("Headline\nThe director said it was good news for families and a good start.");
  EXPECT_TRUE(g.current.empty());
}

TEST(GradeReading, AspirationsAndDenialsAreNotGrades) {
  auto g = grades_of("Headline\nThe council wants to become outstanding. No services were judged inadequate.");
  EXPECT_TRUE(g.current.empty());
}

TEST(GradeReading, PreviousGradeIsEarlier) {
  auto g = grades_of("Headline\nServices are now rated good by Ofsted. They were previously rated inadequate.");
  ASSERT_EQ(g.current.size(), 1u);
  EXPECT_EQ(g.current[0].grade, Grade::Good);
  ASSERT_EQ(g.earlier.size(), 1u);
  EXPECT_EQ(g.earlier[0].grade, Grade::Inadequate);
}

TEST(GradeReading, OverallOutweighsAreas) {
  auto g = grades_of(
      "Headline\nCare leavers services were judged inadequate. The overall judgement was that services are good.");
  EXPECT_EQ(grade_of(g.current, ""), Grade::Good);
}

TEST(GradeReading, FromOneGradeToAnotherIsBeforeAndNow) {
  auto g = grades_of("Headline\nThe council made the leap from a judgement of requires improvement to outstanding.");
  ASSERT_EQ(g.current.size(), 1u);
  EXPECT_EQ(g.current[0].grade, Grade::Outstanding);
  ASSERT_EQ(g.earlier.size(), 1u);
  EXPECT_EQ(g.earlier[0].grade, Grade::RequiresImprovement);
}

TEST(GradeReading, GradeBeforeTheInspectoratesJudgement) {
  auto g = grades_of("Headline\nThe council's outstanding Ofsted judgement reflects years of work.");
  ASSERT_EQ(g.current.size(), 1u);
  EXPECT_EQ(g.current[0].grade, Grade::Outstanding);
}

}  // namespace
}  // namespace cscwatch::news

namespace cscwatch::news {
namespace {

// Grades named as alternatives are a range spoken of, not the grade given.
TEST(GradeReading, AlternativeGradesAreNotTheGradeGiven) {
  auto g = grades_of("Headline\nCouncils are failing to do enough to warrant \u201cgood\u201d or \u201coutstanding\u201d "
                     "ratings from Ofsted. Both were rated 'requires improvement'.");
  ASSERT_EQ(g.current.size(), 1u);
  EXPECT_EQ(g.current[0].grade, Grade::RequiresImprovement);
}

}  // namespace
}  // namespace cscwatch::news

namespace cscwatch::news {
namespace {

// "a good start" is praise, but "a 'good' service" in quotation marks is the
// grade; the grade of "the last inspection, five years ago" is the grade before.
TEST(GradeReading, QuotedGradeAfterAIsClaimed) {
  auto g = grades_of(
      "Headline\nOfsted judged the staff to be providing families with a \u2018good\u2019 service. The last time "
      "Ofsted carried out a full inspection was five years ago and a grading of \u2018requires improvement\u2019 was "
      "handed out.");
  ASSERT_EQ(g.current.size(), 1u);
  EXPECT_EQ(g.current[0].grade, Grade::Good);
  ASSERT_EQ(g.earlier.size(), 1u);
  EXPECT_EQ(g.earlier[0].grade, Grade::RequiresImprovement);
}

}  // namespace
}  // namespace cscwatch::news
