#include "news/passage_search.h"

#include <cctype>

namespace cscwatch::news {

std::vector<std::string> fts_tokens(std::string_view text) {
  // As FTS5's unicode61 tokenizer splits: letters and digits; ASCII
  // punctuation, apostrophes and the general punctuation block (curly
  // quotes, dashes, ellipsis) separate tokens.
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(std::move(cur));
    cur.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (std::isalnum(c)) cur.push_back(static_cast<char>(std::tolower(c)));
      else flush();
    } else if (c == 0xE2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      flush();
      i += 2;  // U+2000..U+203F
    } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xC0) {
      flush();
      i += 1;  // U+0080..U+00BF: no-break space, Latin-1 punctuation
    } else {
      cur.push_back(static_cast<char>(c));
    }
  }
  flush();
  return out;
}

std::vector<int64_t> documents_with_phrase(const Connection& db, std::string_view passage, int limit) {
  std::vector<int64_t> out;
  auto tokens = fts_tokens(passage);
  if (tokens.empty()) return out;
  std::string phrase;
  for (const auto& t : tokens) phrase += (phrase.empty() ? "" : " ") + t;
  auto q = db.prepare(R"sql(
    SELECT DISTINCT p.document_id
    FROM page_fts JOIN pages p ON p.id = page_fts.rowid
    WHERE page_fts MATCH ?1
    LIMIT ?2)sql");
  q.bind(1, "\"" + phrase + "\"").bind(2, limit);
  while (q.step()) out.push_back(q.integer(0));
  return out;
}

std::vector<InspectionRow> inspections_of_documents(const Connection& db, const std::vector<int64_t>& document_ids) {
  std::vector<InspectionRow> out;
  for (int64_t id : document_ids)
    for (auto& row : query_inspections(db, InspectionFilter::of_document(id))) out.push_back(std::move(row));
  return out;
}

std::vector<ReportPage> report_pages(const Connection& db, int64_t document_id) {
  std::vector<ReportPage> pages;
  auto q = db.prepare("SELECT number, text FROM pages WHERE document_id = ? ORDER BY number");
  q.bind(1, document_id);
  while (q.step()) pages.push_back(ReportPage{static_cast<int>(q.integer(0)), q.text(1)});
  return pages;
}

}  // namespace cscwatch::news
