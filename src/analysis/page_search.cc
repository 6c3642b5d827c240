#include "analysis/page_search.h"

#include <sqlite3.h>

#include <algorithm>
#include <span>
#include <tuple>
#include <unordered_map>

#include "analysis/fts_query.h"
#include "analysis/page_directory.h"

namespace cscwatch {

namespace {

// The request's filters, as the SQL they replace had them (see page_directory.h).
bool matches_filters(const DirectoryReport& report, const SearchRequest& r) {
  return (r.grade.empty() || report.grade_key == r.grade) && (r.framework.empty() || report.framework == r.framework) &&
         (r.year_from == 0 || report.year >= r.year_from) && (r.year_to == 0 || report.year <= r.year_to) &&
         (r.region.empty() || report.region_name == r.region);
}

// Installs the budget's progress handler on the connection for one query and
// removes it afterwards (connections are pooled and reused).
class BudgetGuard {
 public:
  BudgetGuard(const Connection& db, const QueryBudget& budget)
      : db_(db.handle()), budget_(budget), deadline_(std::chrono::steady_clock::now() + budget.time_limit) {
    sqlite3_progress_handler(db_, 1000, &BudgetGuard::check, this);
  }
  ~BudgetGuard() { sqlite3_progress_handler(db_, 0, nullptr, nullptr); }
  BudgetGuard(const BudgetGuard&) = delete;
  BudgetGuard& operator=(const BudgetGuard&) = delete;

  bool timed_out() const { return timed_out_; }
  bool cancelled() const { return cancelled_; }
  // The message for an interrupted query; empty if it was not interrupted.
  std::string reason() const {
    if (cancelled_) return "The search was stopped: the connection was closed.";
    if (timed_out_)
      return "The search took longer than the " + std::to_string(budget_.time_limit.count()) +
             " ms it may take and was stopped. Use fewer words ending in * or fewer ORs, or more specific words.";
    return {};
  }

 private:
  static int check(void* self) {
    auto* g = static_cast<BudgetGuard*>(self);
    auto now = std::chrono::steady_clock::now();
    if (now >= g->deadline_) {
      g->timed_out_ = true;
      return 1;
    }
    if (g->budget_.cancelled && now >= g->next_poll_) {
      g->next_poll_ = now + std::chrono::milliseconds(20);
      if (g->budget_.cancelled()) {
        g->cancelled_ = true;
        return 1;
      }
    }
    return 0;
  }

  sqlite3* db_;
  const QueryBudget& budget_;
  std::chrono::steady_clock::time_point deadline_;
  std::chrono::steady_clock::time_point next_poll_{};
  bool timed_out_ = false, cancelled_ = false;
};

struct Ranked {
  double score;
  int64_t document;
  int page;
  int64_t rowid;
  const DirectoryReport* report;
};

// Every page matching the query whose report passes the filters, unordered,
// with the counts by grade and report filled into `out`.
std::vector<Ranked> rank_matching_pages(const Connection& db, const PageDirectory& directory,
                                        const SearchRequest& request, const std::string& match, SearchResults& out) {
  std::vector<Ranked> ranked;
  // Pages found per report (by directory index), summed by grade at the end:
  // a per-page map or set lookup by string cost more than the lookup itself.
  std::vector<int> pages_by_report(directory.reports.size(), 0);
  std::vector<char> wanted(directory.reports.size());  // the filters, decided once per report
  for (size_t r = 0; r < wanted.size(); ++r) wanted[r] = matches_filters(directory.reports[r], request);
  auto all = db.prepare("SELECT rowid, bm25(page_fts) FROM page_fts WHERE page_fts MATCH ?1");
  all.bind(1, match);
  while (all.step()) {
    const DirectoryPage* page = directory.find(all.integer(0));
    if (!page) continue;  // not a page of an inspection report
    if (!wanted[page->report]) continue;
    const DirectoryReport& report = directory.reports[page->report];
    ranked.push_back({all.real(1), report.document_id, page->number, all.integer(0), &report});
    ++pages_by_report[page->report];
  }
  out.total_hits = static_cast<int>(ranked.size());
  for (size_t r = 0; r < pages_by_report.size(); ++r) {
    if (pages_by_report[r] == 0) continue;
    out.hits_by_grade[directory.reports[r].grade_key] += pages_by_report[r];
    ++out.total_reports;
  }
  return ranked;
}

// Snippets, the expensive part, for the shown hits only, in one pass over
// the matches: a statement per hit (MATCH ... AND rowid = ?) parsed the
// query and sought its words' posting lists again for each of them, which
// cost more than the snippets. `+rowid` keeps the IN list out of FTS5
// (which would do exactly that) and filters the scan instead; the range
// bounds the scan. The ids are our own integers, so they are written into
// the SQL.
std::unordered_map<int64_t, std::string> snippets_for(const Connection& db, const std::string& match,
                                                      std::span<const Ranked> shown) {
  std::string ids;
  int64_t lowest = shown.front().rowid, highest = shown.front().rowid;
  for (const Ranked& r : shown) {
    ids += (ids.empty() ? "" : ",") + std::to_string(r.rowid);
    lowest = std::min(lowest, r.rowid);
    highest = std::max(highest, r.rowid);
  }
  std::unordered_map<int64_t, std::string> snippets;
  auto q = db.prepare(
      "SELECT rowid, snippet(page_fts, 0, char(2), char(3), '…', 32) FROM page_fts "
      "WHERE page_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3 AND +rowid IN (" +
      ids + ")");
  q.bind(1, match).bind(2, lowest).bind(3, highest);
  while (q.step()) snippets.emplace(q.integer(0), q.text(1));
  return snippets;
}

SearchHit hit(const Ranked& r, std::string snippet) {
  SearchHit h;
  h.document_id = r.document;
  h.page = r.page;
  h.source_file = r.report->source_file;
  h.authority_name = r.report->authority_name;
  h.authority_slug = r.report->authority_slug;
  h.region_name = r.report->region_name;
  h.framework = r.report->framework;
  h.kind = r.report->kind;
  h.inspection_start = r.report->inspection_start;
  h.published = r.report->published;
  h.overall = r.report->overall;
  h.snippet = std::move(snippet);
  h.score = r.score;
  return h;
}

// The hits on the requested page of results, best first, with their snippets.
void add_shown_hits(const Connection& db, const SearchRequest& request, const std::string& match,
                    std::vector<Ranked>& ranked, SearchResults& out) {
  auto better = [](const Ranked& a, const Ranked& b) {
    return std::tie(a.score, a.document, a.page) < std::tie(b.score, b.document, b.page);
  };
  size_t from = std::min(ranked.size(), static_cast<size_t>(std::max(0, request.offset)));
  size_t to = std::min(ranked.size(), from + static_cast<size_t>(std::max(0, request.limit)));
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(to), ranked.end(), better);
  if (from == to) return;  // a page past the last hit: counts, and no hits to show
  const std::span<const Ranked> shown(ranked.data() + from, to - from);
  auto snippets = snippets_for(db, match, shown);
  for (const Ranked& r : shown)
    if (auto snippet = snippets.find(r.rowid); snippet != snippets.end())
      out.hits.push_back(hit(r, std::move(snippet->second)));
}

}  // namespace

