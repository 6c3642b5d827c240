// Recurring weaknesses: the phrases of one to three words that inadequate
// reports use more than good or outstanding ones, and the reverse, by the
// weighted log-odds ratio with an informative Dirichlet prior (Monroe,
// Colaresi and Quinn 2008, "Fightin' words", section 3.5).
//
// The corpus is every graded report's page text (table pages); a report's
// class is its overall grade, or for the April 2026 framework the grade it is
// counted at (its lowest judgement; analysis/national_register.h). Requires
// improvement and adequate reports are in neither class but are part of the
// prior, which is the whole corpus's counts: for a phrase w of n words,
// alpha_w = y_w (its count in every graded report) and alpha_0 = the total of
// n-word phrase counts. Each phrase length is its own vocabulary.
//
// Phrases: a phrase never crosses punctuation, a number or a paragraph
// break, never starts or ends with a stop-word and has no word of one letter.
// Boilerplate: the report's own authority name and lead inspector's name are
// removed (a break), and so are proper names in general — words printed with
// a capital in at least 90% of their mid-sentence uses (place, person and
// body names: "Ofsted", "Sandwell", "Board") — while acronyms (LSCB, MASH,
// IRO) are kept. A phrase of nothing but the grades' own words
// ("inadequate", "requires improvement") is left out. A phrase must appear in at least kMinReports reports.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store/sqlite.h"

namespace cscwatch {

inline constexpr int kMinPhraseReports = 5;

struct PhraseScore {
  std::string phrase;  // lower case, words separated by one space
  int words = 0;
  double delta = 0;    // log-odds ratio, inadequate minus good/outstanding
  double z = 0;        // delta over its standard deviation; > 0: more in inadequate reports
  long long count_inadequate = 0, count_good = 0;  // occurrences
  long long count_all = 0;                         // in every graded report: the prior
  int reports_inadequate = 0, reports_good = 0;    // reports using it
};

struct PhraseContrast {
  std::string framework;  // "SIF", "ILACS" or "" for every framework
  int reports_inadequate = 0, reports_good = 0, reports_other = 0;
  long long words_inadequate = 0, words_good = 0;  // words counted (one-word phrases)
  long long phrases_scored = 0;                    // distinct phrases meeting kMinPhraseReports
  // Phrases of n words counted ([n], n = 1..3): in inadequate reports, in
  // good or outstanding ones, in every graded report (alpha_0).
  long long totals_inadequate[4] = {}, totals_good[4] = {}, totals_all[4] = {};
  std::vector<PhraseScore> inadequate_markers;     // highest z first
  std::vector<PhraseScore> good_markers;           // lowest z first
};

// The weighted log-odds ratio of a phrase counted y_a times of n_a in class a
// and y_b of n_b in class b, with prior count alpha of alpha0:
//   delta = log((y_a+alpha)/(n_a+alpha0-y_a-alpha)) - log((y_b+alpha)/(n_b+alpha0-y_b-alpha))
//   var ~ 1/(y_a+alpha) + 1/(y_b+alpha).
struct LogOdds {
  double delta = 0, z = 0;
};
LogOdds log_odds(double y_a, double n_a, double y_b, double n_b, double alpha, double alpha0);

// Computes the contrast afresh (about a second over the corpus). `framework`
// is "", "SIF" or "ILACS"; `top` phrases are kept each way.
PhraseContrast compute_phrase_contrast(const Connection& db, const std::string& framework, int top);

// The same, computed once per register state (analysis/register_fingerprint.h)
// and framework, with kPhraseContrastTop phrases each way, and shared.
inline constexpr int kPhraseContrastTop = 200;
std::shared_ptr<const PhraseContrast> phrase_contrast(const Connection& db, const std::string& framework);

}  // namespace cscwatch
