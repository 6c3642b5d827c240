// Articles about an intervention link to the intervention record (or to
// nothing), with the inspection it follows as context; a linked visit shows
// the inspection it follows.
#include "news/intervention_linking.h"

#include <gtest/gtest.h>

#include "news/article_analysis.h"
#include "news_test_support.h"
#include "store/improvement_store.h"

namespace cscwatch {
namespace {

using testing::TempRegister;

class InterventionLinking : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::have_reference()) GTEST_SKIP() << "reference data not found under " << testing::data_dir();
    reg_ = std::make_unique<TempRegister>();
    reg_->store({"Torbay", "80572-torbay_2013-06-01.pdf", DocumentKind::SifReport, Framework::Sif, "2013-04-08",
                 "2013-04-19", "2013-06-01", Grade::Adequate, {"Children's services in Torbay are adequate.\n"}});
    reg_->store({"Torbay", "80572-torbay_2016-01-05.pdf", DocumentKind::SifReport, Framework::Sif, "2015-10-05",
                 "2015-10-29", "2016-01-05", Grade::Inadequate, {"Children's services in Torbay are inadequate.\n"}});
  }
  void add_commissioner(const std::string& start) {
    Intervention i;
    i.authority_urn = reg_->directory().resolve_name("Torbay")->urn;
    i.kind = InterventionKind::Commissioner;
    i.issuer = "DfE";
    i.person = "A Commissioner";
    i.start = parse_stated_date(start);
    create(reg_->db(), i, "test");
  }
  news::ArticleAnalysis analyse(const std::string& date, std::optional<std::string> to = std::nullopt) {
    news::ArticleInput in;
    in.text =
        "Commissioner appointed for Torbay children's services\n"
        "The Department for Education has appointed a commissioner for Torbay council, whose children's services "
        "Ofsted rated inadequate in January this year.\n";
    in.date = parse_iso_date(date);
    if (to) in.date_to = parse_iso_date(*to);
    auto r = news::analyse_article(reg_->db(), in);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error());
    return std::move(*r);
  }
  std::unique_ptr<TempRegister> reg_;
};

TEST_F(InterventionLinking, LinksTheRecordWithTheInspectionItFollows) {
  add_commissioner("2016-05");
  auto a = analyse("2016-05-13");
  EXPECT_TRUE(a.link.about_intervention);
  EXPECT_FALSE(a.link.linked) << "an inspection is context, never the link";
  ASSERT_TRUE(a.link.intervention);
  EXPECT_EQ(a.link.intervention->record.kind, InterventionKind::Commissioner);
  EXPECT_GE(a.link.intervention->confidence, 0.8);
  ASSERT_TRUE(a.link.follows);
  EXPECT_EQ(a.link.follows->source_file, "80572-torbay_2016-01-05.pdf");
  auto j = news::to_json(a);
  EXPECT_EQ(j["follows"]["source_file"], "80572-torbay_2016-01-05.pdf");
  EXPECT_EQ(j["linked_intervention"]["kind"], "commissioner");
  EXPECT_TRUE(j["linked"].is_null());
}

TEST_F(InterventionLinking, NoRecordInTheRegisterLinksNothing) {
  auto a = analyse("2016-05-13");
  EXPECT_TRUE(a.link.about_intervention);
  EXPECT_FALSE(a.link.linked);
  EXPECT_FALSE(a.link.intervention);
  EXPECT_NE(a.link.no_link_reason.find("no matching intervention"), std::string::npos) << a.link.no_link_reason;
}

TEST_F(InterventionLinking, ARecordFarFromTheArticleDateIsAnotherAction) {
  add_commissioner("2012-03");
  auto a = analyse("2016-05-13");
  EXPECT_FALSE(a.link.intervention);
  EXPECT_FALSE(a.link.linked);
}

TEST_F(InterventionLinking, AMonthDateFitsARecordOfThatMonth) {
  add_commissioner("2016-05");
  auto a = analyse("2016-05-01", "2016-05-31");
  ASSERT_TRUE(a.link.intervention);
  ASSERT_TRUE(a.link.follows);
  EXPECT_EQ(a.link.follows->source_file, "80572-torbay_2016-01-05.pdf");
}

TEST(InterventionDates, LastDayOfAStatedDate) {
  EXPECT_EQ(news::last_day_of(*parse_stated_date("2016-02")), *parse_iso_date("2016-02-29"));
  EXPECT_EQ(news::last_day_of(*parse_stated_date("2016")), *parse_iso_date("2016-12-31"));
  EXPECT_EQ(news::last_day_of(*parse_stated_date("2016-02-03")), *parse_iso_date("2016-02-03"));
}

}  // namespace
}  // namespace cscwatch
