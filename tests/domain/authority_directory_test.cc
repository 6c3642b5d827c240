// Resolving printed names by their place words, and reports titled with a
// trust or company that delivers a council's children's services. A small
// hand-made directory (URNs as in the reference table) keeps these tests
// independent of the reference data; tests/ingest checks the real table.
#include "domain/authority_directory.h"

#include <gtest/gtest.h>

#include <set>

#include "common/resolved_urn.h"
#include "domain/delivery_body.h"

namespace cscwatch {
namespace {

using By = AuthorityResolution::By;

Authority make(std::string urn, std::string name, std::vector<std::string> aka = {}, bool legacy = false) {
  Authority a;
  a.urn = std::move(urn);
  a.name = std::move(name);
  a.slug = slugify(a.name);
  a.also_known_as = std::move(aka);
  a.legacy = legacy;
  return a;
}

Date day(std::string_view iso) {
  return *parse_iso_date(iso);
}

class Directory : public ::testing::Test {
 protected:
  Directory()
      : directory_({
            make("80464", "Dudley"),
            make("80500", "Havering"),
            make("80495", "Greenwich"),
            make("80583", "Wolverhampton"),
            make("80449", "Bradford"),
            make("80441", "Bristol, City of", {"Bristol"}),
            make("80474", "Herefordshire"),
            make("80477", "Kingston Upon Hull, City of", {"Kingston Upon Hull", "Hull"}),
            make("80545", "Kingston upon Thames"),
            make("80513", "Richmond upon Thames"),
            make("80546", "Windsor and Maidenhead"),
            make("80465", "Durham"),
            make("80559", "Southend-on-Sea"),
            make("80560", "St. Helens"),
            make("80570", "Telford and Wrekin"),
            make("2532287", "Bournemouth, Christchurch and Poole", {"BCP", "Bournemouth, Christchurch & Poole"}),
            make("137316", "Poole", {}, true),
            make("121939", "Northamptonshire", {}, true),
            make("2637539", "North Northamptonshire"),
            make("2637548", "West Northamptonshire"),
            make("80462", "Doncaster"),
            make("80553", "Slough"),
            make("80549", "Sandwell"),
            make("80429", "Birmingham"),
            make("80540", "Reading"),
            make("80566", "Sunderland"),
            make("80584", "Worcestershire"),
            make("80572", "Torbay"),
            make("80419", "Isle of Wight"),
            make("80455", "Isles of Scilly"),
            make("80450", "City of London"),
            make("80426", "Barnsley"),
            make("80543", "Rotherham"),
            make("80472", "Hampshire"),
        }) {}

