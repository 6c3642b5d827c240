#include "news/grade_reading.h"

#include <map>

namespace cscwatch::news {

using namespace reading;

namespace {

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
    if (w[k].norm == "overall" &&
        (w[k + 1].norm == "judgement" || w[k + 1].norm == "judgment" || w[k + 1].norm == "effectiveness" ||
         w[k + 1].norm == "rating" || w[k + 1].norm == "grade"))
      return true;
  return false;
}

bool quoted_word(std::string_view s, const Word& w) {
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

bool is_grade_word(std::string_view n) {
  return n == "inadequate" || n == "good" || n == "outstanding" || n == "adequate" || n == "requires" ||
         n == "require" || n == "improvement";
}

// "from (a judgement of) X to Y": X at i is the grade before, Y the grade now.
bool from_grade(const std::vector<Word>& w, size_t i, size_t last) {
  bool from = false;
  for (size_t k = i >= 5 ? i - 5 : 0; k < i; ++k) from = from || w[k].norm == "from";
  if (!from) return false;
  for (size_t k = last + 1; k + 1 < w.size() && k <= last + 3; ++k)
    if (w[k].norm == "to" && is_grade_word(w[k + 1].norm)) return true;
  return false;
}

// The Y of "from X to Y": "to" before it, "from" and a grade word in the words before that.
bool to_grade(const std::vector<Word>& w, size_t i) {
  if (i < 2 || w[i - 1].norm != "to") return false;
  bool grade_between = false;
  for (size_t k = i - 2; k + 14 >= i; --k) {
    if (w[k].norm == "from") return grade_between;
    grade_between = grade_between || is_grade_word(w[k].norm);
    if (k == 0) break;
  }
  return false;
}

// The grade a word names, its last word and whether the word is also common
// English ("good"); nothing at the "good" closing "requires improvement to be good".
struct GradeWord {
  std::optional<Grade> grade;
  size_t last = 0;
  bool weak_word = false;
};

GradeWord grade_word_at(const std::vector<Word>& w, size_t i) {
  const auto& n = w[i].norm;
  GradeWord g{std::nullopt, i, false};
  if (n == "inadequate") {
    g.grade = Grade::Inadequate;
  } else if ((n == "requires" || n == "require" || n == "requiring" || n == "required") && i + 1 < w.size() &&
             w[i + 1].norm == "improvement") {
    g.grade = Grade::RequiresImprovement;
    g.last = i + 1;
    if (i + 3 < w.size() && w[i + 2].norm == "to" && w[i + 3].norm == "be" && i + 4 < w.size() &&
        w[i + 4].norm == "good")
      g.last = i + 4;  // the grade's full name says which grade it is, wherever it stands
  } else if (n == "good" && i >= 3 && w[i - 1].norm == "be" && w[i - 2].norm == "to" &&
             w[i - 3].norm == "improvement") {
    return g;  // the end of "requires improvement to be good"
  } else if (n == "good") {
    g.grade = Grade::Good;
    g.weak_word = true;
  } else if (n == "outstanding") {
    g.grade = Grade::Outstanding;
    g.weak_word = true;
  } else if (n == "adequate") {
    g.grade = Grade::Adequate;
    g.weak_word = true;
  }
  return g;
}

// Grades offered as alternatives ("to warrant 'good' or 'outstanding'
// ratings", "good or better"): a range spoken of, never the grade given.
bool alternative_grade(const std::vector<Word>& w, size_t i, size_t last) {
  auto grade_at = [&](size_t k) { return k < w.size() && grade_word_at(w, k).grade.has_value(); };
  bool or_after = last + 2 < w.size() && (w[last + 1].norm == "or" || w[last + 1].norm == "nor") &&
                  (grade_at(last + 2) || w[last + 2].norm == "better" || w[last + 2].norm == "above");
  bool or_before = i >= 2 && (w[i - 1].norm == "or" || w[i - 1].norm == "nor") && grade_at(i - 2);
  if (i >= 3 && w[i - 1].norm == "or" && w[i - 2].norm == "improvement") or_before = true;  // "requires improvement or ..."
  return or_after || or_before;
}

// Is the grade word at i (to `last`) said to be a grade: quoted, after
// "rated"/"judged"/"as", "is ..." in a sentence about inspection, before
// "rating"/"overall"? A common word ("good") needs it; a grade name needs it
// or a sentence about inspection (`context`).
bool grade_claimed(std::string_view s, const std::vector<Word>& w, size_t i, const GradeWord& gw, bool context) {
  size_t last = gw.last;
  bool strong = quoted_word(s, w[i]) || last == i + 4;
  for (size_t k = i >= 4 ? i - 4 : 0; k < i; ++k) {
    const auto& p = w[k].norm;
    if (p == "rated" || p == "rating" || p == "judged" || p == "graded" || p == "branded" || p == "deemed" ||
        p == "labelled" || p == "ranked" || p == "classed" || p == "assessed" || p == "grade" || p == "verdict" ||
        p == "judgement" || p == "rate" || p == "rates" || p == "found")
      strong = true;
  }
  if (i >= 1 &&
      (w[i - 1].norm == "as" || w[i - 1].norm == "from" || (w[i - 1].norm == "be" && i >= 2 && w[i - 2].norm == "to")))
    strong = true;
  if (i >= 1 &&
      (w[i - 1].norm == "are" || w[i - 1].norm == "is" || w[i - 1].norm == "was" || w[i - 1].norm == "were" ||
       w[i - 1].norm == "remain" || w[i - 1].norm == "remains" || w[i - 1].norm == "now" || w[i - 1].norm == "still") &&
      context)
    strong = true;
  std::string_view after = last + 1 < w.size() ? std::string_view(w[last + 1].norm) : "";
  if (after == "rating" || after == "overall" || after == "grade" || after == "judgement" || after == "verdict")
    strong = true;
  // "its outstanding Ofsted judgement": the rating noun after the inspectorate's name.
  std::string_view after2 = last + 2 < w.size() ? std::string_view(w[last + 2].norm) : "";
  if ((after == "ofsted" || after == "ofsteds") &&
      (after2 == "rating" || after2 == "grade" || after2 == "judgement" || after2 == "verdict"))
    return true;
  if (to_grade(w, i)) return true;  // "from requires improvement to outstanding"
  if (!gw.weak_word) return strong || context;
  static constexpr std::string_view kNotGrade[] = {
      "to",       "at",      "for",      "news",   "progress", "practice", "quality",       "work",
      "start",    "example", "practise", "reason", "idea",     "job",      "relationships", "support",
      "services", "service", "outcomes", "issues", "concerns", "cases",    "actions",       "in",
      "and",      "or",      "enough",   "as",     "effort",   "care",     "morning"};
  for (auto x : kNotGrade)
    if (after == x && !quoted_word(s, w[i])) strong = false;
  // "a good start" is praise; "a 'good' service" in quotation marks is the grade.
  if (i >= 1 && (w[i - 1].norm == "very" || w[i - 1].norm == "a" || w[i - 1].norm == "no" || w[i - 1].norm == "more") &&
      !(w[i - 1].norm == "a" && quoted_word(s, w[i])))
    strong = false;
  return strong;
}

// An area's grade ("care leavers ... requires improvement"): the area named
// last within the ten words before.
std::string area_before(const std::vector<Word>& w, size_t i) {
  std::string area;
  for (size_t k = i >= 10 ? i - 10 : 0; k < i; ++k) {
    const auto& a = w[k].norm;
    std::string_view b = k + 1 < w.size() ? std::string_view(w[k + 1].norm) : "";
    if (a == "care" && b == "leavers")
      area = "care_leavers";
    else if ((a == "children" && b == "in") || (a == "looked" && b == "after"))
      area = "in_care";
    else if (a == "help" && b == "and")
      area = "help_protection";
    else if (a == "leadership" || a == "leaders" || (a == "impact" && b == "of"))
      area = "leadership";
    else if (a == "adoption")
      area = "adoption";
    else if (a == "lscb" || (a == "safeguarding" && (b == "children" || b == "childrens" || b == "board")))
      area = "lscb";
  }
  return area;
}

// Is the grade about an earlier inspection: the sentence speaks of one, the
// grade is the "from" of "from X to Y", or a year before the article's stands by it.
void date_grade(const ReadingContext& ctx, const std::vector<Word>& w, size_t i, bool earlier_cue, GradeMention& gm) {
  gm.earlier = earlier_cue;
  if (i >= 1 && w[i - 1].norm == "from") gm.earlier = true;
  if (from_grade(w, i, i + (w[i].norm == "requires" || w[i].norm == "require" ? 1 : 0))) gm.earlier = true;
  if (i >= 2 && w[i - 1].norm == "to" &&
      (w[i - 2].norm == "inadequate" || w[i - 2].norm == "good" || w[i - 2].norm == "outstanding" ||
       w[i - 2].norm == "improvement"))
    gm.earlier = false;
  gm.year = nearest_year(w, i);
  if (gm.year && ctx.ref_year && *gm.year < ctx.ref_year - (ctx.article_date ? 0 : 1) &&
      !(i >= 2 && w[i - 1].norm == "to"))
    gm.earlier = true;
  if (gm.year && !gm.earlier && ctx.ref_year && *gm.year < ctx.ref_year) gm.earlier = true;
  // "rated inadequate two years ago", "last year": a grade given before.
  for (size_t k = i + 1; k < w.size() && k <= i + 6; ++k)
    if ((w[k].norm == "ago" && (w[k - 1].norm == "years" || w[k - 1].norm == "year")) ||
        (w[k].norm == "year" && w[k - 1].norm == "last"))
      gm.earlier = true;
  if (current_grade_cue(w, i)) {
    gm.earlier = false;  // "now requires improvement": the grade given now, whatever year stands nearby
    gm.year.reset();
  }
}

}  // namespace

void read_grades(const ReadingContext& ctx, const SentenceWords& se, GradeReading& out) {
  const auto& w = se.w;
  bool context = false, overall = false;
  for (const auto& x : w) {
    const auto& n = x.norm;
    if (n == "ofsted" || n == "ofsteds" || n.rfind("inspect", 0) == 0 || n == "rated" || n == "rating" ||
        n == "report" || n == "services" || n == "judged" || n == "branded" || n == "council" || n == "department" ||
        n == "watchdog" || n == "care" || n == "graded" || n == "judgement" || n == "grade")
      context = true;
    if (n == "overall" || n == "overallthe") overall = true;
  }
  for (size_t i = 0; i < w.size(); ++i) {
    GradeWord gw = grade_word_at(w, i);
    if (!gw.grade) continue;
    if (aspirational_grade(w, i) || negated_grade(w, i) || alternative_grade(w, i, gw.last)) {
      i = gw.last;
      continue;
    }
    if (!grade_claimed(se.s, w, i, gw, context)) continue;
    GradeMention gm;
    gm.grade = *gw.grade;
    gm.overall_stated = stated_overall_grade(w, i, gw.last) && !some_areas_grade(w, i);
    if (some_areas_grade(w, i) && !gm.overall_stated) gm.area = "some_areas";
    gm.authority_urn = ctx.nearest_authority(se.begin + w[i].begin);
    gm.text = se.sentence;
    gm.weight = se.weight;
    date_grade(ctx, w, i, se.earlier_cue, gm);
    if (!overall && gm.area.empty()) gm.area = area_before(w, i);
    if (gm.earlier) {
      bool dup = false;
      for (const auto& e : out.earlier)
        if (e.grade == gm.grade && e.year == gm.year && e.area == gm.area) dup = true;
      if (!dup && out.earlier.size() < 20) out.earlier.push_back(gm);
    } else if (out.current.size() < 60) {
      out.current.push_back(gm);
    }
    i = gw.last;
  }
}

std::optional<Grade> grade_of(const std::vector<GradeMention>& mentions, const std::string& urn) {
  std::optional<Grade> grade;
  std::map<Grade, double> votes, area_votes, overall_votes;
  for (const auto& m : mentions) {
    if (!m.authority_urn.empty() && !urn.empty() && m.authority_urn != urn) continue;
    (m.area.empty() ? votes : area_votes)[m.grade] += m.weight;
    if (m.overall_stated) overall_votes[m.grade] += m.weight;
  }
  if (!overall_votes.empty()) votes = overall_votes;  // a grade said to be the overall one outweighs the rest
  if (votes.empty()) votes = area_votes;              // only area grades stated
  double best = 0;
  for (auto [g, v] : votes)
    if (v > best) {
      best = v;
      grade = g;
    }
  return grade;
}

}  // namespace cscwatch::news
