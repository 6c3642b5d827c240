#include "analysis/page_search.h"

#include "analysis/fts_query.h"

#include <algorithm>
#include <set>
#include <tuple>

#include <sqlite3.h>

namespace cscwatch {

namespace {

// The filters both statements share; parameters ?1..?6.
constexpr const char* kFrom = R"sql(
  FROM page_fts
  JOIN pages p ON p.id = page_fts.rowid
  JOIN documents d ON d.id = p.document_id
  JOIN inspections i ON i.document_id = d.id
  JOIN authorities a ON a.urn = i.authority_urn
  LEFT JOIN judgements j ON j.inspection_id = i.id AND j.area = 'overall'
  WHERE page_fts MATCH ?1
    AND (?2 = '' OR COALESCE(NULLIF(j.grade, ''), 'none') = ?2)
    AND (?3 = '' OR i.framework = ?3)
    AND (?4 = 0 OR CAST(substr(COALESCE(i.start_date, i.published, ''), 1, 4) AS INTEGER) >= ?4)
    AND (?5 = 0 OR CAST(substr(COALESCE(i.start_date, i.published, ''), 1, 4) AS INTEGER) <= ?5)
    AND (?6 = '' OR a.region_name = ?6))sql";

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

void bind_filters(Statement& q, const std::string& match, const SearchRequest& r) {
  q.bind(1, match).bind(2, r.grade).bind(3, r.framework).bind(4, r.year_from).bind(5, r.year_to).bind(6, r.region);
}

}  // namespace

Result<SearchResults> search_pages(const Connection& db, const SearchRequest& request) {
  auto match = to_fts5_query(request.query);
  if (!match) return Error{match.error()};
  SearchResults out;
  out.fts_query = *match;
  BudgetGuard guard(db, request.budget);
  try {
    // One pass over the matches gives the counts by grade and the ranking;
    // snippets, the expensive part, are then built for the shown hits only.
    // (Separate count, rank and snippet statements ran the full-text query
    // three times.)
    struct Ranked {
      double score;
      int64_t document;
      int page;
      int64_t rowid;
    };
    std::vector<Ranked> ranked;
    std::map<std::string, std::set<int64_t>> reports_by_grade;
    auto all = db.prepare(std::string(
        "SELECT page_fts.rowid, bm25(page_fts), d.id, p.number, COALESCE(NULLIF(j.grade, ''), 'none')") + kFrom);
    bind_filters(all, *match, request);
    while (all.step()) {
      ranked.push_back({all.real(1), all.integer(2), static_cast<int>(all.integer(3)), all.integer(0)});
      std::string grade = all.text(4);
      out.hits_by_grade[grade]++;
      reports_by_grade[grade].insert(ranked.back().document);
    }
    out.total_hits = static_cast<int>(ranked.size());
    for (const auto& [grade, reports] : reports_by_grade) out.total_reports += static_cast<int>(reports.size());
    if (ranked.empty()) return out;

    auto better = [](const Ranked& a, const Ranked& b) {
      return std::tie(a.score, a.document, a.page) < std::tie(b.score, b.document, b.page);
    };
    size_t from = std::min(ranked.size(), static_cast<size_t>(std::max(0, request.offset)));
    size_t to = std::min(ranked.size(), from + static_cast<size_t>(std::max(0, request.limit)));
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(to), ranked.end(), better);

    auto q = db.prepare(R"sql(
      SELECT d.id, p.number, d.file_name, a.name, a.slug, a.region_name, i.framework, d.kind,
             COALESCE(i.start_date, ''), COALESCE(i.published, ''), COALESCE(j.grade, ''),
             snippet(page_fts, 0, char(2), char(3), '…', 32)
      FROM page_fts
      JOIN pages p ON p.id = page_fts.rowid
      JOIN documents d ON d.id = p.document_id
      JOIN inspections i ON i.document_id = d.id
      JOIN authorities a ON a.urn = i.authority_urn
      LEFT JOIN judgements j ON j.inspection_id = i.id AND j.area = 'overall'
      WHERE page_fts MATCH ?1 AND page_fts.rowid = ?2)sql");
    for (size_t k = from; k < to; ++k) {
      q.bind(1, *match).bind(2, ranked[k].rowid);
      if (q.step()) {
        SearchHit h;
        h.document_id = q.integer(0);
        h.page = static_cast<int>(q.integer(1));
        h.source_file = q.text(2);
        h.authority_name = q.text(3);
        h.authority_slug = q.text(4);
        h.region_name = q.text(5);
        h.framework = q.text(6);
        h.kind = q.text(7);
        h.inspection_start = q.text(8);
        h.published = q.text(9);
        h.overall = q.text(10);
        h.snippet = q.text(11);
        h.score = ranked[k].score;
        out.hits.push_back(std::move(h));
      }
      q.reset();
    }
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
