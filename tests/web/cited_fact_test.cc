// Which words a cited fact's link highlights: derived from the register's row
// (never from the link), in the forms reports print them.
#include <gtest/gtest.h>

#include <algorithm>

#include "pages/cited_fact.h"

namespace cscwatch {
namespace {

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

InspectionRow norfolk() {
  InspectionRow r;
  r.inspection_start = "2021-12-06";
  r.inspection_end = "2021-12-17";
  r.published = "2022-02-11";
  r.lead_inspector = "Steve Lowe";
  r.headline = "Children's services in Norfolk are inadequate and have been for some years now, said the inspectors at length";
  r.judgements["in_care"] = GradeCell{"inadequate", "Children looked after and achieving permanence", "Inadequate", 1};
  r.judgements["overall"] = GradeCell{"inadequate", "Overall judgement", "inadequate", 1};
  return r;
}

TEST(CitedFact, AJudgementIsItsPrintedGradeAnchoredOnItsWording) {
  auto f = cited_fact(norfolk(), {}, "in_care");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->words.front(), "Inadequate");
  EXPECT_EQ(f->anchor.front(), "Children looked after and achieving permanence");
  EXPECT_NE(f->description.find("children in care judgement"), std::string::npos) << f->description;
  // The overall grade is also anchored on the sentence it is printed in.
  auto o = cited_fact(norfolk(), {}, "overall");
  ASSERT_TRUE(o);
  EXPECT_TRUE(has(o->anchor, "Children\u2019s services in"));
  // A judgement the report lacks: described, nothing to highlight.
  auto missing = cited_fact(norfolk(), {}, "care_leavers");
  ASSERT_TRUE(missing);
  EXPECT_TRUE(missing->words.empty());
}

TEST(CitedFact, DatesInThePrintedForms) {
  auto start = cited_fact(norfolk(), {}, "inspection_start");
  ASSERT_TRUE(start);
  EXPECT_EQ(start->words.front(), "6 December 2021");
  EXPECT_TRUE(has(start->words, "6 to 17 December 2021"));
  // The range comes before "6 December", which would match "16 December".
  auto range = std::find(start->words.begin(), start->words.end(), "6 to 17 December 2021");
  auto day_month = std::find(start->words.begin(), start->words.end(), "6 December");
  EXPECT_LT(range, day_month);
  auto published = cited_fact(norfolk(), {}, "published");
  ASSERT_TRUE(published);
  EXPECT_TRUE(has(published->words, "11/02/2022"));
}

TEST(CitedFact, LongPassagesBySeveralWordsAndTypographicTwins) {
  auto h = cited_fact(norfolk(), {}, "headline");
  ASSERT_TRUE(h);
  EXPECT_TRUE(has(h->words, "Children's services in Norfolk are inadequate and have been for some years"));
  EXPECT_TRUE(has(h->words, "Children\u2019s services in Norfolk are"));
  std::vector<ImprovementPointRow> points = {{1, "Care leavers' access to their health records.", 2, "", ""}};
  auto p = cited_fact(norfolk(), points, "point-1");
  ASSERT_TRUE(p);
  EXPECT_TRUE(has(p->words, "Care leavers\u2019 access to their health records."));
  EXPECT_FALSE(cited_fact(norfolk(), points, "point-2"));
}

TEST(CitedFact, OnlyKnownKeysAreFacts) {
  for (const char* key : {"overall", "lscb", "lead_inspector", "headline", "point-12"}) EXPECT_TRUE(is_cited_fact_key(key)) << key;
  for (const char* key : {"", "kind", "judgements", "point-", "point-x", "point-123456789", "Overall", "<script>"})
    EXPECT_FALSE(is_cited_fact_key(key)) << key;
  EXPECT_FALSE(cited_fact(norfolk(), {}, "<script>"));
  EXPECT_FALSE(cited_fact(InspectionRow{}, {}, "headline"));
}

TEST(HighlightTerms, PhrasesWholeWordsWithoutOperators) {
  auto t = highlight_terms("\"serious and widespread\" OR safe* AND NOT (delay) a");
  EXPECT_EQ(t, (std::vector<std::string>{"serious and widespread", "safe", "delay"}));
  EXPECT_EQ(highlight_terms("one two three four five", 2).size(), 2u);
  // A term cut inside a character loses the cut character.
  std::string long_term = std::string(79, 'x') + "\u2019s";
  auto cut = highlight_terms(long_term);
  ASSERT_EQ(cut.size(), 1u);
  EXPECT_EQ(cut[0], std::string(79, 'x'));
  EXPECT_TRUE(highlight_terms("\"unclosed phrase").size() == 1);
}

}  // namespace
}  // namespace cscwatch
