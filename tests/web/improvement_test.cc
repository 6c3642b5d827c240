// Issue 10 acceptance, on a real server over loopback: the scenario modelled
// on the seed articles (an authority judged inadequate; a commissioner for
// three months; an improvement board; a plan whose actions answer the
// report's improvement points; two monitoring visits whose letters are
// ingested; the authority page telling it in order), the reference table's
// Dudley 2016 and BCP 2022 histories, who may write what, a stale edit's 409
// with nothing lost, validation messages, and that re-ingesting reports never
// touches these records.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "auth_test_support.h"
#include "common/pdf_file.h"
#include "domain/authority_directory.h"
#include "ingest/ingest.h"
#include "reader/known_interventions.h"
#include "store/audit_log.h"
#include "store/improvement_store.h"
#include "store/register.h"

namespace cscwatch::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// A one-page letter: each string a line; "" leaves a paragraph gap.
std::string letter_pdf(const std::vector<std::string>& lines) {
  std::string content = "BT /F1 9 Tf\n";
  int y = 800;
  for (const auto& line : lines) {
    if (line.empty()) {
      y -= 24;
      continue;
    }
    content += "1 0 0 1 40 " + std::to_string(y) + " Tm\n(";
    for (char c : line) {
      if (c == '(' || c == ')' || c == '\\') content += '\\';
      content += c;
    }
    content += ") Tj\n";
    y -= 12;
  }
  content += "ET\n";
  return assemble_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
                       "/Contents 5 0 R >>",
                       "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
                       "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream"});
}

// A monitoring visit letter as Ofsted words them (domain brief §4).
std::string monitoring_letter(const std::string& dates, const std::string& ordinal, const std::string& theme) {
  return letter_pdf({"Monitoring visit to Bury children's services", "",
                     "This letter summarises the findings of the monitoring visit to Bury children's services on " + dates + ".",
                     "This was the " + ordinal + " monitoring visit since the local authority was judged inadequate",
                     "in December 2021.", "", "Areas covered by the visit", "", theme, "", "Yours sincerely", "",
                     "Jane Example", "His Majesty's Inspector"});
}

