#include "parse/context_figures.h"

#include <cmath>
#include <regex>
#include <string>

#include "parse/text_normalise.h"

namespace cscwatch::parse {

namespace {

constexpr size_t kMaxSentenceChars = 1200;
constexpr size_t kMaxSectionLines = 400;

struct Sentence {
  std::string text;  // clean text
  std::string norm;  // lower case
  int page = 0;
};

// The parts that follow the section (in SIF reports, "Recommendations"
// comes next). A heading is a short line without a colon: the section itself
// lists the previous judgements as "Leadership, management and governance:
// Inadequate".
bool ends_section(const std::string& norm) {
  if (norm.size() > 60 || norm.find(':') != std::string::npos) return false;
  for (std::string_view h : {"recommendations", "summary for children", "inspection judgements about",
                             "inspection judgement about", "information about this inspection", "executive summary"})
    if (starts_with(norm, h)) return true;
  return false;
}

// The section's sentences: split at ". " and at every bullet line; a
// sentence never runs over kMaxSentenceChars.
std::vector<Sentence> section_sentences(const DocumentLines& doc, size_t from) {
  std::vector<Sentence> out;
  Sentence current;
  auto flush = [&] {
    if (!current.text.empty()) {
      current.norm = normalise(current.text);
      out.push_back(std::move(current));
    }
    current = Sentence{};
  };
  const int last_page = doc.lines[from].page + 3;
  for (size_t i = from + 1; i < doc.lines.size() && i < from + 1 + kMaxSectionLines; ++i) {
    const DocLine& line = doc.lines[i];
    if (line.page > last_page || ends_section(line.norm)) break;
    if (is_page_number(line)) continue;
    if (line.bullet) flush();
    if (current.text.empty()) current.page = line.page;
    std::string_view rest = line.text;
    while (!rest.empty()) {
      size_t stop = rest.find(". ");
      std::string_view piece = stop == std::string_view::npos ? rest : rest.substr(0, stop + 1);
      if (!current.text.empty()) current.text += ' ';
      if (current.text.size() + piece.size() <= kMaxSentenceChars) current.text += piece;
      if (stop == std::string_view::npos) break;
      flush();
      current.page = line.page;
      rest = trim(rest.substr(stop + 2));
    }
    if (!current.text.empty() && current.text.back() == '.') flush();
  }
  flush();
  return out;
}

std::optional<double> word_number(const std::string& w) {
  static constexpr std::string_view kWords[] = {"none",     "one",      "two",      "three",   "four",    "five",
                                                "six",      "seven",    "eight",    "nine",    "ten",     "eleven",
                                                "twelve",   "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                                                "eighteen", "nineteen", "twenty"};
  if (w == "no") return 0.0;
  for (size_t i = 0; i < std::size(kWords); ++i)
    if (w == kWords[i]) return static_cast<double>(i);
  return std::nullopt;
}

std::optional<double> number_of(const std::string& digits) {
  std::string plain;
  for (char c : digits)
    if (c != ',' && c != ' ') plain += c;
  if (plain.empty() || plain.size() > 12) return std::nullopt;
  try {
    size_t used = 0;
    double v = std::stod(plain, &used);
    if (used != plain.size()) return std::nullopt;
    return v;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

struct Bounds {
  double low, high;
  const char* what;
};

struct FigureRule {
  const char* figure;
  std::vector<const char*> phrases;  // any names the figure (normalised text)
  bool percentage;                   // the value is "N%" (child poverty)
  Bounds value;
  Bounds rate;
};

const std::vector<FigureRule>& rules() {
  static const std::vector<FigureRule> r = {
      {kFigureChildrenLiving,
       {"under the age of 18 years live", "under the age of 18 live", "aged under 18 live"},
       false,
       {200, 2000000, "children living in the area"},
       {5, 40, "% of the population"}},
      {kFigureChildPoverty, {"living in poverty"}, true, {0.5, 70, "% of children living in poverty"}, {0, 0, ""}},
      {kFigureChildrenInNeed,
       {"formally in need of a specialist children"},
       false,
       {0, 60000, "children in need"},
       {50, 2000, "children in need per 10,000 children"}},
      {kFigureChildProtection,
       {"subject of a child protection plan", "subject to a child protection plan"},
       false,
       {0, 6000, "children on child protection plans"},
       {0, 300, "child protection plans per 10,000 children"}},
      {kFigureLookedAfter,
       {"being looked after by the local authority", "being looked after by the la ",
        "are looked after by the local authority", "were looked after by the local authority",
        "the local authority was looking after", "the local authority is looking after"},
       false,
       {0, 10000, "children looked after"},
       {0, 400, "children looked after per 10,000 children"}},
  };
  return r;
}

std::string format_number(double v) {
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// "At 31 December 2016," / "At the time of inspection," anywhere before the
// figure's name (a heading may run into the sentence), as printed; empty if none.
std::string as_at_date(const Sentence& s, const std::string& head) {
  static const std::regex as_at(R"((?:^|\s)(?:as at|at|on|by) (the time of (?:the )?inspection|[^,]{4,40}?),)");
  std::smatch m;
  if (!std::regex_search(head, m, as_at)) return "";
  // The clean text keeps the printed case of the date at the same offset.
  const auto pos = static_cast<size_t>(m.position(1)), len = static_cast<size_t>(m.length(1));
  return pos + len <= s.text.size() ? s.text.substr(pos, len) : m[1].str();
}

// The count is the number directly before "children" or "young people":
// "1,313 children", "62 100 children" (a space between thousands), never a
// date's year; small numbers are printed in words ("two children").
// A comma-grouped number with one digit too many ("56,2002 children") ends
// with a footnote mark: thousands groups have three digits.
// The space may be lost in the PDF's text ("117,900children", Buckinghamshire
// 2014); Wiltshire 2015 counts "3,038 open cases where children had been
// identified ... as being formally in need".
const std::regex& count_pattern() {
  static const std::regex count(
      R"((?:^|[^0-9,.])([0-9]{1,3}(?:[, ][0-9]{3})+|[0-9]+)([0-9])? ?(?:children|young people|are|were|open cases))");
  return count;
}

// Group 2 of count_pattern() is a footnote mark only after a grouped number;
// otherwise it is part of the number.
std::optional<double> count_of(const std::smatch& m) {
  const std::string whole = m[1].str();
  return number_of(whole.find_first_of(", ") != std::string::npos ? whole : whole + m[2].str());
}

// A count: in the words before the figure's name, in digits or in words, else
// after it ("the local authority was looking after 281 children").
std::optional<double> count_value(const Sentence& s, const std::string& head, size_t at) {
  static const std::regex count_in_words(
      R"((?:^|\s)(no|none|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty) (?:children|young people|child))");
  std::smatch m;
  if (std::regex_search(head, m, count_pattern())) return count_of(m);
  if (std::regex_search(head, m, count_in_words)) return word_number(m[1].str());
  const std::string tail = s.norm.substr(at);
  if (std::regex_search(tail, m, count_pattern())) return count_of(m);
  return std::nullopt;
}

// "one in five": the share as a percentage to one decimal place.
std::optional<double> one_in_share(const std::string& d) {
  auto n = word_number(d);
  if (!n) n = number_of(d);
  if (n && *n > 0) return std::round(1000.0 / *n) / 10.0;
  return std::nullopt;
}

// The rate printed with the count: for children living in the area, the share
// of the population the next sentence gives; for the others, "a rate of N per 10,000".
std::optional<double> printed_rate(const FigureRule& rule, const std::vector<Sentence>& sentences, size_t k) {
  static const std::regex rate_of(R"(a rate of ([0-9][0-9,]*(?:\.[0-9]+)?) per 10,?000)");
  static const std::regex share(
      R"(^this is (?:approximately |around |about )?([0-9]+(?:\.[0-9]+)?) ?% of the (?:total )?population)");
  if (rule.rate.high <= 0) return std::nullopt;
  std::smatch m;
  if (std::string_view(rule.figure) == kFigureChildrenLiving) {
    if (k + 1 < sentences.size() && std::regex_search(sentences[k + 1].norm, m, share)) return number_of(m[1].str());
  } else if (std::regex_search(sentences[k].norm, m, rate_of)) {
    return number_of(m[1].str());
  }
  return std::nullopt;
}

// A value or rate outside its bounds is a misreading: flagged for review.
bool plausible(const FigureRule& rule, const ContextFigure& f, std::vector<ReviewItem>& doubts) {
  const std::string field = std::string("context_figures.") + rule.figure;
  if (f.value < rule.value.low || f.value > rule.value.high) {
    add_review_item(doubts,
                    {field,
                     "implausible number of " + std::string(rule.value.what) + " (" + format_number(f.value) +
                         "; expected " + format_number(rule.value.low) + " to " + format_number(rule.value.high) + ")",
                     f.page});
    return false;
  }
  if (f.rate && (*f.rate < rule.rate.low || *f.rate > rule.rate.high)) {
    add_review_item(
        doubts, {field,
                 "implausible rate of " + std::string(rule.rate.what) + " (" + format_number(*f.rate) + "; expected " +
                     format_number(rule.rate.low) + " to " + format_number(rule.rate.high) + ")",
                 f.page});
    return false;
  }
  return true;
}

// Reads one figure from a sentence that names it: read (stored or flagged as
// implausible), or no number in it (the caller tries the next sentence that
// names the figure, e.g. after a footnote that names it first).
enum class FigureRead { Done, NoNumber };

FigureRead read_figure(const FigureRule& rule, const std::vector<Sentence>& sentences, size_t k,
                       std::vector<ContextFigure>& out, std::vector<ReviewItem>& doubts) {
  static const std::regex percent(R"(([0-9]+(?:\.[0-9]+)?) ?(?:%|per ?cent))");
  static const std::regex one_in(R"(one in (two|three|four|five|six|seven|eight|nine|ten|[0-9]+)\b)");
  const Sentence& s = sentences[k];
  size_t at = std::string::npos;
  for (const char* p : rule.phrases)
    if (size_t f = s.norm.find(p); f != std::string::npos) at = std::min(at, f);
  ContextFigure f;
  f.figure = rule.figure;
  f.page = s.page;
  f.printed = s.text;
  const std::string head = s.norm.substr(0, at);  // the words before the figure's name
  f.as_at = as_at_date(s, head);
  std::optional<double> value;
  if (rule.percentage) {
    std::smatch m;
    if (std::regex_search(head, m, percent))
      value = number_of(m[1].str());
    else if (std::regex_search(head, m, one_in))
      value = one_in_share(m[1].str());
    else
      return FigureRead::Done;  // a comparison in words ("a higher proportion"): no figure printed
  } else {
    value = count_value(s, head, at);
  }
  if (!value) return FigureRead::NoNumber;
  f.value = *value;
  f.rate = printed_rate(rule, sentences, k);
  if (!plausible(rule, f, doubts)) return FigureRead::Done;
  if (f.printed.size() > 400) f.printed = f.printed.substr(0, 400);
  out.push_back(std::move(f));
  return FigureRead::Done;
}

// A count whose printed rate disagrees with the area's children by more than
// half again either way was misread (or misprinted): flagged, not stored.
void check_rates(std::vector<ContextFigure>& figures, std::vector<ReviewItem>& doubts) {
  const ContextFigure* living = nullptr;
  for (const auto& f : figures)
    if (f.figure == kFigureChildrenLiving) living = &f;
  if (!living || living->value <= 0) return;
  const double children = living->value;
  std::vector<ContextFigure> kept;
  for (auto& f : figures) {
    const bool per_10000 = f.figure != kFigureChildrenLiving && f.figure != kFigureChildPoverty;
    if (per_10000 && f.rate && *f.rate > 0 && f.value > 0) {
      const double ratio = (f.value * 10000.0 / children) / *f.rate;
      if (ratio < 1 / 1.5 || ratio > 1.5) {
        add_review_item(
            doubts, {std::string("context_figures.") + f.figure,
                     "the count (" + format_number(f.value) + ") and the printed rate (" + format_number(*f.rate) +
                         " per 10,000) disagree with the " + format_number(children) + " children living in the area",
                     f.page});
        continue;
      }
    }
    kept.push_back(std::move(f));
  }
  figures = std::move(kept);
}

}  // namespace

std::vector<ContextFigure> read_context_figures(const DocumentLines& doc, std::vector<ReviewItem>& doubts) {
  // The heading appears in the contents too (with nothing under it) and in
  // some reports in a box before the section: the first occurrence that
  // names a figure is the section.
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const std::string& norm = doc.lines[i].norm;
    if (!starts_with(norm, "information about this local authority area") &&
        !starts_with(norm, "information about the local authority area"))
      continue;
    const std::vector<Sentence> sentences = section_sentences(doc, i);
    std::vector<ContextFigure> out;
    std::vector<ReviewItem> found_doubts;
    for (const FigureRule& rule : rules()) {
      const Sentence* unread = nullptr;  // the first sentence naming it with no number
      bool done = false;
      for (size_t k = 0; k < sentences.size() && !done; ++k) {
        bool named = false;
        for (const char* p : rule.phrases) named |= contains(sentences[k].norm, p);
        if (!named) continue;
        done = read_figure(rule, sentences, k, out, found_doubts) == FigureRead::Done;
        if (!done && !unread) unread = &sentences[k];
      }
      if (!done && unread)
        add_review_item(found_doubts, {std::string("context_figures.") + rule.figure,
                                       "the report names " + std::string(rule.value.what) +
                                           " but no number that reads: \"" + unread->text.substr(0, 200) + "\"",
                                       unread->page});
    }
    if (out.empty() && found_doubts.empty()) continue;
    check_rates(out, found_doubts);
    for (auto& d : found_doubts) add_review_item(doubts, std::move(d));
    return out;
  }
  return {};
}

}  // namespace cscwatch::parse
