#include "news/date_reading.h"

#include <algorithm>
#include <chrono>

#include "parse/date_phrases.h"

namespace cscwatch::news {

using namespace reading;
using std::chrono::sys_days;

std::optional<Date> leading_date(std::string_view text) {
  auto words = split_words(utf8_prefix(text, 200));
  size_t i = 0;
  if (i < words.size() && is_weekday(words[i].norm)) ++i;
  if (i >= words.size()) return std::nullopt;
  // ISO, also with a time ("2016-04-05T10:00:00Z"): split_words keeps "2016-04-05" one word.
  if (std::string_view s = text.substr(words[i].begin);
      s.size() >= 10 && is_digits(s.substr(0, 4)) && s[4] == '-' && s[7] == '-')
    return parse_iso_date(s.substr(0, 10));
  if (words[i].norm.size() == 4 && is_digits(words[i].norm)) return std::nullopt;
  // d/m/yyyy and "5 April 2016"
  if (is_digits(words[i].norm) && words[i].norm.size() <= 2) {
    std::string_view s = text.substr(words[i].begin);
    if (s.size() > 2 && (s[1] == '/' || (s.size() > 3 && s[2] == '/'))) return parse::parse_single_date(s);
    if (i + 2 < words.size() && month_word(words[i + 1]) && is_digits(words[i + 2].norm) &&
        words[i + 2].norm.size() == 4)
      return make_date(to_int(words[i + 2].norm), month_word(words[i + 1]),
                       static_cast<unsigned>(to_int(words[i].norm)));
    return std::nullopt;
  }
  // "April 5, 2016"
  if (unsigned m = month_word(words[i]); m && i + 2 < words.size() && is_digits(words[i + 1].norm) &&
                                         words[i + 1].norm.size() <= 2 && is_digits(words[i + 2].norm) &&
                                         words[i + 2].norm.size() == 4)
    return make_date(to_int(words[i + 2].norm), m, static_cast<unsigned>(to_int(words[i + 1].norm)));
  return std::nullopt;
}

void read_byline_date(ReadingContext& ctx) {
  std::string_view text = ctx.text;
  size_t pos = 0;
  for (int line = 0; line < 6 && pos < text.size(); ++line) {
    size_t e = text.find('\n', pos);
    if (e == std::string_view::npos) e = text.size();
    std::string_view l = text.substr(pos, e - pos);
    std::string low = lower_ascii(utf8_prefix(l, 200));
    bool keyword = low.find("published") != std::string::npos || low.find("updated") != std::string::npos ||
                   low.find("posted") != std::string::npos;
    bool header = l.size() <= 100 || keyword;
    if (header) {
      auto words = split_words(utf8_prefix(l, 200));
      for (size_t i = 0; i < words.size() && i < 12; ++i) {
        if (words[i].norm == "updated" || words[i].norm == "modified") break;  // the first date is the original
        // A short sentence of the body ("We lifted the notice on 7 July 2017.")
        // states an event: a byline's date comes within its first few words.
        bool prose = !keyword && i >= 4 && !l.empty() && l.find_last_not_of(" \t\r") != std::string_view::npos &&
                     l[l.find_last_not_of(" \t\r")] == '.';
        if (prose) break;
        if (auto d = leading_date(l.substr(words[i].begin))) {
          ctx.article_date = d;
          ctx.article_date_source = "byline";
          ctx.byline_end = e;
          return;
        }
      }
    }
    pos = e + 1;
  }
}

namespace {

struct Cue {
  size_t word;
  std::string category;
};

// The event words of a sentence a date can be about.
std::vector<Cue> find_cues(const std::vector<Word>& w) {
  std::vector<Cue> cues;
  for (size_t i = 0; i < w.size(); ++i) {
    const auto& n = w[i].norm;
    std::string_view next = i + 1 < w.size() ? std::string_view(w[i + 1].norm) : "";
    std::string_view prev = i > 0 ? std::string_view(w[i - 1].norm) : "";
    if (n == "published" || n == "publishes" || n == "publication" || n == "released" || n == "release" ||
        n == "releases" || n == "publish")
      cues.push_back({i, "publication"});
    else if (n == "focused" && next == "visit")
      cues.push_back({i, "focused_visit"});
    else if (n == "monitoring" && next == "visit")
      cues.push_back({i, "monitoring_visit"});
    else if ((n == "visit" || n == "visits") && (prev == "focused" || prev == "monitoring"))
      cues.push_back({i, prev == "focused" ? "focused_visit" : "monitoring_visit"});
    else if (n == "inspection" || n == "inspected" || n == "inspectors" || n == "fieldwork" || n == "inspections" ||
             n == "inspecting")
      cues.push_back({i, "inspection"});
    else if (n == "board" || n == "commissioner" || n == "direction" || n == "notice" || n == "trust" ||
             n == "adviser" || n == "advisor" || n == "intervention" || n == "intervene")
      cues.push_back({i, "intervention"});
  }
  return cues;
}

// A day of the month next to month word w[i] with no year after it: "June 27",
// "27 June". The day's word index and the day.
std::optional<std::pair<size_t, unsigned>> day_and_month(const std::vector<Word>& w, size_t i, unsigned month) {
  auto day_at = [&](size_t k) -> unsigned {
    if (k >= w.size() || w[k].norm.empty() || w[k].norm.size() > 2 || !is_digits(w[k].norm)) return 0;
    int d = to_int(w[k].norm);
    return d >= 1 && d <= 31 && make_date(2000, month, static_cast<unsigned>(d)) ? static_cast<unsigned>(d) : 0;
  };
  auto year_at = [&](size_t k) { return k < w.size() && w[k].norm.size() == 4 && is_digits(w[k].norm); };
  if (i >= 1) {
    if (unsigned d = day_at(i - 1); d && !year_at(i + 1)) return std::make_pair(i - 1, d);
  }
  // "February 14", but not the "14" of "27 February - 14 March".
  bool next_is_month = i + 2 < w.size() && month_word(w[i + 2]);
  if (unsigned d = day_at(i + 1); d && !year_at(i + 2) && !next_is_month) return std::make_pair(i + 1, d);
  return std::nullopt;
}

// Reads the dates of one sentence; each phrase reader returns true when it
// read (or ruled out) the phrase at word i, moving i to the phrase's last word.
class SentenceDates {
 public:
  SentenceDates(const ReadingContext& ctx, const SentenceWords& se, std::vector<StatedDate>& out)
      : ctx_(ctx), se_(se), w_(se.w), cues_(find_cues(se.w)), out_(out) {}

