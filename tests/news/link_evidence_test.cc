// One test per linking rule (link_evidence.h), on hand-made readings and
// report rows, and one per kind of failure seen on real articles, on
// synthetic articles against a hand-made register.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "news/article_address.h"
#include "news/article_analysis.h"
#include "news/link_evidence.h"
#include "news_test_support.h"

namespace cscwatch::news {
namespace {

InspectionRow row(std::string urn, std::string start, std::string end, std::string published,
                  std::optional<Grade> overall, std::string kind = "ilacs_report") {
  InspectionRow r;
  r.authority_urn = std::move(urn);
  r.authority_name = "Testshire";
  r.source_file = r.authority_urn + "-test_" + published + ".pdf";
  r.kind = std::move(kind);
  r.inspection_start = std::move(start);
  r.inspection_end = std::move(end);
  r.published = std::move(published);
  if (overall) r.judgements["overall"].grade = std::string(to_string(*overall));
  return r;
}

StatedDate stated(std::string refers_to, std::optional<Date> from, std::optional<Date> to,
                  std::vector<unsigned> months = {}) {
  StatedDate d;
  d.text = "stated";
  d.refers_to = std::move(refers_to);
  d.from = from;
  d.to = to;
  d.months = std::move(months);
  d.precision = from ? "day" : "month";
  return d;
}

Date day(const char* iso) { return *parse_iso_date(iso); }

bool has(const std::vector<Evidence>& ev, EvidenceKind kind) {
  return std::any_of(ev.begin(), ev.end(), [&](const Evidence& e) { return e.kind == kind; });
}

TEST(EvidenceTable, EveryKindHasOneWeightAndContradictionsWeighAgainst) {
  std::set<EvidenceKind> seen;
  for (const auto& w : kEvidenceWeights) {
    EXPECT_TRUE(seen.insert(w.kind).second) << to_string(w.kind) << " twice";
    if (w.contradicts) {
      EXPECT_LT(w.weight, 0) << to_string(w.kind);
    }
    if (w.identifies) {
      EXPECT_GT(w.weight, 0) << to_string(w.kind);
    }
    EXPECT_NE(to_string(w.kind), "unknown");
  }
  EXPECT_EQ(seen.size(), static_cast<size_t>(EvidenceKind::AuthorityQuoted) + 1);
}

TEST(EvidenceRules, EventKind) {
  ArticleReading r;
  r.event_kind = EventKind::MonitoringVisit;
  auto report = row("1", "2019-01-07", "2019-01-18", "2019-03-01", Grade::Good);
  EXPECT_TRUE(has(event_evidence(r, report), EvidenceKind::EventDiffers));
  r.event_kind = EventKind::Inspection;
  EXPECT_TRUE(has(event_evidence(r, report), EvidenceKind::EventAgrees));
  r.event_kind = EventKind::Unknown;
  EXPECT_TRUE(event_evidence(r, report).empty());
}

TEST(EvidenceRules, GradeGivenNowNotEarlierGrades) {
  ArticleReading r;
  GradeMention now;
  now.grade = Grade::RequiresImprovement;
  r.grade_mentions.push_back(now);
  GradeMention before = now;
  before.grade = Grade::Inadequate;
  before.earlier = true;
  before.year = 2015;
  r.earlier_grades.push_back(before);
  auto ri = row("1", "2019-01-07", "2019-01-18", "2019-03-01", Grade::RequiresImprovement);
  auto inadequate = row("1", "2015-01-07", "2015-01-18", "2015-03-01", Grade::Inadequate);
  auto adequate = row("1", "2012-01-07", "2012-01-18", "2012-03-01", Grade::Adequate, "pre_sif_report");
  EXPECT_TRUE(has(grade_evidence(r, ri), EvidenceKind::GradeAgrees));
  EXPECT_TRUE(has(grade_evidence(r, inadequate), EvidenceKind::GradeDiffers));
  EXPECT_TRUE(has(grade_evidence(r, adequate), EvidenceKind::GradeComparable));
  // The earlier grade's year rules out reports from that year or before.
  EXPECT_TRUE(has(earlier_evidence(r, inadequate), EvidenceKind::CalledEarlier));
  EXPECT_TRUE(earlier_evidence(r, ri).empty());
}

TEST(EvidenceRules, FieldworkDatesAndMonths) {
  auto report = row("1", "2019-01-07", "2019-01-18", "2019-03-01", Grade::Good);
  ArticleReading r;
  r.dates.push_back(stated("inspection", day("2019-01-10"), day("2019-01-20")));
  EXPECT_TRUE(has(fieldwork_evidence(r, report), EvidenceKind::FieldworkAgrees));
  r.dates = {stated("inspection", day("2018-01-10"), day("2018-01-20"))};
  EXPECT_TRUE(has(fieldwork_evidence(r, report), EvidenceKind::FieldworkDiffers));
  // "in January" with no year: the months alone.
  r.dates = {stated("inspection", std::nullopt, std::nullopt, {1})};
  EXPECT_TRUE(has(fieldwork_evidence(r, report), EvidenceKind::FieldworkMonthsAgree));
  r.dates = {stated("inspection", std::nullopt, std::nullopt, {6})};
  EXPECT_TRUE(has(fieldwork_evidence(r, report), EvidenceKind::FieldworkMonthsDiffer));
  // A claim about another authority is not checked against this one.
  r.dates.front().authority_urn = "2";
  EXPECT_TRUE(fieldwork_evidence(r, report).empty());
}

TEST(EvidenceRules, PublicationDayAndMonthWithoutYear) {
  auto report = row("1", "2019-05-06", "2019-05-17", "2019-06-27", Grade::Good);
  ArticleReading r;
  StatedDate d = stated("publication", std::nullopt, std::nullopt, {6});
  d.day = 27;
  d.precision = "day";
  r.dates.push_back(d);
  auto ev = publication_evidence(r, report);
  ASSERT_TRUE(has(ev, EvidenceKind::PublicationDayMonthAgrees));
  EXPECT_GT(ev.front().weight, 0);
  r.dates.front().day = 26;
  EXPECT_TRUE(publication_evidence(r, report).empty());  // neither agrees nor, without a year, contradicts
  // With a full date: within a week agrees, otherwise differs.
  r.dates = {stated("publication", day("2019-06-25"), day("2019-06-25"))};
  EXPECT_TRUE(has(publication_evidence(r, report), EvidenceKind::PublicationAgrees));
  r.dates = {stated("publication", day("2020-06-25"), day("2020-06-25"))};
  EXPECT_TRUE(has(publication_evidence(r, report), EvidenceKind::PublicationDiffers));
  // "published in June 2019": inside the month.
  r.dates = {stated("publication", day("2019-06-01"), day("2019-06-30"))};
  EXPECT_TRUE(has(publication_evidence(r, report), EvidenceKind::PublicationAgrees));
}

TEST(EvidenceRules, ArticleDate) {
  auto report = row("1", "2019-05-06", "2019-05-17", "2019-06-27", Grade::Good);
  ArticleReading r;
  r.article_date = day("2019-06-28");
  EXPECT_TRUE(has(article_date_evidence(r, report), EvidenceKind::ArticleSoonAfter));
  r.article_date = day("2019-08-20");
  EXPECT_TRUE(has(article_date_evidence(r, report), EvidenceKind::ArticleWeeksAfter));
  r.article_date = day("2021-01-01");
  EXPECT_TRUE(has(article_date_evidence(r, report), EvidenceKind::ArticleYearsAfter));
  r.article_date = day("2019-04-01");
  EXPECT_TRUE(has(article_date_evidence(r, report), EvidenceKind::ArticleBeforeReport));
  r.article_date = day("2019-06-01");  // after the fieldwork, weeks before the report
  EXPECT_TRUE(has(article_date_evidence(r, report), EvidenceKind::ArticleBeforeReport));
}

// A date known only to a month or a year (--date 2019-05, 2019) does not
// contradict fieldwork in that month or year, nor does it say how soon after
// publication the article came.
TEST(EvidenceRules, ImpreciseArticleDateIsUsedAtItsPrecision) {
  auto report = row("1", "2019-05-06", "2019-05-17", "2019-06-27", Grade::Good);
  ArticleReading r;
  r.article_date = day("2019-05-01");
  r.article_date_to = day("2019-05-31");
  auto quick = row("1", "2019-05-06", "2019-05-10", "2019-05-30", Grade::Good);  // fieldwork and report in May
  EXPECT_FALSE(has(article_date_evidence(r, quick), EvidenceKind::ArticleBeforeReport));
  r.article_date_to.reset();  // the same first day, taken as a day, is before the fieldwork
  EXPECT_TRUE(has(article_date_evidence(r, quick), EvidenceKind::ArticleBeforeReport));
  r.article_date_to = day("2019-05-31");
  r.article_date = day("2019-01-01");
  r.article_date_to = day("2019-12-31");
  auto year = article_date_evidence(r, report);
  EXPECT_FALSE(has(year, EvidenceKind::ArticleBeforeReport));
  EXPECT_FALSE(has(year, EvidenceKind::ArticleSoonAfter));
  r.article_date = day("2019-06-01");
  r.article_date_to = day("2019-06-30");
  auto june = article_date_evidence(r, report);
  EXPECT_FALSE(has(june, EvidenceKind::ArticleBeforeReport));  // published in that month
  EXPECT_FALSE(has(june, EvidenceKind::ArticleSoonAfter));
  r.article_date = day("2018-01-01");
  r.article_date_to = day("2018-12-31");
  EXPECT_TRUE(has(article_date_evidence(r, report), EvidenceKind::ArticleBeforeReport));  // the whole year is before
}

TEST(EvidenceRules, QuotationsCountLessWhenShortOrInManyReports) {
  auto report = row("1", "2019-05-06", "2019-05-17", "2019-06-27", Grade::Good);
  CandidateFacts f;
  f.row = &report;
  f.quotations.push_back({"children are not safe in this authority", true, 3, 1, 7});
  auto ev = quotation_evidence(f);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].kind, EvidenceKind::QuotationVerbatim);
  EXPECT_DOUBLE_EQ(ev[0].weight, weight_of(EvidenceKind::QuotationVerbatim).weight);
  f.quotations[0].reports_with_it = 4;
  EXPECT_DOUBLE_EQ(quotation_evidence(f)[0].weight, weight_of(EvidenceKind::QuotationVerbatim).weight / 4);
  f.quotations[0] = {"corporate failure", false, 3, 1, 2};
  auto close = quotation_evidence(f);
  EXPECT_EQ(close[0].kind, EvidenceKind::QuotationClose);
  EXPECT_LT(close[0].weight, weight_of(EvidenceKind::QuotationClose).weight);
}

