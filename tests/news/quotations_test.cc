// Quotation extraction, attribution and matching, without a register.
#include <gtest/gtest.h>

#include "news/article_text.h"
#include "news/quotations.h"
#include "news/quote_matching.h"

namespace cscwatch::news {
namespace {

const Quotation* find(const QuotationReading& r, const std::string& words) {
  for (const auto& q : r.quotes)
    if (q.text.find(words) != std::string::npos) return &q;
  return nullptr;
}

TEST(Quotations, AttributionPatterns) {
  auto r = read_quotations(
      "Inspectors visited Kent in May.\n"
      "“Too many children wait too long for help,” the report said.\n"
      "According to Ofsted, leaders have \"a clear understanding of practice\".\n"
      "Council leader Roger Gough said: \"We accept the findings in full.\"\n"
      "\"We will act quickly,\" said Mr Gough.\n"
      "A DfE spokesperson said the department would \"monitor progress closely\".\n"
      "Jane Smith, the council's director of children's services, added: “Our staff work hard every day.\n"
      "“We are proud of them.”\n"
      "She said it was \"a fair report overall\".\n"
      "Ofsted's chief inspector Amanda Spielman said: 'Councils need more support from government.'\n");
  const Quotation* q = find(r, "Too many children");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, SpeakerKind::Inspectorate);
  EXPECT_EQ(q->how, "after");
  q = find(r, "clear understanding");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, SpeakerKind::Inspectorate);
  q = find(r, "accept the findings");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, SpeakerKind::Person);
  EXPECT_EQ(q->attributed_to, "Roger Gough");
  q = find(r, "act quickly");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->attributed_to, "Roger Gough");
  q = find(r, "monitor progress");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, SpeakerKind::Government);
  q = find(r, "proud of them");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->attributed_to, "Jane Smith");
  EXPECT_TRUE(q->continued);
  q = find(r, "fair report");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->attributed_to, "Jane Smith");
  // An Ofsted official speaking is a person, not the report.
  q = find(r, "more support");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, SpeakerKind::Person);
  EXPECT_EQ(q->attributed_to, "Amanda Spielman");
  bool role = false;
  for (const auto& p : r.people) role |= p.name == "Jane Smith" && p.role == "the council's director of children's services";
  EXPECT_TRUE(role);
}

TEST(Quotations, ApostrophesAreNotQuotes) {
  auto r = read_quotations("The council's leaders said children's services were 'not good enough' in Dudley's case.\n");
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(r.quotes[0].text, "not good enough");
}

TEST(QuoteMatching, NormalisesAndReportsDifferences) {
  ReportText report({{1, "Cover page\n"},
                     {2, "There are serious and wide-\nspread weaknesses in the quality of children’s\nservices "
                         "that leave vulnerable children at risk of harm.\n"}});
  auto m = report.find("serious and widespread weaknesses in the quality of children's services");
  EXPECT_EQ(m.verdict, QuoteVerdict::Verbatim);
  EXPECT_EQ(m.page, 2);
  m = report.find("serious and widespread failings in the quality of children's services");
  EXPECT_EQ(m.verdict, QuoteVerdict::Close);
  ASSERT_FALSE(m.differences.empty());
  EXPECT_EQ(m.differences[0].kind, DifferenceKind::Changed);
  EXPECT_EQ(m.differences[0].quote_text, "failings");
  EXPECT_EQ(m.differences[0].report_text, "weaknesses");
  m = report.find("serious weaknesses ... that leave vulnerable children at risk");
  EXPECT_EQ(m.verdict, QuoteVerdict::Close);  // "and widespread" dropped without an ellipsis there
  m = report.find("serious and widespread weaknesses ... that leave vulnerable children at risk of harm");
  EXPECT_EQ(m.verdict, QuoteVerdict::Verbatim);
  m = report.find("children are safe and well supported by leaders");
  EXPECT_EQ(m.verdict, QuoteVerdict::NotFound);
}

TEST(ArticleText, HtmlEntitiesAndScripts) {
  auto t = prepare_article_text("<html><body><script>if (a < b) { document.write('<p>Leeds</p>') }</script>"
                                "<p>Caf&eacute; &amp; &#8220;quoted&#x201D; text that is long enough to keep</p>"
                                "<p>Second paragraph</p></body></html>");
  ASSERT_TRUE(t.ok()) << t.error();
  EXPECT_TRUE(t->was_html);
  EXPECT_EQ(t->text.find("Leeds"), std::string::npos);
  EXPECT_NE(t->text.find("Café & “quoted” text"), std::string::npos) << t->text;
  EXPECT_NE(t->text.find("\nSecond paragraph"), std::string::npos);
}

TEST(ArticleText, Windows1252IsRepaired) {
  auto t = prepare_article_text("Ofsted said \x93serious failings\x94 were found in the council\x92s services.");
  ASSERT_TRUE(t.ok()) << t.error();
  EXPECT_NE(t->text.find("“serious failings”"), std::string::npos) << t->text;
  EXPECT_FALSE(t->warnings.empty());
}

}  // namespace
}  // namespace cscwatch::news
