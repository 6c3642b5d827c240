#include "news/text_words.h"

#include <cctype>

namespace cscwatch::news {

namespace {

bool ascii_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Byte length of the character at i and what it is for word splitting.
enum class CharClass { Letter, Apostrophe, Hyphen, Separator, Ligature };

CharClass classify(std::string_view s, size_t i, size_t& len, std::string_view& ligature) {
  auto c = static_cast<unsigned char>(s[i]);
  len = 1;
  if (c < 0x80) {
    if (ascii_alnum(static_cast<char>(c))) return CharClass::Letter;
    if (c == '\'') return CharClass::Apostrophe;
    if (c == '-') return CharClass::Hyphen;
    return CharClass::Separator;
  }
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    len = 3;
    auto c3 = static_cast<unsigned char>(s[i + 2]);
    if (c3 == 0x98 || c3 == 0x99) return CharClass::Apostrophe;  // ‘ ’
    if (c3 == 0x90 || c3 == 0x91) return CharClass::Hyphen;      // ‐ ‑
    return CharClass::Separator;                                  // dashes, “ ” … and spaces
  }
  if (c == 0xC2 && i + 1 < s.size()) {  // Latin-1 punctuation block: NBSP, «, », ·, soft hyphen
    len = 2;
    auto c2 = static_cast<unsigned char>(s[i + 1]);
    if (c2 == 0xAD) return CharClass::Hyphen;
    return CharClass::Separator;
  }
  if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xAC) {
    len = 3;
    static constexpr std::string_view kLig[] = {"ff", "fi", "fl", "ffi", "ffl", "ft", "st"};
    auto c3 = static_cast<unsigned char>(s[i + 2]);
    if (c3 >= 0x80 && c3 <= 0x86) {
      ligature = kLig[c3 - 0x80];
      return CharClass::Ligature;
    }
    return CharClass::Letter;
  }
  if (c == 0xE2 || c == 0xEF) {  // other symbols: arrows, bullets, private-use glyphs
    len = (i + 2 < s.size()) ? 3 : 1;
    return CharClass::Separator;
  }
  // Other multi-byte characters (accented letters) belong to words.
  size_t n = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  len = i + n <= s.size() ? n : 1;
  return CharClass::Letter;
}

// An apostrophe or hyphen at s[i] (len bytes) inside a word: the position the
// word goes on from when a letter follows (for a hyphen, also after a line
// break: line-end hyphenation joins the halves), else 0.
size_t continues_word(std::string_view s, size_t i, size_t len, bool hyphen) {
  size_t j = i + len;
  if (hyphen) {
    size_t t = j;
    bool newline = false;
    while (t < s.size() && is_space(s[t])) {
      if (s[t] == '\n' || s[t] == '\r') newline = true;
      ++t;
    }
    if (newline && t < s.size() && std::islower(static_cast<unsigned char>(s[t]))) return t;
  }
  if (j < s.size()) {
    size_t l2 = 1;
    std::string_view lig2;
    CharClass next = classify(s, j, l2, lig2);
    if (next == CharClass::Letter || next == CharClass::Ligature) return j;
  }
  return 0;
}

}  // namespace

