// Finding an article's quotation in a report's page text: word by word after
// normalising quote marks, hyphenation, line breaks, whitespace and case, so
// a quotation is "verbatim" when its words appear in order and "close" when
// most of them do (with the differences listed).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "news/text_words.h"

namespace cscwatch::news {

struct ReportPage {
  int number = 0;
  std::string text;
};

// How an article's quotation compares with a report: verbatim, close or not
// found in it; not checked (not the inspectorate's words) or no report to check.
enum class QuoteVerdict { Verbatim, Close, NotFound, NotChecked, NoReport };
std::string_view to_string(QuoteVerdict verdict);  // verbatim, close, not_found, not_checked, no_report

enum class DifferenceKind { Omitted, Added, Changed };
std::string_view to_string(DifferenceKind kind);   // omitted, added, changed

struct QuoteDifference {
  DifferenceKind kind{};     // omitted (in the report, not the quotation), added (in the quotation only), changed
  std::string quote_text;    // the quotation's words
  std::string report_text;   // the report's words
};

struct QuoteMatch {
  QuoteVerdict verdict = QuoteVerdict::NotFound;  // Verbatim, Close or NotFound
  int page = 0;
  double similarity = 0;              // 0..1: matched words against quotation and passage length
  double coverage = 0;                // share of the quotation's words found in order
  std::string report_text;            // the passage in the report, whitespace collapsed
  std::vector<QuoteDifference> differences;
};

// A report's pages as words, indexed for repeated lookups.
class ReportText {
 public:
  explicit ReportText(std::vector<ReportPage> pages);
  QuoteMatch find(std::string_view quotation) const;
  bool empty() const { return words_.empty(); }

 private:
  struct DocWord {
    std::string norm;
    int page;
    size_t page_index;
    size_t begin, end;
  };
  struct QuoteWords;
  struct Alignment;
  struct AlignOp;
  static QuoteWords quote_words(std::string_view q);
  std::string passage(size_t first, size_t last) const;
  // Where the quotation's words stand contiguous, in order.
  std::optional<size_t> verbatim_start(const std::vector<std::string>& q) const;
  // Up to four starts of the windows holding most of the quotation's words.
  std::vector<size_t> densest_windows(const std::vector<std::string>& q, size_t window) const;
  std::vector<AlignOp> align(const std::vector<std::string>& q, size_t lo, size_t hi, double floor,
                             double* score) const;
  Alignment differences(const std::vector<AlignOp>& ops, const QuoteWords& qw) const;
  std::vector<ReportPage> pages_;
  std::vector<DocWord> words_;
  std::unordered_map<std::string, std::vector<size_t>> index_;
};

}  // namespace cscwatch::news
