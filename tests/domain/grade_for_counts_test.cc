// The one rule for which grade an inspection counts as (domain/judgement_scheme.h).
#include <gtest/gtest.h>

#include <vector>

#include "domain/judgement_scheme.h"

namespace cscwatch {
namespace {

using G = Grade;
using Gs = std::vector<std::optional<Grade>>;

TEST(GradeForCounts, SchemesWithAnOverallGradeCountTheOverallGrade) {
  Gs judgements{G::Inadequate, G::Good, G::Good};
  EXPECT_EQ(grade_for_counts(JudgementScheme::Ilacs2023, G::Good, judgements), G::Good);
  EXPECT_EQ(grade_for_counts(JudgementScheme::Sif, G::RequiresImprovement, judgements), G::RequiresImprovement);
  // An overall grade not read is missing data: not made up from the others.
  EXPECT_EQ(grade_for_counts(JudgementScheme::Ilacs2018, std::nullopt, judgements), std::nullopt);
  EXPECT_FALSE(overall_absent_by_framework(JudgementScheme::Ilacs2023));
}

TEST(GradeForCounts, April2026CountsAtTheLowestJudgement) {
  EXPECT_TRUE(overall_absent_by_framework(JudgementScheme::Ilacs2026));
  Gs one_ri{G::Good, G::Good, G::RequiresImprovement, G::Good};
  EXPECT_EQ(grade_for_counts(JudgementScheme::Ilacs2026, std::nullopt, one_ri), G::RequiresImprovement);
  Gs all_outstanding{G::Outstanding, G::Outstanding, G::Outstanding, G::Outstanding};
  EXPECT_EQ(grade_for_counts(JudgementScheme::Ilacs2026, std::nullopt, all_outstanding), G::Outstanding);
  Gs one_inadequate{G::Outstanding, G::Inadequate, G::Good, G::Outstanding};
  EXPECT_EQ(grade_for_counts(JudgementScheme::Ilacs2026, std::nullopt, one_inadequate), G::Inadequate);
  // Not judged / not read is skipped; nothing graded counts as nothing.
  Gs gaps{std::nullopt, G::Good, std::nullopt, G::Outstanding};
  EXPECT_EQ(grade_for_counts(JudgementScheme::Ilacs2026, std::nullopt, gaps), G::Good);
  EXPECT_EQ(grade_for_counts(JudgementScheme::Ilacs2026, std::nullopt, Gs{}), std::nullopt);
  // An overall grade misread from a 2026 report does not decide the count.
  EXPECT_EQ(grade_for_counts(JudgementScheme::Ilacs2026, G::Outstanding, one_ri), G::RequiresImprovement);
  EXPECT_EQ(grade_for_counts(JudgementScheme::Letter, std::nullopt, Gs{}), std::nullopt);
}

}  // namespace
}  // namespace cscwatch
