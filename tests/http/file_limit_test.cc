#include "http/file_limit.h"

#include <gtest/gtest.h>
#include <sys/resource.h>

namespace cscwatch {
namespace {

TEST(FileLimit, BudgetLeavesHeadroomForTheDatabaseAndFiles) {
  EXPECT_EQ(connection_budget_for(1024), 1024 - 128);       // an eighth, at least 128
  EXPECT_EQ(connection_budget_for(20000), 20000 - 2500);    // an eighth
  EXPECT_EQ(connection_budget_for(40000), 40000 - 4096);    // at most 4096
  EXPECT_EQ(connection_budget_for(1u << 20), kMaxConnectionBudget);
  EXPECT_EQ(connection_budget_for(100), 16);  // hardly any: still a few
}

TEST(FileLimit, RaisesTheSoftLimitToTheHardLimit) {
  rlimit r{};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &r), 0);
  if (r.rlim_max != RLIM_INFINITY && r.rlim_max <= 256) GTEST_SKIP() << "hard limit " << r.rlim_max << ": nothing to raise";
  // This test runs in a process of its own (ctest runs each test alone).
  rlimit lowered = r;
  lowered.rlim_cur = 256;
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &lowered), 0);
  FileLimit got = raise_file_limit();
  EXPECT_TRUE(got.error.empty()) << got.error;
  EXPECT_EQ(got.before, 256u);
  EXPECT_EQ(got.soft, got.hard);
  EXPECT_GT(got.soft, 256u);
  EXPECT_EQ(open_file_limit(), got.soft);
  auto line = describe(got, connection_budget_for(got.soft));
  EXPECT_NE(line.find("raised from 256"), std::string::npos) << line;
  // Already at the hard limit: left as it is.
  FileLimit again = raise_file_limit();
  EXPECT_EQ(again.before, got.soft);
  EXPECT_EQ(again.soft, got.soft);
}

}  // namespace
}  // namespace cscwatch
