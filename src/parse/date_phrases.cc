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

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}
bool is_alpha(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}

// Words that may sit inside a date phrase without ending it.
bool is_connective(std::string_view word) {
  return word == "to" || word == "and" || word == "until" || word == "from" || word == "between" || word == "on" ||
         word == "the" || word == "of" || word == "st" || word == "nd" || word == "rd" || word == "th";
}

struct Scanned {
  std::vector<PartialDate> dates;
  int ranges = 0;  // "to" / "-" / "until" between two dates
};

size_t digits_end(const std::string& s, size_t i) {
  while (i < s.size() && is_digit(s[i])) ++i;
  return i;
}

// Scans `text` into partial dates; stops at the first foreign word. Bounded by
// a maximum number of dates (a phrase never holds more than a handful). Each
// step reads one number, word or separator and returns where the next step
// starts, or kEnd when the phrase has ended.
class DateScanner {
 public:
  explicit DateScanner(std::string_view text) : s_(normalise(text.substr(0, 400))) {}

  Scanned scan() && {
    size_t i = 0;
    while (i < s_.size() && scanned_.dates.size() < 8) i = step(i);
    std::vector<PartialDate>& dates = scanned_.dates;
    // A trailing day with no month is not part of the phrase.
    while (!dates.empty() && dates.back().month == 0) dates.pop_back();
    // Fill missing month and year from the next date printed.
    for (size_t k = dates.size(); k-- > 0;) {
      if (k + 1 < dates.size()) {
        if (dates[k].month == 0) dates[k].month = dates[k + 1].month;
        if (dates[k].year == 0) dates[k].year = dates[k + 1].year;
      }
    }
    return std::move(scanned_);
  }

 private:
  static constexpr size_t kEnd = std::string::npos;

  size_t step(size_t i) {
    const char c = s_[i];
    if (is_digit(c)) return read_number(i);
    if (is_alpha(c)) return read_word(i);
    if (c == ' ' || c == '-' || c == ',' || c == '/') {
      if (c == '-') range_pending_ = true;
      return i + 1;
    }
    return kEnd;
  }

  void push(PartialDate d) {
    if (range_pending_ && !scanned_.dates.empty()) ++scanned_.ranges;
    range_pending_ = false;
    scanned_.dates.push_back(d);
  }

  // A day, a year, or a numeric date d/m/yyyy. Ordinal suffixes ("1st",
  // "22nd") follow as connective words.
  size_t read_number(size_t i) {
    const size_t j = digits_end(s_, i);
    const int value = std::stoi(s_.substr(i, std::min<size_t>(j - i, 6)));
    if (j < s_.size() && s_[j] == '/' && j + 1 < s_.size() && is_digit(s_[j + 1])) return read_numeric_date(j, value);
    std::vector<PartialDate>& dates = scanned_.dates;
    if (j - i == 4 && value >= 1990 && value <= 2100) {
      if (dates.empty() || dates.back().year != 0) return kEnd;
      dates.back().year = value;
    } else if (j - i <= 2 && value >= 1 && value <= 31) {
      // A day after a day with no month ("28 - 30 January") starts a new date too.
      push({value, 0, 0});
    } else {
      return kEnd;
    }
    return j;
  }

  // The "/m/yyyy" after a day at s_[slash]; a two-digit year is this century.
  size_t read_numeric_date(size_t slash, int day) {
    const size_t k = digits_end(s_, slash + 1);
    const int month = std::stoi(s_.substr(slash + 1, std::min<size_t>(k - slash - 1, 4)));
    if (!(k < s_.size() && s_[k] == '/' && k + 1 < s_.size() && is_digit(s_[k + 1]))) return kEnd;
    const size_t m = digits_end(s_, k + 1);
    int year = std::stoi(s_.substr(k + 1, std::min<size_t>(m - k - 1, 4)));
    if (year < 100) year += 2000;
    push({day, month, year});
    return m;
  }

  // A month name (the month of the last date), a connective, or the end.
  size_t read_word(size_t i) {
    size_t j = i;
    while (j < s_.size() && (is_alpha(s_[j]))) ++j;
    std::string_view word(s_.data() + i, j - i);
    std::vector<PartialDate>& dates = scanned_.dates;
    if (int month = month_from_name(word); month != 0) {
      if (dates.empty() || dates.back().month != 0) return kEnd;
      dates.back().month = month;
      if (j < s_.size() && s_[j] == '.') ++j;  // "Sept."
    } else if (!is_connective(word)) {
      return kEnd;
    } else if (word == "to" || word == "until") {
      range_pending_ = true;
    }
    return j;
  }

  const std::string s_;
  Scanned scanned_;
  // A range word seen since the last date, counted when the next date follows.
  bool range_pending_ = false;
};

Scanned scan(std::string_view text) {
  return DateScanner(text).scan();
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
