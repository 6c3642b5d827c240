// The people reading on its own.
#include "news/people_reading.h"

#include <gtest/gtest.h>

namespace cscwatch::news {
namespace {

PeopleReading people_of(std::string_view text) {
  auto words = split_words(text);
  return read_people(text, words, split_sentences(text), std::vector<bool>(words.size(), false));
}

TEST(PeopleReading, RoleBeforeACommaAndAfterTheName) {
  auto p = people_of(
      "The council's director of children's services, Jane Smith, said the work goes on.\n"
      "Cllr Tom Brown, the cabinet member for children, agreed.");
  ASSERT_EQ(p.people.size(), 2u);
  EXPECT_EQ(p.people[0].name, "Jane Smith");
  EXPECT_NE(p.people[0].role.find("director"), std::string::npos);
  EXPECT_EQ(p.people[1].title, "Cllr");
  EXPECT_NE(p.people[1].role.find("cabinet member"), std::string::npos);
}

TEST(PeopleReading, SurnameIsThePersonNamedInFull) {
  auto p = people_of("Chief executive Ann Hartley spoke. Later Ms Hartley added more.");
  ASSERT_EQ(p.people.size(), 1u);
  EXPECT_EQ(p.people[0].positions.size(), 2u);
}

TEST(PeopleReading, CapitalisedPairAloneIsOnlyACandidate) {
  auto p = people_of("They went to the Silver Wheel on Sunday.");
  ASSERT_EQ(p.people.size(), 1u);
  EXPECT_TRUE(p.candidate_only[0]);
}

}  // namespace
}  // namespace cscwatch::news
