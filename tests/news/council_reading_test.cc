// The council reading on its own (needs the reference authority table).
#include "news/council_reading.h"

#include <gtest/gtest.h>

#include "news_test_support.h"

namespace cscwatch::news {
namespace {

TEST(CouncilReading, NamesWeightedAndSentenceInitialWordsDiscounted) {
  if (!testing::have_reference()) GTEST_SKIP() << "reference data not found";
  testing::TempRegister reg;
  std::string text =
      "Leeds children's services praised\nReading the report, Leeds City Council leaders were pleased. "
      "Leaders in Bradford were also mentioned.";
  ReadingContext ctx(text, {});
  auto found = read_councils(ctx, reg.directory());
  ASSERT_GE(found.size(), 2u);
  EXPECT_EQ(found[0].authority->name.find("Leeds"), 0u);
  for (const auto& m : found) EXPECT_EQ(m.authority->name.find("Reading"), std::string::npos);
  EXPECT_EQ(found[0].mentions, 2);
  EXPECT_EQ(ctx.nearest_authority(text.find("pleased")), found[0].authority->urn);
}

}  // namespace
}  // namespace cscwatch::news
