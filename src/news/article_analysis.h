// News coverage linked to the evidence: reads an article, links it to the
// inspection it is about, and checks its claims and quotations against the
// report's text in the register. The result is one typed struct; JSON is
// made from it in one place (to_json), and the CLI and web page render the
// struct itself.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/authority_directory.h"
#include "domain/date.h"
#include "domain/grade.h"
#include "domain/result.h"
#include "news/article_reading.h"
#include "news/coverage_facts.h"
#include "news/inspection_linking.h"
#include "news/quotations.h"
#include "news/quote_matching.h"
#include "store/sqlite.h"

namespace cscwatch::news {

// What a user gives: the article (plain text or HTML) and, where known, its
// headline, web address and date.
struct ArticleInput {
  std::string text;
  std::string title;              // put before the text as its headline unless the text starts with it
  std::string url;                // authorities named in the address count as named in the headline
  std::optional<Date> date;       // the article's own date (else read from HTML metadata or a byline)
  std::optional<Date> date_to;    // its last possible day when known only to a month or year (date is the first)
};

// Sets the input's date from what a person or a news feed wrote: a day, a
// month or a year (article_date.h), a month or year kept at that precision.
// Nothing on success; else an error naming the forms it takes (the input unchanged).
std::optional<Error> set_article_date(ArticleInput& input, std::string_view text);

enum class CheckStatus { Agree, Differ, NotStated, NotInReport, NoLink, Unresolved };
std::string_view to_string(CheckStatus status);    // agree, differ, not_stated, not_in_report, no_link, unresolved

struct QuoteCheck {
  Quotation quote;
  std::string role;                      // the speaker's role, for people
  QuoteVerdict verdict = QuoteVerdict::NotChecked;
  int page = 0;                          // 1-based page where the passage starts; 0: none
  std::string source_file;               // the document it was found in
  std::string report_text;
  double similarity = 0;
  std::vector<QuoteDifference> differences;
  std::string note;                      // when the per-article limit on checks was reached
  bool found() const { return verdict == QuoteVerdict::Verbatim || verdict == QuoteVerdict::Close; }
};

struct AreaCheck {
  std::string area;
  Grade article{};
  std::string report;                    // the report's grade for that area; empty: not in the report
  CheckStatus status = CheckStatus::NotInReport;
};

struct GradeCheck {
  CheckStatus status = CheckStatus::NoLink;
  std::optional<Grade> article, report;
  std::vector<AreaCheck> areas;
};

struct DateCheckItem {
  std::string stated;
  std::string refers_to;                 // inspection, publication
  std::optional<Date> article_from, article_to;
  std::string report_from, report_to;    // ISO, as in the register
  CheckStatus status = CheckStatus::Unresolved;
  std::string note;
};

struct DateCheck {
  CheckStatus status = CheckStatus::NoLink;
  std::vector<DateCheckItem> checks;
  std::optional<int> article_after_publication_days;
};

struct ArticleAnalysis {
  std::shared_ptr<const AuthorityDirectory> directory;  // owns the authorities the reading points to
  std::string headline;
  std::optional<Date> article_date;
  std::string article_date_source;
  bool was_html = false;
  size_t characters = 0;
  std::vector<std::string> warnings;
  const Authority* authority = nullptr;  // the linked report's, else the most prominent named
  ArticleReading reading;                // authorities, event kind, grades, dates, interventions
  std::vector<PersonMention> people;
  std::vector<ProposedFact> proposed_facts;  // what happened next, for a person to accept; never written
  LinkResult link;
  GradeCheck grade_check;
  DateCheck date_check;
  std::vector<QuoteCheck> quotes;
};

// Fails with a clear message on empty, binary or oversized input.
Result<ArticleAnalysis> analyse_article(const Connection& db, const ArticleInput& input);

// The JSON object documented in docs/news.md: the only place it is made.
nlohmann::json to_json(const ArticleAnalysis& analysis);

// "high" (>= 0.8), "medium" (>= 0.6), "low".
std::string_view confidence_label(double confidence);

}  // namespace cscwatch::news

namespace cscwatch {

// The article alone (plain text or HTML), as the JSON of news::to_json.
Result<nlohmann::json> analyse_article(const Connection& db, std::string_view article);

}  // namespace cscwatch
