#include "news/article_date.h"

#include "news/date_reading.h"
#include "news/reading_context.h"

namespace cscwatch::news {

using namespace reading;

namespace {

ArticleDate one_day(const Date& d) {
  return ArticleDate{d, d, "day"};
}

// "2014-06-05", "2014-06-05T10:30:00Z", "2014-06", "2014".
std::optional<ArticleDate> iso_form(std::string_view s) {
  if (s.size() < 4 || !is_digits(s.substr(0, 4))) return std::nullopt;
  int y = to_int(s.substr(0, 4));
  if (s.size() == 4) {
    if (y < 1900 || y > 2100) return std::nullopt;
    return ArticleDate{first_of_month(y, 1), last_of_month(y, 12), "year"};
  }
  if (s[4] != '-' || s.size() < 7 || !is_digits(s.substr(5, 2))) return std::nullopt;
  unsigned m = static_cast<unsigned>(to_int(s.substr(5, 2)));
  if (s.size() == 7) {
    if (!make_date(y, m, 1)) return std::nullopt;
    return ArticleDate{first_of_month(y, m), last_of_month(y, m), "month"};
  }
  if (s.size() < 10 || s[7] != '-' || !is_digits(s.substr(8, 2))) return std::nullopt;
  if (s.size() > 10 && s[10] != 'T' && s[10] != 't' && s[10] != ' ') return std::nullopt;
  auto d = make_date(y, m, static_cast<unsigned>(to_int(s.substr(8, 2))));
  if (!d) return std::nullopt;
  return one_day(*d);
}

}  // namespace

std::optional<ArticleDate> parse_article_date(std::string_view text) {
  std::string s = collapse_spaces(utf8_prefix(text, 100));
  if (s.empty()) return std::nullopt;
  if (auto iso = iso_form(s)) return iso;
  // RFC 822 and written days: an optional weekday ("Thu,") then "05 Jun 2014", "5 June 2014", "June 5, 2014".
  if (auto d = leading_date(s)) return one_day(*d);
  auto words = split_words(s);
  size_t i = 0;
  if (i < words.size() && is_weekday(words[i].norm)) ++i;
  static constexpr std::string_view kShort[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                "jul", "aug", "sep", "oct", "nov", "dec"};
  auto month_of = [&](const Word& w) -> unsigned {
    if (unsigned m = month_word(w)) return m;
    for (unsigned k = 0; k < 12; ++k)
      if (w.norm == kShort[k]) return k + 1;
    return 0;
  };
  // "05 Jun 2014 ..."
  if (i + 2 < words.size() && is_digits(words[i].norm) && words[i].norm.size() <= 2 && month_of(words[i + 1]) &&
      is_year(words[i + 2].norm))
    if (auto d =
            make_date(to_int(words[i + 2].norm), month_of(words[i + 1]), static_cast<unsigned>(to_int(words[i].norm))))
      return one_day(*d);
  // "June 2014", "Jun 2014": the whole text is a month.
  if (words.size() == i + 2 && month_of(words[i]) && is_year(words[i + 1].norm)) {
    int y = to_int(words[i + 1].norm);
    unsigned m = month_of(words[i]);
    return ArticleDate{first_of_month(y, m), last_of_month(y, m), "month"};
  }
  return std::nullopt;
}

}  // namespace cscwatch::news
