#include "parse/grade_phrases.h"

#include <gtest/gtest.h>

namespace cscwatch::parse {
namespace {

TEST(GradePhrases, CellsInEveryPrintedForm) {
  EXPECT_EQ(grade_cell("Requires improvement to be good")->grade, Grade::RequiresImprovement);
  EXPECT_EQ(grade_cell("Require improvement")->grade, Grade::RequiresImprovement);
  EXPECT_EQ(grade_cell("Requires Improvement ")->grade, Grade::RequiresImprovement);
  EXPECT_EQ(grade_cell("Inadequate")->grade, Grade::Inadequate);
  EXPECT_EQ(grade_cell("Good1")->grade, Grade::Good);
  EXPECT_EQ(grade_cell("good.")->grade, Grade::Good);
  EXPECT_EQ(grade_cell("Adequate")->grade, Grade::Adequate);
  EXPECT_EQ(grade_cell("Requires improvement to be good")->printed, "Requires improvement to be good");
}

TEST(GradePhrases, NotJudgedIsACellWithoutGrade) {
  auto cell = grade_cell("Not judged");
  ASSERT_TRUE(cell);
  EXPECT_FALSE(cell->grade);
  EXPECT_EQ(cell->printed, "Not judged");
}

TEST(GradePhrases, SentencesAreNotCells) {
  EXPECT_FALSE(grade_cell("The quality of practice is good"));
  EXPECT_FALSE(grade_cell("Requires"));
  EXPECT_FALSE(grade_cell(""));
}

TEST(GradePhrases, GradeEndingASentence) {
  auto g = grade_in_sentence("Children's services in Norfolk require improvement to be good");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->grade, Grade::RequiresImprovement);
  EXPECT_EQ(g->printed, "require improvement to be good");
  g = grade_in_sentence("The overall judgement is that children's services are inadequate");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->grade, Grade::Inadequate);  // not "adequate"
  EXPECT_FALSE(grade_in_sentence("Children's services in Goodmayes"));
}

}  // namespace
}  // namespace cscwatch::parse
