#include "news/reading_context.h"

#include <algorithm>
#include <cctype>
#include <chrono>

namespace cscwatch::news {

using namespace std::chrono;

namespace reading {

bool is_digits(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s.substr(0, 6)) v = v * 10 + (c - '0');
  return v;
}

bool is_year(std::string_view norm) {
  if (norm.size() != 4 || !is_digits(norm)) return false;
  int y = to_int(norm);
  return y >= 1995 && y <= 2100;
}

std::optional<Date> make_date(int y, unsigned m, unsigned d) {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return std::nullopt;
  Date date{year{y}, month{m}, day{d}};
  if (!date.ok()) return std::nullopt;
  return date;
}

Date first_of_month(int y, unsigned m) {
  return Date{year{y}, month{m}, day{1}};
}
Date last_of_month(int y, unsigned m) {
  return Date{year_month_day_last{year{y}, month_day_last{month{m}}}};
}
Date add_days(const Date& d, int n) {
  return Date{sys_days{d} + days{n}};
}

bool is_weekday(std::string_view w) {
  static constexpr std::string_view kDays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                               "sunday", "mon",     "tue",       "tues",     "wed",    "thu",
                                               "thur",   "thurs",   "fri",       "sat",      "sun"};
  for (auto d : kDays)
    if (w == d) return true;
  return false;
}

unsigned month_word(const Word& w) {
  static constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                                 "july",    "august",   "september", "october", "november", "december"};
  for (unsigned m = 0; m < 12; ++m)
    if (w.norm == kMonths[m]) {
      if ((m == 4 || m == 2) && !w.capitalised) return 0;  // "may", "march" as words
      return m + 1;
    }
  if (w.norm == "sept" && w.capitalised) return 9;
  return 0;
}

int number_word(std::string_view w) {
  static constexpr std::string_view kNums[] = {"zero",  "one",   "two",  "three", "four",   "five",  "six",
                                               "seven", "eight", "nine", "ten",   "eleven", "twelve"};
  for (int i = 0; i < 13; ++i)
    if (w == kNums[i]) return i;
  if (w == "a" || w == "an") return 1;
  if (is_digits(w) && w.size() <= 2) return to_int(w);
  return -1;
}

}  // namespace reading

ReadingContext::ReadingContext(std::string_view t, const std::vector<std::pair<size_t, size_t>>& hidden)
    : text(t), visible(t) {
  for (auto [b, e] : hidden)
    for (size_t k = b; k < e && k < visible.size(); ++k)
      if (visible[k] != '\n') visible[k] = ' ';
  sentences = split_sentences(visible);
  all_words = split_words(text);
}

size_t ReadingContext::sentence_index(size_t pos) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), pos,
                             [](size_t p, const Sentence& se) { return p < se.begin; });
  return it == sentences.begin() ? 0 : static_cast<size_t>(std::prev(it) - sentences.begin());
}

double ReadingContext::sentence_weight(size_t si) const {
  if (sentences[si].paragraph == 0) return 3;
  if (si <= 3) return 2;
  return 1;
}

std::string ReadingContext::nearest_authority(size_t pos) const {
  const Sentence& se = sentences[sentence_index(pos)];
  auto it = std::lower_bound(mentions.begin(), mentions.end(), pos,
                             [](const std::pair<size_t, std::string>& m, size_t p) { return m.first < p; });
  if (it != mentions.begin() && std::prev(it)->first >= se.begin) return std::prev(it)->second;
  if (it != mentions.end() && it->first < se.end) return it->second;
  return {};
}

namespace {

// Words that put a sentence's claims in the past: "previously", "last inspected", "back in".
bool earlier_cue_in(const std::vector<Word>& words) {
  for (size_t i = 0; i < words.size(); ++i) {
    const auto& n = words[i].norm;
    auto nx = [&](size_t k) -> std::string_view {
      return i + k < words.size() ? std::string_view(words[i + k].norm) : "";
    };
    if (n == "previous" || n == "previously" || n == "prior" || n == "former" || n == "formerly" ||
        (n == "last" && (nx(1) == "inspection" || nx(1) == "inspected" || nx(1) == "time" || nx(1) == "full")) ||
        (n == "back" && nx(1) == "in") || (n == "had" && nx(1) == "been") || (n == "earlier" && nx(1) == "inspection"))
      return true;
  }
  return false;
}

}  // namespace

SentenceWords sentence_words(const ReadingContext& ctx, size_t si) {
  const Sentence& se = ctx.sentences[si];
  SentenceWords out;
  out.index = si;
  out.begin = se.begin;
  out.s = std::string_view(ctx.visible).substr(se.begin, se.end - se.begin);
  out.w = split_words(out.s);
  out.sentence = collapse_spaces(utf8_prefix(ctx.text.substr(se.begin, se.end - se.begin), 400));
  out.earlier_cue = earlier_cue_in(out.w);
  out.weight = ctx.sentence_weight(si);
  return out;
}

}  // namespace cscwatch::news