TEST(EvidenceRules, AuthorityProminenceAddressAndLatest) {
  Authority a;
  a.urn = "1";
  a.name = "Testshire";
  AuthorityMention m;
  m.authority = &a;
  m.mentions = 2;
  m.weight = 6;
  ArticleReading r;
  r.authorities.push_back(m);
  GradeMention g;
  g.grade = Grade::Good;
  g.authority_urn = "1";
  r.grade_mentions.push_back(g);
  auto report = row("1", "2019-05-06", "2019-05-17", "2019-06-27", Grade::Good);
  CandidateFacts f;
  f.row = &report;
  f.mention = &r.authorities.front();
  f.prominence_share = 0.5;
  f.in_address = true;
  f.latest_by_article_date = true;
  auto ev = authority_evidence(r, f);
  ASSERT_TRUE(has(ev, EvidenceKind::AuthorityNamed));
  EXPECT_DOUBLE_EQ(ev.front().weight, 0.5 * weight_of(EvidenceKind::AuthorityNamed).weight);
  EXPECT_TRUE(has(ev, EvidenceKind::AuthoritySubjectOfGrade));
  EXPECT_TRUE(has(ev, EvidenceKind::AuthorityInAddress));
  EXPECT_TRUE(has(latest_evidence(f), EvidenceKind::LatestByArticleDate));
  // The subject of the grade is another authority: no subject evidence.
  r.grade_mentions.front().authority_urn = "2";
  r.grade_mentions.push_back(r.grade_mentions.front());
  EXPECT_FALSE(has(authority_evidence(r, f), EvidenceKind::AuthoritySubjectOfGrade));
}

