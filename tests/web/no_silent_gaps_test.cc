// "No silent gaps", the web part. Hand-made registers (stored with
// Register::store, as in inert_markup_test.cc):
//  - an authority whose latest inspection began on 4 May 2026 under the April
//    2026 framework (four judgements, no overall grade by design): every page
//    and the API say "no overall grade (2026 framework)" and count it at its
//    lowest judgement, never as a blank or as "not graded";
//  - a document flagged for review (a missing judgement, a missing lead
//    inspector) with a person's correction of another judgement: /review,
//    /api/review, the register's notice and the report page show each.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "domain/authority.h"
#include "reader/page.h"
#include "store/corrections.h"
#include "store/register.h"
#include "web_test_support.h"

namespace cscwatch::testing {
namespace {

const std::string kScript = "<script>alert(1)</script>";

Authority make_authority(std::string urn, std::string name, std::string slug) {
  Authority a = synthetic_authority(urn, urn.substr(3), std::move(name), std::move(slug));
  a.ons_code = "E06" + urn;
  a.region_name = "North West";
  return a;
}

// A document of `kind` for `urn`, first and last day on site as given, of
// three pages; its judgements are on page 2 unless said. Each test sets its
// sha256.
struct Doc : SyntheticDocument {
  Doc(const std::string& urn, const std::string& file, DocumentKind kind, const char* start, const char* end)
      : SyntheticDocument(urn, file, kind, start, end,
                          {"Page 1 of " + file, "Page 2 of " + file, "Page 3 of " + file}) {}
  void judge(JudgementArea area, Grade grade, int page = 2) { SyntheticDocument::judge(area, grade, page); }
};

std::string sha_for(char c) { return std::string(64, c); }

nlohmann::json get_json(httplib::Client& c, const std::string& path) {
  auto r = c.Get(path.c_str());
  EXPECT_TRUE(r) << path;
  if (!r) return {};
  EXPECT_EQ(r->status, 200) << path;
  return nlohmann::json::parse(r->body);
}

std::string get_html(httplib::Client& c, const std::string& path) {
  auto r = c.Get(path.c_str());
  EXPECT_TRUE(r) << path;
  if (!r) return {};
  EXPECT_EQ(r->status, 200) << path;
  EXPECT_EQ(r->body.find("<script>alert"), std::string::npos) << path << " contains raw markup";
  return r->body;
}

const nlohmann::json* find_authority(const nlohmann::json& reg, const std::string& slug) {
  for (const auto& a : reg["authorities"])
    if (a["authority_slug"] == slug) return &a;
  return nullptr;
}

bool contains(const std::string& body, const std::string& what) { return body.find(what) != std::string::npos; }

// ---------------------------------------------------------------------------

class Framework2026Test : public SyntheticRegisterTest {
 protected:
  void SetUp() override {
    auto reg = open_register("framework2026.db", {make_authority("999101", "Newshire", "newshire"),
                                                  make_authority("999102", "Oldshire", "oldshire")});
    ASSERT_TRUE(reg) << reg.error();
    // Newshire: a 2022 inspection judged good overall, then the 2026 one.
    Doc before("999101", "999101-newshire_2022.pdf", DocumentKind::IlacsReport, "2022-05-09", "2022-05-20");
    before.d.sha256 = sha_for('1');
    before.judge(JudgementArea::Overall, Grade::Good);
    before.judge(JudgementArea::Leadership, Grade::Good);
    before.judge(JudgementArea::HelpProtection, Grade::Good);
    before.judge(JudgementArea::InCare, Grade::Good);
    ASSERT_TRUE(reg->store(before.d));
    Doc now("999101", "999101-newshire_2026.pdf", DocumentKind::IlacsReport, "2026-05-04", "2026-05-15");
    now.d.sha256 = sha_for('2');
    now.judge(JudgementArea::Leadership, Grade::Good);
    now.judge(JudgementArea::HelpProtection, Grade::Good);
    now.judge(JudgementArea::InCare, Grade::RequiresImprovement);
    now.judge(JudgementArea::CareLeavers, Grade::Good);
    auto stored = reg->store(now.d);
    ASSERT_TRUE(stored) << stored.error();
    document_id_ = *stored;
    // Oldshire: judged good overall in 2023.
    Doc old("999102", "999102-oldshire_2023.pdf", DocumentKind::IlacsReport, "2023-06-05", "2023-06-16");
    old.d.sha256 = sha_for('3');
    old.judge(JudgementArea::Overall, Grade::Good);
    old.judge(JudgementArea::Leadership, Grade::Good);
    old.judge(JudgementArea::HelpProtection, Grade::Good);
    old.judge(JudgementArea::InCare, Grade::Good);
    old.judge(JudgementArea::CareLeavers, Grade::Good);
    ASSERT_TRUE(reg->store(old.d));
    reg->connection().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }

  int64_t document_id_ = 0;
};

TEST_F(Framework2026Test, RegisterApiCountsItAtItsLowestJudgement) {
  auto c = client();
  auto reg = get_json(c, "/api/register");
  const auto* e = find_authority(reg, "newshire");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE((*e)["overall"].is_null());
  EXPECT_EQ((*e)["overall_absent_by_framework"], true);
  EXPECT_EQ((*e)["counted_as"], "requires_improvement");
  EXPECT_EQ((*e)["counted_by"], "lowest_judgement");
  EXPECT_EQ((*e)["inspection_start"], "2026-05-04");
  EXPECT_EQ((*e)["in_care"], "requires_improvement");
  EXPECT_EQ((*e)["next_window_opens"], "2028-11-15");
  EXPECT_TRUE(contains((*e)["next_window_basis"].get<std::string>(), "2026 framework")) << (*e)["next_window_basis"];
  EXPECT_EQ((*e)["review"], nlohmann::json::array());
  EXPECT_EQ((*e)["corrected"], nlohmann::json::array());
  // Never dropped from the counts: two authorities, both counted.
  EXPECT_EQ(reg["counts_by_current_grade"]["requires_improvement"], 1);
  EXPECT_EQ(reg["counts_by_current_grade"]["good"], 1);
  EXPECT_FALSE(reg["counts_by_current_grade"].contains("none"));
  EXPECT_EQ(reg["counted_by_lowest_judgement"]["requires_improvement"], 1);
  EXPECT_TRUE(contains(reg["counting_rule"].get<std::string>(), "lowest judgement"));
  const auto* old = find_authority(reg, "oldshire");
  ASSERT_NE(old, nullptr);
  EXPECT_EQ((*old)["overall_absent_by_framework"], false);
  EXPECT_EQ((*old)["counted_as"], "good");
  EXPECT_EQ((*old)["counted_by"], "overall");

  // The grade filter uses the same counted grade.
  auto ri = get_json(c, "/api/register?grade=requires_improvement");
  ASSERT_EQ(ri["count"], 1);
  EXPECT_EQ(ri["authorities"][0]["authority_slug"], "newshire");
  auto good = get_json(c, "/api/register?grade=good");
  ASSERT_EQ(good["count"], 1);
  EXPECT_EQ(good["authorities"][0]["authority_slug"], "oldshire");
  auto ever_good = get_json(c, "/api/register?grade=good&ever=1");
  EXPECT_EQ(ever_good["count"], 2) << "Newshire was judged good overall in 2022";
  auto none = get_json(c, "/api/register?grade=none");
  EXPECT_EQ(none["count"], 0);
}

TEST_F(Framework2026Test, ReportApiSaysOverallIsAbsentByFramework) {
  auto c = client();
  auto j = get_json(c, "/api/reports/" + std::to_string(document_id_));
  EXPECT_TRUE(j["overall"].is_null());
  EXPECT_EQ(j["overall_absent_by_framework"], true);
  EXPECT_EQ(j["counted_as"], "requires_improvement");
  EXPECT_EQ(j["counted_by"], "lowest_judgement");
  EXPECT_FALSE(j["judgements"].contains("overall"));
  EXPECT_EQ(j["judgements"]["care_leavers"]["grade"], "good");
  EXPECT_EQ(j["review"], nlohmann::json::array());
}

TEST_F(Framework2026Test, RegisterPageShowsNoOverallGradeAndCountsIt) {
  auto c = client();
  std::string page = get_html(c, "/");
  EXPECT_TRUE(contains(page, "no overall grade (2026 framework)"));
  EXPECT_TRUE(contains(page, "counted as</span> <span class=\"badge g-requires_improvement\""));
  EXPECT_TRUE(contains(page, "1 counted by lowest judgement"));
  EXPECT_TRUE(contains(page, "id=\"counting-rule\""));
  EXPECT_TRUE(contains(page, "2028-11-15 to 2029-11-15<br>"));
  EXPECT_TRUE(contains(page, "<span class=\"counted\">2026 framework, "));
  EXPECT_TRUE(contains(page, "<tr data-grade=\"requires_improvement\"><th scope=\"row\"><a href=\"/authority/newshire\">"));
  EXPECT_FALSE(contains(page, "id=\"review-notice\"")) << "nothing is flagged";
  EXPECT_TRUE(contains(page, "href=\"/review\"")) << "the nav links the review page";

  std::string filtered = get_html(c, "/?grade=requires_improvement");
  EXPECT_TRUE(contains(filtered, "/authority/newshire\""));
  EXPECT_FALSE(contains(filtered, "/authority/oldshire\""));

  std::string review = get_html(c, "/review");
  EXPECT_TRUE(contains(review, "every stored fact meets its rules"));
  auto api = get_json(c, "/api/review");
  EXPECT_EQ(api["count"], 0);
  EXPECT_TRUE(api["documents"].empty());
}

TEST_F(Framework2026Test, AuthorityPageAndTimelineShowTheCountedGrade) {
  auto c = client();
  std::string page = get_html(c, "/authority/newshire");
  EXPECT_TRUE(contains(page, "no overall grade (2026 framework)"));
  EXPECT_TRUE(contains(page, "(its lowest judgement)"));
  // The overall row is absent by framework, not missing data.
  EXPECT_FALSE(contains(page, "not read \u2014 needs review"));
  EXPECT_FALSE(contains(page, "<span class=\"nograde\">not graded</span>"));
  // The timeline plots it at its counted grade, ringed, with a title saying so.
  EXPECT_TRUE(contains(page, "class=\"pt g-requires_improvement counted\""));
  EXPECT_TRUE(contains(page, "class=\"counted-ring\""));
  EXPECT_TRUE(contains(page, "2026-05-04: no overall grade (2026 framework); plotted at Requires improvement, its lowest judgement"));
  EXPECT_TRUE(contains(page, "class=\"pt g-good\""));  // the 2022 overall grade, as before

  std::string report = get_html(c, "/report/" + std::to_string(document_id_));
  EXPECT_TRUE(contains(report, "<tr data-area=\"overall\">"));
  EXPECT_TRUE(contains(report, "no overall grade (2026 framework)"));
}

// ---------------------------------------------------------------------------

class FlaggedDocumentTest : public SyntheticRegisterTest {
 protected:
  void SetUp() override {
    auto reg = open_register("flagged.db", {make_authority("999201", "Flagshire", "flagshire")});
    ASSERT_TRUE(reg) << reg.error();
    // A 2024 ILACS report: care leavers not read, no lead inspector.
    Doc doc("999201", "999201-flagshire_2024.pdf", DocumentKind::IlacsReport, "2024-03-04", "2024-03-15");
    doc.d.sha256 = sha_for('4');
    doc.d.record.lead_inspector.reset();
    doc.judge(JudgementArea::Overall, Grade::Good);
    doc.judge(JudgementArea::Leadership, Grade::Good);
    doc.judge(JudgementArea::HelpProtection, Grade::Good);
    doc.judge(JudgementArea::InCare, Grade::RequiresImprovement);
    doc.d.record.improvement_points.push_back({"Plans for children " + kScript, 3, "1", ImprovementSection::None});
    doc.d.review.push_back({"care_leavers", "the care leavers judgement was not read " + kScript, 2});
    doc.d.review.push_back({"lead_inspector", "no lead inspector was read", 0});
    auto stored = reg->store(doc.d);
    ASSERT_TRUE(stored) << stored.error();
    flagged_id_ = *stored;
    // A person corrects the children in care judgement.
    CorrectionRequest fix;
    fix.document_id = flagged_id_;
    fix.field = "in_care";
    fix.value = "good";
    fix.page = 2;
    fix.note = "the table on page 2 prints Good " + kScript;
    fix.corrected_by = "Reviewer <b>R</b>";
    auto corrected = record_correction(reg->connection(), fix);
    ASSERT_TRUE(corrected) << corrected.error();

    // A SIF report (complete) with numbered points in its two sections.
    Doc sif("999201", "999201-flagshire_2015.pdf", DocumentKind::SifReport, "2015-01-12", "2015-02-05");
    sif.d.sha256 = sha_for('5');
    for (auto area : {JudgementArea::Overall, JudgementArea::HelpProtection, JudgementArea::InCare, JudgementArea::Adoption,
                      JudgementArea::CareLeavers, JudgementArea::Leadership})
      sif.judge(area, Grade::RequiresImprovement);
    sif.d.record.improvement_points.push_back({"Ensure that strategy meetings happen", 3, "1", ImprovementSection::PriorityAction});
    sif.d.record.improvement_points.push_back({"Improve supervision", 3, "2", ImprovementSection::AreaForImprovement});
    sif.d.record.improvement_points.push_back({"Improve return interviews", 3, "3", ImprovementSection::AreaForImprovement});
    auto stored_sif = reg->store(sif.d);
    ASSERT_TRUE(stored_sif) << stored_sif.error();
    sif_id_ = *stored_sif;
    reg->connection().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }

  int64_t flagged_id_ = 0, sif_id_ = 0;
};

TEST_F(FlaggedDocumentTest, ReviewPageListsEachFactWithItsReasonAndPage) {
  auto c = client();
  std::string page = get_html(c, "/review");
  EXPECT_FALSE(contains(page, "every stored fact meets its rules"));
  EXPECT_TRUE(contains(page, "1 document needs review (2 facts)"));
  EXPECT_TRUE(contains(page, "id=\"document-" + std::to_string(flagged_id_) + "\""));
  EXPECT_FALSE(contains(page, "id=\"document-" + std::to_string(sif_id_) + "\"")) << "the SIF report is complete";
  EXPECT_TRUE(contains(page, "Flagshire"));
  EXPECT_TRUE(contains(page, "<tr data-field=\"care_leavers\"><th scope=\"row\">care_leavers</th>"));
  EXPECT_TRUE(contains(page, "the care leavers judgement was not read &lt;script&gt;"));
  EXPECT_TRUE(contains(page, "href=\"/report/" + std::to_string(flagged_id_) + "/page/2?fact=care_leavers#highlight\""));
  EXPECT_TRUE(contains(page, "no lead inspector was read</td><td><span class=\"nograde\">page not known</span>"));
  EXPECT_TRUE(contains(page, "aria-current=\"page\">Review</a>"));

  auto api = get_json(c, "/api/review");
  ASSERT_EQ(api["count"], 1);
  const auto& d = api["documents"][0];
  EXPECT_EQ(d["document_id"], flagged_id_);
  EXPECT_EQ(d["authority_slug"], "flagshire");
  ASSERT_EQ(d["review"].size(), 2u);
  EXPECT_EQ(d["review"][0]["field"], "care_leavers");
  EXPECT_EQ(d["review"][0]["page"], 2);
  EXPECT_EQ(d["review"][0]["pdf_url"], "/report/" + std::to_string(flagged_id_) + "/pdf#page=2");
  EXPECT_EQ(d["review"][1]["field"], "lead_inspector");
  EXPECT_TRUE(d["review"][1]["page"].is_null());
  ASSERT_EQ(d["corrected"].size(), 1u);
  EXPECT_EQ(d["corrected"][0]["field"], "in_care");

  auto openapi = get_json(c, "/api/openapi.json");
  EXPECT_TRUE(openapi["paths"].contains("/api/review"));
}

TEST_F(FlaggedDocumentTest, RegisterSaysDocumentsNeedReview) {
  auto c = client();
  std::string page = get_html(c, "/");
  EXPECT_TRUE(contains(page, "id=\"review-notice\"><a href=\"/review\">1 document needs review</a>"));
  auto reg = get_json(c, "/api/register");
  const auto* e = find_authority(reg, "flagshire");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ((*e)["review"].size(), 2u);
  EXPECT_EQ((*e)["review"][0]["field"], "care_leavers");
  EXPECT_EQ((*e)["review"][0]["reason"], "the care leavers judgement was not read " + kScript);
  EXPECT_EQ((*e)["review"][0]["page"], 2);
  ASSERT_EQ((*e)["corrected"].size(), 1u);
  EXPECT_EQ((*e)["in_care"], "good");
}

TEST_F(FlaggedDocumentTest, ReportPageShowsCorrectedAndNeedsReviewNextToEachField) {
  auto c = client();
  std::string page = get_html(c, "/report/" + std::to_string(flagged_id_));
  // The correction: when, who, what was read, the note, the page.
  EXPECT_TRUE(contains(page, "<span class=\"corrected\" data-field=\"in_care\">corrected <time datetime=\""));
  EXPECT_TRUE(contains(page, "by Reviewer &lt;b&gt;R&lt;/b&gt; (read as <q>requires_improvement</q>): the table on page 2 "
                             "prints Good &lt;script&gt;"));
  EXPECT_TRUE(contains(page, "id=\"report-corrected\""));
  // The judgement it lacks is never a silent blank.
  EXPECT_TRUE(contains(page, "<tr data-area=\"care_leavers\">"));
  EXPECT_TRUE(contains(page, "not read \u2014 needs review"));
  EXPECT_TRUE(contains(page, "needs review: the care leavers judgement was not read &lt;script&gt;"));
  EXPECT_TRUE(contains(page, "<dt>Lead inspector</dt><dd><span class=\"nograde\">not read</span> "
                             "<span class=\"needs-review\" data-field=\"lead_inspector\">needs review: no lead inspector was read"));
  EXPECT_TRUE(contains(page, "id=\"report-review\""));
  EXPECT_TRUE(contains(page, "<span class=\"point-number\">1</span> Plans for children &lt;script&gt;"));

  auto j = get_json(c, "/api/reports/" + std::to_string(flagged_id_));
  EXPECT_EQ(j["in_care"], "good");
  EXPECT_EQ(j["judgements"]["in_care"]["grade"], "good");
  ASSERT_EQ(j["review"].size(), 2u);
  EXPECT_EQ(j["review"][0], (nlohmann::json{{"field", "care_leavers"},
                                            {"reason", "the care leavers judgement was not read " + kScript},
                                            {"page", 2}}));
  EXPECT_TRUE(j["needs_review"].get<bool>());
  ASSERT_EQ(j["corrected"].size(), 1u);
  const auto& corr = j["corrected"][0];
  EXPECT_EQ(corr["field"], "in_care");
  EXPECT_EQ(corr["value"], "good");
  EXPECT_EQ(corr["extracted"], "requires_improvement");
  EXPECT_EQ(corr["page"], 2);
  EXPECT_EQ(corr["note"], "the table on page 2 prints Good " + kScript);
  EXPECT_EQ(corr["corrected_by"], "Reviewer <b>R</b>");
  EXPECT_FALSE(corr["corrected_at"].get<std::string>().empty());
  EXPECT_EQ(j["overall_absent_by_framework"], false);
  EXPECT_EQ(j["counted_as"], "good");
  EXPECT_EQ(j["improvement_points"][0]["number"], "1");

  std::string authority = get_html(c, "/authority/flagshire");
  EXPECT_TRUE(contains(authority, "<span class=\"corrected\" data-field=\"in_care\">corrected"));
  EXPECT_TRUE(contains(authority, "not read \u2014 needs review"));
}

TEST_F(FlaggedDocumentTest, SifImprovementPointsShowTheirNumberAndSection) {
  auto c = client();
  std::string page = get_html(c, "/report/" + std::to_string(sif_id_));
  auto priority = page.find("<h5>Priority and immediate action</h5>");
  auto area = page.find("<h5>Area for improvement</h5>");
  ASSERT_NE(priority, std::string::npos);
  ASSERT_NE(area, std::string::npos);
  EXPECT_LT(priority, area);
  EXPECT_TRUE(contains(page, " data-section=\"priority_action\"><span class=\"point-number\">1</span> Ensure that"));
  EXPECT_TRUE(contains(page, " data-section=\"area_for_improvement\"><span class=\"point-number\">3</span> Improve return"));
  EXPECT_FALSE(contains(page, "needs review")) << "a complete SIF report";
  auto j = get_json(c, "/api/reports/" + std::to_string(sif_id_));
  EXPECT_EQ(j["improvement_points"][0]["section"], "priority_action");
  EXPECT_EQ(j["improvement_points"][1]["section"], "area_for_improvement");
  EXPECT_EQ(j["improvement_points"][1]["number"], "2");
}

}  // namespace
}  // namespace cscwatch::testing
