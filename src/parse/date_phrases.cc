#include "parse/date_phrases.h"

#include <cctype>
#include <string>
#include <vector>

#include "parse/text_normalise.h"

namespace cscwatch::parse {

namespace {

// One day of a phrase as printed; month/year 0 until known.
struct PartialDate {
  int day = 0;
  int month = 0;
  int year = 0;
};

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// Words that may sit inside a date phrase without ending it.
bool is_connective(std::string_view word) {
  return word == "to" || word == "and" || word == "until" || word == "from" || word == "between" ||
         word == "on" || word == "the" || word == "of" || word == "st" || word == "nd" ||
         word == "rd" || word == "th";
}

struct Scanned {
  std::vector<PartialDate> dates;
  int ranges = 0;  // "to" / "-" / "until" between two dates
};

// Scans `text` into partial dates; stops at the first foreign word. Bounded by
// a maximum number of dates (a phrase never holds more than a handful).
Scanned scan(std::string_view text) {
  Scanned scanned;
  std::vector<PartialDate>& dates = scanned.dates;
  // A range word seen since the last date, counted when the next date follows.
  bool range_pending = false;
  auto push = [&](PartialDate d) {
    if (range_pending && !dates.empty()) ++scanned.ranges;
    range_pending = false;
    dates.push_back(d);
  };
  const std::string s = normalise(text.substr(0, 400));
  size_t i = 0;
  while (i < s.size() && dates.size() < 8) {
    char c = s[i];
    if (is_digit(c)) {
      size_t j = i;
      while (j < s.size() && is_digit(s[j])) ++j;
      const int value = std::stoi(s.substr(i, std::min<size_t>(j - i, 6)));
      // Numeric date d/m/yyyy.
      if (j < s.size() && s[j] == '/' && j + 1 < s.size() && is_digit(s[j + 1])) {
        size_t k = j + 1;
        while (k < s.size() && is_digit(s[k])) ++k;
        const int month = std::stoi(s.substr(j + 1, std::min<size_t>(k - j - 1, 4)));
        if (k < s.size() && s[k] == '/' && k + 1 < s.size() && is_digit(s[k + 1])) {
          size_t m = k + 1;
          while (m < s.size() && is_digit(s[m])) ++m;
          int year = std::stoi(s.substr(k + 1, std::min<size_t>(m - k - 1, 4)));
          if (year < 100) year += 2000;
          push({value, month, year});
          i = m;
          continue;
        }
        break;
      }
      if (j - i == 4 && value >= 1990 && value <= 2100) {
        if (dates.empty() || dates.back().year != 0) break;
        dates.back().year = value;
      } else if (j - i <= 2 && value >= 1 && value <= 31) {
        // A day after a day with no month ("28 - 30 January") starts a new date too.
        push({value, 0, 0});
      } else {
        break;
      }
      // Ordinal suffixes "1st", "22nd".
      i = j;
      continue;
    }
    if (is_alpha(c)) {
      size_t j = i;
      while (j < s.size() && (is_alpha(s[j]))) ++j;
      std::string_view word(s.data() + i, j - i);
      if (int month = month_from_name(word); month != 0) {
        if (dates.empty() || dates.back().month != 0) break;
        dates.back().month = month;
        if (j < s.size() && s[j] == '.') ++j;  // "Sept."
      } else if (!is_connective(word)) {
        break;
      } else if (word == "to" || word == "until") {
        range_pending = true;
      }
      i = j;
      continue;
    }
    if (c == ' ' || c == '-' || c == ',' || c == '/') {
      if (c == '-') range_pending = true;
      ++i;
      continue;
    }
    break;
  }
  // A trailing day with no month is not part of the phrase.
  while (!dates.empty() && dates.back().month == 0) dates.pop_back();
  // Fill missing month and year from the next date printed.
  for (size_t k = dates.size(); k-- > 0;) {
    if (k + 1 < dates.size()) {
      if (dates[k].month == 0) dates[k].month = dates[k + 1].month;
      if (dates[k].year == 0) dates[k].year = dates[k + 1].year;
    }
  }
  return scanned;
}

std::optional<Date> to_date(const PartialDate& p) {
  if (p.day == 0 || p.month < 1 || p.month > 12 || p.year == 0) return std::nullopt;
  Date d{std::chrono::year{p.year}, std::chrono::month{static_cast<unsigned>(p.month)},
         std::chrono::day{static_cast<unsigned>(p.day)}};
  if (!d.ok()) return std::nullopt;
  return d;
}

}  // namespace

std::optional<DateRange> parse_date_range(std::string_view text) {
  auto phrase = read_date_phrase(text);
  if (!phrase) return std::nullopt;
  return phrase->range;
}

std::optional<DatePhrase> read_date_phrase(std::string_view text) {
  const Scanned scanned = scan(text);
  const std::vector<PartialDate>& dates = scanned.dates;
  if (dates.empty()) return std::nullopt;
  auto start = to_date(dates.front());
  auto end = to_date(dates.back());
  if (!start || !end) return std::nullopt;
  // "28 December to 8 January 2016": the year printed once belongs to the end.
  if (days_between(*start, *end) < 0 && dates.front().year == dates.back().year && dates.size() > 1) {
    start = Date{start->year() - std::chrono::years{1}, start->month(), start->day()};
  }
  const int span = days_between(*start, *end);
  if (span < 0 || span > 200) return std::nullopt;
  return DatePhrase{DateRange{*start, *end}, dates.size() == 1, scanned.ranges >= 2};
}

std::optional<Date> parse_single_date(std::string_view text) {
  const std::vector<PartialDate> dates = scan(text).dates;
  if (dates.empty()) return std::nullopt;
  return to_date(dates.front());
}

}  // namespace cscwatch::parse
