// The table of councils' other names (data/council_name_forms.csv).
#include "news/council_name_forms.h"

#include <gtest/gtest.h>

#include "news/article_address.h"
#include "news/council_reading.h"
#include "news_test_support.h"

namespace cscwatch::news {
namespace {

TEST(CouncilNameForms, EveryRowNamesAKnownAuthority) {
  const auto& forms = council_name_forms();
  ASSERT_GT(forms.size(), 100u);
  if (!testing::have_reference()) GTEST_SKIP() << "reference data not found";
  testing::TempRegister reg;
  for (const auto& f : forms) {
    EXPECT_NE(reg.directory().by_urn(f.authority_urn), nullptr) << f.form;
    EXPECT_TRUE(f.kind == "trust" || f.kind == "short" || f.kind == "site") << f.form;
  }
}

TEST(CouncilNameForms, ATrustNamesTheCouncilsItServedWhenItServedThem) {
  if (!testing::have_reference()) GTEST_SKIP() << "reference data not found";
  testing::TempRegister reg;
  std::string text = "Headline\nAchieving for Children was praised by inspectors.";
  auto count = [&](std::optional<Date> date) {
    ReadingContext ctx(text, {});
    ctx.article_date = date;
    return read_councils(ctx, reg.directory()).size();
  };
  EXPECT_EQ(count(parse_iso_date("2015-06-01")), 2u);  // Kingston and Richmond
  EXPECT_EQ(count(parse_iso_date("2019-06-01")), 3u);  // and Windsor and Maidenhead
}

TEST(CouncilNameForms, TheCouncilsOwnSiteNamesIt) {
  if (!testing::have_reference()) GTEST_SKIP() << "reference data not found";
  testing::TempRegister reg;
  auto found =
      authorities_in_address("https://committee.nottinghamcity.gov.uk/ieIssueDetails.aspx?IId=1", reg.directory());
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].authority->urn, "80533");
}

}  // namespace
}  // namespace cscwatch::news
