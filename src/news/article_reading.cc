#include "news/article_reading.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <unordered_map>

#include "news/text_words.h"
#include "parse/date_phrases.h"

namespace cscwatch::news {

namespace {

using namespace std::chrono;

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s.substr(0, 6)) v = v * 10 + (c - '0');
  return v;
}

std::optional<Date> make_date(int y, unsigned m, unsigned d) {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return std::nullopt;
  Date date{year{y}, month{m}, day{d}};
  if (!date.ok()) return std::nullopt;
  return date;
}

Date first_of_month(int y, unsigned m) { return Date{year{y}, month{m}, day{1}}; }
Date last_of_month(int y, unsigned m) { return Date{year_month_day_last{year{y}, month_day_last{month{m}}}}; }
Date add_days(const Date& d, int n) { return Date{sys_days{d} + days{n}}; }

bool is_weekday(std::string_view w) {
  static constexpr std::string_view kDays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                               "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
                                               "sat", "sun"};
  for (auto d : kDays)
    if (w == d) return true;
  return false;
}

// A full month name (or Sept); May only when written with a capital.
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
  static constexpr std::string_view kNums[] = {"zero", "one", "two",   "three", "four",   "five", "six",
                                               "seven", "eight", "nine", "ten",  "eleven", "twelve"};
  for (int i = 0; i < 13; ++i)
    if (w == kNums[i]) return i;
  if (w == "a" || w == "an") return 1;
  if (is_digits(w) && w.size() <= 2) return to_int(w);
  return -1;
}

}  // namespace

std::optional<Date> leading_date(std::string_view text) {
  auto words = split_words(utf8_prefix(text, 200));
  size_t i = 0;
  if (i < words.size() && is_weekday(words[i].norm)) ++i;
  if (i >= words.size()) return std::nullopt;
  // ISO
  if (words[i].norm.size() == 4 && is_digits(words[i].norm)) {
    std::string_view s = text.substr(words[i].begin);
    if (s.size() >= 10) return parse_iso_date(s.substr(0, 10));
    return std::nullopt;
  }
  // d/m/yyyy and "5 April 2016"
  if (is_digits(words[i].norm) && words[i].norm.size() <= 2) {
    std::string_view s = text.substr(words[i].begin);
    if (s.size() > 2 && (s[1] == '/' || (s.size() > 3 && s[2] == '/'))) return parse::parse_single_date(s);
    if (i + 2 < words.size() && month_word(words[i + 1]) && is_digits(words[i + 2].norm) &&
        words[i + 2].norm.size() == 4)
      return make_date(to_int(words[i + 2].norm), month_word(words[i + 1]), static_cast<unsigned>(to_int(words[i].norm)));
    return std::nullopt;
  }
  // "April 5, 2016"
  if (unsigned m = month_word(words[i]); m && i + 2 < words.size() && is_digits(words[i + 1].norm) &&
                                          words[i + 1].norm.size() <= 2 && is_digits(words[i + 2].norm) &&
                                          words[i + 2].norm.size() == 4)
    return make_date(to_int(words[i + 2].norm), m, static_cast<unsigned>(to_int(words[i + 1].norm)));
  return std::nullopt;
}

namespace {

struct Cue {
  size_t word;
  std::string category;
};

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

// "appointed ... director of children's services", "a new director of
// children's services", "interim director of children's services": w[i] is "director".
bool new_director_at(const std::vector<Word>& w, size_t i) {
  if (w[i].norm != "director" || i + 2 >= w.size() || w[i + 1].norm != "of") return false;
  bool childrens = w[i + 2].norm == "childrens" || (i + 3 < w.size() && w[i + 3].norm == "childrens");
  if (!childrens) return false;
  for (size_t k = i >= 8 ? i - 8 : 0; k < i; ++k) {
    const auto& p = w[k].norm;
    if (p == "appointed" || p == "appoint" || p == "appoints" || p == "new" || p == "interim" || p == "hired" ||
        p == "recruited" || p == "named")
      return true;
  }
  return false;
}

// ---- rules about one grade word w[i] in its sentence ----

// The year printed nearest the grade word, within 12 words (the later one on a tie).
std::optional<int> nearest_year(const std::vector<Word>& w, size_t i) {
  std::optional<int> year;
  size_t best = 13;
  for (size_t k = i >= 12 ? i - 12 : 0; k < w.size() && k <= i + 12; ++k) {
    if (w[k].norm.size() != 4 || !is_digits(w[k].norm)) continue;
    int y = to_int(w[k].norm);
    size_t dist = k > i ? k - i : i - k;
    if (y >= 1995 && y <= 2100 && dist <= best) {
      best = dist;
      year = y;
    }
  }
  return year;
}

// The grade given now: "now requires improvement", "is currently rated good".
bool current_grade_cue(const std::vector<Word>& w, size_t i) {
  for (size_t k = i >= 4 ? i - 4 : 0; k < i; ++k)
    if (w[k].norm == "now" || w[k].norm == "currently") return true;
  return false;
}

// A grade hoped for, not given: "to help it become good", "to make all services good", "on its way to outstanding".
bool aspirational_grade(const std::vector<Word>& w, size_t i) {
  for (size_t k = i >= 3 ? i - 3 : 0; k < i; ++k) {
    const auto& p = w[k].norm;
    if (p == "become" || p == "becoming" || p == "towards" || p == "toward" || p == "achieve" || p == "achieving" ||
        p == "reach" || p == "reaching" || p == "aspire" || p == "aspiration" || p == "ambition" || p == "aim" ||
        p == "make" || p == "making")
      return true;
  }
  return false;
}

// A grade denied: "there were no areas judged inadequate", "is not inadequate".
bool negated_grade(const std::vector<Word>& w, size_t i) {
  for (size_t k = i >= 5 ? i - 5 : 0; k < i; ++k) {
    const auto& p = w[k].norm;
    if (p == "no" || p == "not" || p == "none" || p == "never" || p == "neither" || p == "nor") return true;
  }
  return false;
}

// A grade for some unnamed areas: "with a few areas that were judged as good".
bool some_areas_grade(const std::vector<Word>& w, size_t i) {
  for (size_t k = i >= 6 ? i - 6 : 0; k < i; ++k)
    if (w[k].norm == "areas" || w[k].norm == "area" || w[k].norm == "aspects") return true;
  return false;
}

// The overall grade said to be overall: "an overall 'good' rating", "the overall
// judgement ... was requires improvement", "good overall".
bool stated_overall_grade(const std::vector<Word>& w, size_t i, size_t last) {
  if (i >= 1 && w[i - 1].norm == "overall") return true;
  if (i >= 2 && w[i - 2].norm == "overall") return true;
  if (last + 1 < w.size() && w[last + 1].norm == "overall") return true;
  for (size_t k = i >= 10 ? i - 10 : 0; k + 1 < i; ++k)
    if (w[k].norm == "overall" && (w[k + 1].norm == "judgement" || w[k + 1].norm == "judgment" ||
                                   w[k + 1].norm == "effectiveness" || w[k + 1].norm == "rating" ||
                                   w[k + 1].norm == "grade"))
      return true;
  return false;
}

class ArticleReader {
 public:
  ArticleReader(std::string_view text, const AuthorityDirectory& dir, const std::vector<std::pair<size_t, size_t>>& hidden)
      : text_(text), dir_(dir) {
    visible_ = std::string(text);
    for (auto [b, e] : hidden)
      for (size_t k = b; k < e && k < visible_.size(); ++k)
        if (visible_[k] != '\n') visible_[k] = ' ';
    sentences_ = split_sentences(visible_);
    all_words_ = split_words(text_);
  }