TEST(EvidenceRules, ConfidenceFallsWhenARivalComesClose) {
  EXPECT_DOUBLE_EQ(link_confidence(1.4, 0.2), 1.0);
  EXPECT_DOUBLE_EQ(link_confidence(0.9, 0.85), 0.55);
  EXPECT_DOUBLE_EQ(link_confidence(0.6, 0.0), 0.6);
  EXPECT_DOUBLE_EQ(link_confidence(-0.3, 0.0), 0.0);
}

// ---- the failure kinds, on synthetic articles ----

using testing::TempRegister;

class LinkFailureKinds : public testing::ArticlesTest<LinkFailureKinds> {
 public:
  static std::string store_reports(TempRegister& reg) {
    auto fake = [](const char* authority, const char* file, const char* start, const char* end, const char* published,
                   Grade grade, std::string page) {
      TempRegister::Fake f;
      f.authority = authority;
      f.file_name = file;
      f.start = start;
      f.end = end;
      f.published = published;
      f.overall = grade;
      f.pages = {std::move(page)};
      return f;
    };
    reg.store(fake("Leeds", "80500-leeds_2015-03-20.pdf", "2015-01-12", "2015-02-05", "2015-03-20", Grade::Inadequate,
                   "Children's services in Leeds are inadequate. Leaders have been too slow to act.\n"));
    reg.store(fake("Leeds", "80500-leeds_2019-06-27.pdf", "2019-05-06", "2019-05-17", "2019-06-27",
                   Grade::RequiresImprovement,
                   "Leaders now understand their services well. Social workers know their children and "
                   "visit them often, but plans drift for too long before children are protected.\n"));
    reg.store(fake("Leeds", "80500-leeds_2023-06-20.pdf", "2023-05-08", "2023-05-19", "2023-06-20",
                   Grade::RequiresImprovement, "Services for children in Leeds continue to improve.\n"));
    reg.store(fake("Sandwell", "80548-sandwell_2019-06-25.pdf", "2019-05-06", "2019-05-17", "2019-06-25",
                   Grade::Inadequate, "Children's services in Sandwell are inadequate.\n"));
    return "";
  }

