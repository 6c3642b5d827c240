// Reads the improvement points of every SIF and ILACS report of the shared
// corpus and checks that each is a whole item: never a heading, never a
// fragment, numbered consecutively where the report numbers them. Prints the
// totals. Needs the corpus: -DCSCWATCH_DATA_DIR=/path/to/shared.
// CSCWATCH_POINTS_DUMP=1 also prints every point, to review by eye.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "domain/inspection.h"
#include "parse/document_lines.h"
#include "parse/document_parser.h"
#include "parse/text_normalise.h"
#include "reader/pdf_reader.h"

namespace cscwatch {
namespace {

namespace fs = std::filesystem;

struct Parsed {
  std::string file;
  bool graded = false;  // SIF or ILACS report
  Framework framework = Framework::PreSif;
  std::vector<ImprovementPoint> points;
  std::vector<ReviewItem> doubts;  // only those about improvement points
};

std::vector<Parsed> parse_corpus(const fs::path& pdf_dir) {
  std::vector<Parsed> out;
  for (const auto& entry : fs::directory_iterator(pdf_dir))
    if (entry.path().extension() == ".pdf") {
      Parsed parsed;
      parsed.file = entry.path().filename().string();
      out.push_back(std::move(parsed));
    }
  std::sort(out.begin(), out.end(), [](const Parsed& a, const Parsed& b) { return a.file < b.file; });
  std::atomic<size_t> next{0};
  auto worker = [&] {
    PdfReader reader;
    for (size_t i = next++; i < out.size(); i = next++) {
      auto text = reader.read_file((pdf_dir / out[i].file).string());
      if (!text) continue;
      auto record = parse_inspection_document(text->pages);
      if (!record) continue;
      out[i].framework = record->framework;
      out[i].graded = record->kind == DocumentKind::SifReport || record->kind == DocumentKind::IlacsReport;
      out[i].points = record->improvement_points;
      for (const auto& d : record->doubts)
        if (d.field == "improvement_points") out[i].doubts.push_back(d);
    }
  };
  std::thread a(worker), b(worker);
  a.join();
  b.join();
  return out;
}

size_t word_count(const std::string& text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

const char* section_name(ImprovementSection s) {
  switch (s) {
    case ImprovementSection::PriorityAction:
      return "priority";
    case ImprovementSection::AreaForImprovement:
      return "area";
    case ImprovementSection::None:
      break;
  }
  return "";
}

// What a heading printed after the list looks like if it were read as a point.
bool looks_like_heading(const std::string& text) {
  static const std::regex grade_tail(R"(:\s*(good|outstanding|inadequate|requires improvement( to be good)?)\.?$)",
                                     std::regex::icase);
  static const std::regex judgement_title(
      R"(^(the )?(overall effectiveness|experiences and progress of|impact of leaders|leadership, management|children who need help and protection|children looked after|adoption performance|experiences and progress of care leavers)[^.]*$)",
      std::regex::icase);
  return std::regex_search(text, grade_tail) || std::regex_match(text, judgement_title);
}

// Printed numbers run on by one ("12", "13") or by one in the last part
// ("2.1", "2.2"); a new section may restart them.
bool follows(const std::string& previous, const std::string& current) {
  auto last_part = [](const std::string& n) {
    const size_t dot = n.rfind('.');
    return std::stoi(n.substr(dot == std::string::npos ? 0 : dot + 1));
  };
  return last_part(current) == last_part(previous) + 1;
}

TEST(ImprovementPointsCorpus, EveryReportHasWholePoints) {
  const fs::path pdf_dir = fs::path(CSCWATCH_DATA_DIR) / "corpus" / "pdf";
  if (!fs::is_directory(pdf_dir)) GTEST_SKIP() << "corpus not found under " << CSCWATCH_DATA_DIR;
  const bool dump = std::getenv("CSCWATCH_POINTS_DUMP") != nullptr;
  // Reports with nothing to read: Thurrock 2024 prints no "What needs to
  // improve?" heading at all. (North Lincolnshire 2022, outstanding, prints
  // one paragraph of prose under it: one whole point.) No doubts expected.
  const std::vector<std::string> without_points = {"80571-thurrock_2024-10-29.pdf"};
  const std::vector<std::string> with_doubt = {};

  const auto parsed = parse_corpus(pdf_dir);
  int documents = 0, with_points = 0, points = 0, doubts = 0;
  int sif_points = 0, ilacs_points = 0, priority = 0, area = 0;
  for (const auto& doc : parsed) {
    if (!doc.graded) continue;
    ++documents;
    doubts += static_cast<int>(doc.doubts.size());
    auto listed = [&](const std::vector<std::string>& files) {
      return std::find(files.begin(), files.end(), doc.file) != files.end();
    };
    if (listed(with_doubt)) {
      EXPECT_EQ(doc.doubts.size(), 1u) << doc.file;
    } else {
      for (const auto& d : doc.doubts) ADD_FAILURE() << doc.file << ": doubt p" << d.page << " " << d.reason;
    }
    for (const auto& d : doc.doubts) std::printf("DOUBT %s p%d: %s\n", doc.file.c_str(), d.page, d.reason.c_str());
    if (dump) std::printf("#### %s (%zu)\n", doc.file.c_str(), doc.points.size());
    EXPECT_EQ(doc.points.empty(), listed(without_points)) << doc.file << ": " << doc.points.size() << " points";
    if (!doc.points.empty()) ++with_points;
    points += static_cast<int>(doc.points.size());
    (doc.framework == Framework::Sif ? sif_points : ilacs_points) += static_cast<int>(doc.points.size());
    for (size_t k = 0; k < doc.points.size(); ++k) {
      const ImprovementPoint& p = doc.points[k];
      if (p.section == ImprovementSection::PriorityAction) ++priority;
      if (p.section == ImprovementSection::AreaForImprovement) ++area;
      if (dump)
        std::printf("  [%s%s%s] p%d %s\n", p.number.c_str(), p.number.empty() ? "" : " ", section_name(p.section),
                    p.page, p.text.c_str());
      EXPECT_FALSE(looks_like_heading(p.text)) << doc.file << ": a heading read as a point: " << p.text;
      // The shortest real point is three words ("Frontline workforce
      // sufficiency.", Dudley 2023); a fragment of an item is usually shorter.
      EXPECT_GE(word_count(p.text), 3u) << doc.file << ": a fragment read as a point: " << p.text;
      if (k > 0 && !p.number.empty() && !doc.points[k - 1].number.empty() && doc.points[k - 1].section == p.section) {
        EXPECT_TRUE(follows(doc.points[k - 1].number, p.number))
            << doc.file << ": numbering " << doc.points[k - 1].number << " then " << p.number;
      }
    }
  }
  std::printf(
      "Improvement points: %d reports, %d with points, %d points (SIF %d: %d priority, %d areas; ILACS %d), "
      "%d doubts\n",
      documents, with_points, points, sif_points, priority, area, ilacs_points, doubts);
}

// One report read on its own.
struct Report {
  bool ok = false;
  std::vector<ImprovementPoint> points;
  std::vector<ReviewItem> doubts;  // only those about improvement points
};

Report read_report(const std::string& file) {
  Report report;
  PdfReader reader;
  auto text = reader.read_file((fs::path(CSCWATCH_DATA_DIR) / "corpus" / "pdf" / file).string());
  if (!text) return report;
  auto record = parse_inspection_document(text->pages);
  if (!record) return report;
  report.ok = true;
  report.points = record->improvement_points;
  for (const auto& d : record->doubts)
    if (d.field == "improvement_points") report.doubts.push_back(d);
  return report;
}

bool starts(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}
bool ends(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// One point as read from the PDF text by hand: its place in the list, its
// printed number, how it starts and how it ends.
struct Expected {
  size_t index;
  std::string number;
  std::string first_words;
  std::string last_words;
};

void expect_points(const std::string& file, size_t count, const std::vector<Expected>& expected) {
  SCOPED_TRACE(file);
  const Report report = read_report(file);
  ASSERT_TRUE(report.ok) << "not read as a report";
  EXPECT_TRUE(report.doubts.empty());
  ASSERT_EQ(report.points.size(), count);
  for (const auto& e : expected) {
    const ImprovementPoint& p = report.points.at(e.index);
    EXPECT_EQ(p.number, e.number) << "point " << e.index;
    EXPECT_TRUE(starts(p.text, e.first_words)) << "point " << e.index << ": " << p.text;
    EXPECT_TRUE(ends(p.text, e.last_words)) << "point " << e.index << ": " << p.text;
  }
}

class RealReports : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_directory(fs::path(CSCWATCH_DATA_DIR) / "corpus" / "pdf"))
      GTEST_SKIP() << "corpus not found under " << CSCWATCH_DATA_DIR;
  }
};

// Dash sub-bullets under an item ending ':' / "including:" were points of
// their own (Isle of Wight 2023: 7 points for 4; East Sussex 2024: 5 for 3).
TEST_F(RealReports, DashSubItemsBelongToTheirItem) {
  expect_points("80419-isle-of-wight_2023-12-15.pdf", 4,
                {{2, "", "The quality of oversight and monitoring of: the pre-proceedings process in the Public Law",
                  "(PLO); permanence for children; private fostering."},
                 {3, "", "Caseloads in the children's assessment", "safeguarding teams."}});
  expect_points("80467-east-sussex_2024-02-06.pdf", 3,
                {{2, "", "The oversight, timeliness and rigour of the response to children: experiencing neglect",
                  "pre-proceedings, and in private fostering arrangements."}});
  // The dash printed on a line of its own: "-" (Manchester 2022), U+0336
  // (Cornwall 2019, which kept the glyphs in the text).
  expect_points(
      "80521-manchester_2022-05-19.pdf", 4,
      {{0, "", "Practice around the care and protection of disabled children to demonstrate: an understanding",
        "; the ambition for disabled children to achieve to their potential."}});
  expect_points("80454-cornwall_2019-11-05.pdf", 3,
                {{0, "",
                  "The provision of suitable accommodation for 16- and 17-year-old homeless young people, including: "
                  "sufficiency of accommodation; assessment",
                  "; management oversight of the use of any unregulated provision."},
                 {1, "", "The quality and timeliness of life-story work", "for children."}});
}

// SIF bullets under a numbered item ending "by:" or "inspection:".
TEST_F(RealReports, SifBulletsBelongToTheirNumberedItem) {
  expect_points("80447-cheshire-east_2015-09-15.pdf", 17,
                {{15, "16", "Strengthen commissioning arrangements", "(paragraphs 45, 85, 150)."},
                 {16, "17", "Ensure later-in-life letters", "(paragraph 107)."}});
  expect_points("80418-norfolk_2015-10-20.pdf", 19,
                {{7, "8", "Implement the following areas for improvement from the previous looked after children",
                  "to fully participate in their reviews (paragraph 60)."},
                 {8, "9", "Ensure that permanence plans", "(paragraphs 59, 66)."}});
}

// An item whose second sentence opens a line that looks like a heading was
// cut after its first sentence (Croydon 2017, item 21).
TEST_F(RealReports, AnItemIsNotCutAfterItsFirstSentence) {
  expect_points("80492-croydon_2017-09-04.pdf", 21,
                {{20, "21", "Strengthen training and work on complaints and embed a culture of feedback. Improve the",
                  "in order to address issues raised."}});
}

// "section 20 of the Children Act 1989." was taken for the heading "Section
// 2": item 8 was cut and item 9 lost (Central Bedfordshire 2017).
TEST_F(RealReports, AWrappedLineIsNotAHeading) {
  expect_points("80446-central-bedfordshire_2017-08-25.pdf", 9,
                {{7, "8", "Ensure that 16- and 17-year-old homeless children", "section 20 of the Children Act 1989."},
                 {8, "9", "Ensure the agency decision-maker", "recorded on children's files."}});
}

// Headings printed after the list.
TEST_F(RealReports, TheHeadingAfterTheListIsNeverAPoint) {
  // "Experiences and progress of children who need help and protection: good"
  // without "The" became a fifth point.
  expect_points("80508-lewisham_2024-01-31.pdf", 4,
                {{3, "", "Personal advisers' (PAs) understanding", "how well they explain it to young people."}});
  // "The local authority has the following strengths:" and the numbered
  // strengths after it became points (Barnsley 42 for 25, Newham 18 for 10).
  expect_points("80426-barnsley_2014-08-08.pdf", 25,
                {{0, "10", "The local authority and its partners", "."},
                 {24, "34", "Professional, reflective supervision", "current positions and future careers."}});
  expect_points("80511-newham_2014-08-08.pdf", 10,
                {{9, "18", "Ensure that all staff receive regular, formal supervision", "experience and ability."}});
  // A footnote at the foot of the page ran on from item 18 (Rochdale 2014).
  expect_points("80542-rochdale_2014-12-05.pdf", 28,
                {{17, "18", "Improve the quality of personal education plans", "linked to educational targets."}});
}

// A bullet opening like a judgement title ended the list after one point.
TEST_F(RealReports, ABulletIsNeverAHeading) {
  expect_points("80553-slough_2023-03-17.pdf", 7,
                {{1, "", "The impact of leaders and managers, including the corporate parenting board",
                  "driving progress for all children."},
                 {6, "", "The timeliness and oversight of placement with parents", "arrangements."}});
}

// "…when they reach the age of" / "17.": the number is the item's text, not
// the next item nor the first judgement paragraph.
TEST_F(RealReports, ANumberWrappedOntoItsOwnLineIsText) {
  expect_points("80584-worcestershire_2019-07-29.pdf", 8,
                {{6, "", "The provision of personal assistants", "when they reach the age of 17."},
                 {7, "", "The availability of suitable accommodation", "or become homeless."}});
}

// Numbered topic headings over bulleted recommendations were points.
TEST_F(RealReports, NumberedTopicHeadingsAreNotPoints) {
  expect_points("80553-slough_2016-02-17.pdf", 22,
                {{0, "", "In line with longstanding plans, develop and embed", "in conjunction with the LSCB."},
                 {7, "", "Through ambitious and innovative means", "permanent workforce."}});
}

// The 2014-15 variant: numbering carried on from the report's paragraphs,
// sub-sections, topic headings between items, "There are no areas of
// priority action" not a point.
TEST_F(RealReports, SifSectionsAndNumbering) {
  expect_points("80521-manchester_2014-09-03.pdf", 24,
                {{0, "11", "Review the number of cases held by all staff", "to deal effectively with current demand."},
                 {6, "17", "Promote the importance of stable relationships", "with their social workers."},
                 {23, "34", "Improve the collation, accuracy and reporting", "."}});
  const Report manchester = read_report("80521-manchester_2014-09-03.pdf");
  ASSERT_EQ(manchester.points.size(), 24u);
  for (size_t i = 0; i < manchester.points.size(); ++i)
    EXPECT_EQ(manchester.points[i].section,
              i < 6 ? ImprovementSection::PriorityAction : ImprovementSection::AreaForImprovement)
        << "point " << i;
  // "33. The inspection did not find any areas for priority and immediate
  // action." was a point.
  expect_points("80503-hounslow_2014-03-21.pdf", 26,
                {{0, "34", "Ensure that effective multi-agency arrangements", "."},
                 {25, "59", "Ensure that managers provide", "workload is appropriately distributed across services."}});
  expect_points("80474-herefordshire_2014-06-30.pdf", 28,
                {{0, "17", "Ensure that caseloads in children in need", "."},
                 {27, "44", "Ensure that learning from complaints", "service delivery and development."}});
}

// What is left to a person, and what is not.
TEST_F(RealReports, DoubtsOnlyWhereTheReportIsAmbiguous) {
  // One paragraph of prose in place of bullets: that paragraph, whole.
  const Report prose = read_report("80527-north-lincolnshire_2022-11-25.pdf");
  ASSERT_EQ(prose.points.size(), 1u);
  EXPECT_EQ(prose.points[0].text.rfind("There are an extremely small number", 0), 0u) << prose.points[0].text;
  EXPECT_TRUE(prose.points[0].text.ends_with("variability in practice across the service.")) << prose.points[0].text;
  EXPECT_TRUE(prose.doubts.empty());
  const Report none = read_report("80571-thurrock_2024-10-29.pdf");
  EXPECT_TRUE(none.ok);
  EXPECT_TRUE(none.points.empty());
  EXPECT_TRUE(none.doubts.empty());
}

// Developer aid, disabled by default: prints the parser's lines (page, block,
// bullet flag) of CSCWATCH_DUMP from every line starting with CSCWATCH_FROM
// (normalised, default "what needs to improve"), CSCWATCH_LINES lines each
// (default 80):
//   CSCWATCH_DUMP=/path/file.pdf CSCWATCH_FROM=recommendations parse_tests
//     --gtest_also_run_disabled_tests --gtest_filter='*DumpImprovementSection*'
TEST(DevTools, DISABLED_DumpImprovementSection) {
  const char* path = std::getenv("CSCWATCH_DUMP");
  if (!path) GTEST_SKIP() << "set CSCWATCH_DUMP to a PDF path";
  const char* from_env = std::getenv("CSCWATCH_FROM");
  const std::string from = from_env ? from_env : "what needs to improve";
  const char* lines_env = std::getenv("CSCWATCH_LINES");
  const size_t window = lines_env ? std::strtoul(lines_env, nullptr, 10) : 80;
  PdfReader reader;
  auto text = reader.read_file(path);
  ASSERT_TRUE(text.ok()) << text.error();
  const auto doc = parse::split_lines(text->pages);
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    if (!parse::starts_with(doc.lines[i].norm, from)) continue;
    for (size_t k = i; k < doc.lines.size() && k < i + window; ++k) {
      const auto& l = doc.lines[k];
      std::printf("p%d b%d %s| %s\n", l.page, l.block, l.bullet ? "*" : " ", l.text.c_str());
    }
    std::printf("----\n");
  }
}

}  // namespace
}  // namespace cscwatch