Result<SearchResults> search_pages(const Connection& db, const SearchRequest& request) {
  auto match = to_fts5_query(request.query);
  if (!match) return Error{match.error()};
  SearchResults out;
  out.fts_query = *match;
  // One snapshot for the directory and the full-text query (the web server
  // has one open already; the savepoint nests).
  ReadSnapshot snapshot(db);
  BudgetGuard guard(db, request.budget);
  try {
    // Where the time went (CPU on one core, mean of 300 one- and two-word
    // queries drawn from the corpus's own words, bench/search_words.sql):
    // ranking 1.3 ms, of which the FTS5 match 0.1, bm25 0.3 and the joins
    // from each matching page to its report, inspection, authority and grade
    // 0.9; snippets 2.0 ms, a statement per shown hit that parsed the query
    // and sought its posting lists again (0.8 of the 2.0). Now the FTS5 query
    // runs alone (0.4 ms with bm25), each page is looked up in the in-memory
    // directory, and the snippets come from one pass (0.5 ms): 2.7 -> 1.0 ms
    // a search, and 11.3 -> 3.2 ms for the commonest words.
    auto directory = page_directory(db);
    std::vector<Ranked> ranked = rank_matching_pages(db, *directory, request, *match, out);
    if (!ranked.empty()) add_shown_hits(db, request, *match, ranked, out);
  } catch (const SqlError& e) {
    if (auto reason = guard.reason(); !reason.empty()) return Error{reason};
    // The sanitiser should leave nothing FTS5 rejects; if something slips
    // through, it is still the query's fault, not a server failure.
    std::string what = e.what();
    if (what.find("fts5") != std::string::npos || what.find("syntax") != std::string::npos ||
        what.find("malformed MATCH") != std::string::npos)
      return Error{"The search engine could not read this query (" + what.substr(what.rfind(':') + 1) +
                   "). Try fewer operators, or put the words in \"quotes\"."};
    throw;
  }
  return out;
}

}  // namespace cscwatch

namespace cscwatch {

Result<std::map<int, std::string>> highlight_pages(const Connection& db, int64_t document_id, const std::string& query,
                                                   const QueryBudget& budget) {
  std::map<int, std::string> out;
  if (query.empty()) return out;
  auto match = to_fts5_query(query);
  if (!match) return Error{match.error()};
  BudgetGuard guard(db, budget);
  try {
    auto q = db.prepare(R"sql(
      SELECT p.number, highlight(page_fts, 0, char(2), char(3))
      FROM page_fts JOIN pages p ON p.id = page_fts.rowid
      WHERE page_fts MATCH ?1 AND p.document_id = ?2)sql");
    q.bind(1, *match).bind(2, document_id);
    while (q.step()) out[static_cast<int>(q.integer(0))] = q.text(1);
  } catch (const SqlError&) {
    if (auto reason = guard.reason(); !reason.empty()) return Error{reason};
    out.clear();  // highlighting is a comfort: the page shows unmarked text
  }
  return out;
}

}  // namespace cscwatch
