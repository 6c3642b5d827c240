// Search gives the same answers as the straightforward SQL it replaced (every
// match joined to its report, inspection, authority and overall grade, ranked
// by bm25, a snippet per shown hit), on the corpus register, for queries
// drawn from the corpus's own vocabulary with and without each filter. And
// the page directory behind it follows the register when it changes.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "analysis/fts_query.h"
#include "analysis/page_directory.h"
#include "analysis/page_search.h"
#include "web/web_test_support.h"

namespace cscwatch {
namespace {

using testing::Corpus;

// The implementation before the page directory, kept here as the reference.
SearchResults reference_search(const Connection& db, const SearchRequest& r) {
  std::string match = *to_fts5_query(r.query);
  SearchResults out;
  out.fts_query = match;
  auto q = db.prepare(R"sql(
    SELECT page_fts.rowid, bm25(page_fts), d.id, p.number, COALESCE(NULLIF(j.grade, ''), 'none'),
           d.file_name, a.name, a.slug, a.region_name, i.framework, d.kind,
           COALESCE(i.start_date, ''), COALESCE(i.published, ''), COALESCE(j.grade, '')
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
      AND (?6 = '' OR a.region_name = ?6))sql");
  q.bind(1, match).bind(2, r.grade).bind(3, r.framework).bind(4, r.year_from).bind(5, r.year_to).bind(6, r.region);
  std::vector<std::pair<int64_t, SearchHit>> all;
  std::map<std::string, std::set<int64_t>> reports;
  while (q.step()) {
    SearchHit h;
    h.score = q.real(1);
    h.document_id = q.integer(2);
    h.page = static_cast<int>(q.integer(3));
    h.source_file = q.text(5);
    h.authority_name = q.text(6);
    h.authority_slug = q.text(7);
    h.region_name = q.text(8);
    h.framework = q.text(9);
    h.kind = q.text(10);
    h.inspection_start = q.text(11);
    h.published = q.text(12);
    h.overall = q.text(13);
    out.hits_by_grade[q.text(4)]++;
    reports[q.text(4)].insert(h.document_id);
    all.emplace_back(q.integer(0), std::move(h));
  }
  out.total_hits = static_cast<int>(all.size());
  for (const auto& [grade, ids] : reports) out.total_reports += static_cast<int>(ids.size());
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return std::tie(a.second.score, a.second.document_id, a.second.page) <
           std::tie(b.second.score, b.second.document_id, b.second.page);
  });
  auto snippet = db.prepare(
      "SELECT snippet(page_fts, 0, char(2), char(3), '…', 32) FROM page_fts WHERE page_fts MATCH ?1 AND rowid = ?2");
  for (size_t k = static_cast<size_t>(r.offset); k < all.size() && k < static_cast<size_t>(r.offset + r.limit); ++k) {
    snippet.bind(1, match).bind(2, all[k].first);
    if (snippet.step()) all[k].second.snippet = snippet.text(0);
    snippet.reset();
    out.hits.push_back(all[k].second);
  }
  return out;
}

void expect_same(const SearchResults& want, const SearchResults& got, const std::string& what) {
  SCOPED_TRACE(what);
  EXPECT_EQ(got.total_hits, want.total_hits);
  EXPECT_EQ(got.total_reports, want.total_reports);
  EXPECT_EQ(got.hits_by_grade, want.hits_by_grade);
  ASSERT_EQ(got.hits.size(), want.hits.size());
  for (size_t i = 0; i < want.hits.size(); ++i) {
    const auto &w = want.hits[i], &g = got.hits[i];
    SCOPED_TRACE("hit " + std::to_string(i));
    EXPECT_EQ(std::tie(g.document_id, g.page), std::tie(w.document_id, w.page));
    EXPECT_DOUBLE_EQ(g.score, w.score);
    EXPECT_EQ(g.snippet, w.snippet);
    EXPECT_EQ(std::tie(g.source_file, g.authority_name, g.authority_slug, g.region_name, g.framework, g.kind),
              std::tie(w.source_file, w.authority_name, w.authority_slug, w.region_name, w.framework, w.kind));
    EXPECT_EQ(std::tie(g.inspection_start, g.published, g.overall), std::tie(w.inspection_start, w.published, w.overall));
  }
}

// Words of the corpus from the most common ("children", on nearly every page)
// to ones on a handful of pages: every 40th of those on at least 3 pages.
std::vector<std::string> corpus_words(const Connection& db) {
  auto q = db.prepare(R"sql(
    WITH ranked AS (SELECT term, row_number() OVER (ORDER BY doc DESC, term) AS rank
                    FROM temp.equivalence_vocabulary WHERE doc >= 3 AND term NOT GLOB '*[^a-z]*')
    SELECT term FROM ranked WHERE rank % 40 = 1 ORDER BY rank)sql");
  std::vector<std::string> out;
  while (q.step()) out.push_back(q.text(0));
  return out;
}

class SearchEquivalence : public testing::CorpusTest {};