 protected:
  static ArticleAnalysis analyse(std::string text, std::string url = {}, std::string title = {}) {
    ArticleInput input;
    input.text = std::move(text);
    input.url = std::move(url);
    input.title = std::move(title);
    auto r = analyse_article(reg_->db(), input);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error());
    return r.ok() ? std::move(*r) : ArticleAnalysis{};
  }
  static std::string linked(const ArticleAnalysis& a) { return a.link.linked ? a.link.linked->row.source_file : ""; }
};

TEST_F(LinkFailureKinds, SecondCouncilNamedForComparisonIsNotLinked) {
  auto a = analyse("Leeds children's services require improvement, says Ofsted\n"
                   "Leeds City Council was rated requires improvement in a report published in June 2019. "
                   "Inspectors visited in May 2019.\n"
                   "Like Sandwell before it, the council had been judged inadequate.\n");
  EXPECT_EQ(linked(a), "80500-leeds_2019-06-27.pdf") << a.link.no_link_reason;
}

TEST_F(LinkFailureKinds, DayAndMonthWithoutYearPickTheReport) {
  auto a = analyse("Leeds children's services still require improvement\n"
                   "Leeds City Council's children's services require improvement, according to the Ofsted report "
                   "published on June 27.\n");
  EXPECT_EQ(linked(a), "80500-leeds_2019-06-27.pdf") << a.link.no_link_reason;
  ASSERT_TRUE(a.link.linked);
  bool day_month = false;
  for (const auto& e : a.link.linked->evidence) day_month |= e.kind == EvidenceKind::PublicationDayMonthAgrees;
  EXPECT_TRUE(day_month);
}