void write(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

class ImprovementTest : public ReportsRegisterTest<ImprovementTest> {
 protected:
  static void SetUpTestSuite() {
    if (!make_register({"80443-bury_2016-05-16.pdf", "80443-bury_2021-12-17.pdf", "80464-dudley_2016-04-05.pdf",
                        "80464-dudley_2018-12-10.pdf", "2532287-bournemouth-christchurch-and-poole_2022-02-11.pdf",
                        "2532287-bournemouth-christchurch-and-poole_2025-01-29.pdf"}))
      return;
    bury = urn_of(db, "bury");
    dudley = urn_of(db, "dudley");
    create_test_account(db, "eve", Role::editor, {bury});
    create_test_account(db, "fay", Role::editor, {bury});
    create_test_account(db, "ed", Role::editor, {dudley});
    create_test_account(db, "vi", Role::viewer, {bury});
  }

  static std::int64_t bury_report_id() {
    auto c = Connection::open(db, true);
    auto q = c->prepare("SELECT id FROM documents WHERE file_name = '80443-bury_2021-12-17.pdf'");
    q.step();
    return q.integer(0);
  }
  static std::vector<int> bury_points() {
    auto c = Connection::open(db, true);
    auto q = c->prepare("SELECT ordinal FROM improvement_points p JOIN inspections i ON i.id = p.inspection_id "
                        "WHERE i.document_id = ? ORDER BY ordinal");
    q.bind(1, bury_report_id());
    std::vector<int> out;
    while (q.step()) out.push_back(static_cast<int>(q.integer(0)));
    return out;
  }
  static size_t audit_rows(const std::string& urn) {
    auto c = Connection::open(db, true);
    return audit_for_authority(*c, urn, 100000).size();
  }

  static httplib::Result post(const TestServer& s, const SignedIn* who, const std::string& path,
                              std::vector<std::pair<std::string, std::string>> fields, bool with_csrf = true) {
    httplib::Headers headers;
    if (who) {
      headers.emplace("Cookie", who->session_cookie);
      if (with_csrf) fields.emplace_back("csrf", who->csrf);
    }
    return s.client().Post(path, headers, form_body(fields), "application/x-www-form-urlencoded");
  }
  static std::int64_t created_id(const httplib::Result& res, const std::string& anchor) {
    EXPECT_EQ(res->status, 303) << res->body.substr(0, 2000);
    std::smatch m;
    const std::string location = res->get_header_value("Location");
    EXPECT_TRUE(std::regex_search(location, m, std::regex("#" + anchor + "-([0-9]+)$"))) << location;
    return m.empty() ? 0 : std::stoll(m[1]);
  }

  static inline std::string bury, dudley;
};

TEST_F(ImprovementTest, ScenarioFromJudgementToMonitoringVisitsTellsTheWholeStoryInOrder) {
  TestServer server(db);
  const SignedIn eve = sign_in(server, "eve");
  const size_t audit_before = audit_rows(bury);
  int writes = 0;

  // DfE appoints a commissioner for three months.
  auto res = post(server, &eve, "/authority/bury/improvement/intervention/new",
                  {{"kind", "commissioner"}, {"issuer", "DfE"}, {"person", "A Commissioner"}, {"start", "2022-01-10"},
                   {"end", "2022-04-10"}, {"outcome", "Reported that services should stay with the council"},
                   {"source", "https://www.gov.uk/"}});
  created_id(res, "intervention");
  ++writes;
  res = post(server, &eve, "/authority/bury/improvement/intervention/new",
             {{"kind", "improvement_notice"}, {"issuer", "DfE"}, {"start", "2022-04-11"}, {"review", "2022-10-11"}});
  created_id(res, "intervention");
  ++writes;
  // The council sets up an improvement board with an independent chair.
  res = post(server, &eve, "/authority/bury/improvement/board/new",
             {{"name", "Children's Improvement Board"}, {"chair", "An Independent Chair"}, {"independent_chair", "1"},
              {"established", "2022-02-01"},
              {"members", "A Director | Bury Council | DCS\nA Partner | Greater Manchester Police\nAn Adviser | DfE | adviser"},
              {"meetings", "2022-02-15 | first meeting\n2022-03-15"}});
  created_id(res, "board");
  ++writes;
  // A plan answering the December 2021 report; its actions answer its improvement points.
  const std::int64_t report = bury_report_id();
  const std::vector<int> points = bury_points();
  ASSERT_GE(points.size(), 3u) << "the Bury 2021 report's improvement points";
  res = post(server, &eve, "/authority/bury/improvement/plan/new",
             {{"title", "Improvement plan 2022"}, {"agreed", "2022-02-20"}, {"report_document_id", std::to_string(report)}});
  const std::int64_t plan = created_id(res, "plan");
  ++writes;
  std::vector<std::int64_t> actions;
  for (int n = 0; n < 3; ++n) {
    res = post(server, &eve, "/improvement/plan/" + std::to_string(plan) + "/action/new",
               {{"description", "Action for point " + std::to_string(points[n])}, {"point", std::to_string(points[n])},
                {"owner", "Head of service"}, {"partner", "Health"}, {"due", n == 0 ? "2022-03-31" : "2027-01-31"},
                {"status", n == 0 ? "in_progress" : "not_started"}, {"rag", "amber"}});
    actions.push_back(created_id(res, "action"));
    ++writes;
  }
  // Two monitoring visits follow; their letters are ingested.
  const std::string letters = dir->path + "/letters";
  fs::create_directories(letters);
  write(letters + "/80443-bury_2022-07-12.pdf",
        monitoring_letter("7 and 8 June 2022", "first", "Inspectors reviewed the front door and help for children in need."));
  write(letters + "/80443-bury_2022-11-15.pdf",
        monitoring_letter("4 and 5 October 2022", "second", "Inspectors reviewed the experiences of children in care."));
  {
    auto reg = Register::open(db);
    AuthorityDirectory directory(reg->authorities());
    auto summary = ingest_files(*reg, directory, {letters + "/80443-bury_2022-07-12.pdf", letters + "/80443-bury_2022-11-15.pdf"});
    ASSERT_EQ(summary.failures.size(), 0u) << summary.failures[0].reason;
  }

  auto page = server.client().Get("/authority/bury");
  ASSERT_EQ(page->status, 200);
  const std::string& html = page->body;
  // The panel: derived status, the board with members by organisation, the
  // plan's actions linked to the points they answer, the visits from the letters.
  EXPECT_NE(html.find("data-under-intervention=\"yes\""), std::string::npos);
  // Since the earliest in force: the reference table's improvement notice
  // (January 2022, data/known_interventions.csv), before this scenario's records.
  EXPECT_NE(html.find("since 1 January 2022"), std::string::npos);
  EXPECT_NE(html.find("2 monitoring, 0 focused"), std::string::npos);
  EXPECT_NE(html.find("Greater Manchester Police: A Partner"), std::string::npos);
  for (int n = 0; n < 3; ++n)
    EXPECT_NE(html.find("href=\"/report/" + std::to_string(report) + "#point-" + std::to_string(report) + "-" +
                        std::to_string(points[n]) + "\""),
              std::string::npos);
  EXPECT_NE(html.find("Overdue: <strong>1</strong>"), std::string::npos);
  EXPECT_NE(html.find("Monitoring visit (number 1), 7 June 2022 to 8 June 2022"), std::string::npos);
  EXPECT_NE(html.find("Monitoring visit (number 2), 4 October 2022 to 5 October 2022"), std::string::npos);
  // The report page has the anchors the actions link to.
  auto report_page = server.client().Get("/report/" + std::to_string(report));
  EXPECT_NE(report_page->body.find("id=\"point-" + std::to_string(report) + "-" + std::to_string(points[0]) + "\""),
            std::string::npos);
  // The whole story, in order.
  const size_t story = html.find("id=\"story\"");
  ASSERT_NE(story, std::string::npos);
  std::vector<std::string> in_order = {"2021-10-25", "Commissioner (A Commissioner) begins", "Children&#39;s Improvement Board established",
                                       "2022-02-15", "Improvement plan 2022 agreed", "Commissioner (A Commissioner) ends",
                                       "Improvement notice begins", "2022-06-07", "2022-10-04"};
  size_t at = story;
  for (const auto& s : in_order) {
    size_t next = html.find(s, at);
    EXPECT_NE(next, std::string::npos) << "'" << s << "' after the previous event in the story";
    if (next != std::string::npos) at = next;
  }
  // Every write left its audit row: the user's, and ingest's for the two visits.
  EXPECT_EQ(audit_rows(bury), audit_before + writes + 2);
  // The register's filter finds it.
  auto reg_page = server.client().Get("/?intervention=1");
  EXPECT_NE(reg_page->body.find("href=\"/authority/bury\""), std::string::npos);
  EXPECT_EQ(reg_page->body.find("href=\"/authority/dudley\""), std::string::npos);  // its interventions ended
  // The board pack shows the plan's actions with their status.
  auto pack = server.client().Get("/authority/bury/board-pack");
  ASSERT_EQ(pack->status, 200);
  EXPECT_NE(pack->body.find("Action for point " + std::to_string(points[0])), std::string::npos);
  EXPECT_NE(pack->body.find("Overdue actions"), std::string::npos);
  // And the API.
  auto api = server.client().Get("/api/authorities/bury/improvement");
  ASSERT_EQ(api->status, 200);
  auto j = json::parse(api->body);
  EXPECT_TRUE(j["status"]["under_intervention"].get<bool>());
  EXPECT_EQ(j["status"]["monitoring_visits"], 2);
  EXPECT_EQ(j["plans"][0]["actions"].size(), 3u);

  // Re-ingesting the reports (a new parser version re-parses them) never touches these records.
  auto snapshot = [&] {
    auto c = Connection::open(db, true);
    json all = json::array();
    for (const auto& i : interventions_for(*c, bury)) all.push_back(to_json(i));
    for (const auto& b : boards_for(*c, bury)) all.push_back(to_json(b));
    for (const auto& p : plans_for(*c, bury)) {
      all.push_back(to_json(p));
      for (const auto& a : actions_for_plan(*c, p.id)) all.push_back(to_json(a));
    }
    for (const auto& v : visits_for(*c, bury)) all.push_back(to_json(v));
    return all;
  };
  const json before = snapshot();
  const size_t audit_now = audit_rows(bury);
  {
    auto reg = Register::open(db);
    reg->connection().exec("UPDATE documents SET parser_version = 0");
    AuthorityDirectory directory(reg->authorities());
    const std::string pdf = data_dir() + "/corpus/pdf/";
    auto summary = ingest_files(*reg, directory, {pdf + "80443-bury_2021-12-17.pdf", letters + "/80443-bury_2022-07-12.pdf",
                                                  letters + "/80443-bury_2022-11-15.pdf"});
    ASSERT_EQ(summary.failures.size(), 0u);
    EXPECT_EQ(summary.ingested, 3);
  }
  EXPECT_EQ(snapshot(), before);
  EXPECT_EQ(audit_rows(bury), audit_now);
}

TEST_F(ImprovementTest, DudleyAndBcpHistoriesShowTheirKnownInterventions) {
  TestServer server(db);
  auto dudley_page = server.client().Get("/authority/dudley");
  const std::string& d = dudley_page->body;
  const size_t story = d.find("id=\"story\"");
  ASSERT_NE(story, std::string::npos);
  // The 2016 inspection, then the direction and commissioner the day it was published.
  const size_t inspection = d.find("2016-01-11", story);
  const size_t commissioner = d.find("Commissioner (Eleanor Brazil) begins (5 April 2016)", story);
  const size_t ends = d.find("Commissioner (Eleanor Brazil) ends (5 August 2016)", story);
  ASSERT_NE(inspection, std::string::npos);
  ASSERT_NE(commissioner, std::string::npos);
  ASSERT_NE(ends, std::string::npos);
  EXPECT_LT(inspection, commissioner);
  EXPECT_LT(commissioner, ends);
  EXPECT_NE(d.find("Statutory direction begins (5 April 2016)"), std::string::npos);
  EXPECT_NE(d.find("reference table"), std::string::npos);

  auto bcp = server.client().Get("/authority/bournemouth-christchurch-and-poole");
  const std::string& b = bcp->body;
  EXPECT_NE(b.find("Statutory direction begins (April 2022)"), std::string::npos);
  EXPECT_NE(b.find("Improvement adviser (John Coughlan) begins (April 2022)"), std::string::npos);
  // Judged good in December 2024: the direction, with no stated end, is taken as ended.
  EXPECT_NE(b.find("data-under-intervention=\"no\""), std::string::npos);
  EXPECT_NE(b.find("taken as ended by a later judgement better than inadequate"), std::string::npos);
  // Every row carries its source.
  auto c = Connection::open(db, true);
  for (const auto& i : interventions_for(*c, urn_of(db, "bournemouth-christchurch-and-poole"))) EXPECT_FALSE(i.source.empty());
}

TEST_F(ImprovementTest, OnlyEditorsOfTheAuthorityWriteAndEveryFormNeedsItsToken) {
  TestServer server(db);
  const SignedIn vi = sign_in(server, "vi"), ed = sign_in(server, "ed"), eve = sign_in(server, "eve");
  const std::vector<std::pair<std::string, std::string>> plan = {{"title", "A plan"}};
  const size_t audit_before = audit_rows(bury);
  // A viewer cannot write (403); an editor of Dudley cannot write Bury's records (403).
  EXPECT_EQ(post(server, &vi, "/authority/bury/improvement/plan/new", plan)->status, 403);
  EXPECT_EQ(post(server, &ed, "/authority/bury/improvement/plan/new", plan)->status, 403);
  // Nor open its forms.
  EXPECT_EQ(server.client().Get("/authority/bury/improvement/plan/new", httplib::Headers{{"Cookie", ed.session_cookie}})->status, 403);
  // Without a valid CSRF token a post is refused, even from the right editor.
  EXPECT_EQ(post(server, &eve, "/authority/bury/improvement/plan/new", plan, false)->status, 403);
  EXPECT_EQ(post(server, &eve, "/authority/bury/improvement/plan/new", {{"title", "A plan"}, {"csrf", "forged"}}, false)->status, 403);
  // Anonymous: sent to sign in.
  EXPECT_EQ(post(server, nullptr, "/authority/bury/improvement/plan/new", plan)->status, 303);
  EXPECT_EQ(audit_rows(bury), audit_before);  // nothing written
  // An editor of Dudley cannot change Bury's action through the API either.
  auto c = Connection::open(db, true);
  auto plans = plans_for(*c, bury);
  if (!plans.empty()) {
    auto actions = actions_for_plan(*c, plans.front().id);
    if (!actions.empty()) {
      auto res = server.client().Post("/api/improvement/action/" + std::to_string(actions.front().id), ed.headers(),
                                      json{{"status", "done"}, {"version", actions.front().version}}.dump(), "application/json");
      EXPECT_EQ(res->status, 403);
    }
  }
  // The form shows no edit links to those who may not edit.
  auto page = server.client().Get("/authority/bury", httplib::Headers{{"Cookie", ed.session_cookie}});
  EXPECT_EQ(page->body.find("/improvement/plan/new"), std::string::npos);
  auto own = server.client().Get("/authority/bury", httplib::Headers{{"Cookie", eve.session_cookie}});
  EXPECT_NE(own->body.find("/authority/bury/improvement/plan/new"), std::string::npos);
}

TEST_F(ImprovementTest, ValidationSaysWhatIsWrongAndKeepsTheInput) {
  TestServer server(db);
  const SignedIn eve = sign_in(server, "eve");
  auto res = post(server, &eve, "/authority/bury/improvement/intervention/new",
                  {{"kind", "commissioner"}, {"issuer", "DfE"}, {"start", "2022-05-01"}, {"end", "2022-01-01"},
                   {"person", "Kept <Name>"}});
  EXPECT_EQ(res->status, 422);
  EXPECT_NE(res->body.find("The end date (2022-01-01) is before the start (2022-05-01)."), std::string::npos);
  EXPECT_NE(res->body.find("value=\"Kept &lt;Name&gt;\""), std::string::npos);
  res = post(server, &eve, "/authority/bury/improvement/visit/new", {{"kind", "monitoring"}, {"start", "7 June 2022"}});
  EXPECT_EQ(res->status, 422);
  EXPECT_NE(res->body.find("is not a date: write YYYY-MM-DD"), std::string::npos);
  // The API answers the same messages as JSON.
  auto api = server.client().Post("/api/authorities/bury/improvement/plan", eve.headers(), json{{"title", ""}}.dump(),
                                  "application/json");
  EXPECT_EQ(api->status, 422);
  auto j = json::parse(api->body);
  EXPECT_EQ(j["errors"][0]["field"], "title");
  EXPECT_EQ(j["errors"][0]["message"], "The plan's title is required.");
}

// Two editors change the same action: the second gets a 409 showing what
// changed, with the input kept; nothing is lost.
TEST_F(ImprovementTest, TheSecondOfTwoEditsToTheSameActionGetsAConflictAndNothingIsLost) {
  TestServer server(db);
  const SignedIn eve = sign_in(server, "eve"), fay = sign_in(server, "fay");
  auto plan = server.client().Post("/api/authorities/bury/improvement/plan", eve.headers(),
                                   json{{"title", "Concurrency plan"}}.dump(), "application/json");
  ASSERT_EQ(plan->status, 201) << plan->body;
  const auto plan_id = json::parse(plan->body)["id"].get<std::int64_t>();
  auto action = server.client().Post("/api/improvement/plan/" + std::to_string(plan_id) + "/actions", eve.headers(),
                                     json{{"description", "Audit casework"}, {"owner", "Team manager"},
                                          {"due", "2026-09-30"}, {"status", "not_started"}}.dump(),
                                     "application/json");
  ASSERT_EQ(action->status, 201) << action->body;
  const auto id = json::parse(action->body)["id"].get<std::int64_t>();
  const std::string edit = "/improvement/action/" + std::to_string(id) + "/edit";
  // Both open the form at version 1.
  for (const SignedIn* who : {&eve, &fay}) {
    auto form = server.client().Get(edit, httplib::Headers{{"Cookie", who->session_cookie}});
    ASSERT_EQ(form->status, 200);
    EXPECT_NE(form->body.find("name=\"version\" value=\"1\""), std::string::npos);
  }
  auto fields = [](const std::string& status, const std::string& notes) {
    return std::vector<std::pair<std::string, std::string>>{{"description", "Audit casework"}, {"owner", "Team manager"},
                                                            {"due", "2026-09-30"}, {"status", status}, {"rag", ""},
                                                            {"notes", notes}, {"version", "1"}};
  };
  auto first = post(server, &eve, edit, fields("in_progress", "Eve's note"));
  EXPECT_EQ(first->status, 303);
  auto second = post(server, &fay, edit, fields("blocked", "Fay's note"));
  ASSERT_EQ(second->status, 409);
  EXPECT_NE(second->body.find("Someone else saved this record first"), std::string::npos);
  EXPECT_NE(second->body.find("saved now \u201cin_progress\u201d; yours \u201cblocked\u201d"), std::string::npos);
  EXPECT_NE(second->body.find("Fay&#39;s note"), std::string::npos);           // her input is kept
  EXPECT_NE(second->body.find("name=\"version\" value=\"2\""), std::string::npos);  // to save over it, deliberately
  auto c = Connection::open(db, true);
  auto now = find_action(*c, id);
  EXPECT_EQ(now->status, ActionStatus::InProgress);  // the first edit stands
  EXPECT_EQ(now->notes, "Eve's note");
  EXPECT_EQ(now->version, 2);
  // Fay saves again from the conflict page: now a deliberate change over Eve's.
  auto again = fields("blocked", "Fay's note, after reading Eve's");
  again.back() = {"version", "2"};
  EXPECT_EQ(post(server, &fay, edit, again)->status, 303);
  now = find_action(*c, id);
  EXPECT_EQ(now->status, ActionStatus::Blocked);
  EXPECT_EQ(now->version, 3);
  // Both changes are in the audit trail, each with its before and after.
  int updates = 0;
  for (const auto& row : audit_for_authority(*c, bury))
    if (row.change.entity == "plan_action" && row.change.entity_id == id && row.change.action == "update") {
      ++updates;
      EXPECT_FALSE(row.change.before_json.empty());
    }
  EXPECT_EQ(updates, 2);
  // The API's stale write gets 409 with the record as it now is.
  auto stale = server.client().Post("/api/improvement/action/" + std::to_string(id), eve.headers(),
                                    json{{"description", "Audit casework"}, {"owner", "Team manager"}, {"due", "2026-09-30"},
                                         {"status", "done"}, {"version", 1}}.dump(),
                                    "application/json");
  ASSERT_EQ(stale->status, 409);
  EXPECT_EQ(json::parse(stale->body)["current"]["status"], "blocked");
}


// Facts proposed from a news article (the seed article on Dudley's
// commissioner) appear for an editor of that authority to accept: a form
// prefilled from the fact, to check and save; nobody else gets the link.
TEST_F(ImprovementTest, AFactProposedFromANewsArticleCanBeAcceptedByAnEditorOfItsAuthority) {
  std::ifstream in(data_dir() + "/news/000_340b8fb06991e91a.txt", std::ios::binary);
  if (!in) GTEST_SKIP() << "shared news article not found";
  const std::string article((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  TestServer server(db);
  const SignedIn ed = sign_in(server, "ed"), eve = sign_in(server, "eve");
  auto as_ed = post(server, &ed, "/news", {{"article", article}});
  ASSERT_EQ(as_ed->status, 200);
  const std::string accept = "href=\"/authority/dudley/improvement/intervention/new?kind=commissioner";
  EXPECT_NE(as_ed->body.find(accept), std::string::npos);
  EXPECT_NE(as_ed->body.find("Accept into the record"), std::string::npos);
  auto as_eve = post(server, &eve, "/news", {{"article", article}});
  EXPECT_EQ(as_eve->body.find("Accept into the record"), std::string::npos);
  auto anonymous = server.client().Post("/news", form_body({{"article", article}}), "application/x-www-form-urlencoded");
  EXPECT_EQ(anonymous->body.find("Accept into the record"), std::string::npos);
  // Following it opens the form with the fact filled in.
  const size_t at = as_ed->body.find(accept) + 6;
  std::string href = as_ed->body.substr(at, as_ed->body.find('"', at) - at);
  href = std::regex_replace(href, std::regex("&amp;"), "&");
  auto form = server.client().Get(href, httplib::Headers{{"Cookie", ed.session_cookie}});
  ASSERT_EQ(form->status, 200);
  EXPECT_NE(form->body.find("<option value=\"commissioner\" selected>"), std::string::npos);
  EXPECT_NE(form->body.find("News article: \u201c"), std::string::npos);
}


// Restricted records are hidden from those who may not see them: the panel,
// the board pack, the API and the register's filter.
TEST_F(ImprovementTest, RestrictedRecordsAreHiddenFromThoseWhoMayNotSeeThem) {
  TestServer server(db);
  const SignedIn eve = sign_in(server, "eve"), vi = sign_in(server, "vi"), ed = sign_in(server, "ed");
  ASSERT_EQ(post(server, &eve, "/authority/bury/visibility", {{"restricted", "1"}})->status, 303);
  auto anonymous = server.client().Get("/authority/bury");
  ASSERT_EQ(anonymous->status, 200);
  EXPECT_EQ(anonymous->body.find("id=\"improvement\""), std::string::npos);
  EXPECT_EQ(anonymous->body.find("Intervention</span>"), std::string::npos);  // nor in the story
  EXPECT_EQ(server.client().Get("/authority/bury/board-pack")->status, 404);
  EXPECT_EQ(server.client().Get("/api/authorities/bury/improvement")->status, 404);
  EXPECT_EQ(server.client().Get("/?intervention=1")->body.find("href=\"/authority/bury\""), std::string::npos);
  auto other_editor = server.client().Get("/authority/bury", httplib::Headers{{"Cookie", ed.session_cookie}});
  EXPECT_EQ(other_editor->body.find("id=\"improvement\""), std::string::npos);
  // The viewer granted Bury sees them, without edit links.
  auto viewer = server.client().Get("/authority/bury", httplib::Headers{{"Cookie", vi.session_cookie}});
  EXPECT_NE(viewer->body.find("id=\"improvement\""), std::string::npos);
  EXPECT_EQ(viewer->body.find("/edit\""), std::string::npos);
  EXPECT_EQ(server.client().Get("/api/authorities/bury/improvement", vi.headers(false))->status, 200);
  // The register is one page for everyone: its filter counts public records only.
  EXPECT_EQ(server.client().Get("/?intervention=1", vi.headers(false))->body.find("href=\"/authority/bury\""), std::string::npos);
  // Public again, the anonymous page shows them (no stale cached page).
  ASSERT_EQ(post(server, &eve, "/authority/bury/visibility", {{"restricted", "0"}})->status, 303);
  EXPECT_NE(server.client().Get("/authority/bury")->body.find("id=\"improvement\""), std::string::npos);
}

}  // namespace
}  // namespace cscwatch::testing
