#include "analysis/text_terms.h"

#include <algorithm>
#include <array>

namespace cscwatch {

namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_letter(char c) { return is_upper(c) || is_lower(c); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// UTF-8 right single quotation mark (’), used as an apostrophe.
bool curly_apostrophe_at(std::string_view t, size_t i) {
  return i + 3 <= t.size() && t.compare(i, 3, "\xE2\x80\x99") == 0;
}

}  // namespace

std::vector<TextToken> text_tokens(std::string_view t) {
  std::vector<TextToken> out;
  bool pending_break = true;
  size_t i = 0;
  while (i < t.size()) {
    const char c = t[i];
    if (is_letter(c) || is_digit(c)) {
      std::string word;
      bool has_digit = false, first_upper = is_upper(c);
      size_t letters = 0, uppers = 0;
      while (i < t.size()) {
        const char d = t[i];
        if (is_letter(d) || is_digit(d)) {
          has_digit |= is_digit(d);
          if (is_letter(d)) {
            ++letters;
            if (is_upper(d)) ++uppers;
          }
          word += static_cast<char>(is_upper(d) ? d - 'A' + 'a' : d);
          ++i;
        } else if ((d == '\'' || d == '-') && i + 1 < t.size() && is_letter(t[i + 1]) && !word.empty()) {
          word += d;
          ++i;
        } else if (curly_apostrophe_at(t, i) && i + 3 < t.size() && is_letter(t[i + 3]) && !word.empty()) {
          word += '\'';
          i += 3;
        } else {
          break;
        }
      }
      if (has_digit) {
        pending_break = true;
        continue;
      }
      TextToken tok;
      tok.word = std::move(word);
      tok.capitalised = first_upper;
      tok.all_caps = letters >= 2 && uppers == letters;
      tok.phrase_break = pending_break;
      out.push_back(std::move(tok));
      pending_break = false;
      continue;
    }
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
    } else if (c == '\n') {
      // A blank line (or a line of nothing but spaces) ends a paragraph.
      size_t j = i + 1;
      while (j < t.size() && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r')) ++j;
      if (j < t.size() && t[j] == '\n') pending_break = true;
      i = j;
    } else if (u >= 0x80) {
      // Any other non-ASCII character (dashes, bullets, quotes) breaks.
      pending_break = true;
      ++i;
      while (i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) ++i;
    } else {
      // ASCII punctuation; an apostrophe or hyphen not inside a word too.
      pending_break = true;
      ++i;
    }
  }
  return out;
}

bool is_stop_word(std::string_view w) {
  static constexpr std::array<std::string_view, 128> kWords = {
      "a",       "about",   "above",  "after",   "again",  "against", "all",     "also",    "am",     "an",
      "and",     "any",     "are",    "as",      "at",     "be",      "because", "been",    "before", "being",
      "below",   "between", "both",   "but",     "by",     "can",     "could",   "did",     "do",     "does",
      "doing",   "down",    "during", "each",    "either", "few",     "for",     "from",    "further", "had",
      "has",     "have",    "having", "he",      "her",    "here",    "hers",    "him",     "his",    "how",
      "however", "i",       "if",     "in",      "into",   "is",      "it",      "it's",    "its",    "itself",
      "may",     "me",      "might",  "more",    "most",   "much",    "must",    "my",      "no",     "nor",
      "not",     "now",     "of",     "off",     "on",     "once",    "only",    "or",      "other",  "our",
      "ours",    "out",     "over",   "own",     "same",   "she",     "should",  "so",      "some",   "such",
      "than",    "that",    "the",    "their",   "theirs", "them",    "then",    "there",   "these",  "they",
      "this",    "those",   "through", "to",     "too",    "under",   "until",   "up",      "upon",   "very",
      "was",     "we",      "were",    "what",   "when",   "where",   "whether", "which",   "while",  "who",
      "whom",    "why",     "will",    "with",   "within", "would",   "you",     "your"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

std::string stem(std::string_view word) {
  std::string w(word);
  if (w.size() > 2 && (w.ends_with("'s"))) w.resize(w.size() - 2);
  std::erase(w, '\'');
  auto strip = [&](std::string_view suffix, size_t keep) {
    if (w.size() >= suffix.size() + keep && w.ends_with(suffix)) {
      w.resize(w.size() - suffix.size());
      return true;
    }
    return false;
  };
  // Longest suffixes first; each leaves a stem of at least three or four letters.
  if (strip("ations", 3) || strip("ation", 3) || strip("ments", 3) || strip("ment", 3) || strip("ness", 3) ||
      strip("ings", 3) || strip("ing", 3) || strip("ies", 3) || strip("ied", 3) || strip("ed", 4) || strip("ly", 4) ||
      strip("es", 4) || (!w.ends_with("ss") && strip("s", 3))) {
  }
  // "planning" -> "plann" -> "plan": a doubled final consonant left by -ing/-ed.
  if (w.size() >= 4 && w[w.size() - 1] == w[w.size() - 2] && w.back() != 'l' && w.back() != 's' && w.back() != 'e')
    w.pop_back();
  return w;
}

}  // namespace cscwatch
