// Turns what a person types into the search box into a safe FTS5 MATCH
// expression. People type punctuation ("<script>", "children's", "s.47"),
// which FTS5 would reject as syntax errors; we keep the operators people mean
// ("phrases", AND/OR/NOT, prefix*, (groups)) and quote every other token so
// the tokenizer, not the query parser, sees the punctuation.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace cscwatch {

inline constexpr std::size_t kMaxSearchQueryLength = 500;

// A query's cost bound, checked before it runs (the time limit while it runs
// is in page_search.h). A prefix term ("safe*") expands to every indexed word
// that starts with it, so a short prefix or many of them, or many ORs, make
// FTS5 merge huge posting lists: `a*` alone takes over a second on the corpus
// and 83 of them joined by OR took 115 s. Past these limits the query is
// refused with a message saying which limit (HTTP 400).
inline constexpr int kMaxPrefixTerms = 4;        // words ending in *
inline constexpr std::size_t kMinPrefixLength = 3;  // characters before the *
inline constexpr int kMaxOrOperators = 16;
inline constexpr int kMaxQueryTerms = 32;        // words and phrases

// The MATCH expression, or an error message written for the person who typed
// the query (it says what to change).
Result<std::string> to_fts5_query(std::string_view query);

}  // namespace cscwatch
