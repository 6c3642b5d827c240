// Articles written for the tests: other authorities, grades, date phrasings,
// misquotes, no matching inspection, two councils, monitoring visits, HTML.
#include <gtest/gtest.h>

#include "news/article_analysis.h"
#include "news_test_support.h"

namespace cscwatch {
namespace {

using testing::TempRegister;
using nlohmann::json;

class Articles : public testing::ArticlesTest<Articles> {
 public:
  static std::string store_reports(TempRegister& reg) {
    TempRegister::Fake leeds_2015{"Leeds", "80500-leeds_2015-03-20.pdf", DocumentKind::SifReport, Framework::Sif,
                                  "2015-01-12", "2015-02-05", "2015-03-20", Grade::Good,
                                  {"Leeds report 2015\nChildren's services in Leeds are good.\n"}};
    reg.store(leeds_2015);
    TempRegister::Fake leeds_2019{
        "Leeds City Council", "80500-leeds_2019-07-01.pdf", DocumentKind::IlacsReport, Framework::Ilacs,
        "2019-05-06", "2019-05-17", "2019-07-01", Grade::RequiresImprovement,
        {"Inspection of Leeds City Council local authority children's services\nInspection dates: 6 to 17 May 2019\n",
         "Senior leaders have not acted quickly enough to address\nweaknesses in the front door. Too many children "
         "wait too long\nfor an assessment of their needs, and management over-\nsight of this work is not yet "
         "consistently effective.\n\nChildren in care benefit from stable, well-matched placements\nand from "
         "social workers who know them well.\n"}};
    reg.store(leeds_2019);
    TempRegister::Fake sandwell{
        "Sandwell", "80548-sandwell_2015-06-26.pdf", DocumentKind::SifReport, Framework::Sif, "2015-04-13",
        "2015-05-07", "2015-06-26", Grade::Inadequate,
        {"Children's services in Sandwell are inadequate.\nThere are widespread and serious failures that leave "
         "children at risk.\n"}};
    reg.store(sandwell);
    TempRegister::Fake wolves{"Wolverhampton", "80569-wolverhampton_2015-06-30.pdf", DocumentKind::SifReport,
                              Framework::Sif, "2015-04-20", "2015-05-14", "2015-06-30", Grade::Good,
                              {"Children's services in Wolverhampton are good.\nLeaders know their services "
                               "well and act decisively.\n"}};
    reg.store(wolves);
    TempRegister::Fake norfolk_mv{
        "Norfolk County Council", "80503-norfolk_2016-09-20.pdf", DocumentKind::MonitoringVisitLetter,
        Framework::Sif, "2016-08-16", "2016-08-17", "2016-09-20", std::nullopt,
        {"Monitoring visit of Norfolk County Council children's services\nThis was the third monitoring visit since "
         "the local authority was judged inadequate in 2015.\nInspectors found that the pace of change has "
         "quickened, although\nthe quality of assessments remains too variable.\n"}};
    reg.store(norfolk_mv);
    return "";
  }

