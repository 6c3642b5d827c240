// Context figures (parse/context_figures.h) on real SIF reports: values read
// by hand from the PDF text (`mutool draw -F txt`) for several reports, then
// coverage over every SIF report of the corpus with no review item raised
// on a real report. Needs the corpus: -DCSCWATCH_DATA_DIR=/path/to/shared.
#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <optional>

#include "parse/context_figures.h"
#include "parse/document_lines.h"
#include "reader/pdf_reader.h"
#include "corpus_support.h"

namespace cscwatch {
namespace {

const std::string kDataDir = CSCWATCH_DATA_DIR;

struct Expected {
  const char* figure;
  double value;
  std::optional<double> rate;
};

std::vector<ContextFigure> figures_of(const std::string& file, std::vector<ReviewItem>& doubts) {
  PdfReader reader;
  auto text = reader.read_file(kDataDir + "/corpus/pdf/" + file);
  if (!text) {
    ADD_FAILURE() << file << ": " << text.error();
    return {};
  }
  return parse::read_context_figures(parse::split_lines(text->pages), doubts);
}

void expect_figures(const std::string& file, const std::vector<Expected>& expected) {
  std::vector<ReviewItem> doubts;
  const auto figures = figures_of(file, doubts);
  EXPECT_TRUE(doubts.empty()) << file << "\n" << testing::describe(doubts);
  for (const Expected& e : expected) {
    const ContextFigure* f = nullptr;
    for (const auto& g : figures)
      if (g.figure == e.figure) f = &g;
    ASSERT_NE(f, nullptr) << file << ": no " << e.figure;
    EXPECT_DOUBLE_EQ(f->value, e.value) << file << " " << e.figure;
    EXPECT_EQ(f->rate.has_value(), e.rate.has_value()) << file << " " << e.figure;
    if (f->rate && e.rate) {
      EXPECT_DOUBLE_EQ(*f->rate, *e.rate) << file << " " << e.figure;
    }
    EXPECT_GT(f->page, 0);
  }
}

class ContextFiguresCorpus : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::corpus_reports().empty()) GTEST_SKIP() << "no corpus in " << kDataDir;
  }
};

TEST_F(ContextFiguresCorpus, DudleyAsPrintedOnPages5And6) {
  // "Approximately 67,900 children and young people under the age of 18 years live in the Dudley borough. This is
  // 22% of the total population"; "Approximately 22% ... living in poverty"; "1,313 ... formally in need";
  // "339 ... subject of a child protection plan"; "708 ... being looked after ... (a rate of 104.7 per 10,000".
  expect_figures("80464-dudley_2016-04-05.pdf", {{kFigureChildrenLiving, 67900, 22},
                                                 {kFigureChildPoverty, 22, std::nullopt},
                                                 {kFigureChildrenInNeed, 1313, std::nullopt},
                                                 {kFigureChildProtection, 339, std::nullopt},
                                                 {kFigureLookedAfter, 708, 104.7}});
}

TEST_F(ContextFiguresCorpus, DatedFiguresWithRates) {
  // "At 31 December 2016, 176 children ... child protection plan (a rate of 46 per 10,000 children)";
  // "262 children are being looked after ... (a rate of 69 per 10,000 children)".
  expect_figures("80428-bedford_2017-04-07.pdf", {{kFigureChildProtection, 176, 46}, {kFigureLookedAfter, 262, 69}});
  // "Approximately 10% ... living in poverty"; "171 ... (a rate of 60.6 per 10,000"; "123 ... (a rate of 44".
  expect_figures("80436-bracknell-forest_2017-07-14.pdf",
                 {{kFigureChildPoverty, 10, std::nullopt}, {kFigureChildProtection, 171, 60.6}, {kFigureLookedAfter, 123, 44}});
  // "Approximately 37.1% ... living in poverty after housing costs"; "854 ... child protection plan." (no rate);
  // "1,816 children were being looked after ... (a rate of 64 per 10,000".
  expect_figures("80429-birmingham_2016-11-25.pdf",
                 {{kFigureChildPoverty, 37.1, std::nullopt}, {kFigureChildProtection, 854, std::nullopt}, {kFigureLookedAfter, 1816, 64}});
  // "17.4%"; "546 ... child protection plan"; "600 children are being looked after ... (a rate of 57".
  expect_figures("80467-east-sussex_2014-03-21.pdf",
                 {{kFigureChildPoverty, 17.4, std::nullopt}, {kFigureChildProtection, 546, std::nullopt}, {kFigureLookedAfter, 600, 57}});
}

