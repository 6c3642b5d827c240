// Words and sentences of free text (articles and report pages), with byte
// offsets back into the text, normalised so that the same words compare equal
// whatever their quote marks, hyphenation, line breaks or case.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cscwatch::news {

struct Word {
  size_t begin = 0, end = 0;  // bytes in the source text
  std::string norm;           // lower case; apostrophes and hyphens dropped: "children's" -> "childrens"
  std::string base;           // norm without a possessive 's: "dudley's" -> "dudley"
  bool capitalised = false;   // first letter upper case
  bool all_caps = false;      // every letter upper case (acronyms: BCP, UKIP)
};

// Splits text into words. Apostrophes inside a word (' or ’) and hyphens
// between letters are part of it; a hyphen at a line end followed by a letter
// joins the two halves ("hyphen-\nation" -> "hyphenation"). Ligatures (ﬁ ﬂ)
// are spelled out. Dashes, quote marks and other punctuation separate words.
std::vector<Word> split_words(std::string_view text);

struct Sentence {
  size_t begin = 0, end = 0;  // bytes; end excludes the line break
  int paragraph = 0;          // 0-based line index
};

// One paragraph per line; sentences split after . ! ? (and any closing quote)
// followed by a space and a capital, digit or quote, except after
// abbreviations (Mr, Dr, Cllr, St, Rt, Revd, initials).
std::vector<Sentence> split_sentences(std::string_view text);

// Runs of whitespace collapsed to one space; trimmed.
std::string collapse_spaces(std::string_view text);

// Lower-case ASCII copy.
std::string lower_ascii(std::string_view text);

// At most max_bytes of text, never cutting a UTF-8 sequence in two (a cut
// sequence makes the JSON output invalid).
std::string_view utf8_prefix(std::string_view text, size_t max_bytes);

// Very common English function words (not evidence of a match on their own).
bool is_function_word(std::string_view norm);

}  // namespace cscwatch::news
