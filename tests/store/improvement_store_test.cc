// The improvement records in the register: the known interventions load
// idempotently and never over a row a person edited; saves check versions;
// a visit letter creates its visit once and completes it without overwriting
// what a person entered; every write has its audit row.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <set>

#include "reader/csv.h"
#include "reader/known_interventions.h"
#include "store/audit_log.h"
#include "store/improvement_store.h"
#include "store/register.h"

namespace cscwatch {
namespace {

namespace fs = std::filesystem;

class ImprovementStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path = (fs::temp_directory_path() / ("cscwatch-improvement-" + std::to_string(::getpid()) + ".db")).string();
    fs::remove(path);
    auto r = Register::open(path);
    ASSERT_TRUE(r) << r.error();
    reg.emplace(std::move(*r));
    std::vector<Authority> authorities(2);
    authorities[0].urn = "80464";
    authorities[0].la_code = "332";
    authorities[0].name = "Dudley";
    authorities[0].slug = "dudley";
    authorities[1].urn = "2532287";
    authorities[1].la_code = "839";
    authorities[1].name = "Bournemouth, Christchurch and Poole";
    authorities[1].slug = "bournemouth-christchurch-and-poole";
    ASSERT_TRUE(reg->load_authorities(authorities));
  }
  void TearDown() override {
    reg.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
  }
  int load(const std::vector<Intervention>& rows) {
    Transaction tx(reg->connection());
    int n = load_known_interventions(reg->connection(), rows);
    tx.commit();
    return n;
  }
  size_t audit(const std::string& urn) { return audit_for_authority(reg->connection(), urn, 100000).size(); }

  std::string path;
  std::optional<Register> reg;
};

// The table's own authorities: this suite is about loading, not about the
// lookup (tests/reader/known_interventions_test.cc checks every URN there).
std::vector<Intervention> shipped_rows() {
  std::set<std::string> urns;
  for (const auto& row : parse_delimited(known_interventions_csv())) urns.insert(row.front());
  auto rows = parse_known_interventions(known_interventions_csv(), urns);
  EXPECT_TRUE(rows) << rows.error();
  return rows ? *rows : std::vector<Intervention>{};
}

TEST_F(ImprovementStoreTest, KnownInterventionsLoadIdempotentlyAndNeverOverAPersonsEdit) {
  auto rows = shipped_rows();
  const int first = load(rows);
  // Only the two authorities in this register: Dudley's 3 rows and BCP's 3.
  EXPECT_EQ(first, 6);
  EXPECT_EQ(interventions_for(reg->connection(), "80464").size(), 3u);
  const size_t audit_rows = audit("80464");
  EXPECT_EQ(audit_rows, 3u);
  EXPECT_EQ(load(rows), 0);  // again: nothing written, no audit rows
  EXPECT_EQ(audit("80464"), audit_rows);

  // A person corrects the commissioner's outcome; the table then changes too.
  Intervention commissioner;
  for (const auto& i : interventions_for(reg->connection(), "80464"))
    if (i.kind == InterventionKind::Commissioner) commissioner = i;
  ASSERT_EQ(commissioner.person, "Eleanor Brazil");
  commissioner.outcome = "Corrected by a person";
  {
    Transaction tx(reg->connection());
    save(reg->connection(), commissioner, "eve");
    tx.commit();
  }
  for (auto& r : rows)
    if (r.authority_urn == "80464") r.outcome += " (revised table)";
  EXPECT_EQ(load(rows), 2);  // the two rows nobody edited are refreshed
  for (const auto& i : interventions_for(reg->connection(), "80464")) {
    if (i.kind == InterventionKind::Commissioner) EXPECT_EQ(i.outcome, "Corrected by a person");
    else EXPECT_NE(i.outcome.find("(revised table)"), std::string::npos);
  }
}

TEST_F(ImprovementStoreTest, AStaleSaveThrowsWithTheCurrentRecord) {
  ImprovementPlan plan;
  plan.authority_urn = "80464";
  plan.title = "Plan";
  Transaction tx(reg->connection());
  auto id = create(reg->connection(), plan, "eve");
  auto first = *find_plan(reg->connection(), id);
  EXPECT_EQ(first.version, 1);
  first.title = "Plan, revised";
  save(reg->connection(), first, "eve");
  first.title = "Plan, from a stale form";  // still version 1
  try {
    save(reg->connection(), first, "fay");
    FAIL() << "a stale save was accepted";
  } catch (const StaleVersion& e) {
    EXPECT_EQ(e.current_version, 2);
    EXPECT_EQ(e.current["title"], "Plan, revised");
  }
  EXPECT_EQ(find_plan(reg->connection(), id)->title, "Plan, revised");
  first.id = 999;
  EXPECT_THROW(save(reg->connection(), first, "fay"), RecordNotFound);
}

TEST_F(ImprovementStoreTest, ALetterCreatesItsVisitOnceAndCompletesWhatAPersonEntered) {
  Transaction tx(reg->connection());
  // A person recorded the visit before its letter came.
  Visit entered;
  entered.authority_urn = "2532287";
  entered.kind = VisitKind::Monitoring;
  entered.start = parse_iso_date("2022-06-07");
  entered.theme = "Front door (as the board heard it)";
  create(reg->connection(), entered, "eve");
  Visit letter;
  letter.kind = VisitKind::Monitoring;
  letter.start = parse_iso_date("2022-06-07");
  letter.end = parse_iso_date("2022-06-08");
  letter.ordinal = 1;
  letter.theme = "Inspectors reviewed the front door.";
  upsert_visit_from_letter(reg->connection(), 41, "2532287", letter);
  upsert_visit_from_letter(reg->connection(), 41, "2532287", letter);  // re-ingest
  auto visits = visits_for(reg->connection(), "2532287");
  ASSERT_EQ(visits.size(), 1u);
  EXPECT_EQ(visits[0].theme, "Front door (as the board heard it)");  // the person's words stay
  EXPECT_EQ(visits[0].ordinal, 1);
  EXPECT_EQ(to_iso(*visits[0].end), "2022-06-08");
  EXPECT_EQ(visits[0].letter_document_id, 41);
  EXPECT_EQ(visits[0].version, 2);
  // Another letter, no record yet: created.
  letter.start = parse_iso_date("2022-10-04");
  letter.ordinal = 2;
  upsert_visit_from_letter(reg->connection(), 42, "2532287", letter);
  EXPECT_EQ(visits_for(reg->connection(), "2532287").size(), 2u);
  EXPECT_EQ(audit("2532287"), 3u);  // create, complete, create
}

}  // namespace
}  // namespace cscwatch
