// What an article says happened next — a commissioner appointed, an
// improvement notice, a direction, an improvement board, a trust, a new
// director — as proposed facts with the sentence they come from, for a person
// to accept into the authority's record. Nothing here writes to the register.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "news/article_reading.h"
#include "news/quotations.h"

namespace cscwatch::news {

struct ProposedFact {
  InterventionKind kind{};
  std::string authority_urn;     // the authority the article is about (empty: none identified)
  std::string sentence;          // the evidence, as printed
  std::string actor;             // "Department for Education", "minister", "government" when named
  std::string person;            // a person named in the sentence (the commissioner, the director)
  std::string date_text;         // a date stated in the sentence
  std::optional<Date> date;      // that date resolved, when it can be
};

// One proposed fact per kind and sentence, for the authority `urn`.
std::vector<ProposedFact> proposed_facts(const ArticleReading& reading, const std::vector<PersonMention>& people,
                                         const std::string& urn);

}  // namespace cscwatch::news
