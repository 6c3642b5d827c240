// Every way reports and people write an authority's name resolves to the right
// authority in the reference table, and nothing else does.
#include <gtest/gtest.h>

#include <filesystem>

#include "domain/authority_directory.h"
#include "reader/csv.h"
#include "reader/reference_tables.h"

namespace cscwatch {
namespace {

const std::string kData = CSCWATCH_DATA_DIR;

class AuthorityResolution : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kData + "/reference/authorities.csv"))
      GTEST_SKIP() << "reference data absent at " << kData << " (configure with -DCSCWATCH_DATA_DIR=...)";
    auto authorities = load_authorities(kData + "/reference/authorities.csv");
    ASSERT_TRUE(authorities) << authorities.error();
    directory_ = AuthorityDirectory(std::move(*authorities));
  }
  std::string urn_of(std::string_view printed) {
    const Authority* a = directory_.resolve_name(printed);
    return a ? a->urn : "";
  }
  AuthorityDirectory directory_;
};

TEST_F(AuthorityResolution, PrintedFormsOfNames) {
  EXPECT_EQ(urn_of("Dudley Metropolitan Borough Council"), "80464");
  EXPECT_EQ(urn_of("Dudley Council"), "80464");
  EXPECT_EQ(urn_of("Bournemouth, Christchurch and Poole"), "2532287");
  EXPECT_EQ(urn_of("BCP Council"), "2532287");
  EXPECT_EQ(urn_of("London Borough of Havering"), "80500");
  EXPECT_EQ(urn_of("Hull"), "80477");
  EXPECT_EQ(urn_of("Kingston upon Hull City Council"), "80477");
  EXPECT_EQ(urn_of("City of London"), "80450");
  EXPECT_EQ(urn_of("City of London Corporation"), "80450");
  EXPECT_EQ(urn_of("City of Bradford Metropolitan District Council"), "80449");
  EXPECT_EQ(urn_of("Telford & Wrekin Council"), "80570");
  EXPECT_EQ(urn_of("Southend-on-Sea City Council"), "80559");
  EXPECT_EQ(urn_of("County Durham"), "80465");
  EXPECT_EQ(urn_of("Newcastle City Council"), "80525");
  EXPECT_EQ(urn_of("Council of the Isles of Scilly"), "80455");
  EXPECT_EQ(urn_of("Isles of Scilly"), "80455");
  EXPECT_EQ(urn_of("Royal Borough of Windsor and Maidenhead"), "80546");
  EXPECT_EQ(urn_of("St Helens"), "80560");
  EXPECT_EQ(urn_of("City of Bristol"), "80441");
  EXPECT_EQ(urn_of("Calderdale Metropolitan Council"), "80444");
  EXPECT_EQ(urn_of("East Riding"), "80466");
  EXPECT_EQ(urn_of("Newcastle"), "80525");
  EXPECT_EQ(urn_of("North Northamptonshire Council"), "2637539");
  EXPECT_EQ(urn_of("Northamptonshire County Council"), "121939");
}

TEST_F(AuthorityResolution, UnknownOrAmbiguousNamesResolveToNothing) {
  EXPECT_EQ(urn_of("Atlantis"), "");
  EXPECT_EQ(urn_of("Kingston"), "");  // upon Hull or upon Thames
  EXPECT_EQ(urn_of("North"), "");
  EXPECT_EQ(urn_of(""), "");
}

TEST_F(AuthorityResolution, CommandLineQueries) {
  EXPECT_EQ((*directory_.find("dudley"))->urn, "80464");
  EXPECT_EQ((*directory_.find("332"))->urn, "80464");
  EXPECT_EQ((*directory_.find("e08000027"))->urn, "80464");
  EXPECT_EQ((*directory_.find("80464"))->urn, "80464");
  EXPECT_EQ((*directory_.find("bournemouth-christchurch-and-poole"))->urn, "2532287");
  EXPECT_EQ((*directory_.find("christchurch"))->urn, "2532287");
  auto ambiguous = directory_.find("north");
  ASSERT_FALSE(ambiguous);
  EXPECT_NE(ambiguous.error().find("matches"), std::string::npos);
  EXPECT_FALSE(directory_.find("zzzz"));
}

// The name printed in every corpus report (truth.csv la_name) resolves to the
// authority whose URN starts the file name.
TEST_F(AuthorityResolution, EveryNamePrintedInTheCorpus) {
  std::string text;
  ASSERT_TRUE(read_text_file(kData + "/corpus/truth.csv", text));
  auto rows = parse_delimited(text);
  int checked = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& file = rows[i][0];
    const auto& printed = rows[i][1];
    if (printed.empty()) continue;
    std::string urn = file.substr(0, file.find('-'));
    EXPECT_EQ(urn_of(printed), urn) << file << ": '" << printed << "'";
    ++checked;
  }
  EXPECT_GT(checked, 290);
}

}  // namespace
}  // namespace cscwatch
