// The connection budget's bookkeeping and whom it sheds, on synthetic
// connections (no sockets): the server's part is in
// tests/web/hardening_test.cc.
#include "http/connection_budget.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cscwatch {
namespace {

using namespace std::chrono_literals;
using Budget = ConnectionBudget;
const Budget::Clock::time_point t0{};

// Admits a connection from `address` that records in `closed` when it is shed.
Budget::Id admit_waiting(Budget& b, const std::string& address, Budget::Clock::time_point since,
                         std::vector<std::string>* closed, const std::string& name) {
  auto a = b.admit(address);
  EXPECT_EQ(a.verdict, Budget::Verdict::kAdmitted) << name;
  EXPECT_FALSE(a.shed) << name;
  b.on_shed(a.id, [closed, name] { closed->push_back(name); });
  b.waiting(a.id, since);
  return a.id;
}

TEST(ConnectionBudget, RefusesAnAddressAtItsLimitButNotOthers) {
  Budget b({.per_address = 2, .total = 100});
  std::vector<std::string> closed;
  admit_waiting(b, "10.0.0.1", t0, &closed, "a1");
  admit_waiting(b, "10.0.0.1", t0, &closed, "a2");
  auto third = b.admit("10.0.0.1");
  EXPECT_EQ(third.verdict, Budget::Verdict::kAddressFull);
  EXPECT_FALSE(third.shed);
  EXPECT_EQ(b.admit("10.0.0.2").verdict, Budget::Verdict::kAdmitted);
  EXPECT_EQ(b.open_from("10.0.0.1"), 2);
  EXPECT_EQ(b.open(), 3);
  EXPECT_TRUE(closed.empty());
}

TEST(ConnectionBudget, NoLimitPerAddressWhenZero) {
  Budget b({.per_address = 0, .total = 100});
  for (int i = 0; i < 100; ++i) ASSERT_EQ(b.admit("proxy").verdict, Budget::Verdict::kAdmitted) << i;
  EXPECT_EQ(b.open_from("proxy"), 100);
}

TEST(ConnectionBudget, FullShedsTheConnectionWaitingLongestForItsHead) {
  Budget b({.per_address = 0, .total = 3});
  std::vector<std::string> closed;
  admit_waiting(b, "slow", t0 + 2s, &closed, "middle");
  admit_waiting(b, "slow", t0 + 1s, &closed, "oldest");
  admit_waiting(b, "slow", t0 + 3s, &closed, "newest");
  auto a = b.admit("visitor");
  ASSERT_EQ(a.verdict, Budget::Verdict::kAdmitted);
  ASSERT_TRUE(a.shed);
  EXPECT_TRUE(closed.empty()) << "the caller closes it, outside the budget's lock";
  a.shed();
  EXPECT_EQ(closed, std::vector<std::string>{"oldest"});
  EXPECT_EQ(b.open(), 3);
  EXPECT_EQ(b.open_from("slow"), 2);
  EXPECT_EQ(b.shed_count(), 1u);
  b.on_shed(a.id, [&] { closed.push_back("visitor"); });
  b.waiting(a.id, t0 + 4s);
  b.admit("visitor2").shed();
  EXPECT_EQ(closed, (std::vector<std::string>{"oldest", "middle"}));
}

TEST(ConnectionBudget, AConnectionWhoseHeadHasArrivedIsNeverShed) {
  Budget b({.per_address = 0, .total = 2});
  std::vector<std::string> closed;
  auto answering = admit_waiting(b, "x", t0, &closed, "answering");
  auto reading = admit_waiting(b, "x", t0 + 1s, &closed, "reading");
  b.busy(answering);
  b.busy(reading);
  auto refused = b.admit("visitor");
  EXPECT_EQ(refused.verdict, Budget::Verdict::kServerFull);
  EXPECT_FALSE(refused.shed);
  // Back to waiting (keep-alive, at 5 s): sheddable again, aged from then.
  b.waiting(reading, t0 + 5s);
  auto a = b.admit("visitor");
  ASSERT_EQ(a.verdict, Budget::Verdict::kAdmitted);
  a.shed();
  EXPECT_EQ(closed, std::vector<std::string>{"reading"});
}

TEST(ConnectionBudget, WaitingAgainRestartsTheClock) {
  Budget b({.per_address = 0, .total = 2});
  std::vector<std::string> closed;
  auto keep_alive = admit_waiting(b, "x", t0, &closed, "keep-alive");
  admit_waiting(b, "x", t0 + 1s, &closed, "slowloris");
  b.busy(keep_alive);
  b.waiting(keep_alive, t0 + 2s);  // answered, waits for its next request
  b.admit("visitor").shed();
  EXPECT_EQ(closed, std::vector<std::string>{"slowloris"});
}

TEST(ConnectionBudget, ReleaseFreesAPlaceAndAShedConnectionsReleaseDoesNothing) {
  Budget b({.per_address = 0, .total = 2});
  std::vector<std::string> closed;
  auto first = admit_waiting(b, "x", t0, &closed, "first");
  auto second = admit_waiting(b, "x", t0 + 1s, &closed, "second");
  b.release(second);
  auto a = b.admit("y");
  EXPECT_EQ(a.verdict, Budget::Verdict::kAdmitted);
  EXPECT_FALSE(a.shed) << "a place was free";
  b.waiting(a.id, t0 + 2s);
  b.admit("z").shed();  // sheds `first`
  EXPECT_EQ(closed, std::vector<std::string>{"first"});
  b.release(first);  // its close arrives later: the place is already z's
  EXPECT_EQ(b.open(), 2);
  EXPECT_EQ(b.open_from("x"), 0);
  EXPECT_EQ(b.admit("w").verdict, Budget::Verdict::kAdmitted) << "y waits: shed it";
  EXPECT_EQ(b.open_from("y"), 0);
}

TEST(ConnectionBudget, AnAddressAtItsLimitIsRefusedEvenWhenOthersCouldBeShed) {
  Budget b({.per_address = 1, .total = 2});
  std::vector<std::string> closed;
  admit_waiting(b, "a", t0, &closed, "a");
  admit_waiting(b, "b", t0 + 1s, &closed, "b");
  EXPECT_EQ(b.admit("a").verdict, Budget::Verdict::kAddressFull);
  EXPECT_EQ(b.shed_count(), 0u);
  EXPECT_TRUE(closed.empty());
}

}  // namespace
}  // namespace cscwatch
