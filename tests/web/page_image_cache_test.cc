// The page image cache: requests for an image being drawn wait for that one
// drawing; failures are not kept; the byte budget evicts the least recently
// used image first.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "pages/page_image_cache.h"

namespace cscwatch {
namespace {

TEST(PageImageCache, ConcurrentRequestsForOneImageDrawItOnce) {
  PageImageCache cache(1u << 20);
  std::atomic<int> draws{0};
  auto draw = [&]() -> Result<std::string> {
    ++draws;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return std::string(1000, 'x');
  };
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&] {
      auto r = cache.get_or_draw("doc:1:1.5", draw);
      if (r && (*r)->size() == 1000) ++ok;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(draws.load(), 1);
  EXPECT_EQ(ok.load(), 8);
  EXPECT_EQ(cache.stats().draws, 1u);
  EXPECT_EQ(cache.stats().hits, 7u);
}

TEST(PageImageCache, AFailureIsSharedWithWaitersButNotKept) {
  PageImageCache cache(1u << 20);
  int draws = 0;
  auto fail = [&]() -> Result<std::string> {
    ++draws;
    return Error{"damaged PDF"};
  };
  auto r = cache.get_or_draw("k", fail);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error(), "damaged PDF");
  EXPECT_FALSE(cache.get_or_draw("k", fail));
  EXPECT_EQ(draws, 2);
  EXPECT_EQ(cache.stats().entries, 0u);
}

TEST(PageImageCache, TheBudgetEvictsTheLeastRecentlyUsed) {
  PageImageCache cache(2500);
  int draws = 0;
  auto image = [&]() -> Result<std::string> {
    ++draws;
    return std::string(1000, 'x');
  };
  ASSERT_TRUE(cache.get_or_draw("a", image));
  ASSERT_TRUE(cache.get_or_draw("b", image));
  ASSERT_TRUE(cache.get_or_draw("a", image));  // a is now the most recent
  ASSERT_TRUE(cache.get_or_draw("c", image));  // over budget: b goes
  EXPECT_EQ(draws, 3);
  EXPECT_EQ(cache.stats().entries, 2u);
  EXPECT_LE(cache.stats().bytes, 2500u);
  ASSERT_TRUE(cache.get_or_draw("a", image));
  EXPECT_EQ(draws, 3);
  ASSERT_TRUE(cache.get_or_draw("b", image));
  EXPECT_EQ(draws, 4);
  // An image larger than the whole budget is returned, not kept.
  auto big = cache.get_or_draw("big", [] { return Result<std::string>(std::string(5000, 'y')); });
  ASSERT_TRUE(big);
  EXPECT_EQ((*big)->size(), 5000u);
  EXPECT_LE(cache.stats().bytes, 2500u);
}

}  // namespace
}  // namespace cscwatch