std::vector<Word> split_words(std::string_view s) {
  std::vector<Word> words;
  Word cur;
  bool in_word = false;
  bool seen_letter = false, seen_lower = false, seen_upper = false;
  auto finish = [&](size_t end) {
    if (!in_word) return;
    cur.end = end;
    cur.base = cur.norm;
    if (cur.base.size() > 2 && cur.base.back() == 's') {
      // possessive: the source ends in 's or ’s
      std::string_view src = s.substr(cur.begin, cur.end - cur.begin);
      if ((src.size() >= 2 && src[src.size() - 2] == '\'') ||
          (src.size() >= 4 && src.substr(src.size() - 4, 3) == "\xE2\x80\x99"))
        cur.base.pop_back();
    }
    cur.all_caps = seen_upper && !seen_lower;
    if (!cur.norm.empty()) words.push_back(std::move(cur));
    cur = Word{};
    in_word = false;
    seen_letter = seen_lower = seen_upper = false;
  };
  size_t i = 0;
  while (i < s.size()) {
    size_t len = 1;
    std::string_view lig;
    CharClass k = classify(s, i, len, lig);
    if (k == CharClass::Letter || k == CharClass::Ligature) {
      if (!in_word) {
        in_word = true;
        cur.begin = i;
        char c0 = s[i];
        cur.capitalised = std::isupper(static_cast<unsigned char>(c0)) != 0;
      }
      if (k == CharClass::Ligature) {
        cur.norm += lig;
        seen_lower = true;
      } else if (len == 1) {
        char c = s[i];
        if (std::isupper(static_cast<unsigned char>(c))) seen_upper = true;
        if (std::islower(static_cast<unsigned char>(c))) seen_lower = true;
        cur.norm.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      } else {
        cur.norm.append(s.substr(i, len));
        seen_lower = true;
      }
      seen_letter = true;
      i += len;
      continue;
    }
    if ((k == CharClass::Apostrophe || k == CharClass::Hyphen) && in_word) {
      if (size_t next = continues_word(s, i, len, k == CharClass::Hyphen)) {
        i = next;
        continue;
      }
    }
    finish(i);
    i += len;
  }
  finish(s.size());
  (void)seen_letter;
  return words;
}

namespace {

bool is_abbreviation(std::string_view word) {
  static constexpr std::string_view kAbbrev[] = {"Mr", "Mrs", "Ms", "Dr", "St", "Rt", "Revd", "Rev", "Cllr", "Prof",
                                                 "Sgt", "Supt", "Insp", "No", "Co", "Ltd", "Gov", "Hon", "Col",
                                                 "Capt", "Lt", "Gen", "vs", "etc", "approx", "Jan", "Feb", "Aug",
                                                 "Sept", "Oct", "Nov", "Dec", "e.g", "i.e", "Ch", "Det", "Cllrs"};
  for (auto a : kAbbrev)
    if (word == a) return true;
  return word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]));  // initials
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text) {
  std::vector<Sentence> out;
  int paragraph = 0;
  size_t line_start = 0;
  while (line_start <= text.size()) {
    size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    size_t sent_start = line_start;
    for (size_t i = line_start; i < line_end; ++i) {
      char c = text[i];
      if (c != '.' && c != '!' && c != '?') continue;
      size_t j = i + 1;
      // closing quotes or brackets after the stop
      while (j < line_end) {
        if (text[j] == '"' || text[j] == '\'' || text[j] == ')') {
          ++j;
        } else if (j + 2 < line_end && text[j] == '\xE2' && text[j + 1] == '\x80' &&
                   (text[j + 2] == '\x9D' || text[j + 2] == '\x99')) {
          j += 3;
        } else {
          break;
        }
      }
      if (j >= line_end || text[j] != ' ') continue;
      size_t k = j;
      while (k < line_end && text[k] == ' ') ++k;
      if (k >= line_end) continue;
      unsigned char n = static_cast<unsigned char>(text[k]);
      bool starts = std::isupper(n) || std::isdigit(n) || n == '"' || n == '\'' || n == 0xE2 || n == '(';
      if (!starts) continue;
      if (c == '.') {
        size_t w = i;
        while (w > line_start && (std::isalpha(static_cast<unsigned char>(text[w - 1])) || text[w - 1] == '.')) --w;
        if (is_abbreviation(text.substr(w, i - w))) continue;
      }
      out.push_back(Sentence{sent_start, j, paragraph});
      sent_start = k;
      i = k - 1;
    }
    if (sent_start < line_end) out.push_back(Sentence{sent_start, line_end, paragraph});
    ++paragraph;
    if (line_end == text.size()) break;
    line_start = line_end + 1;
  }
  return out;
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (is_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_function_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "the", "a",    "an",   "and",  "or",   "of",   "to",   "in",  "on",   "at",   "for", "by",  "with", "is",
      "are", "was",  "were", "be",   "been", "it",   "its",  "as",  "that", "this", "not", "but", "from", "has",
      "have", "had", "their", "they", "there", "which", "who", "we", "our", "all", "so", "do", "does", "if"};
  for (auto k : kWords)
    if (w == k) return true;
  return false;
}

std::string_view utf8_prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // text[n] continues a sequence
  return text.substr(0, n);
}

}  // namespace cscwatch::news
