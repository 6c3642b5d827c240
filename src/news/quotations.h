// Quotations in an article and who they are attributed to; the people the
// article names, with their roles.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "news/people_reading.h"
#include "news/speech_words.h"
#include "news/text_words.h"

namespace cscwatch::news {

struct Quotation {
  size_t begin = 0, end = 0;       // bytes of the quoted words (marks excluded)
  std::string text;                // as printed, whitespace collapsed
  int paragraph = 0;
  int word_count = 0;
  SpeakerKind speaker = SpeakerKind::Unknown;
  std::string attributed_to;       // "Ofsted", "Sarah Norman", "the council"; empty when unknown
  int person = -1;                 // index into QuotationReading::people
  std::string speaker_text;        // the words the attribution was read from ("the watchdog", "It")
  std::string relayed_by;          // who repeated the report's words ("Sarah Norman")
  std::string how;                 // "before", "after", "previous paragraph", "continues", "inherited", "none"
  bool continued = false;          // continues the previous paragraph's quotation
};

struct QuotationReading {
  std::vector<Quotation> quotes;   // two words or more, in text order
  std::vector<PersonMention> people;
  // Quoted single words ('inadequate'): not quotations, but not apostrophes either.
  std::vector<std::pair<size_t, size_t>> short_quotes;
};

// Reads every quotation (“...”, "...", ‘...’, '...'; a quotation running over
// several paragraphs, each opened by a mark, is followed across them) and
// attributes it from the words around it: a reporting verb before it ("Ofsted
// said:", "the report highlighted"), after it ("..., the watchdog said"), a
// previous paragraph ending in a colon, or the previous quotation. Pronouns
// (it, she, he) are resolved to the last organisation that was a sentence's
// subject or the last person named.
QuotationReading read_quotations(std::string_view text);

}  // namespace cscwatch::news
