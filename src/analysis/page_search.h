// Full-text search over every page of every stored report (FTS5 table
// page_fts), ranked by bm25, with filters on the report's inspection and
// counts of hits by the report's overall grade. What it needs to know about a
// page's report comes from the connection's page directory (page_directory.h),
// so the full-text query runs alone.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "domain/result.h"
#include "store/sqlite.h"

namespace cscwatch {

// What one full-text query may spend while it runs (the caps on its shape are
// in fts_query.h). The limit is enforced with sqlite3_progress_handler: past
// it, or once `cancelled` says so (the web server: the client has closed its
// connection), SQLite stops the statement and the query fails with a message.
inline constexpr std::chrono::milliseconds kDefaultQueryTimeLimit{3000};

struct QueryBudget {
  std::chrono::milliseconds time_limit = kDefaultQueryTimeLimit;
  std::function<bool()> cancelled;  // polled every few milliseconds; empty: never
};

struct SearchRequest {
  std::string query;      // as typed; see fts_query.h
  std::string grade;      // overall grade (machine name) or "none"; empty: any
  std::string framework;  // "SIF", "ILACS", "pre-SIF"; empty: any
  int year_from = 0, year_to = 0;  // inspection start year (publication year if no start); 0: open
  std::string region;     // region name; empty: any
  int limit = 20;
  int offset = 0;
  QueryBudget budget;
};

// Snippet highlight markers: control characters that page text never holds
// (they are stripped from stored text before rendering).
inline constexpr char kMarkStart = '\x02';
inline constexpr char kMarkEnd = '\x03';

struct SearchHit {
  int64_t document_id = 0;
  int page = 0;
  std::string source_file, authority_name, authority_slug, region_name, framework, kind;
  std::string inspection_start, published, overall;
  std::string snippet;  // page text around the match, matches between kMarkStart/kMarkEnd
  double score = 0;     // bm25: lower is better
};

struct SearchResults {
  std::string fts_query;                 // the MATCH expression that ran
  int total_hits = 0;                    // pages matching
  int total_reports = 0;                 // distinct reports among them
  std::map<std::string, int> hits_by_grade;  // overall grade ("none" if ungraded) -> pages
  std::vector<SearchHit> hits;           // one page of results, best first
};

// Errors are messages for the person searching (a malformed query), never
// internal failures: those throw SqlError.
Result<SearchResults> search_pages(const Connection& db, const SearchRequest& request);

}  // namespace cscwatch

namespace cscwatch {

// The pages of one report that match `query`, with matches marked
// (kMarkStart/kMarkEnd), by page number. Empty for an empty query; an error
// (for the person searching) for a malformed or too costly one.
Result<std::map<int, std::string>> highlight_pages(const Connection& db, int64_t document_id, const std::string& query,
                                                   const QueryBudget& budget = {});

}  // namespace cscwatch