TEST_F(LinkFailureKinds, TheGradeGivenNowNotTheFirstMentioned) {
  auto a = analyse("Leeds children's services improve\n"
                   "Leeds City Council was rated inadequate in 2015; now its children's services require "
                   "improvement, according to an Ofsted report published in June 2019.\n");
  EXPECT_EQ(a.reading.grade, Grade::RequiresImprovement);
  EXPECT_EQ(linked(a), "80500-leeds_2019-06-27.pdf") << a.link.no_link_reason;
}

TEST_F(LinkFailureKinds, AVerbatimQuotationChoosesTheReport) {
  // No date, the same grade as a later report: only the quotation says which.
  auto a = analyse("Leeds children's services require improvement\n"
                   "Ofsted said Leeds City Council's children's services require improvement. The report said "
                   "\"plans drift for too long before children are protected\".\n");
  EXPECT_EQ(linked(a), "80500-leeds_2019-06-27.pdf") << a.link.no_link_reason;
}

TEST_F(LinkFailureKinds, CouncilNamedOnlyInTheAddress) {
  auto a = analyse("Statement from the Chair\nThe panel noted that the overall judgement of the recent Ofsted "
                   "inspection of children's services, published on June 27, was that the service requires "
                   "improvement.\n",
                   "https://democracy.leeds.gov.uk/ieIssueDetails.aspx?IId=123");
  EXPECT_EQ(linked(a), "80500-leeds_2019-06-27.pdf") << a.link.no_link_reason;
}

TEST_F(LinkFailureKinds, AMisreadGradeDoesNotVetoTheReportQuotedWordForWord) {
  // The grade it was rated before is read as today's: weighed, it costs the
  // report less than the passage quoted word for word gains it.
  auto a = analyse("Leeds children's services no longer inadequate\n"
                   "Leeds City Council is no longer rated inadequate, Ofsted said in a report published on June 27. "
                   "Inspectors found that \"plans drift for too long before children are protected\".\n");
  EXPECT_EQ(linked(a), "80500-leeds_2019-06-27.pdf") << a.link.no_link_reason;
}

TEST_F(LinkFailureKinds, ADatePhraseAboutAnotherEventIsWeighedNotAVeto) {
  auto a = analyse("Leeds children's services require improvement\n"
                   "Leeds City Council was last inspected in 2015. The Ofsted report published on June 27 said "
                   "\"social workers know their children and visit them often\".\n");
  EXPECT_EQ(linked(a), "80500-leeds_2019-06-27.pdf") << a.link.no_link_reason;
}

TEST_F(LinkFailureKinds, AGradeAloneIdentifiesNoReport) {
  // Leeds has one inadequate report here, but the article may be about a
  // visit or an inspection the register does not hold: no date, no quotation.
  auto a = analyse("Leeds children's services inadequate\nLeeds City Council's children's services were rated "
                   "inadequate by Ofsted.\n");
  EXPECT_EQ(linked(a), "") << "linked on the grade alone";
}

TEST_F(LinkFailureKinds, AnArticleAboutAVisitLinksOnlyToThatVisit) {
  auto a = analyse("Leeds children's services making progress\nA letter published by Ofsted after its latest "
                   "monitoring visit, which took place on June 20, says Leeds City Council, rated inadequate two "
                   "years ago, is making progress.\n");
  EXPECT_EQ(a.reading.event_kind, EventKind::MonitoringVisit);
  EXPECT_EQ(linked(a), "") << "a visit linked to an inspection report";
}