TEST_F(ContextFiguresCorpus, PrintedOddities) {
  // "Approximately 62 100 children and young people under the age of 18 years live in Hull. This is 25%";
  // "At 21 May 2014, 4,277 children had been identified ... formally in need".
  expect_figures("80477-kingston-upon-hull_2015-02-10.pdf", {{kFigureChildrenLiving, 62100, 25}});
  expect_figures("80485-liverpool_2014-07-18.pdf", {{kFigureChildrenInNeed, 4277, std::nullopt}});
  // A footnote mark after the number: "Approximately 56,2002 children and young people ... This is 29% of the
  // total population".
  expect_figures("80486-barking-and-dagenham_2014-07-07.pdf", {{kFigureChildrenLiving, 56200, 29}});
  // A footnote names child protection plans before the sentence that counts them: "3 Based on number of open CiN
  // cases and number of children subject to a Child Protection Plan"; then "377 children and young people were the
  // subject of a child protection plan"; "3,421 children ... formally in need"; "465 ... (a rate of 39".
  expect_figures("80530-north-yorkshire_2014-06-30.pdf",
                 {{kFigureChildProtection, 377, std::nullopt}, {kFigureChildrenInNeed, 3421, std::nullopt}, {kFigureLookedAfter, 465, 39}});
  // "Children looked after in this area At 21st May 2014, 1,000 children are being looked after": the date's
  // day is not the count.
  expect_figures("80485-liverpool_2014-07-18.pdf", {{kFigureLookedAfter, 1000, 111}});
  // "At 1 March 2016, the local authority was looking after 281 children (a rate of 39.8 per 10,000)".
  expect_figures("80490-bromley_2016-06-27.pdf", {{kFigureLookedAfter, 281, 39.8}});
  // "... are being looked after by the LA (a rate of 152.4 per 10,000 children)".
  expect_figures("80431-blackpool_2014-09-08.pdf", {{kFigureLookedAfter, 443, 152.4}});
  // The section lists the previous judgements ("Leadership, management and governance: Inadequate."), which is no
  // heading that ends it: "407 children are being looked after ... (a rate of 65 per 10,000".
  expect_figures("80506-lambeth_2018-05-09.pdf", {{kFigureChildProtection, 296, 47}, {kFigureLookedAfter, 407, 65}});
  // Small numbers in words: "At 12 April 2016, no children were being looked after".
  expect_figures("80455-isles-of-scilly_2016-06-27.pdf", {{kFigureLookedAfter, 0, std::nullopt}});
}

TEST_F(ContextFiguresCorpus, CoverageOverEverySifReportWithoutReviewItems) {
  std::map<std::string, int> have;
  int sif = 0;
  for (const auto& r : testing::corpus_reports()) {
    if (r.framework != "SIF") continue;
    ++sif;
    std::vector<ReviewItem> doubts;
    for (const auto& f : parse::read_context_figures(parse::split_lines(r.pages), doubts)) ++have[f.figure];
    EXPECT_TRUE(doubts.empty()) << r.file << "\n" << testing::describe(doubts);
  }
  std::cout << sif << " SIF reports; figures read:";
  for (const auto& [figure, n] : have) std::cout << " " << figure << " " << n;
  std::cout << "\n";
  ASSERT_GT(sif, 100);
  // Measured on the corpus (parser version 7): of 114 SIF reports, 111 give the children living in the area,
  // 84 child poverty as a number, 109 children in need, 111 child protection plans, 111 children looked after;
  // most re-inspections print no such section.
  EXPECT_GE(have[kFigureLookedAfter], 110);
  EXPECT_GE(have[kFigureChildProtection], 110);
  EXPECT_GE(have[kFigureChildrenInNeed], 108);
  EXPECT_GE(have[kFigureChildrenLiving], 110);
  EXPECT_GE(have[kFigureChildPoverty], 83);
}

}  // namespace
}  // namespace cscwatch
