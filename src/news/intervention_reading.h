// Interventions an article reports: commissioners, improvement boards and
// notices, statutory directions, advisers, trusts, sector-led partners, new
// directors of children's services; each with who acted (when named) and a
// date stated in the same sentence.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "news/date_reading.h"
#include "news/text_words.h"

namespace cscwatch::news {

enum class InterventionKind {
  Commissioner,
  ImprovementBoard,
  ImprovementNotice,
  Direction,
  Adviser,
  Trust,
  SectorLedPartner,
  Intervention,
  NewDirector,  // a new (or interim) director of children's services appointed
};
// commissioner, improvement_board, improvement_notice, direction, adviser, trust, sector_led_partner,
// intervention, new_director
std::string_view to_string(InterventionKind kind);

struct Intervention {
  InterventionKind kind{};
  std::string text;       // the sentence
  std::string actor;      // "Department for Education", "government", ... when named
  std::string date_text;  // a date stated in the same sentence
};

// Appends the interventions the sentence reports (at most 30 in all; one of
// each kind per sentence); `dates` are the dates read so far.
void read_interventions(const std::vector<Word>& w, const std::string& sentence, const std::vector<StatedDate>& dates,
                        std::vector<Intervention>& out);

}  // namespace cscwatch::news
