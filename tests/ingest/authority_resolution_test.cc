// Every way reports and people write an authority's name resolves to the right
// authority in the reference table, and nothing else does.
#include <gtest/gtest.h>

#include <filesystem>

#include "common/corpus_counts.h"
#include "common/reference_data.h"
#include "common/resolved_urn.h"
#include "domain/authority_directory.h"
#include "domain/date.h"
#include "domain/delivery_body.h"
#include "reader/csv.h"
#include "reader/reference_tables.h"

namespace cscwatch {
namespace {

const std::string kData = CSCWATCH_DATA_DIR;

class AuthorityResolution : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(testing::reference_authorities_csv()))
      GTEST_SKIP() << "reference data absent at " << kData << " (configure with -DCSCWATCH_DATA_DIR=...)";
    auto authorities = load_authorities(testing::reference_authorities_csv());
    ASSERT_TRUE(authorities) << authorities.error();
    directory_ = AuthorityDirectory(std::move(*authorities));
  }
  // By the authority's own name, on no date: what resolve_name() answers.
  std::string urn_of(std::string_view printed) const { return testing::resolved_urn(directory_, printed); }
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

// The name printed in every corpus report (truth.csv la_name) resolves, by
// the authority's own name and on the inspection's first day, to the
// authority whose URN starts the file name.
TEST_F(AuthorityResolution, EveryNamePrintedInTheCorpus) {
  if (!std::filesystem::exists(kData + "/corpus/truth.csv")) GTEST_SKIP() << "corpus absent at " << kData;
  std::string text;
  ASSERT_TRUE(read_text_file(kData + "/corpus/truth.csv", text));
  auto rows = parse_delimited(text);
  ASSERT_FALSE(rows.empty());
  size_t start_column = 0;
  for (size_t c = 0; c < rows[0].size(); ++c)
    if (rows[0][c] == "inspection_start") start_column = c;
  ASSERT_GT(start_column, 0u);
  int checked = 0, resolved = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& file = rows[i][0];
    const auto& printed = rows[i][1];
    if (printed.empty()) continue;
    std::string urn = file.substr(0, file.find('-'));
    ++checked;
    EXPECT_EQ(urn_of(printed), urn) << file << ": '" << printed << "'";
    auto r = directory_.resolve(printed, parse_iso_date(rows[i][start_column]));
    EXPECT_EQ(r.authority ? r.authority->urn : "", urn) << file << ": '" << printed << "': " << r.note;
    EXPECT_EQ(r.by, cscwatch::AuthorityResolution::By::Name) << file << ": " << r.note;
    if (r.authority && r.authority->urn == urn) ++resolved;
  }
  EXPECT_EQ(checked, testing::corpus_counts(CSCWATCH_DATA_DIR).reports);
  EXPECT_EQ(resolved, checked);
}

// No two authorities in the reference table share their place words, so
// every one resolves by each of its names, and by its name with designators.
TEST_F(AuthorityResolution, EveryAuthorityResolvesByEachOfItsNames) {
  ASSERT_EQ(directory_.all().size(), 156u);
  for (const auto& a : directory_.all()) {
    EXPECT_EQ(urn_of(a.name), a.urn) << a.name << ": " << directory_.resolve(a.name, std::nullopt).note;
    EXPECT_EQ(urn_of(a.name + " Council"), a.urn) << a.name;
    EXPECT_EQ(urn_of("The Council of " + a.name), a.urn) << a.name;
    for (const auto& aka : a.also_known_as) EXPECT_EQ(urn_of(aka), a.urn) << aka;
  }
}

TEST_F(AuthorityResolution, UnseenPrintedForms) {
  EXPECT_EQ(urn_of("Metropolitan Borough of Dudley"), "80464");
  EXPECT_EQ(urn_of("Dudley Metropolitan District Council"), "80464");
  EXPECT_EQ(urn_of("The Council of the City of Bristol"), "80441");
  EXPECT_EQ(urn_of("Bristol City Council"), "80441");
  EXPECT_EQ(urn_of("Royal Borough of Greenwich Council"), "80495");
  EXPECT_EQ(urn_of("Herefordshire County Council"), "80474");
  EXPECT_EQ(urn_of("Saint Helens Council"), "80560");
  EXPECT_EQ(urn_of("Southend"), "80559");
  EXPECT_EQ(urn_of("Richmond upon Thames"), "80513");
  EXPECT_EQ(urn_of("Kingston upon Thames Council"), "80545");
  EXPECT_EQ(urn_of("Isle of Wight"), "80419");
  EXPECT_EQ(urn_of("Torbay Council"), "80572");
  EXPECT_EQ(urn_of("Telford and Wrekin Council"), "80570");
  EXPECT_EQ(urn_of("North Northamptonshire"), "2637539");
  EXPECT_EQ(urn_of("Northamptonshire"), "121939");
}

TEST_F(AuthorityResolution, DeliveryBodiesInTheRealTable) {
  for (const auto& b : known_delivery_bodies())
    EXPECT_NE(directory_.by_urn(b.urn), nullptr) << b.name() << " serves URN " << b.urn;
  using By = cscwatch::AuthorityResolution::By;
  auto r = directory_.resolve("Inspection of Doncaster Children's Services Trust", parse_iso_date("2017-03-06"));
  ASSERT_TRUE(r) << r.note;
  EXPECT_EQ(r.authority->urn, "80462");
  EXPECT_EQ(r.by, By::DeliveryBody);
  EXPECT_EQ(directory_.resolve("Sandwell Children's Trust", parse_iso_date("2021-11-01")).authority->urn, "80549");
  EXPECT_EQ(directory_.resolve("Together for Children", parse_iso_date("2018-01-15")).authority->urn, "80566");
  EXPECT_EQ(directory_.resolve("Northamptonshire Children's Trust", parse_iso_date("2022-10-03")).by, By::Ambiguous);
  EXPECT_EQ(directory_.resolve("Northamptonshire Children's Trust", parse_iso_date("2021-01-11")).authority->urn,
            "121939");
  EXPECT_EQ(directory_.resolve("Achieving for Children", parse_iso_date("2019-02-04")).by, By::Ambiguous);
}

}  // namespace
}  // namespace cscwatch