  void run() {
    for (size_t i = 0; i < w_.size(); ++i) {
      if (day_first_date(i) || month_date(i) || year_date(i) || today_date(i) || this_or_last_date(i) || ago_date(i) ||
          relation_date(i))
        continue;
    }
  }

 private:
  std::string_view nx(size_t i, size_t k) const { return i + k < w_.size() ? std::string_view(w_[i + k].norm) : ""; }
  std::string phrase(size_t a, size_t b) const {
    return collapse_spaces(se_.s.substr(w_[a].begin, w_[b].end - w_[a].begin));
  }
  StatedDate fresh() const {
    StatedDate d;
    d.sentence = se_.sentence;
    return d;
  }

  std::string refers_to(size_t at, bool today_like, const std::optional<int>& year) const {
    if (today_like)
      for (const auto& c : cues_)
        if (c.category == "publication") return "publication";
    const Cue* best = nullptr;
    size_t best_d = 1000;
    for (const auto& c : cues_) {
      size_t d = c.word > at ? c.word - at : at - c.word;
      if (c.word < at) d += 1;  // ties: the event named after the date ("in 2016 an inspection") counts less
      if (d < best_d) {
        best_d = d;
        best = &c;
      }
    }
    std::string r = best ? best->category : "other";
    if (r == "inspection" && se_.earlier_cue) r = "earlier_inspection";
    if (r == "inspection" && year && ctx_.ref_year && *year < ctx_.ref_year - 1) r = "earlier_inspection";
    if (r == "other" && today_like) r = "article";
    return r;
  }

  void add(StatedDate d, size_t at, bool today_like = false) {
    if (se_.begin < ctx_.byline_end) {
      // The byline: the article's own date (and "Updated: ..."), not a claim.
      d.refers_to = "article";
      for (const auto& x : out_)
        if (x.text == d.text && x.sentence == d.sentence) return;
    }
    if (out_.size() >= 60) return;
    if (d.refers_to.empty()) d.refers_to = refers_to(at, today_like, d.year);
    d.authority_urn = ctx_.nearest_authority(w_.at(at).begin + se_.begin);
    out_.push_back(std::move(d));
  }

