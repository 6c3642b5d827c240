// The national intervention record (data/known_interventions.csv, issue 19):
// every row rests on a public source a reader can follow — an https address
// with its title and date — and names an authority of the reference lookup;
// the loader refuses, naming the line, what would put a fact without its
// source in front of users; Dudley 2016 and BCP 2022 read as the seed
// stories (news/) tell them.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "reader/csv.h"
#include "reader/known_interventions.h"
#include "reader/reference_tables.h"

namespace cscwatch {
namespace {

const std::string kData = CSCWATCH_DATA_DIR;

std::set<std::string> reference_urns() {
  std::set<std::string> urns;
  auto authorities = load_authorities(kData + "/reference/authorities.csv");
  if (authorities)
    for (const auto& a : *authorities) urns.insert(a.urn);
  return urns;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<Intervention> rows_of(const std::vector<Intervention>& all, const std::string& urn) {
  std::vector<Intervention> out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const Intervention& i) { return i.authority_urn == urn; });
  return out;
}

const Intervention* find(const std::vector<Intervention>& rows, InterventionKind kind, const std::string& person = "") {
  for (const auto& i : rows)
    if (i.kind == kind && (person.empty() || i.person == person)) return &i;
  return nullptr;
}

const std::string kHeader = "authority_urn,authority,kind,issuer,person,start,review,end,outcome,source_url,source_title,source_date\n";

TEST(KnownInterventions, EverySourceIsAnHttpsAddressWithATitleAndADate) {
  const auto urns = reference_urns();
  if (urns.empty()) GTEST_SKIP() << "no reference lookup under " << kData;
  // Read the shipped file itself as well as through the loader, so a
  // loosened loader cannot hide a bad row.
  auto raw = parse_delimited(known_interventions_csv());
  ASSERT_GT(raw.size(), 1u);
  const auto& header = raw.front();
  auto col = [&](const char* name) { return std::find(header.begin(), header.end(), name) - header.begin(); };
  const auto url = col("source_url"), title = col("source_title"), date = col("source_date"), urn = col("authority_urn");
  ASSERT_LT(static_cast<size_t>(date), header.size());
  EXPECT_EQ(std::find(header.begin(), header.end(), "source"), header.end()) << "the old citation column is gone";
  for (size_t r = 1; r < raw.size(); ++r) {
    const auto& row = raw[r];
    if (row.size() == 1 && row[0].empty()) continue;
    ASSERT_EQ(row.size(), header.size()) << "line " << r + 1;
    EXPECT_EQ(row[url].rfind("https://", 0), 0u) << "line " << r + 1 << ": " << row[url];
    EXPECT_FALSE(row[title].empty()) << "line " << r + 1;
    EXPECT_FALSE(row[date].empty()) << "line " << r + 1;
    EXPECT_TRUE(urns.count(row[urn])) << "line " << r + 1 << ": " << row[urn];
  }
  auto rows = parse_known_interventions(known_interventions_csv(), urns);
  ASSERT_TRUE(rows) << rows.error();
  EXPECT_EQ(rows->size(), raw.size() - 1);
  std::set<std::string> authorities;
  for (const auto& i : *rows) {
    authorities.insert(i.authority_urn);
    EXPECT_EQ(i.origin, "reference");
    EXPECT_TRUE(i.source_date.has_value()) << i.source;
    EXPECT_FALSE(i.source_title.empty()) << i.source;
  }
  // The record covers most authorities ever judged inadequate (issue 19).
  EXPECT_GE(authorities.size(), 50u);
  EXPECT_GE(rows->size(), 100u);
}

TEST(KnownInterventions, ARowWithoutItsSourceOrOutsideTheLookupIsAnErrorNamingItsLine) {
  const std::set<std::string> urns = {"80464"};
  const std::string good = "80464,Dudley,commissioner,DfE,,2016-04-05,,,,https://example.org/a,A title,2016-04-05\n";
  ASSERT_TRUE(parse_known_interventions(kHeader + good, urns));
  auto fails = [&](const std::string& row, const std::string& says) {
    auto r = parse_known_interventions(kHeader + good + row, urns);
    ASSERT_FALSE(r) << row;
    EXPECT_EQ(r.error().rfind("known interventions, line 3: ", 0), 0u) << r.error();
    EXPECT_NE(r.error().find(says), std::string::npos) << r.error();
  };
  fails("80464,Dudley,curfew,DfE,,2016,,,,https://example.org/a,T,2016\n", "unknown kind 'curfew'");
  fails("80464,Dudley,commissioner,DfE,,2016-13,,,,https://example.org/a,T,2016\n", "start '2016-13' is not");
  fails("80464,Dudley,commissioner,DfE,,2016,,,,https://example.org/a,T,5 April 2016\n", "source_date '5 April 2016'");
  fails("80464,Dudley,commissioner,DfE,,2016,,,,domain brief §3 [S48],T,2016\n", "is not an http(s) address");
  fails("80464,Dudley,commissioner,DfE,,2016,,,,javascript:alert(1),T,2016\n", "is not an http(s) address");
  fails("80464,Dudley,commissioner,DfE,,2016,,,,https://example.org/a,,2016\n", "no source_title");
  fails("80464,Dudley,commissioner,DfE,,2016,,,,https://example.org/a,T,\n", "no source_date");
  fails("99999,Nowhere,commissioner,DfE,,2016,,,,https://example.org/a,T,2016\n",
        "authority URN 99999 (Nowhere) is not in the reference lookup");
  // The old table, citing a brief users cannot see, is refused outright.
  auto old = parse_known_interventions("authority_urn,kind,issuer,start,end,source\n80464,commissioner,DfE,2016,,x\n", urns);
  ASSERT_FALSE(old);
  EXPECT_NE(old.error().find("lacks the column source_url"), std::string::npos) << old.error();
}

// news/001 (Capital, 5 April 2016) and news/000 (Express & Star): the report
// was published that day and "a Government commissioner will be parachuted
// in to help run the department for the next three months".
TEST(KnownInterventions, DudleyIn2016ReadsAsTheSeedStoriesTellIt) {
  const auto urns = reference_urns();
  const std::string capital = slurp(kData + "/news/001_8715bdffbd257864.txt");
  const std::string star = slurp(kData + "/news/000_340b8fb06991e91a.txt");
  if (urns.empty() || capital.empty() || star.empty()) GTEST_SKIP() << "no seed news under " << kData;
  ASSERT_NE(capital.find("5 April 2016"), std::string::npos);
  ASSERT_NE(star.find("commissioner will be parachuted in to help run the department for the next three months"),
            std::string::npos);
  auto all = parse_known_interventions(known_interventions_csv(), urns);
  ASSERT_TRUE(all) << all.error();
  const auto dudley = rows_of(*all, "80464");
  const Intervention* commissioner = find(dudley, InterventionKind::Commissioner, "Eleanor Brazil");
  const Intervention* direction = find(dudley, InterventionKind::StatutoryDirection);
  ASSERT_NE(commissioner, nullptr);
  ASSERT_NE(direction, nullptr);
  // Appointed the day the report was published, under a direction of that day.
  EXPECT_EQ(to_iso(*commissioner->start), "2016-04-05");
  EXPECT_EQ(to_iso(*direction->start), "2016-04-05");
  // About three months, then the direction was replaced (5 August 2016) and an adviser followed.
  ASSERT_TRUE(commissioner->end);
  EXPECT_EQ(to_iso(*commissioner->end), "2016-08-05");
  EXPECT_NE(commissioner->outcome.find("three-month"), std::string::npos);
  const Intervention* adviser = find(dudley, InterventionKind::ImprovementAdviser);
  ASSERT_NE(adviser, nullptr);
  EXPECT_EQ(to_iso(*adviser->start), "2016-08-05");
  // Each with its published source: the DfE's direction, trade press on the commissioner.
  EXPECT_EQ(direction->source, "https://gov.uk/government/publications/direction-issued-to-dudley-metropolitan-borough-council");
  EXPECT_EQ(direction->source_title, "Direction issued to Dudley Metropolitan Borough Council (closed)");
  EXPECT_EQ(commissioner->source_title, "DfE acts after Ofsted rates council's children's services inadequate");
  EXPECT_EQ(to_iso(*commissioner->source_date), "2016-04-05");
}

// news/004 (BBC): rated inadequate after an inspection in December (report
// published 11 February 2022); the DfE's response was a statutory direction
// with an adviser, John Coughlan, not a commissioner.
TEST(KnownInterventions, BcpIn2022ReadsAsTheSeedStoryTellsIt) {
  const auto urns = reference_urns();
  const std::string bbc = slurp(kData + "/news/004_8e5de1696d51bef5.txt");
  if (urns.empty() || bbc.empty()) GTEST_SKIP() << "no seed news under " << kData;
  ASSERT_NE(bbc.find("Ofsted rated children's services at BCP Council inadequate following an inspection in December"),
            std::string::npos);
  auto all = parse_known_interventions(known_interventions_csv(), urns);
  ASSERT_TRUE(all) << all.error();
  const auto bcp = rows_of(*all, "2532287");
  const Intervention* direction = find(bcp, InterventionKind::StatutoryDirection);
  const Intervention* adviser = find(bcp, InterventionKind::ImprovementAdviser, "John Coughlan");
  ASSERT_NE(direction, nullptr);
  ASSERT_NE(adviser, nullptr);
  EXPECT_EQ(to_iso(*direction->start), "2022-04");
  EXPECT_EQ(to_iso(*adviser->start), "2022-04");
  EXPECT_EQ(find(bcp, InterventionKind::Commissioner), nullptr);
  EXPECT_EQ(direction->source, "https://www.localgov.co.uk/Government-intervenes-over-councils-inadequate-childrens-services/54024");
  EXPECT_EQ(direction->source_title, "Government intervenes over council's 'inadequate' children's services");
  EXPECT_EQ(to_iso(*direction->source_date), "2022-04-11");
}

}  // namespace
}  // namespace cscwatch
