// Persistence of weaknesses: does what inspectors asked for get done? Each
// improvement point of an authority's graded report is matched against the
// next graded report of the same authority — against its improvement points
// and against every sentence of its text — by TF-IDF cosine similarity over
// word stems (analysis/text_terms.h). A point whose best match among the next
// report's points scores at least kRecurringThreshold is "recurring"; below it,
// "not repeated". The best sentence of the next report's text is shown beside
// it as evidence (its score does not decide the verdict: a report's findings
// discuss most subjects again, good or bad).
//
// Inverse document frequencies come from every improvement point in the
// register, so a word every point uses ("ensure", "children") counts little.
// Themes are a fixed list of subjects (supervision, assessment, care leavers,
// ...) matched by their words' stems; a point may have several or none.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "store/inspection_rows.h"
#include "store/sqlite.h"

namespace cscwatch {

// Chosen by reading real pairs (`cscwatch persistence --list` over the
// corpus, random samples of each score band): the two points asked for the
// same thing in 10 of 12 sampled pairs scoring 0.25-0.30 and in 12 of 12 at
// 0.35 and above, but in 8 of 12 at 0.20-0.25 and about 2 of 6 at 0.15-0.20,
// where they share a subject word ("strategy", "plans") more than a request.
// The verdict is conservative: a point the next report repeats in a few words
// of its own can score lower and be shown as not repeated.
inline constexpr double kRecurringThreshold = 0.25;

struct PointMatch {
  ImprovementPointRow point;            // of the earlier report
  double point_score = 0;               // best cosine against the next report's points
  std::optional<ImprovementPointRow> best_point;  // that point (none when it has none)
  double passage_score = 0;             // best cosine against a sentence of the next report
  std::string passage;                  // that sentence
  int passage_page = 0;
  bool recurring = false;
  std::vector<std::string> themes;
};

struct InspectionPairMatches {
  InspectionRow earlier, later;
  std::vector<PointMatch> points;
  int recurring() const;
};

struct ThemePersistence {
  std::string theme;
  int points = 0;      // points of an earlier report with a next report
  int recurring = 0;
};

struct AuthorityPersistenceSummary {
  std::string urn, name, slug;
  int pairs = 0, points = 0, recurring = 0;
};

struct NationalPersistence {
  int pairs = 0, points = 0, recurring = 0;
  std::vector<ThemePersistence> themes;                 // most recurring first
  std::vector<AuthorityPersistenceSummary> authorities;  // with at least one point matched, by name
  // Each authority's pairs, as authority_persistence gives them: kept so that
  // an authority page reads them rather than matching again (three quarters
  // of an uncached authority page's time, profiled).
  std::map<std::string, std::vector<InspectionPairMatches>> pairs_by_authority;
};

// Every consecutive pair of graded reports of the authority (oldest first)
// whose earlier report has improvement points: from national_persistence's
// shared result (computed once per register state).
std::vector<InspectionPairMatches> authority_persistence(const Connection& db, const std::string& urn);
// The same computed for this authority alone (a one-off command, where the
// national result would be computed for one answer).
std::vector<InspectionPairMatches> compute_authority_persistence(const Connection& db, const std::string& urn);

// Over every authority; computed once per register state and shared.
std::shared_ptr<const NationalPersistence> national_persistence(const Connection& db);
NationalPersistence compute_national_persistence(const Connection& db);

// The themes a text is about (names from the fixed list).
std::vector<std::string> persistence_themes(const std::string& text);
const std::vector<std::string>& persistence_theme_names();

// The cosine similarity of two texts' stem TF-IDF vectors, with inverse
// document frequencies from every improvement point in `db` (for tests and
// the command line).
double improvement_point_similarity(const Connection& db, const std::string& a, const std::string& b);

}  // namespace cscwatch