  std::string urn_of(std::string_view printed, std::optional<Date> on = std::nullopt) const {
    return testing::resolved_urn(directory_, printed, on);
  }
  AuthorityDirectory directory_;
};

TEST_F(Directory, PlaceTokensDropDesignatorWordsWhereverTheyStand) {
  using V = std::vector<std::string>;
  EXPECT_EQ(AuthorityDirectory::place_tokens("The Council of the City of Bristol"), V{"bristol"});
  EXPECT_EQ(AuthorityDirectory::place_tokens("London Borough of Havering Council"), V{"havering"});
  EXPECT_EQ(AuthorityDirectory::place_tokens("City of London Corporation"), V{"london"});
  EXPECT_EQ(AuthorityDirectory::place_tokens("Saint Helens Metropolitan Borough Council"), (V{"st", "helens"}));
  EXPECT_EQ(AuthorityDirectory::place_tokens("Telford & Wrekin Council"), (V{"telford", "wrekin"}));
}

TEST_F(Directory, DesignatorWordsInNewOrders) {
  EXPECT_EQ(urn_of("Dudley Metropolitan Borough Council"), "80464");
  EXPECT_EQ(urn_of("Metropolitan Borough of Dudley"), "80464");
  EXPECT_EQ(urn_of("Dudley Borough Metropolitan District Council"), "80464");
  EXPECT_EQ(urn_of("Council of the Metropolitan Borough of Dudley"), "80464");
  EXPECT_EQ(urn_of("Metropolitan Borough of Barnsley Council"), "80426");
  EXPECT_EQ(urn_of("Rotherham Metropolitan District Council"), "80543");
  EXPECT_EQ(urn_of("Royal Borough of Greenwich"), "80495");
  EXPECT_EQ(urn_of("The Royal Borough of Windsor and Maidenhead Council"), "80546");
  EXPECT_EQ(urn_of("The Council of the City of Bristol"), "80441");
  EXPECT_EQ(urn_of("Bristol City Council"), "80441");
  EXPECT_EQ(urn_of("City of Bristol"), "80441");
  EXPECT_EQ(urn_of("Wolverhampton City Council"), "80583");
  EXPECT_EQ(urn_of("City of Wolverhampton Council"), "80583");
  EXPECT_EQ(urn_of("City of Bradford Metropolitan District Council"), "80449");
  EXPECT_EQ(urn_of("Kingston upon Hull City Council"), "80477");
  EXPECT_EQ(urn_of("Hull City Council"), "80477");
  EXPECT_EQ(urn_of("Herefordshire County Council"), "80474");
  EXPECT_EQ(urn_of("County of Herefordshire District Council"), "80474");
  EXPECT_EQ(urn_of("County Durham"), "80465");
  EXPECT_EQ(urn_of("Durham County Council"), "80465");
  EXPECT_EQ(urn_of("Southend-on-Sea City Council"), "80559");
  EXPECT_EQ(urn_of("Southend"), "80559");
  EXPECT_EQ(urn_of("Saint Helens"), "80560");
  EXPECT_EQ(urn_of("St Helens Council"), "80560");
  EXPECT_EQ(urn_of("Telford & Wrekin"), "80570");
  EXPECT_EQ(urn_of("Bournemouth, Christchurch and Poole Council"), "2532287");
  EXPECT_EQ(urn_of("BCP Council"), "2532287");
  EXPECT_EQ(urn_of("Poole Borough Council"), "137316");
  EXPECT_EQ(urn_of("Richmond upon Thames"), "80513");
  EXPECT_EQ(urn_of("London Borough of Richmond upon Thames"), "80513");
  EXPECT_EQ(urn_of("Royal Borough of Kingston upon Thames"), "80545");
  EXPECT_EQ(urn_of("City of London"), "80450");
  EXPECT_EQ(urn_of("Council of the Isles of Scilly"), "80455");
  EXPECT_EQ(urn_of("Isle of Wight Council"), "80419");
  EXPECT_EQ(urn_of("Torbay Council"), "80572");
  // Designator words are dropped, not merely tolerated as extra words.
  for (std::string_view printed : {"Royal Borough of Greenwich", "The Council of the City of Bristol",
                                   "London Borough of Havering Corporation", "County of Herefordshire District Council",
                                   "Metropolitan Borough of Barnsley Council", "Kingston upon Hull City Council"}) {
    auto r = directory_.resolve(printed, std::nullopt);
    ASSERT_TRUE(r) << printed;
    EXPECT_EQ(r.by, By::Name);
    EXPECT_EQ(r.note.find("ignored"), std::string::npos) << printed << ": " << r.note;
  }
}

TEST_F(Directory, NamesNeverCollideWithLongerNames) {
  EXPECT_EQ(urn_of("Northamptonshire County Council"), "121939");
  EXPECT_EQ(urn_of("North Northamptonshire Council"), "2637539");
  EXPECT_EQ(urn_of("West Northamptonshire"), "2637548");
  auto r = directory_.resolve("Hull", std::nullopt);
  EXPECT_EQ(r.by, By::Name);
  EXPECT_FALSE(r.note.empty());
}

TEST_F(Directory, ExtraWordsAroundOneName) {
  auto r = directory_.resolve("Inspection of Dudley local authority children's services", std::nullopt);
  ASSERT_TRUE(r);
  EXPECT_EQ(r.authority->urn, "80464");
  EXPECT_EQ(r.by, By::Name);
  // An unlisted trust: the council's name with other words.
  r = directory_.resolve("Torbay Children's Partnership Trust", std::nullopt);
  ASSERT_TRUE(r);
  EXPECT_EQ(r.authority->urn, "80572");
  EXPECT_NE(r.note.find("partnership trust"), std::string::npos) << r.note;
  // "Northamptonshire" lies within "North Northamptonshire": not a second name.
  EXPECT_EQ(urn_of("North Northamptonshire Partnership"), "2637539");
  // Two different names among the words: no guess.
  r = directory_.resolve("Hampshire and Isle of Wight partnership", std::nullopt);
  EXPECT_FALSE(r);
  EXPECT_EQ(r.by, By::Ambiguous);
  EXPECT_EQ(r.candidates.size(), 2u);
}

TEST_F(Directory, UnknownAndShortenedNames) {
  EXPECT_EQ(urn_of("Atlantis"), "");
  EXPECT_EQ(directory_.resolve("Atlantis", std::nullopt).by, By::NotFound);
  EXPECT_EQ(urn_of(""), "");
  EXPECT_EQ(urn_of("Borough Council"), "");
  auto r = directory_.resolve("Kingston", std::nullopt);  // upon Hull or upon Thames
  EXPECT_FALSE(r);
  EXPECT_EQ(r.by, By::Ambiguous);
  EXPECT_EQ(r.candidates.size(), 2u);
  EXPECT_EQ(urn_of("Kingston upon Thames Council"), "80545");
}

TEST(DirectoryTie, TwoAuthoritiesWithTheSamePlaceWordsResolveToNeither) {
  AuthorityDirectory directory({make("1", "Foo Borough"), make("2", "Foo City"), make("3", "Bar")});
  auto r = directory.resolve("Foo Council", std::nullopt);
  EXPECT_FALSE(r);
  EXPECT_EQ(r.by, By::Ambiguous);
  EXPECT_EQ(r.candidates.size(), 2u);
  EXPECT_EQ(directory.resolve_name("Foo"), nullptr);
  EXPECT_EQ(directory.resolve_name("Bar City Council")->urn, "3");
}

TEST_F(Directory, TrustsWithinTheirDates) {
  auto r = directory_.resolve("Inspection of Doncaster Children's Services Trust", day("2017-03-06"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r.authority->urn, "80462");
  EXPECT_EQ(r.by, By::DeliveryBody);
  ASSERT_NE(r.delivery_body, nullptr);
  EXPECT_EQ(r.delivery_body->name(), "Doncaster Children's Services Trust");
  EXPECT_FALSE(r.outside_dates);
  EXPECT_NE(r.note.find("1 October 2014 to 31 August 2022"), std::string::npos) << r.note;

  EXPECT_EQ(urn_of("Sandwell Children's Trust", day("2022-01-10")), "80549");
  EXPECT_EQ(urn_of("Birmingham Children’s Trust", day("2022-05-03")), "80429");
  EXPECT_EQ(urn_of("Slough Children's Services Trust", day("2016-10-01")), "80553");
  EXPECT_EQ(urn_of("Slough Children First", day("2023-03-01")), "80553");
  EXPECT_EQ(urn_of("Brighter Futures for Children", day("2019-07-01")), "80540");
  EXPECT_EQ(urn_of("Bradford Children and Families Trust", day("2024-05-01")), "80449");
  EXPECT_EQ(urn_of("Together for Children", day("2018-01-15")), "80566");
  EXPECT_EQ(urn_of("Worcestershire Children First", day("2022-01-15")), "80584");
  EXPECT_EQ(directory_.resolve("Together for Children", day("2018-01-15")).by, By::DeliveryBody);
  // A body serving one authority resolves without a date too.
  r = directory_.resolve("Brighter Futures for Children", std::nullopt);
  EXPECT_EQ(r.by, By::DeliveryBody);
  EXPECT_NE(r.note.find("no date given"), std::string::npos) << r.note;
  EXPECT_EQ(directory_.resolve_name("Sandwell Children's Trust")->urn, "80549");
}

TEST_F(Directory, TrustOutsideItsDatesStillResolvesButSaysSo) {
  auto r = directory_.resolve("Doncaster Children's Services Trust", day("2023-01-09"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r.authority->urn, "80462");
  EXPECT_EQ(r.by, By::DeliveryBody);
  EXPECT_TRUE(r.outside_dates);
  EXPECT_NE(r.note.find("outside"), std::string::npos) << r.note;
  EXPECT_NE(r.note.find("9 January 2023"), std::string::npos) << r.note;
  r = directory_.resolve("Slough Children First", day("2019-01-01"));
  ASSERT_TRUE(r);
  EXPECT_TRUE(r.outside_dates);
}

TEST_F(Directory, NorthamptonshireChildrensTrustByDateAndByNamedSuccessor) {
  // Before 1 April 2021: the legacy county, even before the trust launched.
  auto r = directory_.resolve("Northamptonshire Children's Trust", day("2021-01-11"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r.authority->urn, "121939");
  EXPECT_FALSE(r.outside_dates);
  r = directory_.resolve("Northamptonshire Children's Trust", day("2019-06-01"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r.authority->urn, "121939");
  EXPECT_TRUE(r.outside_dates);
  // After: North or West only where the printed text says which.
  EXPECT_EQ(urn_of("Northamptonshire Children's Trust (North Northamptonshire Council)", day("2022-10-03")), "2637539");
  EXPECT_EQ(urn_of("West Northamptonshire Council and Northamptonshire Children's Trust", day("2022-10-03")),
            "2637548");
  r = directory_.resolve("Northamptonshire Children's Trust", day("2022-10-03"));
  EXPECT_FALSE(r);
  EXPECT_EQ(r.by, By::Ambiguous);
  std::set<std::string> urns;
  for (const auto* a : r.candidates) urns.insert(a->urn);
  EXPECT_EQ(urns, (std::set<std::string>{"2637539", "2637548"}));
  // No date: no guess.
  EXPECT_EQ(directory_.resolve("Northamptonshire Children's Trust", std::nullopt).by, By::Ambiguous);
}

TEST_F(Directory, BodiesServingSeveralCouncilsNeedOtherWords) {
  auto r = directory_.resolve("Achieving for Children", day("2019-02-04"));
  EXPECT_FALSE(r);
  EXPECT_EQ(r.by, By::Ambiguous);
  EXPECT_EQ(r.candidates.size(), 3u);
  EXPECT_NE(r.note.find("does not say which"), std::string::npos) << r.note;
  EXPECT_EQ(directory_.resolve("Achieving for Children", std::nullopt).by, By::Ambiguous);
  // Before Windsor and Maidenhead joined it served two: still ambiguous.
  EXPECT_EQ(directory_.resolve("Achieving for Children", day("2016-01-01")).candidates.size(), 2u);

  r = directory_.resolve("Achieving for Children (Richmond upon Thames)", day("2019-02-04"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r.authority->urn, "80513");
  EXPECT_EQ(r.by, By::DeliveryBody);
  EXPECT_EQ(urn_of("Royal Borough of Kingston upon Thames - Achieving for Children", day("2019-02-04")), "80545");
  EXPECT_EQ(urn_of("Achieving for Children, Royal Borough of Windsor and Maidenhead", day("2019-02-04")), "80546");
  r = directory_.resolve("Achieving for Children, Windsor and Maidenhead", day("2015-06-01"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r.authority->urn, "80546");
  EXPECT_TRUE(r.outside_dates);
}

TEST(DeliveryBodies, EveryRowHasNamesDatesAndASource) {
  ASSERT_FALSE(known_delivery_bodies().empty());
  for (const auto& b : known_delivery_bodies()) {
    EXPECT_FALSE(b.name().empty());
    EXPECT_FALSE(b.urn.empty()) << b.name();
    EXPECT_FALSE(b.source.empty()) << b.name();
    EXPECT_FALSE(b.kind.empty()) << b.name();
    ASSERT_TRUE(b.start()) << b.name() << " from " << b.from;
    if (!b.to.empty()) {
      ASSERT_TRUE(b.end()) << b.name() << " to " << b.to;
      EXPECT_LT(*b.start(), *b.end()) << b.name();
    }
  }
}

TEST(DeliveryBodies, PeriodsAndCoverage) {
  const DeliveryBody* doncaster = nullptr;
  for (const auto& b : known_delivery_bodies())
    if (b.urn == "80462") doncaster = &b;
  ASSERT_NE(doncaster, nullptr);
  EXPECT_TRUE(doncaster->covers(day("2014-10-01")));
  EXPECT_TRUE(doncaster->covers(day("2022-08-31")));
  EXPECT_FALSE(doncaster->covers(day("2022-09-01")));
  EXPECT_FALSE(doncaster->covers(day("2014-09-30")));
  EXPECT_EQ(doncaster->period(), "1 October 2014 to 31 August 2022");
}

}  // namespace
}  // namespace cscwatch
