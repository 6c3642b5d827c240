// The authority page's one chart of grades: the overall marker and, beside
// it, each judgement in its grade's row with a title naming area and grade.
#include "pages/timeline_svg.h"

#include <gtest/gtest.h>

namespace cscwatch {
namespace {

InspectionRow inspection(int64_t id, const std::string& start, const std::string& framework,
                         const std::map<std::string, std::string>& grades) {
  InspectionRow r;
  r.document_id = id;
  r.inspection_start = start;
  r.framework = framework;
  r.kind = "inspection";
  for (const auto& [area, grade] : grades) r.judgements[area].grade = grade;
  return r;
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

TEST(TimelineSvg, EachJudgementBesideTheOverallMarker) {
  auto sif = inspection(1, "2016-01-11", "SIF",
                        {{"overall", "inadequate"}, {"help_protection", "inadequate"}, {"leadership", "inadequate"},
                         {"in_care", "requires_improvement"}, {"adoption", "good"}, {"lscb", "inadequate"}});
  auto ilacs = inspection(2, "2018-10-29", "ILACS",
                          {{"overall", "requires_improvement"}, {"help_protection", "requires_improvement"},
                           {"in_care", "good"}, {"leadership", "good"}});
  std::vector<const InspectionRow*> rows{&sif, &ilacs};
  std::string svg = grades_timeline_svg(rows, *parse_iso_date("2026-12-07"));
  EXPECT_EQ(count(svg, "<g class=\"pt "), 2u);  // one overall marker an inspection
  EXPECT_EQ(count(svg, "<g class=\"jd "), 8u);  // five judgements, then three
  EXPECT_NE(svg.find("<title>2016-01-11: Help and protection: Inadequate</title>"), std::string::npos);
  EXPECT_NE(svg.find("<title>2018-10-29: Children in care: Good</title>"), std::string::npos);
  EXPECT_NE(svg.find("<g class=\"jd g-good\"><title>2016-01-11: Adoption: Good"), std::string::npos);
  // Every area code used is in the key.
  std::string key = judgement_key_html();
  for (const char* code : {"LD", "HP", "CC", "CL", "AD", "SB"})
    EXPECT_NE(key.find(std::string("<abbr>") + code + "</abbr>"), std::string::npos) << code;
}

TEST(TimelineSvg, TextFromTheReportIsEscaped) {
  auto odd = inspection(3, "2019-05-01", "<script>", {{"overall", "good"}, {"leadership", "good"}});
  std::vector<const InspectionRow*> rows{&odd};
  std::string svg = grades_timeline_svg(rows, *parse_iso_date("2026-12-07"));
  EXPECT_EQ(svg.find("<script>"), std::string::npos);
  EXPECT_NE(svg.find("(&lt;script&gt;)"), std::string::npos);
}

}  // namespace
}  // namespace cscwatch