  ArticleReading run(std::optional<Date> meta_date, std::string meta_source) {
    size_t nl = text_.find('\n');
    out_.headline = collapse_spaces(utf8_prefix(text_.substr(0, nl), 300));
    if (meta_date) {
      out_.article_date = meta_date;
      out_.article_date_source = std::move(meta_source);
    } else {
      find_byline_date();
    }
    find_authorities();
    max_year_ = 0;
    for (const auto& w : all_words_)
      if (w.norm.size() == 4 && is_digits(w.norm)) {
        int y = to_int(w.norm);
        if (y >= 1995 && y <= 2100 && y > max_year_) max_year_ = y;
      }
    ref_year_ = out_.article_date ? static_cast<int>(out_.article_date->year()) : max_year_;
    for (size_t si = 0; si < sentences_.size(); ++si) read_sentence(si);
    decide_grade();
    decide_event_kind();
    return std::move(out_);
  }

 private:
  void find_byline_date() {
    // The article's own date sits in the header lines before the body: short
    // lines or lines that say Published / Updated / Posted.
    size_t pos = 0;
    for (int line = 0; line < 6 && pos < text_.size(); ++line) {
      size_t e = text_.find('\n', pos);
      if (e == std::string_view::npos) e = text_.size();
      std::string_view l = text_.substr(pos, e - pos);
      std::string low = lower_ascii(utf8_prefix(l, 200));
      bool header = l.size() <= 100 || low.find("published") != std::string::npos ||
                    low.find("updated") != std::string::npos || low.find("posted") != std::string::npos;
      if (header) {
        auto words = split_words(utf8_prefix(l, 200));
        for (size_t i = 0; i < words.size() && i < 12; ++i) {
          if (words[i].norm == "updated" || words[i].norm == "modified") break;  // the first date is the original
          if (auto d = leading_date(l.substr(words[i].begin))) {
            out_.article_date = d;
            out_.article_date_source = "byline";
            byline_end_ = e;
            return;
          }
        }
      }
      pos = e + 1;
    }
  }

  double sentence_weight(size_t si) const {
    if (sentences_[si].paragraph == 0) return 3;
    if (si <= 3) return 2;
    return 1;
  }

  void find_authorities() {
    // first word -> forms starting with it (longest first, as name_forms() is)
    struct Form {
      std::vector<std::string> tokens;
      const Authority* authority;
    };
    std::unordered_map<std::string, std::vector<Form>> by_first;
    for (const auto& [form, authority] : dir_.name_forms()) {
      Form f{{}, authority};
      size_t p = 0;
      while (p < form.size()) {
        size_t e = form.find(' ', p);
        if (e == std::string::npos) e = form.size();
        f.tokens.push_back(form.substr(p, e - p));
        p = e + 1;
      }
      if (!f.tokens.empty()) by_first[f.tokens.front()].push_back(std::move(f));
    }
    std::map<const Authority*, AuthorityMention> found;
    std::map<const Authority*, bool> solid;  // seen other than as a lone sentence-initial word
    const auto& w = all_words_;
    for (size_t i = 0; i < w.size();) {
      if (!w[i].capitalised) {
        ++i;
        continue;
      }
      auto it = by_first.find(w[i].norm);
      if (it == by_first.end()) it = by_first.find(w[i].base);
      if (it == by_first.end()) {
        ++i;
        continue;
      }
      const Form* match = nullptr;
      for (const auto& f : it->second) {
        if (i + f.tokens.size() > w.size()) continue;
        bool ok = true;
        for (size_t k = 0; k < f.tokens.size() && ok; ++k) {
          const Word& x = w[i + k];
          if (x.norm != f.tokens[k] && x.base != f.tokens[k]) ok = false;
          // No line break inside a name.
          if (ok && k > 0 && text_.substr(w[i + k - 1].end, x.begin - w[i + k - 1].end).find('\n') != std::string_view::npos)
            ok = false;
          if (ok && k > 0 && f.tokens[k] != "and" && f.tokens[k] != "of" && !x.capitalised) ok = false;
        }
        if (ok) {
          match = &f;
          break;
        }
      }
      if (!match) {
        ++i;
        continue;
      }
      size_t n = match->tokens.size();
      mentions_.emplace_back(w[i].begin, match->authority->urn);
      // Which sentence, for weight.
      size_t pos = w[i].begin;
      size_t si = sentence_index(pos);
      auto& m = found[match->authority];
      m.authority = match->authority;
      m.mentions++;
      m.weight += sentence_weight(si);
      std::string printed = collapse_spaces(text_.substr(w[i].begin, w[i + n - 1].end - w[i].begin));
      if (std::find(m.printed.begin(), m.printed.end(), printed) == m.printed.end() && m.printed.size() < 8)
        m.printed.push_back(printed);
      bool sentence_initial = si < sentences_.size() && sentences_[si].begin == pos;
      bool next_is_name_word = i + n < w.size() && (w[i + n].capitalised || w[i + n].norm == "council");
      if (n > 1 || !sentence_initial || w[i].base != w[i].norm || next_is_name_word || w[i].all_caps)
        solid[match->authority] = true;
      i += n;
    }
    for (auto& [a, m] : found)
      if (solid[a]) out_.authorities.push_back(std::move(m));
    // A legacy authority named alongside its successor is the successor's past.
    std::stable_sort(out_.authorities.begin(), out_.authorities.end(),
                     [](const AuthorityMention& x, const AuthorityMention& y) {
                       if (x.authority->legacy != y.authority->legacy) return !x.authority->legacy;
                       return x.weight > y.weight;
                     });
    if (out_.authorities.size() > 12) out_.authorities.resize(12);
  }

