// Words of report text for the text statistics (recurring phrases, persisting
// weaknesses): lower-cased tokens with the places where a phrase may not run
// on (punctuation, numbers, line structure) marked, an English stop-word list
// and a light stemmer. Kept apart from src/news, which analysis does not use.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cscwatch {

struct TextToken {
  std::string word;          // lower case ASCII letters, inner apostrophes as ' and hyphens kept
  bool capitalised = false;  // first letter upper case as printed
  bool all_caps = false;     // two or more letters, all upper case (LSCB, MASH)
  bool phrase_break = false; // a phrase may not span from the previous token to this one
};

// Words of `text`: runs of letters with inner apostrophes (' or ’) and
// hyphens. Sentence and clause punctuation, brackets, digits, bullets and
// blank lines break phrases; a single line break does not (a sentence runs
// over lines). Tokens holding a digit are dropped (and break phrases).
std::vector<TextToken> text_tokens(std::string_view text);

// Common English function words ("the", "of", "which", ...): a phrase that
// starts or ends with one is dropped; one alone is never a phrase.
bool is_stop_word(std::string_view word);

// A light suffix-stripping stem ("assessments" -> "assess", "planning" ->
// "plan", "supervised" -> "supervis") so that forms of one word compare equal.
std::string stem(std::string_view word);

}  // namespace cscwatch
