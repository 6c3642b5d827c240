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

// The MATCH expression, or an error message written for the person who typed
// the query (it says what to change).
Result<std::string> to_fts5_query(std::string_view query);

}  // namespace cscwatch