  size_t sentence_index(size_t pos) const {
    auto it = std::upper_bound(sentences_.begin(), sentences_.end(), pos,
                               [](size_t p, const Sentence& se) { return p < se.begin; });
    return it == sentences_.begin() ? 0 : static_cast<size_t>(std::prev(it) - sentences_.begin());
  }

  // ---- one sentence ----

  void read_sentence(size_t si) {
    const Sentence& se = sentences_[si];
    current_sentence_begin_ = se.begin;
    std::string_view s = std::string_view(visible_).substr(se.begin, se.end - se.begin);
    auto words = split_words(s);
    if (words.empty()) return;
    std::string sentence = collapse_spaces(utf8_prefix(text_.substr(se.begin, se.end - se.begin), 400));
    bool earlier_cue = false;
    for (size_t i = 0; i < words.size(); ++i) {
      const auto& n = words[i].norm;
      auto nx = [&](size_t k) -> std::string_view { return i + k < words.size() ? std::string_view(words[i + k].norm) : ""; };
      if (n == "previous" || n == "previously" || n == "prior" || n == "former" || n == "formerly" ||
          (n == "last" && (nx(1) == "inspection" || nx(1) == "inspected" || nx(1) == "time" || nx(1) == "full")) ||
          (n == "back" && nx(1) == "in") || (n == "had" && nx(1) == "been") || (n == "earlier" && nx(1) == "inspection"))
        earlier_cue = true;
    }
    current_words_ = &words;
    auto cues = find_cues(words);
    read_dates(s, words, cues, earlier_cue, sentence);
    read_grades(s, words, earlier_cue, sentence, si);
    read_event_words(words, earlier_cue, si);
    read_interventions(words, sentence);
  }