TEST_F(LinkFailureKinds, AGradeNamedBeforeIsEarlier) {
  auto a = analyse("Leeds update\nLeeds City Council was rated inadequate by Ofsted two years ago.\n");
  EXPECT_FALSE(a.reading.grade);
  ASSERT_FALSE(a.reading.earlier_grades.empty());
  EXPECT_EQ(a.reading.earlier_grades[0].grade, Grade::Inadequate);
}

TEST_F(LinkFailureKinds, ANeighboursGradeIsNotTheSubjectsEvidence) {
  // Sandwell is named once in passing; the grade and dates in sentences
  // naming no council are about Leeds.
  auto a = analyse("Leeds children's services rated inadequate\nLeeds City Council's children's services were "
                   "rated inadequate. Leeds was told to improve. Sandwell was also mentioned by the minister. "
                   "The inspection took place in May.\n");
  for (const auto& c : a.link.candidates) {
    if (c.row.authority_urn != "80548") continue;
    for (const auto& e : c.evidence) EXPECT_NE(e.kind, EvidenceKind::GradeAgrees) << e.detail;
  }
}

TEST_F(LinkFailureKinds, TheRightReportMissingLinksNothingAndSaysWhy) {
  // Wakefield has no reports in this register; Leeds is only compared.
  auto a = analyse("Wakefield children's services judged inadequate\n"
                   "Wakefield Council's children's services were rated inadequate by Ofsted in a report published "
                   "on June 27. Neighbouring Leeds had been rated requires improvement.\n");
  EXPECT_EQ(linked(a), "");
  EXPECT_FALSE(a.link.no_link_reason.empty());
}

TEST(ArticleAddress, CouncilSitesAndStorySlugs) {
  if (!testing::have_reference()) GTEST_SKIP();
  TempRegister reg;
  auto names = [&](const char* url) {
    std::vector<std::string> out;
    for (const auto& m : authorities_in_address(url, reg.directory())) out.push_back(m.authority->name);
    return out;
  };
  EXPECT_EQ(names("http://www.southampton.gov.uk/modernGov/ieIssueDetails.aspx?IId=26304&Opt=3"),
            std::vector<std::string>{"Southampton"});
  EXPECT_EQ(names("https://www.example.co.uk/news/corporate-failures-see-newham-downgraded-to-inadequate"),
            std::vector<std::string>{"Newham"});
  EXPECT_TRUE(names("https://www.example.co.uk/news/ofsted-rates-third-council-inadequate").empty());
}

}  // namespace
}  // namespace cscwatch::news

namespace cscwatch::news {
namespace {

TEST_F(LinkFailureKinds, WhatHappenedNextIsProposedWithItsSentence) {
  auto a = analyse("Commissioner sent into Leeds children's services\n"
                   "The Department for Education has appointed a commissioner to oversee children's services at "
                   "Leeds City Council after they were rated inadequate by Ofsted in June 2019.\n"
                   "The council was issued with an improvement notice last year.\n"
                   "Jane Smith has been appointed as the new director of children's services.\n");
  std::set<InterventionKind> kinds;
  bool by_dfe = false;
  for (const auto& f : a.proposed_facts) {
    kinds.insert(f.kind);
    EXPECT_FALSE(f.sentence.empty());
    EXPECT_EQ(f.authority_urn, a.authority ? a.authority->urn : "");
    by_dfe |= f.kind == InterventionKind::Commissioner && f.actor == "Department for Education";
    if (f.kind == InterventionKind::NewDirector) {
      EXPECT_EQ(f.person, "Jane Smith");
    }
  }
  EXPECT_TRUE(by_dfe);
  EXPECT_TRUE(kinds.count(InterventionKind::Commissioner));
  EXPECT_TRUE(kinds.count(InterventionKind::ImprovementNotice));
  EXPECT_TRUE(kinds.count(InterventionKind::NewDirector));
  auto j = to_json(a);
  ASSERT_TRUE(j.contains("proposed_facts"));
  EXPECT_EQ(j["proposed_facts"][0]["status"], "proposed");
}

}  // namespace
}  // namespace cscwatch::news
