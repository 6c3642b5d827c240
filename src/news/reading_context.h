// What every reading of an article shares: the article split into sentences
// and words once, with the quotations of people other than the inspectorate
// blanked out, the article's date, and where each council is named; and the
// word tests the readings have in common (numbers, months, years).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/date.h"
#include "news/text_words.h"

namespace cscwatch::news {

struct ReadingContext {
  // `hidden` are byte ranges whose words are not the article's own claims.
  ReadingContext(std::string_view text, const std::vector<std::pair<size_t, size_t>>& hidden);

  std::string_view text;
  std::string visible;              // text with the hidden ranges blanked (line breaks kept)
  std::vector<Sentence> sentences;  // of `visible`
  std::vector<Word> all_words;      // of `text`
  std::optional<Date> article_date;
  std::string article_date_source;
  size_t byline_end = 0;                                 // the header line the article's date came from ends here
  int ref_year = 0;                                      // the article's year, else the latest year it prints
  std::vector<std::pair<size_t, std::string>> mentions;  // (byte offset, urn) of every council named, in order

  size_t sentence_index(size_t pos) const;
  // Headline and opening sentences say what the article is about.
  double sentence_weight(size_t si) const;
  // The authority a claim at `pos` is about: the nearest one named before it
  // in the same sentence, else the nearest after it; empty when the sentence
  // names none (the claim is about the article's subject).
  std::string nearest_authority(size_t pos) const;
};

// One sentence as the readings see it.
struct SentenceWords {
  size_t index = 0;          // into ReadingContext::sentences
  size_t begin = 0;          // byte offset of the sentence in the text
  std::string_view s;        // the visible sentence
  std::vector<Word> w;       // its words (offsets relative to s)
  std::string sentence;      // as printed, bounded, whitespace collapsed
  bool earlier_cue = false;  // it speaks of an earlier inspection ("previously", "last inspected")
  double weight = 1;
};

SentenceWords sentence_words(const ReadingContext& ctx, size_t si);

namespace reading {

bool is_digits(std::string_view s);
int to_int(std::string_view s);       // of at most the first 6 digits
bool is_year(std::string_view norm);  // four digits, 1995-2100
std::optional<Date> make_date(int y, unsigned m, unsigned d);
Date first_of_month(int y, unsigned m);
Date last_of_month(int y, unsigned m);
Date add_days(const Date& d, int n);
bool is_weekday(std::string_view w);
// A full month name (or Sept) 1-12, else 0; May and March only when capitalised.
unsigned month_word(const Word& w);
// "one".."twelve", "a"/"an" (1), or one or two digits; -1 otherwise.
int number_word(std::string_view w);

}  // namespace reading
}  // namespace cscwatch::news