  std::vector<Cue> find_cues(const std::vector<Word>& w) const {
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

  std::string refers_to(const std::vector<Cue>& cues, size_t at, bool earlier_cue, bool today_like,
                        const std::optional<int>& year) const {
    if (today_like)
      for (const auto& c : cues)
        if (c.category == "publication") return "publication";
    const Cue* best = nullptr;
    size_t best_d = 1000;
    for (const auto& c : cues) {
      size_t d = c.word > at ? c.word - at : at - c.word;
      if (c.word < at) d += 1;  // ties: the event named after the date ("in 2016 an inspection") counts less
      if (d < best_d) {
        best_d = d;
        best = &c;
      }
    }
    std::string r = best ? best->category : "other";
    if (r == "inspection" && earlier_cue) r = "earlier_inspection";
    if (r == "inspection" && year && ref_year_ && *year < ref_year_ - 1) r = "earlier_inspection";
    if (r == "other" && today_like) r = "article";
    return r;
  }

  void add_date(StatedDate d, const std::vector<Cue>& cues, size_t at, bool earlier_cue, bool today_like) {
    if (current_sentence_begin_ < byline_end_) {
      // The byline: the article's own date (and "Updated: ..."), not a claim.
      d.refers_to = "article";
      for (const auto& x : out_.dates)
        if (x.text == d.text && x.sentence == d.sentence) return;
    }
    if (out_.dates.size() >= 60) return;
    if (d.refers_to.empty()) d.refers_to = refers_to(cues, at, earlier_cue, today_like, d.year);
    d.authority_urn = nearest_authority(current_words_->at(at).begin + current_sentence_begin_);
    out_.dates.push_back(std::move(d));
  }

  // The words of one sentence, for the date readers.
  struct DateContext {
    std::string_view s;
    const std::vector<Word>& w;
    const std::vector<Cue>& cues;
    bool earlier_cue;
    const std::string& sentence;
  };

  // Every date the sentence states, one reader per kind of phrase; each
  // returns true when it read (or ruled out) the phrase at word i, moving i
  // to the phrase's last word.
  void read_dates(std::string_view s, const std::vector<Word>& w, const std::vector<Cue>& cues, bool earlier_cue,
                  const std::string& sentence) {
    DateContext ctx{s, w, cues, earlier_cue, sentence};
    for (size_t i = 0; i < w.size(); ++i) {
      if (day_first_date(ctx, i) || month_date(ctx, i) || year_date(ctx, i) || today_date(ctx, i) ||
          this_or_last_date(ctx, i) || ago_date(ctx, i) || relation_date(ctx, i))
        continue;
    }
  }

  bool day_first_date(const DateContext& ctx, size_t& i) {
    const auto& w = ctx.w;
    std::string_view s = ctx.s;
    const auto& cues = ctx.cues;
    bool earlier_cue = ctx.earlier_cue;
    const auto& n = w[i].norm;
    auto nx = [&](size_t k) -> std::string_view { return i + k < w.size() ? std::string_view(w[i + k].norm) : ""; };
    auto phrase = [&](size_t a, size_t b) { return collapse_spaces(s.substr(w[a].begin, w[b].end - w[a].begin)); };
    StatedDate d;
    d.sentence = ctx.sentence;
    // Day first: "6 to 17 December 2021", "11 January to 8 February 2016", "5 April 2016"
    if (is_digits(n) && n.size() <= 2 && i + 1 < w.size() &&
        (month_word(w[i + 1]) || (nx(1) == "to" || nx(1) == "and"))) {
      auto range = parse::parse_date_range(s.substr(w[i].begin, 120));
      if (range) {
        // How many words the phrase spans: up to the first 4-digit year.
        size_t j = i;
        while (j < w.size() && j < i + 10 && !(w[j].norm.size() == 4 && is_digits(w[j].norm))) ++j;
        if (j >= w.size()) j = w.size() - 1;
        d.text = phrase(i, j);
        d.from = range->start;
        d.to = range->end;
        d.precision = "day";
        d.year = static_cast<int>(range->end.year());
        for (unsigned m = static_cast<unsigned>(range->start.month()); m <= static_cast<unsigned>(range->end.month()); ++m)
          d.months.push_back(m);
        add_date(std::move(d), cues, i, earlier_cue, false);
        i = j;
        return true;
      }
    }
    return false;
  }

  bool month_date(const DateContext& ctx, size_t& i) {
    const auto& w = ctx.w;
    std::string_view s = ctx.s;
    const auto& cues = ctx.cues;
    bool earlier_cue = ctx.earlier_cue;
    const auto& ad = out_.article_date;
    const auto& n = w[i].norm;
    auto nx = [&](size_t k) -> std::string_view { return i + k < w.size() ? std::string_view(w[i + k].norm) : ""; };
    auto phrase = [&](size_t a, size_t b) { return collapse_spaces(s.substr(w[a].begin, w[b].end - w[a].begin)); };
    StatedDate d;
    d.sentence = ctx.sentence;
    // Months: "in January and February", "December 2021", "between January and March 2016", "April 5, 2016"
    if (unsigned m = month_word(w[i])) {
      if (n == "may" && !(i > 0 && (w[i - 1].norm == "in" || w[i - 1].norm == "of" || w[i - 1].norm == "since" ||
                                     w[i - 1].norm == "until" || w[i - 1].norm == "and" || is_digits(w[i - 1].norm))) &&
          !(nx(1).size() == 4 && is_digits(nx(1))))
        return true;
      if (i + 2 < w.size() && is_digits(w[i + 1].norm) && w[i + 1].norm.size() <= 2 && w[i + 2].norm.size() == 4 &&
          is_digits(w[i + 2].norm)) {
        if (auto day = make_date(to_int(w[i + 2].norm), m, static_cast<unsigned>(to_int(w[i + 1].norm)))) {
          d.text = phrase(i, i + 2);
          d.from = d.to = day;
          d.precision = "day";
          d.year = to_int(w[i + 2].norm);
          d.months = {m};
          add_date(std::move(d), cues, i, earlier_cue, false);
          i += 2;
          return true;
        }
      }
      if (auto dm = day_and_month(w, i, m)) {
        // "June 27", "27 June": a day without a year.
        size_t a = std::min(i, dm->first), b = std::max(i, dm->first);
        d.text = phrase(a, b);
        d.precision = "day";
        d.day = dm->second;
        d.months = {m};
        if (ad) {
          // The most recent such day on or before the article's date.
          int y = static_cast<int>(ad->year());
          auto day = make_date(y, m, dm->second);
          if (day && days_between(*day, *ad) < 0) day = make_date(y - 1, m, dm->second);
          if (day) {
            d.from = d.to = day;
            d.year = static_cast<int>(day->year());
            d.year_inferred = true;
          }
        }
        add_date(std::move(d), cues, a, earlier_cue, false);
        i = b;
        return true;
      }
      std::vector<unsigned> months{m};
      size_t j = i;
      while (j + 2 < w.size() && (w[j + 1].norm == "and" || w[j + 1].norm == "to" || w[j + 1].norm == "or" ||
                                  w[j + 1].norm == "until" || w[j + 1].norm == "through") &&
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
      add_date(std::move(d), cues, i, earlier_cue, false);
      i = j;
      return true;
    }
    return false;
  }

  bool year_date(const DateContext& ctx, size_t& i) {
    const auto& w = ctx.w;
    std::string_view s = ctx.s;
    const auto& cues = ctx.cues;
    bool earlier_cue = ctx.earlier_cue;
    const auto& n = w[i].norm;
    auto phrase = [&](size_t a, size_t b) { return collapse_spaces(s.substr(w[a].begin, w[b].end - w[a].begin)); };
    StatedDate d;
    d.sentence = ctx.sentence;
    // A year alone: "in 2011", "back in 2011", "since 2016"
    if (n.size() == 4 && is_digits(n)) {
      int y = to_int(n);
      if (y < 1995 || y > 2100) return true;
      size_t a = (i > 0 && (w[i - 1].norm == "in" || w[i - 1].norm == "since" || w[i - 1].norm == "of")) ? i - 1 : i;
      if (a < i && i > 1 && w[i - 2].norm == "back") --a;
      d.text = phrase(a, i);
      d.year = y;
      d.precision = "year";
      d.from = first_of_month(y, 1);
      d.to = last_of_month(y, 12);
      add_date(std::move(d), cues, i, earlier_cue, false);
      return true;
    }
    return false;
  }

  bool today_date(const DateContext& ctx, size_t& i) {
    const auto& w = ctx.w;
    const auto& cues = ctx.cues;
    bool earlier_cue = ctx.earlier_cue;
    const auto& ad = out_.article_date;
    const auto& n = w[i].norm;
    StatedDate d;
    d.sentence = ctx.sentence;
    // Relative to the article's date.
    bool today = n == "today" || n == "yesterday";
    if (today) {
      d.text = w[i].norm == "today" ? "today" : "yesterday";
      d.precision = "relative";
      if (ad) d.from = d.to = add_days(*ad, n == "yesterday" ? -1 : 0);
      if (ad) d.year = static_cast<int>(ad->year());
      add_date(std::move(d), cues, i, earlier_cue, true);
      return true;
    }
    return false;
  }

  bool this_or_last_date(const DateContext& ctx, size_t& i) {
    const auto& w = ctx.w;
    std::string_view s = ctx.s;
    const auto& cues = ctx.cues;
    bool earlier_cue = ctx.earlier_cue;
    const auto& ad = out_.article_date;
    const auto& n = w[i].norm;
    auto nx = [&](size_t k) -> std::string_view { return i + k < w.size() ? std::string_view(w[i + k].norm) : ""; };
    auto phrase = [&](size_t a, size_t b) { return collapse_spaces(s.substr(w[a].begin, w[b].end - w[a].begin)); };
    StatedDate d;
    d.sentence = ctx.sentence;
    if ((n == "this" || n == "last") && (nx(1) == "year" || nx(1) == "month" || nx(1) == "week")) {
      size_t a = i;
      std::string part;  // start / end / earlier
      if (i >= 3 && w[i - 1].norm == "of" && (w[i - 2].norm == "start" || w[i - 2].norm == "beginning" ||
                                              w[i - 2].norm == "end" || w[i - 2].norm == "middle")) {
        part = w[i - 2].norm;
        a = i - 2;
        if (a > 0 && (w[a - 1].norm == "the")) --a;
        if (a > 0 && (w[a - 1].norm == "at" || w[a - 1].norm == "in" || w[a - 1].norm == "towards")) --a;
      } else if (i >= 1 && (w[i - 1].norm == "earlier" || w[i - 1].norm == "later")) {
        part = w[i - 1].norm;
        a = i - 1;
      }
      d.text = phrase(a, i + 1);
      d.precision = "relative";
      if (ad) {
        int y = static_cast<int>(ad->year());
        unsigned m = static_cast<unsigned>(ad->month());
        if (nx(1) == "year") {
          if (n == "last") --y;
          d.year = y;
          d.from = first_of_month(y, 1);
          d.to = n == "this" ? *ad : last_of_month(y, 12);
          if (part == "start" || part == "beginning") {
            d.to = last_of_month(y, 3);
            d.months = {1, 2, 3};
          } else if (part == "end") {
            d.from = first_of_month(y, 10);
            d.months = {10, 11, 12};
          }
        } else if (nx(1) == "month") {
          if (n == "last") {
            if (m == 1) { m = 12; --y; } else { --m; }
          }
          d.year = y;
          d.months = {m};
          d.from = first_of_month(y, m);
          d.to = n == "this" ? *ad : last_of_month(y, m);
        } else {
          d.to = n == "this" ? *ad : add_days(*ad, -7);
          d.from = add_days(*d.to, -6);
          d.year = static_cast<int>(d.from->year());
        }
        if (d.from && d.to && sys_days{*d.from} > sys_days{*d.to}) d.from = d.to;
      }
      add_date(std::move(d), cues, i, earlier_cue, false);
      i += 1;
      return true;
    }
    return false;
  }

  bool ago_date(const DateContext& ctx, size_t& i) {
    const auto& w = ctx.w;
    std::string_view s = ctx.s;
    const auto& cues = ctx.cues;
    bool earlier_cue = ctx.earlier_cue;
    const auto& ad = out_.article_date;
    const auto& n = w[i].norm;
    auto nx = [&](size_t k) -> std::string_view { return i + k < w.size() ? std::string_view(w[i + k].norm) : ""; };
    auto phrase = [&](size_t a, size_t b) { return collapse_spaces(s.substr(w[a].begin, w[b].end - w[a].begin)); };
    StatedDate d;
    d.sentence = ctx.sentence;
    // "two years ago", "18 months ago"
    if (int k = number_word(n); k > 0 && i + 2 < w.size() && w[i + 2].norm == "ago" &&
                                (nx(1) == "year" || nx(1) == "years" || nx(1) == "month" || nx(1) == "months")) {
      d.text = phrase(i, i + 2);
      d.precision = "relative";
      if (ad) {
        int y = static_cast<int>(ad->year());
        int m = static_cast<int>(static_cast<unsigned>(ad->month()));
        if (nx(1)[0] == 'y') {
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
      add_date(std::move(d), cues, i, earlier_cue, false);
      i += 2;
      return true;
    }
    return false;
  }

  bool relation_date(const DateContext& ctx, size_t& i) {
    const auto& w = ctx.w;
    std::string_view s = ctx.s;
    const auto& cues = ctx.cues;
    bool earlier_cue = ctx.earlier_cue;
    const auto& n = w[i].norm;
    auto phrase = [&](size_t a, size_t b) { return collapse_spaces(s.substr(w[a].begin, w[b].end - w[a].begin)); };
    StatedDate d;
    d.sentence = ctx.sentence;
    // "more than a year after a focused visit": a relation between events.
    if ((n == "after" || n == "since" || n == "before") && i >= 2 &&
        (w[i - 1].norm == "year" || w[i - 1].norm == "years" || w[i - 1].norm == "months" || w[i - 1].norm == "month" ||
         w[i - 1].norm == "weeks")) {
      size_t a = i - 1;
      while (a > 0 && i - a < 5 && (number_word(w[a - 1].norm) >= 0 || w[a - 1].norm == "than" ||
                                    w[a - 1].norm == "more" || w[a - 1].norm == "less" || w[a - 1].norm == "just" ||
                                    w[a - 1].norm == "over" || w[a - 1].norm == "almost" || w[a - 1].norm == "nearly"))
        --a;
      size_t b = std::min(w.size() - 1, i + 3);
      d.text = phrase(a, b);
      d.precision = "relation";
      // The event it is measured from is named after the word "after".
      std::vector<Cue> after;
      for (const auto& c : cues)
        if (c.word > i) after.push_back(c);
      d.refers_to = after.empty() ? "other" : after.front().category;
      if (d.refers_to == "inspection") d.refers_to = "earlier_inspection";
      add_date(std::move(d), cues, i, earlier_cue, false);
      return true;
    }
    return false;
  }


  // ---- grades ----

  bool quoted_word(std::string_view s, const Word& w) const {
    auto is_mark = [](std::string_view t, size_t p, bool before) {
      if (before) {
        if (p >= 1 && (t[p - 1] == '\'' || t[p - 1] == '"')) return true;
        if (p >= 3 && t[p - 3] == '\xE2' && t[p - 2] == '\x80' && (t[p - 1] == '\x98' || t[p - 1] == '\x9C')) return true;
      } else {
        if (p < t.size() && (t[p] == '\'' || t[p] == '"')) return true;
        if (p + 2 < t.size() && t[p] == '\xE2' && t[p + 1] == '\x80' && (t[p + 2] == '\x99' || t[p + 2] == '\x9D'))
          return true;
      }
      return false;
    };
    return is_mark(s, w.begin, true) || is_mark(s, w.end, false);
  }

  void read_grades(std::string_view s, const std::vector<Word>& w, bool earlier_cue, const std::string& sentence,
                   size_t si) {
    bool context = false, overall = false;
    for (const auto& x : w) {
      const auto& n = x.norm;
      if (n == "ofsted" || n == "ofsteds" || n.rfind("inspect", 0) == 0 || n == "rated" || n == "rating" || n == "report" ||
          n == "services" || n == "judged" || n == "branded" || n == "council" || n == "department" || n == "watchdog" ||
          n == "care" || n == "graded" || n == "judgement" || n == "grade")
        context = true;
      if (n == "overall" || n == "overallthe") overall = true;
    }
    for (size_t i = 0; i < w.size(); ++i) {
      const auto& n = w[i].norm;
      std::optional<Grade> g;
      size_t last = i;
      bool weak_word = false;
      if (n == "inadequate") {
        g = Grade::Inadequate;
      } else if ((n == "requires" || n == "require" || n == "requiring" || n == "required") && i + 1 < w.size() &&
                 w[i + 1].norm == "improvement") {
        g = Grade::RequiresImprovement;
        last = i + 1;
        if (i + 3 < w.size() && w[i + 2].norm == "to" && w[i + 3].norm == "be" && i + 4 < w.size() && w[i + 4].norm == "good")
          last = i + 4;  // the grade's full name says which grade it is, wherever it stands
      } else if (n == "good" && i >= 3 && w[i - 1].norm == "be" && w[i - 2].norm == "to" && w[i - 3].norm == "improvement") {
        continue;  // the end of "requires improvement to be good"
      } else if (n == "good") {
        g = Grade::Good;
        weak_word = true;
      } else if (n == "outstanding") {
        g = Grade::Outstanding;
        weak_word = true;
      } else if (n == "adequate") {
        g = Grade::Adequate;
        weak_word = true;
      }
      if (!g) continue;
      // Cues before the grade word.
      if (aspirational_grade(w, i) || negated_grade(w, i)) {
        i = last;
        continue;
      }
      bool strong = quoted_word(s, w[i]) || last == i + 4;
      for (size_t k = i >= 4 ? i - 4 : 0; k < i; ++k) {
        const auto& p = w[k].norm;
        if (p == "rated" || p == "rating" || p == "judged" || p == "graded" || p == "branded" || p == "deemed" ||
            p == "labelled" || p == "ranked" || p == "classed" || p == "assessed" || p == "grade" || p == "verdict" ||
            p == "judgement" || p == "rate" || p == "rates" || p == "found")
          strong = true;
      }
      if (i >= 1 && (w[i - 1].norm == "as" || w[i - 1].norm == "from" ||
                     (w[i - 1].norm == "be" && i >= 2 && w[i - 2].norm == "to")))
        strong = true;
      if (i >= 1 && (w[i - 1].norm == "are" || w[i - 1].norm == "is" || w[i - 1].norm == "was" || w[i - 1].norm == "were" ||
                     w[i - 1].norm == "remain" || w[i - 1].norm == "remains" || w[i - 1].norm == "now" ||
                     w[i - 1].norm == "still") &&
          context)
        strong = true;
      std::string_view after = last + 1 < w.size() ? std::string_view(w[last + 1].norm) : "";
      if (after == "rating" || after == "overall" || after == "grade" || after == "judgement" || after == "verdict")
        strong = true;
      if (weak_word) {
        static constexpr std::string_view kNotGrade[] = {"to", "at", "for", "news", "progress", "practice", "quality",
                                                         "work", "start", "example", "practise", "reason", "idea",
                                                         "job", "relationships", "support", "services", "service",
                                                         "outcomes", "issues", "concerns", "cases", "actions", "in",
                                                         "and", "or", "enough", "as", "effort", "care", "morning"};
        for (auto x : kNotGrade)
          if (after == x && !quoted_word(s, w[i])) strong = false;
        if (i >= 1 && (w[i - 1].norm == "very" || w[i - 1].norm == "a" || w[i - 1].norm == "no" || w[i - 1].norm == "more"))
          strong = false;
        if (!strong) continue;
      } else if (!strong && !context) {
        continue;
      }
      GradeMention gm;
      gm.grade = *g;
      gm.overall_stated = stated_overall_grade(w, i, last) && !some_areas_grade(w, i);
      if (some_areas_grade(w, i) && !gm.overall_stated) gm.area = "some_areas";
      gm.authority_urn = nearest_authority(current_sentence_begin_ + w[i].begin);
      gm.text = sentence;
      gm.weight = sentence_weight(si);
      gm.earlier = earlier_cue;
      // "from inadequate to good": the first is the earlier grade.
      if (i >= 1 && w[i - 1].norm == "from") gm.earlier = true;
      if (i >= 2 && w[i - 1].norm == "to" && (w[i - 2].norm == "inadequate" || w[i - 2].norm == "good" ||
                                              w[i - 2].norm == "outstanding" || w[i - 2].norm == "improvement"))
        gm.earlier = false;
      // A year in the sentence before the reference year makes it an earlier grade.
      gm.year = nearest_year(w, i);
      if (gm.year && ref_year_ && *gm.year < ref_year_ - (out_.article_date ? 0 : 1) && !(i >= 2 && w[i - 1].norm == "to"))
        gm.earlier = true;
      if (gm.year && !gm.earlier && ref_year_ && *gm.year < ref_year_) gm.earlier = true;
      if (current_grade_cue(w, i)) {
        gm.earlier = false;  // "now requires improvement": the grade given now, whatever year stands nearby
        gm.year.reset();
      }
      // An area's grade ("care leavers ... requires improvement")?
      if (!overall && gm.area.empty()) {
        for (size_t k = i >= 10 ? i - 10 : 0; k < i; ++k) {
          const auto& a = w[k].norm;
          std::string_view b = k + 1 < w.size() ? std::string_view(w[k + 1].norm) : "";
          if (a == "care" && b == "leavers") gm.area = "care_leavers";
          else if ((a == "children" && b == "in") || (a == "looked" && b == "after")) gm.area = "in_care";
          else if (a == "help" && b == "and") gm.area = "help_protection";
          else if (a == "leadership" || a == "leaders" || (a == "impact" && b == "of")) gm.area = "leadership";
          else if (a == "adoption") gm.area = "adoption";
          else if (a == "lscb" || (a == "safeguarding" && (b == "children" || b == "childrens" || b == "board")))
            gm.area = "lscb";
        }
      }
      if (gm.earlier) {
        bool dup = false;
        for (const auto& e : out_.earlier_grades)
          if (e.grade == gm.grade && e.year == gm.year && e.area == gm.area) dup = true;
        if (!dup && out_.earlier_grades.size() < 20) out_.earlier_grades.push_back(gm);
      } else if (out_.grade_mentions.size() < 60) {
        out_.grade_mentions.push_back(gm);
      }
      i = last;
    }
  }

  void decide_grade() {
    std::string primary = out_.authorities.empty() ? std::string{} : out_.authorities.front().authority->urn;
    out_.grade = grade_for(out_, primary);
  }

 public:
  static std::optional<Grade> grade_for(const ArticleReading& r, const std::string& urn) {
    std::optional<Grade> grade;
    std::map<Grade, double> votes, area_votes, overall_votes;
    for (const auto& m : r.grade_mentions) {
      if (!m.authority_urn.empty() && !urn.empty() && m.authority_urn != urn) continue;
      (m.area.empty() ? votes : area_votes)[m.grade] += m.weight;
      if (m.overall_stated) overall_votes[m.grade] += m.weight;
    }
    if (!overall_votes.empty()) votes = overall_votes;  // a grade said to be the overall one outweighs the rest
    if (votes.empty()) votes = area_votes;  // only area grades stated
    double best = 0;
    for (auto [g, v] : votes)
      if (v > best) {
        best = v;
        grade = g;
      }
    return grade;
  }

 private:

  // ---- event kind ----

  void read_event_words(const std::vector<Word>& w, bool earlier_cue, size_t si) {
    double weight = sentence_weight(si) * (earlier_cue ? 0.3 : 1.0);
    for (size_t i = 0; i < w.size(); ++i) {
      const auto& n = w[i].norm;
      std::string_view next = i + 1 < w.size() ? std::string_view(w[i + 1].norm) : "";
      std::string_view prev = i > 0 ? std::string_view(w[i - 1].norm) : "";
      // "after a focused visit": an earlier event.
      double k = (prev == "a" || prev == "the") && i >= 2 && (w[i - 2].norm == "after" || w[i - 2].norm == "since")
                     ? 0.3
                     : 1.0;
      if (i >= 1 && (w[i - 1].norm == "after" || w[i - 1].norm == "since")) k = 0.3;
      if (n == "monitoring" && (next == "visit" || next == "visits")) event_[EventKind::MonitoringVisit] += weight * k;
      else if (n == "focused" && (next == "visit" || next == "visits")) event_[EventKind::FocusedVisit] += weight * k;
      else if ((n == "joint" && next == "targeted") || n == "jtai") event_[EventKind::JointTargetedInspection] += weight * k;
      else if (n == "inspection" || n == "inspected" || n == "inspectors" || n == "report")
        event_[EventKind::Inspection] += weight * k * 0.5;
    }
  }

  void decide_event_kind() {
    double grade_weight = 0;
    for (const auto& m : out_.grade_mentions) grade_weight += m.weight;
    event_[EventKind::Inspection] += 2 * grade_weight;
    EventKind best = EventKind::Unknown;
    double v = 0;
    for (const auto& [k, s] : event_)
      if (s > v) {
        v = s;
        best = k;
      }
    out_.event_kind = best;
  }

  // ---- interventions ----

  void read_interventions(const std::vector<Word>& w, const std::string& sentence) {
    if (out_.interventions.size() >= 30) return;
    bool issued = false, about_services = false;
    for (const auto& x : w) {
      if (x.norm == "issued" || x.norm == "issue" || x.norm == "secretary" || x.norm == "minister" ||
          x.norm == "revoked" || x.norm == "lifted")
        issued = true;
      if (x.norm == "services" || x.norm == "childrens" || x.norm == "control" || x.norm == "run" ||
          x.norm == "transferred" || x.norm == "taken")
        about_services = true;
    }
    std::string actor;
    for (size_t i = 0; i < w.size(); ++i) {
      const auto& n = w[i].norm;
      std::string_view next = i + 1 < w.size() ? std::string_view(w[i + 1].norm) : "";
      if (n == "department" && next == "for") actor = "Department for Education";
      else if (n == "dfe" && actor.empty()) actor = "Department for Education";
      else if ((n == "minister" || n == "secretary") && actor.empty()) actor = "minister";
      else if (n == "government" && actor.empty()) actor = "government";
    }
    auto add = [&](InterventionKind kind) {
      for (const auto& x : out_.interventions)
        if (x.kind == kind && x.text == sentence) return;
      if (out_.interventions.size() >= 30) return;
      Intervention iv{kind, sentence, actor, {}};
      for (auto it = out_.dates.rbegin(); it != out_.dates.rend(); ++it)
        if (it->sentence == sentence && it->precision != "relation") {
          iv.date_text = it->text;
          break;
        }
      out_.interventions.push_back(std::move(iv));
    };
    for (size_t i = 0; i < w.size(); ++i) {
      const auto& n = w[i].norm;
      std::string_view next = i + 1 < w.size() ? std::string_view(w[i + 1].norm) : "";
      std::string_view prev = i > 0 ? std::string_view(w[i - 1].norm) : "";
      std::string_view prev2 = i > 1 ? std::string_view(w[i - 2].norm) : "";
      if (n == "commissioner" || n == "commissioners") {
        bool police = prev == "crime" || (prev == "police" && prev2 != "and");
        bool childrens_commissioner = prev == "childrens" && w[i].capitalised && next == "for";
        if (!police && !childrens_commissioner && !(prev == "childrens" && w[i].capitalised && w[i - 1].capitalised &&
                                                   !(i > 1 && w[i - 2].norm == "services")))
          add(InterventionKind::Commissioner);
      } else if (n == "board" && prev == "improvement") {
        add(InterventionKind::ImprovementBoard);
      } else if (n == "notice" && (prev == "improvement" || prev == "warning")) {
        add(InterventionKind::ImprovementNotice);
      } else if (n == "improve" && prev == "to" && prev2 == "notice") {
        add(InterventionKind::ImprovementNotice);
      } else if ((n == "direction" || n == "directions") &&
                 (prev == "statutory" || prev == "formal" || prev == "a" || prev == "the" || prev == "new" ||
                  prev == "revised" || next == "notice" || next == "issued")) {
        // "in the right direction" is not an intervention
        if (prev == "right" || prev == "same" || prev == "wrong" || next == "of") continue;
        bool legal = prev == "statutory" || next == "notice" || next == "issued" || !actor.empty() || issued;
        if (legal) add(InterventionKind::Direction);
      } else if ((n == "adviser" || n == "advisor") &&
                 (prev == "improvement" || prev == "dfe" || prev == "government" || prev == "independent" ||
                  prev == "education")) {
        add(InterventionKind::Adviser);
      } else if (n == "trust" && (prev == "childrens" || prev == "independent" || prev == "services" ||
                                  next == "to" || prev == "a")) {
        if (about_services) add(InterventionKind::Trust);
      } else if ((n == "control" && prev == "council" && (prev2 == "of" || prev2 == "from")) ||
                 (n == "stripped" && next == "of")) {
        add(InterventionKind::Trust);
      } else if ((n == "intervention" || n == "intervene" || n == "intervened" || n == "intervenes") &&
                 !actor.empty()) {
        add(InterventionKind::Intervention);
      } else if (n == "sector" && next == "led") {
        add(InterventionKind::SectorLedPartner);
      } else if (n == "measures" && prev == "special") {
        add(InterventionKind::Intervention);
      } else if (new_director_at(w, i)) {
        add(InterventionKind::NewDirector);
      }
    }
  }

  std::string_view text_;
  const AuthorityDirectory& dir_;
  std::string visible_;
  std::vector<Sentence> sentences_;
  std::vector<Word> all_words_;
  int max_year_ = 0, ref_year_ = 0;
  size_t byline_end_ = 0;
  size_t current_sentence_begin_ = 0;
  const std::vector<Word>* current_words_ = nullptr;
  std::vector<std::pair<size_t, std::string>> mentions_;  // (byte offset, urn) of every authority mention

  // The authority a claim at `pos` is about: the nearest one named before it
  // in the same sentence, else the nearest after it; empty when the sentence
  // names none (the claim is about the article's subject).
  std::string nearest_authority(size_t pos) const {
    const Sentence& se = sentences_[sentence_index(pos)];
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), pos,
                               [](const std::pair<size_t, std::string>& m, size_t p) { return m.first < p; });
    if (it != mentions_.begin() && std::prev(it)->first >= se.begin) return std::prev(it)->second;
    if (it != mentions_.end() && it->first < se.end) return it->second;
    return {};
  }  // the header line the article's date came from ends here
  std::map<EventKind, double> event_;
  ArticleReading out_;
};

}  // namespace

std::string_view to_string(InterventionKind kind) {
  switch (kind) {
    case InterventionKind::Commissioner: return "commissioner";
    case InterventionKind::ImprovementBoard: return "improvement_board";
    case InterventionKind::ImprovementNotice: return "improvement_notice";
    case InterventionKind::Direction: return "direction";
    case InterventionKind::Adviser: return "adviser";
    case InterventionKind::Trust: return "trust";
    case InterventionKind::SectorLedPartner: return "sector_led_partner";
    case InterventionKind::Intervention: return "intervention";
    case InterventionKind::NewDirector: return "new_director";
  }
  return "intervention";
}

std::string_view to_string(EventKind kind) {
  switch (kind) {
    case EventKind::Inspection: return "inspection";
    case EventKind::MonitoringVisit: return "monitoring_visit";
    case EventKind::FocusedVisit: return "focused_visit";
    case EventKind::JointTargetedInspection: return "joint_targeted_inspection";
    case EventKind::Unknown: return "unknown";
  }
  return "unknown";
}

std::optional<Grade> grade_for_authority(const ArticleReading& reading, const std::string& urn) {
  return ArticleReader::grade_for(reading, urn);
}

ArticleReading read_article(std::string_view text, const AuthorityDirectory& directory,
                            const std::vector<std::pair<size_t, size_t>>& hidden, std::optional<Date> meta_date,
                            std::string meta_source) {
  return ArticleReader(text, directory, hidden).run(meta_date, std::move(meta_source));
}

}  // namespace cscwatch::news
