#include "http/login_throttle.h"

#include <gtest/gtest.h>

namespace cscwatch {
namespace {

using namespace std::chrono_literals;

TEST(LoginThrottle, LocksAnAccountOutForLongerEachTimeAndASuccessClearsIt) {
  LoginThrottle t;
  auto now = LoginThrottle::Clock::time_point{} + 1000h;
  for (int i = 0; i < LoginThrottle::kMaxFailuresPerAccount - 1; ++i) {
    EXPECT_FALSE(t.refused("ed", "10.0.0.1", now));
    t.failed("ed", "10.0.0.1", now);
  }
  EXPECT_FALSE(t.refused("ed", "10.0.0.1", now));
  t.failed("ed", "10.0.0.1", now);
  ASSERT_TRUE(t.refused("ED", "10.0.0.2", now));  // names are case-insensitive; any address
  EXPECT_EQ(*t.refused("ed", "10.0.0.2", now), 60s);
  now += 61s;
  EXPECT_FALSE(t.refused("ed", "10.0.0.2", now));
  for (int i = 0; i < LoginThrottle::kMaxFailuresPerAccount; ++i) t.failed("ed", "10.0.0.2", now);
  EXPECT_EQ(*t.refused("ed", "10.0.0.3", now), 120s);  // the second lock-out is twice as long
  t.succeeded("ed");
  EXPECT_FALSE(t.refused("ed", "10.0.0.3", now));
}

TEST(LoginThrottle, FailuresOutsideTheWindowDoNotCountAndAddressesHaveTheirOwnLimit) {
  LoginThrottle t;
  auto now = LoginThrottle::Clock::time_point{} + 1000h;
  for (int i = 0; i < 4; ++i) t.failed("ed", "10.0.0.1", now);
  now += LoginThrottle::kWindow + 1s;
  t.failed("ed", "10.0.0.1", now);
  EXPECT_FALSE(t.refused("ed", "10.0.0.1", now));
  // One address trying many names.
  for (int i = 0; i < LoginThrottle::kMaxFailuresPerAddress; ++i) t.failed("name" + std::to_string(i), "10.9.9.9", now);
  EXPECT_TRUE(t.refused("somebody-new", "10.9.9.9", now));
  EXPECT_FALSE(t.refused("somebody-new", "10.9.9.8", now));
  t.succeeded("somebody-new");  // a success does not clear the address
  EXPECT_TRUE(t.refused("somebody-new", "10.9.9.9", now));
}

}  // namespace
}  // namespace cscwatch