  // Day first: "6 to 17 December 2021", "11 January to 8 February 2016", "5 April 2016"
  bool day_first_date(size_t& i) {
    const auto& n = w_[i].norm;
    if (!(is_digits(n) && n.size() <= 2 && i + 1 < w_.size() &&
          (month_word(w_[i + 1]) || (nx(i, 1) == "to" || nx(i, 1) == "and"))))
      return false;
    auto range = parse::parse_date_range(se_.s.substr(w_[i].begin, 120));
    if (!range) return false;
    // How many words the phrase spans: up to the first 4-digit year.
    size_t j = i;
    while (j < w_.size() && j < i + 10 && !(w_[j].norm.size() == 4 && is_digits(w_[j].norm))) ++j;
    if (j >= w_.size()) j = w_.size() - 1;
    StatedDate d = fresh();
    d.text = phrase(i, j);
    d.from = range->start;
    d.to = range->end;
    d.precision = "day";
    d.year = static_cast<int>(range->end.year());
    for (unsigned m = static_cast<unsigned>(range->start.month()); m <= static_cast<unsigned>(range->end.month()); ++m)
      d.months.push_back(m);
    add(std::move(d), i);
    i = j;
    return true;
  }

  // Months: "in January and February", "December 2021", "between January and March 2016", "April 5, 2016"
  bool month_date(size_t& i) {
    unsigned m = month_word(w_[i]);
    if (!m) return false;
    if (w_[i].norm == "may" &&
        !(i > 0 && (w_[i - 1].norm == "in" || w_[i - 1].norm == "of" || w_[i - 1].norm == "since" ||
                    w_[i - 1].norm == "until" || w_[i - 1].norm == "and" || is_digits(w_[i - 1].norm))) &&
        !(nx(i, 1).size() == 4 && is_digits(nx(i, 1))))
      return true;
    return month_day_year(i, m) || day_month_no_year(i, m) || months_named(i, m);
  }

  // "April 5, 2016"
  bool month_day_year(size_t& i, unsigned m) {
    if (!(i + 2 < w_.size() && is_digits(w_[i + 1].norm) && w_[i + 1].norm.size() <= 2 && w_[i + 2].norm.size() == 4 &&
          is_digits(w_[i + 2].norm)))
      return false;
    auto day = make_date(to_int(w_[i + 2].norm), m, static_cast<unsigned>(to_int(w_[i + 1].norm)));
    if (!day) return false;
    StatedDate d = fresh();
    d.text = phrase(i, i + 2);
    d.from = d.to = day;
    d.precision = "day";
    d.year = to_int(w_[i + 2].norm);
    d.months = {m};
    add(std::move(d), i);
    i += 2;
    return true;
  }

  // "June 27", "27 June": a day without a year, the most recent such day on
  // or before the article's date.
  bool day_month_no_year(size_t& i, unsigned m) {
    auto dm = day_and_month(w_, i, m);
    if (!dm) return false;
    const auto& ad = ctx_.article_date;
    size_t a = std::min(i, dm->first), b = std::max(i, dm->first);
    StatedDate d = fresh();
    d.text = phrase(a, b);
    d.precision = "day";
    d.day = dm->second;
    d.months = {m};
    if (ad) {
      int y = static_cast<int>(ad->year());
      auto day = make_date(y, m, dm->second);
      if (day && days_between(*day, *ad) < 0) day = make_date(y - 1, m, dm->second);
      if (day) {
        d.from = d.to = day;
        d.year = static_cast<int>(day->year());
        d.year_inferred = true;
      }
    }
    add(std::move(d), a);
    i = b;
    return true;
  }

