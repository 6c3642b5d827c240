// What a visit letter says beyond its dates: the ordinal, the theme, a
// focused visit's areas for priority action.
#include <gtest/gtest.h>

#include "parse/visit_details.h"

namespace cscwatch::parse {
namespace {

TEST(VisitDetails, OrdinalThemeAcrossLineBreaks) {
  auto d = read_visit_details(
      "Monitoring visit to Bournemouth, Christchurch and Poole children's services\n\n"
      "This letter summarises the findings of the monitoring visit to Bournemouth, Christchurch and Poole\n"
      "children's services on 4 and 5 October 2022. This was the second\nmonitoring visit since the local "
      "authority was judged inadequate in February 2022.\n\n"
      "Areas covered by the visit\n\n"
      "Inspectors reviewed the progress made in the quality of\nhelp and protection for children.\n\n"
      "Headline findings\n\nLeaders have made progress.\n");
  EXPECT_EQ(d.ordinal, 2);
  EXPECT_EQ(d.theme, "Inspectors reviewed the progress made in the quality of help and protection for children.");
  EXPECT_TRUE(d.priority_areas.empty());
}

TEST(VisitDetails, FocusedVisitPriorityAreasOnlyUnderTheirHeading) {
  auto d = read_visit_details(
      "This letter summarises the findings of the focused visit to X children's services.\n\n"
      "The local authority has two areas for priority action, set out below.\n\n"
      "Areas for priority action\n\n"
      "\u2022 The quality of management oversight of children in need.\n\n"
      "\u2022 The timeliness of assessments.\n\n"
      "What needs to improve\n\nOther things.\n");
  ASSERT_EQ(d.priority_areas.size(), 2u);
  EXPECT_EQ(d.priority_areas[0], "The quality of management oversight of children in need.");
  EXPECT_EQ(d.priority_areas[1], "The timeliness of assessments.");
  EXPECT_FALSE(d.ordinal);
}

TEST(VisitDetails, OrdinalWords) {
  EXPECT_EQ(ordinal_number("Fourth"), 4);
  EXPECT_EQ(ordinal_number("12th"), 12);
  EXPECT_EQ(ordinal_number("3rd"), 3);
  EXPECT_FALSE(ordinal_number("final"));
  EXPECT_FALSE(ordinal_number("99th"));
  EXPECT_FALSE(read_visit_details("nothing here").ordinal);
}

}  // namespace
}  // namespace cscwatch::parse
