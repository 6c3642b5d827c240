// The pieces of evidence that tie an article to one report, each with its
// weight in one table (kEvidenceWeights), and one rule per kind: each rule
// looks at what the article states and at one candidate report, and returns
// the evidence it finds (none, or one or more items).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "news/article_reading.h"
#include "store/inspection_rows.h"

namespace cscwatch::news {

enum class EvidenceKind {
  AuthorityNamed,            // the report's authority is named, scaled by its share of the article's prominence
  AuthoritySubjectOfGrade,   // the authority is the one named in the sentences giving the grade ("X was rated")
  AuthorityInAddress,        // the authority is named in the article's web address
  QuotationVerbatim,         // a passage the article quotes is in this report, word for word
  QuotationClose,            // a passage the article quotes is in this report, most of its words in order
  EventAgrees,               // inspection / monitoring visit / focused visit, as the article says
  EventDiffers,
  GradeAgrees,               // the grade the article says was given now
  GradeComparable,           // adequate vs requires improvement
  GradeDiffers,
  FieldworkAgrees,           // stated inspection dates overlap the fieldwork
  FieldworkDiffers,
  FieldworkMonthsAgree,      // months named for the inspection (with or without a year)
  FieldworkMonthsDiffer,
  PublicationAgrees,         // a stated publication date within 7 days
  PublicationDayMonthAgrees, // a stated day and month (no year) is the publication day
  PublicationDiffers,
  ArticleSoonAfter,          // article dated 3 days before to 14 days after publication
  ArticleWeeksAfter,         // 15 to 120 days after publication
  ArticleYearsAfter,         // more than a year after publication
  ArticleBeforeReport,       // article dated before the fieldwork began, or well before publication
  CalledEarlier,             // the article calls this inspection's year an earlier inspection
  LatestByArticleDate,       // the latest report of the authority published by the article's date
  AuthorityQuoted,           // not named, but a passage the article quotes is word for word in this report alone
};

// "authority_named", "quotation_verbatim", ...
std::string_view to_string(EvidenceKind kind);

struct EvidenceWeight {
  EvidenceKind kind;
  double weight;      // added to the candidate's score (negative: against it)
  bool identifies;    // picks out one report among the authority's (evidence beyond the authority and grade)
  bool contradicts;   // speaks against the report: weighed, never a veto (shown as the evidence against)
};

// THE weights: every score is a sum of these. Checked on the 68 dev articles
// (bench/news_reliability.sh): on the report each is about, the grade read
// agreed 43 times in 48, stated fieldwork dates 8 in 9, fieldwork months 19 in
// 21, publication dates 13 in 14; so a contradiction costs about what an
// agreement gains, and a verbatim passage (0.35 for the first) with an
// article-date fit outweighs one misread grade (-0.45). A grade agreeing
// alone does not identify a report: it fitted 2 of the 4 links made on it
// (an authority has several reports, and visits, of one grade).
inline constexpr EvidenceWeight kEvidenceWeights[] = {
    {EvidenceKind::AuthorityNamed, 0.35, false, false},
    {EvidenceKind::AuthoritySubjectOfGrade, 0.1, false, false},
    {EvidenceKind::AuthorityInAddress, 0.1, false, false},
    {EvidenceKind::QuotationVerbatim, 0.35, true, false},
    {EvidenceKind::QuotationClose, 0.2, true, false},
    {EvidenceKind::EventAgrees, 0.1, false, false},
    {EvidenceKind::EventDiffers, -0.5, false, true},
    {EvidenceKind::GradeAgrees, 0.3, false, false},
    {EvidenceKind::GradeComparable, 0.15, false, false},
    {EvidenceKind::GradeDiffers, -0.45, false, true},
    {EvidenceKind::FieldworkAgrees, 0.3, true, false},
    {EvidenceKind::FieldworkDiffers, -0.3, false, true},
    {EvidenceKind::FieldworkMonthsAgree, 0.15, true, false},
    {EvidenceKind::FieldworkMonthsDiffer, -0.2, false, false},
    {EvidenceKind::PublicationAgrees, 0.35, true, false},
    {EvidenceKind::PublicationDayMonthAgrees, 0.3, true, false},
    {EvidenceKind::PublicationDiffers, -0.25, false, false},
    {EvidenceKind::ArticleSoonAfter, 0.3, true, false},
    {EvidenceKind::ArticleWeeksAfter, 0.1, true, false},
    {EvidenceKind::ArticleYearsAfter, -0.15, false, false},
    {EvidenceKind::ArticleBeforeReport, -1.0, false, true},
    {EvidenceKind::CalledEarlier, -0.3, false, true},
    {EvidenceKind::LatestByArticleDate, 0.1, false, false},
    {EvidenceKind::AuthorityQuoted, 0.25, false, false},
};

const EvidenceWeight& weight_of(EvidenceKind kind);

struct Evidence {
  EvidenceKind kind{};
  double weight = 0;     // as applied: the table's weight, scaled where the rule says so
  std::string detail;    // for people: "'in January' vs fieldwork 2019-01-07 to 2019-01-18"
};

// A quotation from the article and where it was found in one report.
struct QuotationFound {
  std::string text;
  bool verbatim = false;
  int page = 0;
  int reports_with_it = 1;   // how many candidate reports hold it (a passage in many says little)
  int words = 0;             // a short quotation says less than a long one
};

inline constexpr double kMainSubjectShare = 0.4;

// A quotation of this many words or more counts in full; shorter ones in proportion.
inline constexpr int kFullQuotationWords = 5;

// What the rules need to know about one candidate besides its row.
struct CandidateFacts {
  const InspectionRow* row = nullptr;
  const AuthorityMention* mention = nullptr;   // how the article names its authority; nullptr: not named
  double prominence_share = 0;                 // mention weight / sum of all mentions' weights
  bool most_prominent = false;
  bool in_address = false;
  bool latest_by_article_date = false;
  // The article's subject (its most prominent authority, or one with at least
  // kMainSubjectShare of its naming weight): claims in sentences naming no
  // authority are about it, not about a council named in passing.
  bool main_subject = true;
  std::vector<QuotationFound> quotations;
};

// The rules, one per kind of evidence.
std::vector<Evidence> authority_evidence(const ArticleReading& reading, const CandidateFacts& facts);
std::vector<Evidence> quotation_evidence(const CandidateFacts& facts);
std::vector<Evidence> event_evidence(const ArticleReading& reading, const InspectionRow& row);
std::vector<Evidence> grade_evidence(const ArticleReading& reading, const InspectionRow& row, bool main_subject = true);
std::vector<Evidence> fieldwork_evidence(const ArticleReading& reading, const InspectionRow& row,
                                         bool main_subject = true);
std::vector<Evidence> publication_evidence(const ArticleReading& reading, const InspectionRow& row,
                                           bool main_subject = true);
std::vector<Evidence> article_date_evidence(const ArticleReading& reading, const InspectionRow& row);
std::vector<Evidence> earlier_evidence(const ArticleReading& reading, const InspectionRow& row);
std::vector<Evidence> latest_evidence(const CandidateFacts& facts);

// Every rule, in order.
std::vector<Evidence> all_evidence(const ArticleReading& reading, const CandidateFacts& facts);

// The overall grade of a row, or the worst judgement when no overall grade is printed.
std::optional<Grade> overall_grade_of(const InspectionRow& row);

// The event kind an inspection row belongs to, in the article's vocabulary:
// inspection, monitoring_visit, focused_visit, joint_targeted_inspection.
EventKind event_kind_of(const InspectionRow& row);

}  // namespace cscwatch::news