  // "in January and February", "December 2021", "between January and March
  // 2016", "in June of last year".
  bool months_named(size_t& i, unsigned m) {
    const auto& w = w_;
    const auto& ad = ctx_.article_date;
    std::vector<unsigned> months{m};
    size_t j = i;
    while (j + 2 < w.size() &&
           (w[j + 1].norm == "and" || w[j + 1].norm == "to" || w[j + 1].norm == "or" || w[j + 1].norm == "until" ||
            w[j + 1].norm == "through") &&
           month_word(w[j + 2])) {
      months.push_back(month_word(w[j + 2]));
      j += 2;
    }
    bool range = j > i && (w[i + 1].norm == "to" || w[i + 1].norm == "until" || w[i + 1].norm == "through" ||
                           (i > 0 && w[i - 1].norm == "between"));
    if (range && months.size() == 2 && months[1] > months[0]) {
      std::vector<unsigned> all;
      for (unsigned k = months[0]; k <= months[1]; ++k) all.push_back(k);
      months = all;
    }
    size_t start_word = (i > 0 && (w[i - 1].norm == "in" || w[i - 1].norm == "between" || w[i - 1].norm == "since" ||
                                   w[i - 1].norm == "during"))
                            ? i - 1
                            : i;
    std::optional<int> y;
    if (j + 1 < w.size() && w[j + 1].norm.size() == 4 && is_digits(w[j + 1].norm)) {
      y = to_int(w[j + 1].norm);
      ++j;
    } else if (j + 2 < w.size() && w[j + 1].norm == "of" && (w[j + 2].norm == "this" || w[j + 2].norm == "last") &&
               j + 3 < w.size() && w[j + 3].norm == "year" && ad) {
      y = static_cast<int>(ad->year()) - (w[j + 2].norm == "last" ? 1 : 0);
      j += 3;
    }
    StatedDate d = fresh();
    d.text = phrase(start_word, j);
    d.months = months;
    d.precision = "month";
    unsigned lo = *std::min_element(months.begin(), months.end());
    unsigned hi = *std::max_element(months.begin(), months.end());
    if (!y && ad) {
      // The most recent such month on or before the article's date.
      int ay = static_cast<int>(ad->year());
      y = hi <= static_cast<unsigned>(ad->month()) ? ay : ay - 1;
      d.year_inferred = true;
    }
    if (y) {
      d.year = y;
      d.from = first_of_month(*y, lo);
      d.to = last_of_month(*y, hi);
    }
    add(std::move(d), i);
    i = j;
    return true;
  }

  // A year alone: "in 2011", "back in 2011", "since 2016"
  bool year_date(size_t& i) {
    const auto& n = w_[i].norm;
    if (!(n.size() == 4 && is_digits(n))) return false;
    int y = to_int(n);
    if (y < 1995 || y > 2100) return true;
    size_t a = (i > 0 && (w_[i - 1].norm == "in" || w_[i - 1].norm == "since" || w_[i - 1].norm == "of")) ? i - 1 : i;
    if (a < i && i > 1 && w_[i - 2].norm == "back") --a;
    StatedDate d = fresh();
    d.text = phrase(a, i);
    d.year = y;
    d.precision = "year";
    d.from = first_of_month(y, 1);
    d.to = last_of_month(y, 12);
    add(std::move(d), i);
    return true;
  }

  // "today", "yesterday": relative to the article's date.
  bool today_date(size_t& i) {
    const auto& n = w_[i].norm;
    if (n != "today" && n != "yesterday") return false;
    const auto& ad = ctx_.article_date;
    StatedDate d = fresh();
    d.text = n == "today" ? "today" : "yesterday";
    d.precision = "relative";
    if (ad) d.from = d.to = add_days(*ad, n == "yesterday" ? -1 : 0);
    if (ad) d.year = static_cast<int>(ad->year());
    add(std::move(d), i, true);
    return true;
  }

  // "this year", "last month", "at the end of last year", "earlier this week".
  bool this_or_last_date(size_t& i) {
    const auto& w = w_;
    const auto& n = w[i].norm;
    if (!((n == "this" || n == "last") && (nx(i, 1) == "year" || nx(i, 1) == "month" || nx(i, 1) == "week")))
      return false;
    size_t a = i;
    std::string part;  // start / end / earlier
    if (i >= 3 && w[i - 1].norm == "of" &&
        (w[i - 2].norm == "start" || w[i - 2].norm == "beginning" || w[i - 2].norm == "end" ||
         w[i - 2].norm == "middle")) {
      part = w[i - 2].norm;
      a = i - 2;
      if (a > 0 && (w[a - 1].norm == "the")) --a;
      if (a > 0 && (w[a - 1].norm == "at" || w[a - 1].norm == "in" || w[a - 1].norm == "towards")) --a;
    } else if (i >= 1 && (w[i - 1].norm == "earlier" || w[i - 1].norm == "later")) {
      part = w[i - 1].norm;
      a = i - 1;
    }
    StatedDate d = fresh();
    d.text = phrase(a, i + 1);
    d.precision = "relative";
    if (ctx_.article_date) resolve_this_or_last(d, n == "last", nx(i, 1), part);
    add(std::move(d), i);
    i += 1;
    return true;
  }

