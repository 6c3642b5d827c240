// Which report in the register an article is about, as evidence retrieval:
// candidates are the reports of every authority the article names (in its
// text, headline or address) and every report holding a passage it quotes;
// each is scored from named pieces of evidence (link_evidence.h, weights in
// one table). Links only on evidence beyond the authority, never to a report
// something stated rules out; otherwise says why not.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "news/article_reading.h"
#include "news/intervention_linking.h"
#include "news/link_evidence.h"
#include "news/quotations.h"
#include "store/inspection_rows.h"
#include "store/sqlite.h"

namespace cscwatch::news {

struct LinkCandidate {
  InspectionRow row;
  std::vector<Evidence> evidence;
  double score = 0;        // sum of the evidence weights
  double confidence = 0;   // 0..1 (see link_confidence)
  bool from_quotation = false;  // found by a passage the article quotes

  bool identified() const;      // some evidence picks out this report among the authority's
  bool contradicted() const;    // something stated rules it out
  const Evidence* first_contradiction() const;
};

enum class NoLinkReason {
  None,                 // linked
  NoAuthority,          // the article names no authority and quotes no report
  NothingInRegister,    // the authorities named have no reports in the register
  Contradicted,         // the closest report is ruled out by what the article states
  OnlyAuthority,        // nothing stated picks out one report
  Ambiguous,            // two reports fit equally well
  Weak,                 // the best candidate's score is too low
};

std::string_view to_string(NoLinkReason reason);

struct LinkResult {
  std::optional<LinkCandidate> linked;
  NoLinkReason reason = NoLinkReason::None;
  std::string no_link_reason;              // for people, when not linked
  std::vector<LinkCandidate> candidates;   // best first (at most 5)
  std::vector<LinkCandidate> other_links;  // confident links for other authorities the article names
  // An article about an intervention links to the intervention record (never
  // to an inspection): `linked` is then empty and this holds the record.
  bool about_intervention = false;
  std::optional<InterventionLink> intervention;
  // Context, never the link: the inspection the linked intervention or visit
  // follows (for an intervention not in the register, the inspection the
  // article is otherwise linked to). Shown as "follows: <file>".
  std::optional<InspectionRow> follows;
};

// Thresholds of the decision.
inline constexpr double kMinLinkScore = 0.5;      // the best candidate's score
inline constexpr double kMinMargin = 0.1;         // over the next report of the same authority with evidence

// Confidence of a link: its score (capped at 1), lowered when the runner-up
// comes close: confidence = min(score, 0.5 + margin over the runner-up).
double link_confidence(double score, double runner_up);

// `quotes` are the article's quotations (every one of five words or more is
// searched for in the whole register).
LinkResult link_inspection(const Connection& db, const ArticleReading& reading, const QuotationReading& quotes);

}  // namespace cscwatch::news
