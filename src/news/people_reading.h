// The people an article names: runs of capitalised name words outside
// quotations, with an honorific ("Cllr", "Dr") and a role read from the words
// around them ("the council's director of children's services, Jane Smith",
// "Jane Smith, the chief executive,"); a surname alone is the person named
// in full before or after.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "news/text_words.h"

namespace cscwatch::news {

struct PersonMention {
  std::string name;               // "Sarah Norman"; a surname alone when only that is printed
  std::string role;               // "the authority's chief executive"
  std::string title;              // "Rt Revd", "Councillor"
  std::vector<size_t> positions;  // byte offsets of each mention
};

struct PeopleReading {
  std::vector<PersonMention> people;
  std::vector<std::pair<size_t, int>> person_at;  // (byte offset, index into people) of each mention, in text order
  // A capitalised pair with neither role nor title: a person only if a
  // quotation is attributed to it ("Big Top" is not).
  std::vector<bool> candidate_only;
};

// `quoted` marks the words (of split_words(text)) inside quotations.
PeopleReading read_people(std::string_view text, const std::vector<Word>& words, const std::vector<Sentence>& sentences,
                          const std::vector<bool>& quoted);

}  // namespace cscwatch::news