 protected:
  static json analyse(const std::string& text) {
    auto r = analyse_article(reg_->db(), text);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error());
    return r.ok() ? *r : json{};
  }
  static std::string error_of(std::string_view text) {
    auto r = analyse_article(reg_->db(), text);
    return r.ok() ? std::string{} : r.error();
  }
  static const json* quote(const json& j, const std::string& words) {
    for (const auto& q : j["quotes"])
      if (q["text"].get<std::string>().find(words) != std::string::npos) return &q;
    return nullptr;
  }
};

TEST_F(Articles, OtherAuthorityGradeAndExplicitDates) {
  json j = analyse(
      "Leeds children's services 'require improvement', says Ofsted\n"
      "Tuesday 2 July 2019\n"
      "Leeds City Council's children's services have been judged to require improvement to be good by Ofsted.\n"
      "Inspectors visited the authority between 6 and 17 May 2019.\n"
      "The report said: \"Senior leaders have not acted quickly enough to address weaknesses in the front door.\"\n"
      "It found that \"management oversight of this work is not yet consistently effective\".\n"
      "In 2015 the service was rated good.\n");
  EXPECT_EQ(j["authority"]["name"], "Leeds");
  EXPECT_EQ(j["article_date"], "2019-07-02");
  EXPECT_EQ(j["grade_reported"], "requires_improvement");
  ASSERT_FALSE(j["linked"].is_null()) << j["link_reason"];
  EXPECT_EQ(j["linked"]["source_file"], "80500-leeds_2019-07-01.pdf");
  EXPECT_EQ(j["grade_check"]["status"], "agree");
  EXPECT_EQ(j["date_check"]["status"], "agree") << j["date_check"].dump();
  const json* q = quote(j, "Senior leaders");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ((*q)["verdict"], "verbatim");
  EXPECT_EQ((*q)["page"], 2);
  // Line-end hyphenation ("over-\nsight") is undone.
  q = quote(j, "management oversight");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ((*q)["verdict"], "verbatim") << q->dump();
  bool good_2015 = false;
  for (const auto& e : j["earlier_grades"]) good_2015 |= e["grade"] == "good" && e["year"] == 2015;
  EXPECT_TRUE(good_2015) << j["earlier_grades"].dump();
}

TEST_F(Articles, MisquotesAreCloseOrNotFound) {
  json j = analyse(
      "Leeds council told to improve children's services\n"
      "Ofsted rated Leeds City Council's children's services as requires improvement after an inspection in May "
      "2019.\n"
      "Inspectors said \"too many children wait far too long for an assessment of their needs\".\n"
      "The watchdog also said \"children are thriving in every corner of the city\".\n"
      "\"Senior leaders have not acted ... to address weaknesses in the front door,\" the report said.\n");
  ASSERT_FALSE(j["linked"].is_null()) << j["link_reason"];
  const json* close = quote(j, "far too long");
  ASSERT_NE(close, nullptr);
  EXPECT_EQ((*close)["verdict"], "close") << close->dump();
  EXPECT_EQ((*close)["page"], 2);
  bool added_far = false;
  for (const auto& d : (*close)["differences"]) added_far |= d["kind"] == "added" && d["quote"] == "far";
  EXPECT_TRUE(added_far) << close->dump();
  const json* invented = quote(j, "thriving");
  ASSERT_NE(invented, nullptr);
  EXPECT_EQ((*invented)["verdict"], "not_found");
  const json* elided = quote(j, "Senior leaders");
  ASSERT_NE(elided, nullptr);
  EXPECT_EQ((*elided)["verdict"], "verbatim") << elided->dump();  // an ellipsis stands for the omitted words
  EXPECT_EQ((*elided)["speaker_kind"], "inspectorate");
}

TEST_F(Articles, NoMatchingInspection) {
  json j = analyse(
      "Rutland children's services rated inadequate\n"
      "Rutland County Council's children's services have been rated inadequate by Ofsted following an inspection "
      "in March.\n"
      "\"Children are not safe,\" inspectors said.\n");
  EXPECT_EQ(j["authority"]["name"], "Rutland");
  EXPECT_TRUE(j["linked"].is_null());
  EXPECT_NE(j["link_reason"].get<std::string>().find("no matching inspection"), std::string::npos) << j["link_reason"];
  const json* q = quote(j, "not safe");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ((*q)["verdict"], "no_report");
  EXPECT_EQ(j["grade_check"]["status"], "no_link");
}

TEST_F(Articles, GradeThatFitsNoInspectionIsNotForced) {
  json j = analyse(
      "Leeds rated outstanding\n"
      "Leeds City Council's children's services have been rated 'outstanding' by Ofsted.\n");
  EXPECT_EQ(j["grade_reported"], "outstanding");
  EXPECT_TRUE(j["linked"].is_null()) << j["linked"].dump();
  EXPECT_FALSE(j["link_reason"].get<std::string>().empty());
}

TEST_F(Articles, OnlyTheAuthorityIsNotEnough) {
  json j = analyse("Leeds children's services in the news\nLeeds City Council spoke about its social workers.\n");
  EXPECT_TRUE(j["linked"].is_null());
  EXPECT_NE(j["link_reason"].get<std::string>().find("only the authority"), std::string::npos) << j["link_reason"];
}

TEST_F(Articles, TwoCouncils) {
  json j = analyse(
      "Sandwell children's services inadequate as neighbour Wolverhampton rated good\n"
      "30 June 2015\n"
      "Sandwell Council's children's services have been rated inadequate by Ofsted, in a report published today.\n"
      "The report said there are \"widespread and serious failures that leave children at risk\".\n"
      "Sandwell's neighbour, Wolverhampton, was rated good this week, with inspectors saying leaders \"act "
      "decisively\".\n");
  ASSERT_GE(j["authorities_mentioned"].size(), 2u);
  ASSERT_FALSE(j["linked"].is_null()) << j["link_reason"];
  EXPECT_EQ(j["linked"]["source_file"], "80548-sandwell_2015-06-26.pdf");
  EXPECT_EQ(j["authority"]["name"], "Sandwell");
  const json* q = quote(j, "widespread and serious");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ((*q)["verdict"], "verbatim");
}

TEST_F(Articles, MonitoringVisitAndRelativeDates) {
  json j = analyse(
      "Norfolk making progress, monitoring visit finds\n"
      "Published: 21 September 2016\n"
      "Ofsted's third monitoring visit to Norfolk County Council last month found that \"the pace of change has "
      "quickened\".\n"
      "The council was judged inadequate in 2015 and a commissioner was appointed by the Department for "
      "Education.\n");
  EXPECT_EQ(j["event_kind"], "monitoring_visit");
  ASSERT_FALSE(j["linked"].is_null()) << j["link_reason"];
  EXPECT_EQ(j["linked"]["source_file"], "80503-norfolk_2016-09-20.pdf");
  bool last_month = false;
  for (const auto& d : j["dates_stated"])
    if (d["text"] == "last month") {
      last_month = true;
      EXPECT_EQ(d["from"], "2016-08-01");
      EXPECT_EQ(d["to"], "2016-08-31");
    }
  EXPECT_TRUE(last_month) << j["dates_stated"].dump();
  const json* q = quote(j, "pace of change");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ((*q)["verdict"], "verbatim");
  EXPECT_EQ(j["interventions"][0]["kind"], "commissioner");
}

TEST_F(Articles, HtmlIsReducedToTextNeverRun) {
  json j = analyse(
      "<!DOCTYPE html><html><head><title>Sandwell services inadequate</title>"
      "<meta property=\"article:published_time\" content=\"2015-06-26T09:00:00Z\">"
      "<script>var s = \"Wolverhampton rated outstanding\"; alert('x');</script>"
      "<style>p { content: \"Leeds\"; }</style></head><body>"
      "<nav>Home | News</nav><article><h1>Sandwell services inadequate</h1>"
      "<p>Sandwell Council&#8217;s children&rsquo;s services were rated inadequate by Ofsted today. "
      "The report found &ldquo;widespread and serious failures that leave children at risk&rdquo;.</p>"
      "<p>More text to make the article element long enough to be chosen as the body of the page.</p>"
      "</article><!-- <p>Leeds</p> --></body></html>");
  EXPECT_EQ(j["input"]["format"], "html");
  EXPECT_EQ(j["article_date"], "2015-06-26");
  ASSERT_EQ(j["authorities_mentioned"].size(), 1u) << j["authorities_mentioned"].dump();
  EXPECT_EQ(j["authority"]["name"], "Sandwell");
  ASSERT_FALSE(j["linked"].is_null()) << j["link_reason"];
  const json* q = quote(j, "widespread and serious");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ((*q)["verdict"], "verbatim");
}

TEST_F(Articles, BadInputGivesClearErrors) {
  EXPECT_NE(error_of("").find("empty"), std::string::npos);
  EXPECT_NE(error_of("   \n\t ").find("empty"), std::string::npos);
  EXPECT_NE(error_of(std::string("abc\0def ghi", 11)).find("binary"), std::string::npos);
  EXPECT_NE(error_of("%PDF-1.7 rest").find("PDF"), std::string::npos);
  std::string huge(3 * 1024 * 1024, 'a');
  EXPECT_NE(error_of(huge).find("too large"), std::string::npos);
  EXPECT_NE(error_of("<html><script>only script</script></html>").find("no article text"), std::string::npos);
}

TEST_F(Articles, LargeAdversarialTextIsHandled) {
  // Nearly 2 MB of quote marks, apostrophes, authority names and unclosed tags.
  std::string text = "Leeds rated inadequate\n";
  while (text.size() < 1900 * 1024) text += "\"'Leeds' said \"it ' \" 'a' Sandwell's \"< <p Ofsted said: '";
  auto r = analyse_article(reg_->db(), text);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error());
}

// Found by fuzz/news_article_fuzzer: invalid UTF-8 in the input (overlong
// forms, surrogates, stray bytes) and long sentences of multi-byte characters
// cut at a byte limit made the JSON output throw.
TEST_F(Articles, OutputIsValidUtf8WhateverTheInput) {
  std::string text = "Leeds council rated inadequate in January \xE0\x96\x91 \xED\xA0\x80 \xF4\x90\x80\x80 "
                     "&#xD800; &#x110000; \xDF";
  for (int i = 0; i < 300; ++i) text += "\xC2\xBB\xE2\x80\x9C";  // a 400-byte cut lands inside a character
  text += " in January.\nThe headline line is long: ";
  for (int i = 0; i < 200; ++i) text += "\xC3\xA9";
  text += "\nOfsted said \"serious failures\" were found in Leeds in January and February.\n";
  auto r = analyse_article(reg_->db(), text);
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_NO_THROW((void)r->dump());  // the default error handler throws on invalid UTF-8
}

}  // namespace
}  // namespace cscwatch
