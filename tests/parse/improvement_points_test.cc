// The improvement point readers on hand-written pages shaped like the real
// reports: each point one whole item, sub-items folded in, further paragraphs
// joined, the heading after the list never a point, doubts instead of guesses.
#include "parse/improvement_points.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parse/document_lines.h"
#include "parse_support.h"

namespace cscwatch::parse {
namespace {

using cscwatch::testing::make_pages;

struct Read {
  std::vector<ImprovementPoint> points;
  std::vector<ReviewItem> doubts;
};

Read ilacs(const std::vector<std::string>& pages) {
  Read r;
  r.points = read_what_needs_to_improve(split_lines(make_pages(pages)), r.doubts);
  return r;
}

Read sif(const std::vector<std::string>& pages) {
  Read r;
  r.points = read_recommendations(split_lines(make_pages(pages)), r.doubts);
  return r;
}

const std::string kIlacsTitle =
    "Inspection of Anytown local authority children's services\n"
    "Inspection dates: 7 to 18 October 2024\n";
const std::string kIlacsNext =
    "The experiences and progress of children who need help and\n"
    "protection: requires improvement to be good\n"
    "1. Most children and families benefit from thorough screening.\n";

TEST(ImprovementPoints, IlacsDashSubItemsBelongToTheirItem) {
  auto r = ilacs({kIlacsTitle +
                  "What needs to improve?\n"
                  "◼ The response to children who are privately fostered.\n"
                  "◼ Services to care leavers, including:\n"
                  "- suitable accommodation\n"
                  "– education, employment and\n"
                  "training\n"
                  "- health histories.\n"
                  "◼ The quality of plans.\n" +
                  kIlacsNext});
  ASSERT_EQ(r.points.size(), 3u);
  EXPECT_EQ(r.points[1].text,
            "Services to care leavers, including: suitable accommodation; education, employment and training; health "
            "histories.");
  EXPECT_EQ(r.points[2].text, "The quality of plans.");
  for (const auto& p : r.points) {
    EXPECT_EQ(p.number, "");
    EXPECT_EQ(p.section, ImprovementSection::None);
    EXPECT_EQ(p.page, 1);
  }
  EXPECT_TRUE(r.doubts.empty());
}

TEST(ImprovementPoints, DashPrintedOnItsOwnLine) {
  // Manchester 2022 prints "-" on a line of its own; Cornwall 2019 a combining
  // long stroke (U+0336).
  auto r = ilacs({kIlacsTitle +
                  "What needs to improve?\n"
                  "◼ Practice with disabled children to demonstrate:\n"
                  "-\n"
                  "an understanding of the impact of disability;\n"
                  "\u0336\n"
                  "the ambition for disabled children.\n"
                  "◼ The quality of written records.\n" +
                  kIlacsNext});
  ASSERT_EQ(r.points.size(), 2u);
  EXPECT_EQ(
      r.points[0].text,
      "Practice with disabled children to demonstrate: an understanding of the impact of disability; the ambition "
      "for disabled children.");
}

TEST(ImprovementPoints, LetteredSubItemsAfterBy) {
  auto r =
      sif({"Recommendations\n"
           "1. Improve the commissioning of placements by:\n"
           "(a) reviewing the use of hostels\n"
           "b) ensuring that risk assessments are undertaken.\n"
           "2. Ensure that care leavers receive their health histories.\n"
           "Summary for children and young people\n"});
  ASSERT_EQ(r.points.size(), 2u);
  EXPECT_EQ(r.points[0].text,
            "Improve the commissioning of placements by: reviewing the use of hostels; ensuring that risk assessments "
            "are undertaken.");
  EXPECT_EQ(r.points[1].number, "2");
}

TEST(ImprovementPoints, BulletsUnderANumberedItemEndingWithAReference) {
  // Cheshire East 2015: "…looked after by: (paragraph 150)" then bullets.
  auto r =
      sif({"Recommendations\n"
           "16. Strengthen commissioning arrangements for children looked after by: (paragraph 150)\n"
           "• reviewing the use of foyer accommodation for 16-17 year olds\n"
           "• increasing the capacity of advocacy services (paragraphs 45, 85).\n"
           "17. Ensure later-in-life letters are written in plain English (paragraph 107).\n"
           "Summary for children and young people\n"});
  ASSERT_EQ(r.points.size(), 2u);
  EXPECT_EQ(r.points[0].number, "16");
  EXPECT_EQ(
      r.points[0].text,
      "Strengthen commissioning arrangements for children looked after by: (paragraph 150) reviewing the use of "
      "foyer accommodation for 16-17 year olds; increasing the capacity of advocacy services (paragraphs 45, 85).");
  EXPECT_TRUE(r.doubts.empty());
}

TEST(ImprovementPoints, AnItemRunsOnIntoItsNextParagraph) {
  auto ilacs_read = ilacs({kIlacsTitle +
                           "What needs to improve?\n"
                           "◼ The quality of supervision for social workers.\n"
                           "\n"
                           "Managers should record the reasons for their decisions.\n"
                           "◼ The stability of the workforce.\n" +
                           kIlacsNext});
  ASSERT_EQ(ilacs_read.points.size(), 2u);
  EXPECT_EQ(ilacs_read.points[0].text,
            "The quality of supervision for social workers. Managers should record the reasons for their decisions.");

  auto sif_read =
      sif({"Recommendations\n"
           "20. Ensure that elected members prioritise care leavers.\n"
           "21. Strengthen training and work on complaints.\n"
           "\n"
           "Improve the analysis of complaints\n"
           "and act on it.\n"
           "\n"
           "Summary for children and young people\n"});
  ASSERT_EQ(sif_read.points.size(), 2u);
  EXPECT_EQ(sif_read.points[1].text,
            "Strengthen training and work on complaints. Improve the analysis of complaints and act on it.");
}

TEST(ImprovementPoints, TheHeadingAfterTheListIsNeverAPoint) {
  // Lewisham 2024 prints the judgement title without "The", on one line.
  auto r = ilacs({kIlacsTitle + "What needs to improve?\n"
                                "◼ Oversight arrangements to progress permanence for children in long-term foster\n"
                                "care.\n"
                                "◼ Personal advisers' understanding of the discretionary payment offer\n"
                                "Experiences and progress of children who need help and protection: good\n"
                                "1. Leaders reviewed early help services in 2020.\n"});
  ASSERT_EQ(r.points.size(), 2u);
  EXPECT_EQ(r.points[1].text, "Personal advisers' understanding of the discretionary payment offer");

  auto overall = ilacs({kIlacsTitle + "What needs to improve?\n"
                                      "◼ The timeliness of strategy meetings.\n"
                                      "Overall effectiveness\n"
                                      "Children's services are good.\n"});
  ASSERT_EQ(overall.points.size(), 1u);
  EXPECT_EQ(overall.points[0].text, "The timeliness of strategy meetings.");
}

TEST(ImprovementPoints, ABulletThatOpensLikeAJudgementTitleIsAPoint) {
  // Slough 2023: the list went on after this bullet.
  auto r = ilacs({kIlacsTitle +
                  "What needs to improve?\n"
                  "◼ The scrutiny by senior leaders of the council.\n"
                  "◼ The impact of leaders and managers, including the corporate parenting board, on\n"
                  "driving progress for all children.\n"
                  "◼ The quality of practice and the timeliness for achieving permanence.\n" +
                  kIlacsNext});
  ASSERT_EQ(r.points.size(), 3u);
  EXPECT_EQ(r.points[1].text,
            "The impact of leaders and managers, including the corporate parenting board, on driving progress for all "
            "children.");
}

TEST(ImprovementPoints, ANumberWrappedOntoItsOwnLineIsText) {
  // Worcestershire 2019: "…when they reach the age of" / "17."
  auto r = ilacs({kIlacsTitle +
                  "What needs to improve?\n"
                  "◼ The provision of personal assistants for care leavers when they reach the age of\n"
                  "17.\n"
                  "◼ The availability of suitable accommodation.\n" +
                  kIlacsNext});
  ASSERT_EQ(r.points.size(), 2u);
  EXPECT_EQ(r.points[0].text, "The provision of personal assistants for care leavers when they reach the age of 17.");
}

TEST(ImprovementPoints, ItemsRunAcrossPagesWithoutHeadersOrFootnotes) {
  auto r =
      sif({"Recommendations\n"
           "18. Improve the quality of personal education plans by ensuring\n"
           "they have specific measurable actions.\n"
           "19. Ensure that reviews of child protection plans are robust in identifying\n"
           "2 Looked after children in Anytown are known locally as cared for children, following a consultation.\n",
           "6\n"
           "Inspection of Anytown local authority children's services\n"
           "drift and delay.\n"
           "Summary for children and young people\n"});
  ASSERT_EQ(r.points.size(), 2u);
  EXPECT_EQ(r.points[0].text,
            "Improve the quality of personal education plans by ensuring they have specific measurable actions.");
  EXPECT_EQ(r.points[1].text,
            "Ensure that reviews of child protection plans are robust in identifying drift and delay.");
  EXPECT_EQ(r.points[1].page, 1);
}

TEST(ImprovementPoints, SifSectionsTopicHeadingsAndNumbering) {
  // The 2014-15 variant (Manchester 2014 shape).
  auto r =
      sif({"Contents\n"
           "What does the local authority need to improve?\n"
           "4\n",
           "What does the local authority need to improve?\n"
           "Priority and immediate action\n"
           "Workforce\n"
           "11. Review the number of cases held by all staff.\n"
           "Quality of practice\n"
           "12. Ensure robust management oversight of the single assessment process. Areas for improvement\n"
           "13. Promote the importance of stable relationships for children.\n"
           "Services for looked after children and care leavers\n"
           "14. Improve access to suitable accommodation for care leavers.\n"
           "The local authority has the following strengths:\n"
           "15. Children at risk of immediate harm receive a good service.\n"});
  ASSERT_EQ(r.points.size(), 4u);
  EXPECT_EQ(r.points[0].number, "11");
  EXPECT_EQ(r.points[0].text, "Review the number of cases held by all staff.");
  EXPECT_EQ(r.points[0].section, ImprovementSection::PriorityAction);
  EXPECT_EQ(r.points[1].text, "Ensure robust management oversight of the single assessment process.");
  EXPECT_EQ(r.points[1].section, ImprovementSection::PriorityAction);
  EXPECT_EQ(r.points[2].number, "13");
  EXPECT_EQ(r.points[2].section, ImprovementSection::AreaForImprovement);
  EXPECT_EQ(r.points[3].text, "Improve access to suitable accommodation for care leavers.");
  EXPECT_EQ(r.points[3].page, 2);
  EXPECT_TRUE(r.doubts.empty());
}

TEST(ImprovementPoints, NoPriorityActionIsNotAPoint) {
  // Herefordshire 2014 numbers the statement; Hounslow 2014 words it so.
  for (std::string none : {"16. There are no areas of priority action.\n",
                           "16. The inspection did not find any areas for priority and immediate action.\n",
                           "The inspection did not find any areas for priority and immediate action.\n"}) {
    auto r =
        sif({"What does the local authority need to improve?\n"
             "Priority and immediate action\n" +
             none +
             "Areas for improvement\n"
             "17. Ensure that caseloads remain manageable.\n"
             "The local authority's strengths\n"});
    ASSERT_EQ(r.points.size(), 1u) << none;
    EXPECT_EQ(r.points[0].number, "17");
    EXPECT_EQ(r.points[0].section, ImprovementSection::AreaForImprovement);
    EXPECT_TRUE(r.doubts.empty());
  }
}

TEST(ImprovementPoints, NumberedTopicHeadingsOverBullets) {
  // Slough 2016 numbers its topics and bullets the recommendations.
  auto r =
      sif({"Recommendations\n"
           "1.\n"
           "Quality and effectiveness of practice\n"
           "• Develop a multi-agency response to concerns about children.\n"
           "• Improve support to children on the edge of care.\n"
           "2.\n"
           "Oversight and scrutiny by senior and political leaders\n"
           "• Prioritise a stable and skilled permanent workforce.\n"
           "Summary for children and young people\n"});
  ASSERT_EQ(r.points.size(), 3u);
  EXPECT_EQ(r.points[0].text, "Develop a multi-agency response to concerns about children.");
  EXPECT_EQ(r.points[2].text, "Prioritise a stable and skilled permanent workforce.");
  EXPECT_EQ(r.points[2].number, "");
  EXPECT_TRUE(r.doubts.empty());
}

TEST(ImprovementPoints, NumberPrintedOnItsOwnLine) {
  auto r =
      sif({"Recommendations\n"
           "27\n"
           "Summary for children and young people\n",
           "Recommendations\n"
           "1.\n"
           "Improve the effectiveness of frontline managers in ensuring that\n"
           "section 20 of the Children Act 1989 is used well.\n"
           "2.\n"
           "Ensure that pre-proceedings work is initiated promptly.\n"
           "Summary for children and young people\n"});
  ASSERT_EQ(r.points.size(), 2u);
  EXPECT_EQ(r.points[0].number, "1");
  EXPECT_EQ(r.points[0].text,
            "Improve the effectiveness of frontline managers in ensuring that section 20 of the Children Act 1989 is "
            "used well.");
  EXPECT_EQ(r.points[0].page, 2);
}

TEST(ImprovementPoints, DoubtsInsteadOfGuesses) {
  // A heading with no bullet under it.
  auto empty = ilacs({kIlacsTitle + "What needs to improve?\n" + kIlacsNext});
  EXPECT_TRUE(empty.points.empty());
  ASSERT_EQ(empty.doubts.size(), 1u);
  EXPECT_EQ(empty.doubts[0].field, "improvement_points");
  EXPECT_EQ(empty.doubts[0].page, 1);

  // Prose in place of bullets (North Lincolnshire 2022).
  auto prose = ilacs({kIlacsTitle +
                      "What needs to improve?\n"
                      "There are an extremely small number of areas of variability in practice.\n" +
                      kIlacsNext});
  ASSERT_EQ(prose.points.size(), 1u);
  EXPECT_EQ(prose.points[0].text, "There are an extremely small number of areas of variability in practice.");
  EXPECT_TRUE(prose.doubts.empty());

  // No heading at all (Thurrock 2024): nothing read, nothing in doubt.
  auto none = ilacs({kIlacsTitle + kIlacsNext});
  EXPECT_TRUE(none.points.empty());
  EXPECT_TRUE(none.doubts.empty());

  // A capitalised bullet straight after "…including:" may be a sub-item or
  // the next point.
  auto unsure = ilacs({kIlacsTitle +
                       "What needs to improve?\n"
                       "◼ The oversight of:\n"
                       "◼ Private fostering arrangements.\n" +
                       kIlacsNext});
  ASSERT_EQ(unsure.doubts.size(), 1u);
  EXPECT_EQ(unsure.doubts[0].page, 1);

  // A dash item with no item ending ':' above it: a sub-item gone astray or a
  // point of a list marked two ways.
  auto stray = ilacs({kIlacsTitle +
                      "What needs to improve?\n"
                      "◼ The timeliness of assessments.\n"
                      "- the quality of plans.\n" +
                      kIlacsNext});
  EXPECT_EQ(stray.points.size(), 2u);
  ASSERT_EQ(stray.doubts.size(), 1u);
  EXPECT_NE(stray.doubts[0].reason.find("marked unlike"), std::string::npos);

  // A gap in the printed numbering.
  auto gap =
      sif({"Recommendations\n"
           "1. Ensure that plans are specific.\n"
           "3. Ensure that visits are timely.\n"
           "Summary for children and young people\n"});
  EXPECT_EQ(gap.points.size(), 2u);
  ASSERT_EQ(gap.doubts.size(), 1u);
  EXPECT_NE(gap.doubts[0].reason.find("does not follow"), std::string::npos);

  // A recommendations heading with nothing under it.
  auto sif_empty =
      sif({"Recommendations\n"
           "Summary for children and young people\n"});
  EXPECT_TRUE(sif_empty.points.empty());
  EXPECT_EQ(sif_empty.doubts.size(), 1u);
}

}  // namespace
}  // namespace cscwatch::parse