TEST_F(SearchEquivalence, SameCountsOrderScoresAndSnippetsAsTheJoinedQueryOnRealQueries) {
  auto db = Connection::open(db_path, /*read_only=*/true);
  ASSERT_TRUE(db) << db.error();
  db->exec("CREATE VIRTUAL TABLE temp.equivalence_vocabulary USING fts5vocab(main, page_fts, 'row')");
  std::vector<std::string> queries = corpus_words(*db);
  ASSERT_GE(queries.size(), 50u) << "the corpus vocabulary gives enough words";
  for (size_t i = 0; i + 1 < 40 && i + 1 < queries.size(); i += 2) queries.push_back(queries[i] + " " + queries[i + 1]);
  for (std::string q : {"\"serious and widespread\"", "safeguard*", "neglect OR exploitation", "neglect NOT \"domestic abuse\"",
                        "(drift OR delay) AND permanence", "children", "zzzznotaword"})
    queries.push_back(q);
  std::string region;
  if (auto r = db->prepare("SELECT region_name FROM authorities WHERE region_name <> '' ORDER BY 1 LIMIT 1"); r.step())
    region = r.text(0);

  int compared = 0, with_hits = 0;
  for (const auto& query : queries) {
    std::vector<SearchRequest> variants(7);
    for (auto& v : variants) v.query = query;
    variants[1].grade = "inadequate";
    variants[2].grade = "none";
    variants[3].framework = "ILACS";
    variants[3].year_from = 2019;
    variants[3].year_to = 2022;
    variants[4].region = region;
    variants[5].offset = 20;  // the second page of results
    variants[6].offset = 1000000;  // a page past the last hit: counts, no hits (once read past the end)
    for (const auto& v : variants) {
      SearchResults want = reference_search(*db, v);
      auto got = search_pages(*db, v);
      ASSERT_TRUE(got) << query << ": " << got.error();
      if (v.offset >= 1000000) {
        EXPECT_TRUE(got->hits.empty()) << query;
      }
      expect_same(want, *got,
                  query + " grade=" + v.grade + " framework=" + v.framework + " region=" + v.region +
                      " offset=" + std::to_string(v.offset));
      ++compared;
      with_hits += want.total_hits > 0;
    }
  }
  EXPECT_GT(with_hits, compared / 2) << "most comparisons have results to compare";
}

TEST_F(SearchEquivalence, ThePageDirectoryFollowsTheRegisterWhenItChanges) {
  testing::TempDir dir;
  std::string copy = Corpus::copy_into(dir);
  auto reader = Connection::open(copy, /*read_only=*/true);
  auto writer = Connection::open(copy);
  ASSERT_TRUE(reader && writer);
  SearchRequest inadequate;
  inadequate.query = "\"serious and widespread\"";
  inadequate.grade = "inadequate";
  auto before = search_pages(*reader, inadequate);
  ASSERT_TRUE(before);
  ASSERT_GT(before->total_hits, 0) << "the corpus has inadequate reports with the phrase";
  int64_t document = before->hits.front().document_id;

  // Another connection regrades that report: the reader's next search sees it.
  writer->exec("UPDATE judgements SET grade = 'good' WHERE area = 'overall' AND inspection_id = "
               "(SELECT id FROM inspections WHERE document_id = " + std::to_string(document) + ")");
  auto after = search_pages(*reader, inadequate);
  ASSERT_TRUE(after);
  EXPECT_LT(after->total_hits, before->total_hits);
  for (const auto& h : after->hits) EXPECT_NE(h.document_id, document);
  expect_same(reference_search(*reader, inadequate), *after, "after another connection's change");

  // The connection's own change too.
  writer->exec("UPDATE judgements SET grade = 'inadequate' WHERE area = 'overall' AND inspection_id = "
               "(SELECT id FROM inspections WHERE document_id = " + std::to_string(document) + ")");
  auto own_before = search_pages(*writer, inadequate);
  ASSERT_TRUE(own_before);
  EXPECT_EQ(own_before->total_hits, before->total_hits);
  // A change searched inside its transaction and then rolled back.
  writer->exec("BEGIN");
  writer->exec("DELETE FROM pages WHERE document_id = " + std::to_string(document));
  auto inside = search_pages(*writer, inadequate);
  ASSERT_TRUE(inside);
  EXPECT_LT(inside->total_hits, before->total_hits);
  writer->exec("ROLLBACK");
  auto rolled_back = search_pages(*writer, inadequate);
  ASSERT_TRUE(rolled_back);
  EXPECT_EQ(rolled_back->total_hits, before->total_hits) << "the rolled-back deletion is not remembered";

  writer->exec("DELETE FROM pages WHERE document_id = " + std::to_string(document));
  auto own_after = search_pages(*writer, inadequate);
  ASSERT_TRUE(own_after);
  expect_same(reference_search(*writer, inadequate), *own_after, "after the connection's own change");
  EXPECT_LT(own_after->total_hits, before->total_hits);

  // A connection opened after another closed (likely at the same address)
  // never sees the closed one's directory, though the register changed.
  for (int round = 0; round < 4; ++round) {
    {
      auto fresh = Connection::open(copy, /*read_only=*/true);
      ASSERT_TRUE(fresh);
      auto r = search_pages(*fresh, inadequate);
      ASSERT_TRUE(r);
      expect_same(reference_search(*fresh, inadequate), *r, "a fresh connection, round " + std::to_string(round));
    }
    writer->exec(std::string("UPDATE judgements SET grade = '") + (round % 2 ? "inadequate" : "good") +
                 "' WHERE area = 'overall' AND inspection_id IN (SELECT id FROM inspections ORDER BY id LIMIT 40)");
  }
}

}  // namespace
}  // namespace cscwatch