  void resolve_this_or_last(StatedDate& d, bool last, std::string_view unit, const std::string& part) const {
    const Date& ad = *ctx_.article_date;
    int y = static_cast<int>(ad.year());
    unsigned m = static_cast<unsigned>(ad.month());
    if (unit == "year") {
      if (last) --y;
      d.year = y;
      d.from = first_of_month(y, 1);
      d.to = !last ? ad : last_of_month(y, 12);
      if (part == "start" || part == "beginning") {
        d.to = last_of_month(y, 3);
        d.months = {1, 2, 3};
      } else if (part == "end") {
        d.from = first_of_month(y, 10);
        d.months = {10, 11, 12};
      }
    } else if (unit == "month") {
      if (last) {
        if (m == 1) {
          m = 12;
          --y;
        } else {
          --m;
        }
      }
      d.year = y;
      d.months = {m};
      d.from = first_of_month(y, m);
      d.to = !last ? ad : last_of_month(y, m);
    } else {
      d.to = !last ? ad : add_days(ad, -7);
      d.from = add_days(*d.to, -6);
      d.year = static_cast<int>(d.from->year());
    }
    if (d.from && d.to && sys_days{*d.from} > sys_days{*d.to}) d.from = d.to;
  }

  // "two years ago", "18 months ago"
  bool ago_date(size_t& i) {
    const auto& w = w_;
    int k = number_word(w[i].norm);
    if (!(k > 0 && i + 2 < w.size() && w[i + 2].norm == "ago" &&
          (nx(i, 1) == "year" || nx(i, 1) == "years" || nx(i, 1) == "month" || nx(i, 1) == "months")))
      return false;
    const auto& ad = ctx_.article_date;
    StatedDate d = fresh();
    d.text = phrase(i, i + 2);
    d.precision = "relative";
    if (ad) {
      int y = static_cast<int>(ad->year());
      int m = static_cast<int>(static_cast<unsigned>(ad->month()));
      if (nx(i, 1)[0] == 'y') {
        y -= k;
        d.from = first_of_month(y, 1);
        d.to = last_of_month(y, 12);
      } else {
        int total = y * 12 + (m - 1) - k;
        y = total / 12;
        unsigned mm = static_cast<unsigned>(total % 12 + 1);
        d.from = first_of_month(y, mm);
        d.to = last_of_month(y, mm);
        d.months = {mm};
      }
      d.year = y;
    }
    add(std::move(d), i);
    i += 2;
    return true;
  }

  // "more than a year after a focused visit": a relation between events.
  bool relation_date(size_t& i) {
    const auto& w = w_;
    const auto& n = w[i].norm;
    if (!((n == "after" || n == "since" || n == "before") && i >= 2 &&
          (w[i - 1].norm == "year" || w[i - 1].norm == "years" || w[i - 1].norm == "months" ||
           w[i - 1].norm == "month" || w[i - 1].norm == "weeks")))
      return false;
    size_t a = i - 1;
    while (a > 0 && i - a < 5 &&
           (number_word(w[a - 1].norm) >= 0 || w[a - 1].norm == "than" || w[a - 1].norm == "more" ||
            w[a - 1].norm == "less" || w[a - 1].norm == "just" || w[a - 1].norm == "over" ||
            w[a - 1].norm == "almost" || w[a - 1].norm == "nearly"))
      --a;
    size_t b = std::min(w.size() - 1, i + 3);
    StatedDate d = fresh();
    d.text = phrase(a, b);
    d.precision = "relation";
    // The event it is measured from is named after the word "after".
    d.refers_to = "other";
    for (const auto& c : cues_)
      if (c.word > i) {
        d.refers_to = c.category;
        break;
      }
    if (d.refers_to == "inspection") d.refers_to = "earlier_inspection";
    add(std::move(d), i);
    return true;
  }

  const ReadingContext& ctx_;
  const SentenceWords& se_;
  const std::vector<Word>& w_;
  std::vector<Cue> cues_;
  std::vector<StatedDate>& out_;
};

}  // namespace

void read_dates(const ReadingContext& ctx, const SentenceWords& sentence, std::vector<StatedDate>& out) {
  SentenceDates(ctx, sentence, out).run();
}

}  // namespace cscwatch::news
