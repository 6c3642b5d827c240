#include "pages/cited_fact.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <sstream>

#include "domain/date.h"
#include "domain/judgement.h"

namespace cscwatch {

namespace {

constexpr std::size_t kMaxTermBytes = 80;

// The first `n` words of `text` (a long sentence is searched by its start:
// the page may hyphenate or break it where the stored text does not).
std::string first_words(const std::string& text, std::size_t n) {
  std::istringstream in(text);
  std::string out, w;
  for (std::size_t i = 0; i < n && in >> w; ++i) out += (out.empty() ? "" : " ") + w;
  return out;
}

// A long passage: its first twelve words, then its first five.
void add_passage(std::vector<std::string>& words, const std::string& text) {
  for (std::size_t n : {12u, 5u}) {
    std::string start = first_words(text, n);
    if (!start.empty() && std::find(words.begin(), words.end(), start) == words.end()) words.push_back(start);
  }
}

// "6 July 2015", then "6 July" (a range printed "6 July to 30 July 2015"),
// then "06/07/2015".
std::vector<std::string> date_words(const std::string& iso) {
  auto d = parse_iso_date(iso);
  if (!d) return {};
  std::string long_form = to_long_form(*d);
  std::string day_month = long_form.substr(0, long_form.rfind(' '));
  char numeric[16];
  std::snprintf(numeric, sizeof numeric, "%02u/%02u/%04d", static_cast<unsigned>(d->day()), static_cast<unsigned>(d->month()),
                static_cast<int>(d->year()));
  return {long_form, day_month, numeric};
}

// `s` without a UTF-8 sequence cut short at its end (a query cut to a
// length limit may end inside a character).
std::string without_cut_character(std::string s) {
  size_t lead = s.size();
  while (lead > 0 && (static_cast<unsigned char>(s[lead - 1]) & 0xC0) == 0x80) --lead;
  if (lead == 0) return {};  // empty, or nothing but continuation bytes
  auto c = static_cast<unsigned char>(s[lead - 1]);
  size_t need = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
  if (s.size() - (lead - 1) < need) s.resize(lead - 1);
  return s;
}

// Each phrase followed by its typographic twin: the stored text has plain
// apostrophes and hyphens where the PDF often prints curly ones and dashes
// (MuPDF's search does not fold them).
std::vector<std::string> with_typographic_variants(const std::vector<std::string>& phrases) {
  static const std::pair<std::string_view, std::string_view> kPairs[] = {{"'", "\u2019"}, {"\u2019", "'"}, {" - ", " \u2013 "}};
  std::vector<std::string> out;
  auto add = [&](const std::string& p) {
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  };
  for (const auto& p : phrases) {
    add(p);
    for (auto [from, to] : kPairs) {
      if (p.find(from) == std::string::npos) continue;
      std::string v = p;
      for (size_t at = v.find(from); at != std::string::npos; at = v.find(from, at + to.size())) v.replace(at, from.size(), to);
      add(v);
    }
  }
  return out;
}

// A judgement: its printed grade, anchored on its printed label.
CitedFact judgement_fact(CitedFact f, const InspectionRow& r, JudgementArea area) {
  std::string name(label(area));
  if (!name.empty()) name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
  f.description = "The " + name + " judgement";
  auto it = r.judgements.find(f.key);
  if (it != r.judgements.end()) {
    const GradeCell& c = it->second;
    if (!c.printed_grade.empty()) {
      f.description += ", printed as \u201c" + c.printed_grade + "\u201d";
      f.words.push_back(c.printed_grade);
      if (!c.printed_label.empty()) f.anchor.push_back(c.printed_label);
      // The overall grade is often printed in a sentence ("Children's
      // services in Norfolk are inadequate") while the stored wording is
      // the parser's ("Overall judgement"): anchor on the sentence's start.
      if (area == JudgementArea::Overall)
        for (const char* a : {"Overall effectiveness", "Children\u2019s services in", "Children's services in"})
          f.anchor.push_back(a);
    } else if (!c.printed_label.empty()) {
      f.words.push_back(c.printed_label);
    }
  } else {
    f.description += " (not read: the page is where it should be)";
  }
  return f;
}

std::optional<CitedFact> fact_words(const InspectionRow& r, const std::vector<ImprovementPointRow>& points,
                                    std::string_view key) {
  CitedFact f;
  f.key = std::string(key);
  if (auto area = parse_judgement_area(key); area && to_string(*area) == key) return judgement_fact(std::move(f), r, *area);
  auto dated = [&](const char* what, const std::string& iso) {
    f.description = what;
    if (!iso.empty()) {
      auto d = parse_iso_date(iso);
      f.description += ": " + (d ? to_long_form(*d) : iso);
      f.words = date_words(iso);
    }
    return f;
  };
  if (key == "inspection_start") {
    dated("The first day of the inspection", r.inspection_start);
    // A range within one month is printed "6 to 17 December 2021": the
    // first day has no month of its own, so the whole range is the phrase.
    auto s = parse_iso_date(r.inspection_start), e = parse_iso_date(r.inspection_end);
    if (s && e && s->year() == e->year() && s->month() == e->month() && s->day() != e->day()) {
      std::string day = std::to_string(static_cast<unsigned>(s->day()));
      std::string end = to_long_form(*e);
      // Before "6 December", which would also match inside "16 December".
      std::vector<std::string> ranges;
      for (const char* between : {" to ", " \u2013 ", " - ", "\u2013", "-"}) ranges.push_back(day + between + end);
      f.words.insert(f.words.begin() + std::min<std::ptrdiff_t>(1, static_cast<std::ptrdiff_t>(f.words.size())), ranges.begin(), ranges.end());
    }
    return f;
  }
  if (key == "inspection_end") return dated("The last day of the inspection", r.inspection_end);
  if (key == "published") return dated("The date the report was published", r.published);
  if (key == "lead_inspector") {
    f.description = "The lead inspector";
    if (!r.lead_inspector.empty()) {
      f.description += ": " + r.lead_inspector;
      f.words.push_back(r.lead_inspector);
    }
    return f;
  }
  if (key == "authority") {
    f.description = "The authority as printed";
    if (!r.authority_printed.empty()) {
      f.description += ": " + r.authority_printed;
      f.words.push_back(r.authority_printed);
    }
    return f;
  }
  if (key == "headline") {
    if (r.headline.empty()) return std::nullopt;
    f.description = "The report's summary sentence";
    add_passage(f.words, r.headline);
    return f;
  }
  if (key.rfind("point-", 0) == 0) {
    std::string_view n = key.substr(6);
    if (n.empty() || n.size() > 4 || !std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return std::nullopt;
    int ordinal = std::stoi(std::string(n));
    auto it = std::find_if(points.begin(), points.end(), [&](const ImprovementPointRow& p) { return p.ordinal == ordinal; });
    if (it == points.end()) return std::nullopt;
    f.description = "Improvement point" + (it->number.empty() ? std::string() : " " + it->number);
    add_passage(f.words, it->text);
    return f;
  }
  return std::nullopt;
}

}  // namespace

std::optional<CitedFact> cited_fact(const InspectionRow& r, const std::vector<ImprovementPointRow>& points,
                                    std::string_view key) {
  auto f = fact_words(r, points, key);
  if (f) {
    f->words = with_typographic_variants(f->words);
    f->anchor = with_typographic_variants(f->anchor);
  }
  return f;
}

bool is_cited_fact_key(std::string_view key) {
  if (auto area = parse_judgement_area(key); area && to_string(*area) == key) return true;
  for (std::string_view k : {"inspection_start", "inspection_end", "published", "lead_inspector", "authority", "headline"})
    if (key == k) return true;
  if (key.rfind("point-", 0) != 0 || key.size() == 6 || key.size() > 10) return false;
  return std::all_of(key.begin() + 6, key.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string> highlight_terms(std::string_view query, std::size_t max_terms) {
  std::vector<std::string> terms;
  auto add = [&](std::string term) {
    if (term.size() > kMaxTermBytes) term.resize(kMaxTermBytes);
    term = without_cut_character(std::move(term));
    if (term.size() < 2 || term == "AND" || term == "OR" || term == "NOT") return;
    if (terms.size() < max_terms && std::find(terms.begin(), terms.end(), term) == terms.end()) terms.push_back(term);
  };
  std::size_t i = 0;
  while (i < query.size()) {
    char c = query[i];
    if (c == '"') {
      auto end = query.find('"', i + 1);
      std::string phrase(query.substr(i + 1, end == std::string_view::npos ? std::string_view::npos : end - i - 1));
      add(first_words(phrase, 16));
      i = end == std::string_view::npos ? query.size() : end + 1;
    } else if (std::isspace(static_cast<unsigned char>(c)) || c == '(' || c == ')' || c == '*' || c == '+' || c == '-') {
      ++i;
    } else {
      std::string word;
      while (i < query.size() && !std::isspace(static_cast<unsigned char>(query[i])) && query[i] != '"' && query[i] != '(' &&
             query[i] != ')' && query[i] != '*')
        word += query[i++];
      add(word);
    }
  }
  return terms;
}

}  // namespace cscwatch
