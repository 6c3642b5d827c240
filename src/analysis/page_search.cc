#include "analysis/page_search.h"

#include "analysis/fts_query.h"

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

void bind_filters(Statement& q, const std::string& match, const SearchRequest& r) {
  q.bind(1, match).bind(2, r.grade).bind(3, r.framework).bind(4, r.year_from).bind(5, r.year_to).bind(6, r.region);
}

}  // namespace

Result<SearchResults> search_pages(const Connection& db, const SearchRequest& request) {
  auto match = to_fts5_query(request.query);
  if (!match) return Error{match.error()};
  SearchResults out;
  out.fts_query = *match;
  try {
    auto counts = db.prepare(std::string("SELECT COALESCE(NULLIF(j.grade, ''), 'none'), COUNT(*), COUNT(DISTINCT d.id)") +
                             kFrom + " GROUP BY 1");
    bind_filters(counts, *match, request);
    while (counts.step()) {
      int pages = static_cast<int>(counts.integer(1));
      out.hits_by_grade[counts.text(0)] = pages;
      out.total_hits += pages;
      out.total_reports += static_cast<int>(counts.integer(2));  // a report has one overall grade
    }
    if (out.total_hits == 0) return out;
    // Rank first, then build snippets for the page of results only:
    // snippet() is the expensive part, and in one query SQLite would compute
    // it for every match before sorting.
    auto q = db.prepare(std::string(R"sql(
      WITH top AS (SELECT page_fts.rowid AS rid, bm25(page_fts) AS score, d.id AS doc, p.number AS number)sql") +
                        kFrom + R"sql( ORDER BY score, d.id, p.number LIMIT ?7 OFFSET ?8)
      SELECT d.id, p.number, d.file_name, a.name, a.slug, a.region_name, i.framework, d.kind,
             COALESCE(i.start_date, ''), COALESCE(i.published, ''), COALESCE(j.grade, ''),
             snippet(page_fts, 0, char(2), char(3), '…', 32), top.score
      FROM top JOIN page_fts ON page_fts.rowid = top.rid
      JOIN pages p ON p.id = top.rid
      JOIN documents d ON d.id = p.document_id
      JOIN inspections i ON i.document_id = d.id
      JOIN authorities a ON a.urn = i.authority_urn
      LEFT JOIN judgements j ON j.inspection_id = i.id AND j.area = 'overall'
      WHERE page_fts MATCH ?1
      ORDER BY top.score, top.doc, top.number)sql");
    bind_filters(q, *match, request);
    q.bind(7, request.limit).bind(8, request.offset);
    while (q.step()) {
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
      h.score = q.real(12);
      out.hits.push_back(std::move(h));
    }
  } catch (const SqlError& e) {
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

std::map<int, std::string> highlight_pages(const Connection& db, int64_t document_id, const std::string& query) {
  std::map<int, std::string> out;
  if (query.empty()) return out;
  auto match = to_fts5_query(query);
  if (!match) return out;
  try {
    auto q = db.prepare(R"sql(
      SELECT p.number, highlight(page_fts, 0, char(2), char(3))
      FROM page_fts JOIN pages p ON p.id = page_fts.rowid
      WHERE page_fts MATCH ?1 AND p.document_id = ?2)sql");
    q.bind(1, *match).bind(2, document_id);
    while (q.step()) out[static_cast<int>(q.integer(0))] = q.text(1);
  } catch (const SqlError&) {
    out.clear();  // highlighting is a comfort: the page shows unmarked text
  }
  return out;
}

}  // namespace cscwatch
