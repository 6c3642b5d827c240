// National statistics and the hex map on a small hand-made register, for what
// the corpus does not hold: a reorganised county's history continuing into
// each successor (transitions, recovery, the map by date), the April 2026
// framework counted at its lowest judgement, and statistical neighbours.
#include <gtest/gtest.h>

#include "analysis/hex_map.h"
#include "analysis/national_statistics.h"
#include "analysis/peer_comparison.h"
#include "domain/authority.h"
#include "reader/page.h"
#include "store/hex_layout.h"
#include "store/register.h"
#include "web_test_support.h"

namespace cscwatch::testing {
namespace {

Authority authority(std::string urn, std::string name, std::string slug, std::string la_code, bool legacy = false) {
  Authority a = synthetic_authority(std::move(urn), std::move(la_code), std::move(name), std::move(slug));
  a.ons_code = legacy ? "" : "E06" + a.urn;
  a.region_name = "East Midlands";
  a.legacy = legacy;
  return a;
}

// A one-page document named for its SHA-256 character, published as given.
struct Doc : SyntheticDocument {
  Doc(const std::string& urn, char sha, DocumentKind kind, const char* start, const char* end, const char* published)
      : SyntheticDocument(urn, std::string(1, sha) + ".pdf", kind, start, end, {"Page 1"}) {
    d.sha256 = std::string(64, sha);
    d.record.published = Sourced<Date>{*parse_iso_date(published), 1};
  }
};

class NationalStatisticsRegister : public SyntheticRegisterTest {
 protected:
  void SetUp() override {
    Authority west = authority("2637548", "West Northamptonshire", "west-northamptonshire", "941");
    west.stat_neighbours = {"940", "999"};
    auto reg =
        open_register("national.db", {authority("121939", "Northamptonshire", "northamptonshire", "928", true),
                                      authority("2637539", "North Northamptonshire", "north-northamptonshire", "940"),
                                      west, authority("999001", "Newshire", "newshire", "999")});
    ASSERT_TRUE(reg) << reg.error();
    // Northamptonshire: inadequate in 2019, before the 2021 split.
    Doc county("121939", 'a', DocumentKind::IlacsReport, "2019-01-07", "2019-01-18", "2019-03-01");
    county.judge(JudgementArea::Overall, Grade::Inadequate);
    ASSERT_TRUE(reg->store(county.d));
    // West Northamptonshire: requires improvement in 2022; North: good in 2023.
    Doc w("2637548", 'b', DocumentKind::IlacsReport, "2022-01-10", "2022-01-21", "2022-03-01");
    w.judge(JudgementArea::Overall, Grade::RequiresImprovement);
    ASSERT_TRUE(reg->store(w.d));
    Doc n("2637539", 'c', DocumentKind::IlacsReport, "2023-01-09", "2023-01-20", "2023-03-01");
    n.judge(JudgementArea::Overall, Grade::Good);
    ASSERT_TRUE(reg->store(n.d));
    // Newshire: good in 2022, then the April 2026 framework (no overall grade).
    Doc before("999001", 'd', DocumentKind::IlacsReport, "2022-05-09", "2022-05-20", "2022-07-01");
    before.judge(JudgementArea::Overall, Grade::Good);
    ASSERT_TRUE(reg->store(before.d));
    Doc now("999001", 'e', DocumentKind::IlacsReport, "2026-04-13", "2026-04-24", "2026-05-20");
    now.judge(JudgementArea::Leadership, Grade::Good)
        .judge(JudgementArea::HelpProtection, Grade::Good)
        .judge(JudgementArea::InCare, Grade::Inadequate)
        .judge(JudgementArea::CareLeavers, Grade::Good);
    ASSERT_TRUE(reg->store(now.d));
    store_hex_layout(reg->connection(), {{"E10000021", "Northamptonshire", 0, 0}, {"E06999001", "Newshire", 1, 0}});
  }
};

TEST_F(NationalStatisticsRegister, ACountysHistoryContinuesIntoEachSuccessor) {
  auto reg = Register::open(db_path_, true);
  ASSERT_TRUE(reg);
  const auto s = national_statistics(reg->connection(), *parse_iso_date("2026-06-01"));
  // Inadequate (county) -> RI (West) and -> good (North); good -> inadequate (Newshire, 2026 rule).
  EXPECT_EQ(s.transitions.total, 3);
  EXPECT_EQ(s.transitions.counts.at("inadequate").at("requires_improvement"), 1);
  EXPECT_EQ(s.transitions.counts.at("inadequate").at("good"), 1);
  EXPECT_EQ(s.transitions.counts.at("good").at("inadequate"), 1);
  // Recovery: the county's inadequate judgement, once per successor (both
  // recovered), and Newshire's 2026 inadequate still open (censored).
  EXPECT_EQ(s.recovery.inadequate, 3);
  EXPECT_EQ(s.recovery.recovered, 2);
  EXPECT_EQ(s.recovery.censored, 1);
  ASSERT_EQ(s.recovery.recovered_months.size(), 2u);
  EXPECT_NEAR(s.recovery.recovered_months[0], days_between(*parse_iso_date("2019-01-18"), *parse_iso_date("2022-01-21")) / (365.2425 / 12), 1e-9);
  // The 2026 inspection is in the grade mix at its lowest judgement, marked.
  const auto& f2026 = s.national.by_framework.at("ILACS 2026");
  EXPECT_EQ(f2026.total, 1);
  EXPECT_EQ(f2026.by_lowest_judgement, 1);
  EXPECT_EQ(f2026.by_grade.at("inadequate"), 1);
  EXPECT_EQ(s.national.by_year.at("2026").total, 1);
  // As at 2020 only the county's report exists.
  const auto then = national_statistics(reg->connection(), *parse_iso_date("2020-01-01"));
  EXPECT_EQ(then.transitions.total, 0);
  EXPECT_EQ(then.recovery.censored, 1);
  EXPECT_EQ(then.national.by_year.size(), 1u);
}

TEST_F(NationalStatisticsRegister, TheMapShowsTheCountyBeforeTheSplitAndBothHalvesAfter) {
  auto reg = Register::open(db_path_, true);
  ASSERT_TRUE(reg);
  auto before = hex_map(reg->connection(), *parse_iso_date("2020-01-01"));
  ASSERT_EQ(before.hexes.size(), 2u);
  const MapHex& county = before.hexes[1].code == "E10000021" ? before.hexes[1] : before.hexes[0];
  ASSERT_EQ(county.occupants.size(), 1u);
  EXPECT_EQ(county.occupants[0].slug, "northamptonshire");
  EXPECT_EQ(county.occupants[0].grade, "inadequate");
  auto after = hex_map(reg->connection(), *parse_iso_date("2023-06-01"));
  const MapHex& split = after.hexes[1].code == "E10000021" ? after.hexes[1] : after.hexes[0];
  ASSERT_EQ(split.occupants.size(), 2u);
  EXPECT_EQ(split.occupants[0].slug, "west-northamptonshire");
  EXPECT_EQ(split.occupants[0].grade, "requires_improvement");
  EXPECT_EQ(split.occupants[1].slug, "north-northamptonshire");
  EXPECT_EQ(split.occupants[1].grade, "good");
  // Newshire's 2026 inspection shows at its lowest judgement, marked.
  auto now = hex_map(reg->connection(), *parse_iso_date("2026-06-01"));
  const MapHex& newshire = now.hexes[0].code == "E06999001" ? now.hexes[0] : now.hexes[1];
  ASSERT_EQ(newshire.occupants.size(), 1u);
  EXPECT_EQ(newshire.occupants[0].grade, "inadequate");
  EXPECT_TRUE(newshire.occupants[0].by_lowest_judgement);
  EXPECT_TRUE(now.unplaced.empty());
}

TEST_F(NationalStatisticsRegister, AnAuthorityBesideItsNeighboursRegionAndEngland) {
  auto reg = Register::open(db_path_, true);
  ASSERT_TRUE(reg);
  auto c = peer_comparison(reg->connection(), "west-northamptonshire", *parse_iso_date("2026-06-01"));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->self.authorities, 1);
  EXPECT_EQ(c->self.current.at("requires_improvement"), 1);
  EXPECT_EQ(c->neighbours.authorities, 2);  // North Northamptonshire (940) and Newshire (999)
  EXPECT_EQ(c->neighbours.current.at("good"), 1);
  EXPECT_EQ(c->neighbours.current.at("inadequate"), 1);  // Newshire, at its lowest judgement
  EXPECT_EQ(c->england.authorities, 3) << "the abolished county is not a current authority";
  EXPECT_EQ(c->region.authorities, 3);
  EXPECT_FALSE(peer_comparison(reg->connection(), "atlantis", *parse_iso_date("2026-06-01")));
}

}  // namespace
}  // namespace cscwatch::testing
