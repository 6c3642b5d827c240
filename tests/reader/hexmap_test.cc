// Reading the hex map of England (reference/upper_tier_hexmap.hexjson).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "reader/hexmap.h"

namespace cscwatch {
namespace {

const std::string kHexmap = std::string(CSCWATCH_DATA_DIR) + "/reference/upper_tier_hexmap.hexjson";

TEST(Hexmap, ReadsEveryUpperTierAuthorityOfTheReferenceMap) {
  if (!std::filesystem::exists(kHexmap)) GTEST_SKIP() << "no " << kHexmap;
  auto cells = load_hexmap(kHexmap);
  ASSERT_TRUE(cells) << cells.error();
  EXPECT_EQ(cells->size(), 151u);
  auto dudley = std::find_if(cells->begin(), cells->end(), [](const HexCell& c) { return c.code == "E08000027"; });
  ASSERT_NE(dudley, cells->end());
  EXPECT_EQ(dudley->name, "Dudley");
  // The map was drawn before Northamptonshire's split: the county has one hexagon.
  EXPECT_TRUE(std::any_of(cells->begin(), cells->end(), [](const HexCell& c) { return c.name == "Northamptonshire"; }));
}

TEST(Hexmap, RefusesWhatIsNotAnOddRHexMap) {
  EXPECT_FALSE(parse_hexmap("not json"));
  EXPECT_FALSE(parse_hexmap("[]"));
  EXPECT_FALSE(parse_hexmap(R"({"layout":"even-q","hexes":{}})"));
  EXPECT_FALSE(parse_hexmap(R"({"layout":"odd-r"})"));
  auto bad = parse_hexmap(R"({"layout":"odd-r","hexes":{"E1":{"n":"X","q":"1","r":2}}})");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().find("E1"), std::string::npos);
  auto good = parse_hexmap(R"({"layout":"odd-r","hexes":{"E2":{"n":"B","q":1,"r":2},"E1":{"name":"A","q":0,"r":0}}})");
  ASSERT_TRUE(good);
  ASSERT_EQ(good->size(), 2u);
  EXPECT_EQ((*good)[0].code, "E1");
  EXPECT_EQ((*good)[0].name, "A");
  EXPECT_EQ((*good)[1].q, 1);
  EXPECT_EQ((*good)[1].r, 2);
}

}  // namespace
}  // namespace cscwatch
