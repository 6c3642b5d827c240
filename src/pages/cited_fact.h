// Which words on a page a cited fact stands on. A link to a page image names
// the fact (`?fact=overall`, `?fact=lead_inspector`, `?fact=point-3`), never
// the words: the server derives them from the register, so a link cannot be
// made to highlight arbitrary text on an official report.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/inspection_rows.h"

namespace cscwatch {

struct CitedFact {
  std::string key;          // as in the link
  std::string description;  // plain text: "The overall effectiveness judgement"
  // The words as printed, most exact first: the page highlights the first
  // that is found (a long sentence may be broken differently on the page).
  std::vector<std::string> words;
  // Words printed just before the fact (a judgement's own wording): when the
  // fact's words occur several times on the page, the occurrence nearest
  // after the anchor is the one meant.
  std::vector<std::string> anchor;
};

// The fact `key` names in this report: a judgement area (overall,
// help_protection, ...), inspection_start, inspection_end, published,
// lead_inspector, authority, headline, or point-N (the N-th improvement point,
// 1-based). nullopt for a key the report has no such fact for. A fact that was
// not read (a review item) has a description and no words.
std::optional<CitedFact> cited_fact(const InspectionRow& row, const std::vector<ImprovementPointRow>& points,
                                    std::string_view key);

// Whether `key` is a fact key cited_fact understands (for any report).
bool is_cited_fact_key(std::string_view key);

// Words of a search query worth highlighting: quoted phrases whole, other
// words without operators or wildcards (AND, OR, NOT, *, parentheses); at
// most `max_terms`, each at most 80 bytes.
std::vector<std::string> highlight_terms(std::string_view query, std::size_t max_terms = 8);

}  // namespace cscwatch
