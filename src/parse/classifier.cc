#include "parse/classifier.h"

#include <algorithm>
#include <string>

#include "parse/judgement_table.h"
#include "parse/text_normalise.h"

namespace cscwatch::parse {

namespace {
// Label + grade rows that make a judgement table: every graded report prints
// at least four (ILACS from 2026), letters none.
constexpr int kGradedReportMinRows = 3;
}  // namespace

std::string front_text(const DocumentLines& doc, int pages, size_t max_chars) {
  std::string out;
  for (size_t i = 0; i < doc.end_of(pages) && out.size() < max_chars; ++i) {
    if (!out.empty()) out.push_back(' ');
    out += doc.lines[i].norm;
  }
  if (out.size() > max_chars) out.resize(max_chars);
  return out;
}

Result<DocumentKind> classify_document(const DocumentLines& doc) {
  if (doc.lines.empty()) return Error{"unsupported document: no text on any page (scanned or empty PDF)"};
  // The title sits on page 1 (page 2 when a cover page precedes it).
  const std::string front = front_text(doc, 2);
  const std::string page1 = front_text(doc, 1);

  if (contains(front, "inspection of looked after children services"))
    return DocumentKind::LookedAfterChildrenReport;
  const bool sif_title = contains(front, "inspection of services for children in need of help and protection") ||
                         contains(front, "re-inspection of services for children in need");
  // A judgement table on the first pages makes a graded report whatever the
  // title says (a trust's name, a new wording) and whatever a letter-like
  // sentence mentions ("In 2020, Ofsted conducted a focused visit").
  const JudgementTable table = read_judgement_table(doc, {0, doc.end_of(2), true}, classify_report_label);
  if (table.grade_cells >= kGradedReportMinRows) {
    const bool sif_rows = std::any_of(table.judgements.begin(), table.judgements.end(), [](const Judgement& j) {
      return j.area == JudgementArea::Adoption;  // SIF 2.1: never an ILACS judgement
    });
    return sif_title || sif_rows ? DocumentKind::SifReport : DocumentKind::IlacsReport;
  }
  if (sif_title) return DocumentKind::SifReport;
  const bool ilacs_title = contains(front, "local authority children's services") ||
                           contains(front, "inspection of children's social care services") ||
                           contains(front, "local authority children's social care services");
  // The table's "Judgement | Grade" header, or its overall row: Ofsted may stop
  // grading overall effectiveness (from about April 2026), so either will do.
  // Letters have neither, even when they quote judgement wording.
  const bool has_judgement_table = contains(front, "overall effectiveness") || contains(front, "judgement grade");
  if (ilacs_title && has_judgement_table && contains(front, "inspection date")) return DocumentKind::IlacsReport;

  // Letters: the opening sentence names the visit.
  if (contains(page1, "joint targeted area inspection") || contains(page1, "joint inspection of"))
    return DocumentKind::JointTargetedInspection;
  if (contains(page1, "focused visit")) return DocumentKind::FocusedVisitLetter;
  if (contains(page1, "monitoring visit")) return DocumentKind::MonitoringVisitLetter;

  if (contains(front, "review of the effectiveness of the local safeguarding children board") ||
      contains(front, "inspection of the effectiveness of the local safeguarding children board"))
    return DocumentKind::LscbReview;
  if (contains(front, "inspection of safeguarding and looked after children services"))
    return Error{"unsupported document: 2009-2013 safeguarding and looked after children inspection"};
  if (contains(front, "arrangements for the protection of children"))
    return Error{"unsupported document: 2012-2013 inspection of arrangements for the protection of children"};
  if (contains(front, "area send") || contains(front, "special educational needs"))
    return Error{"unsupported document: local area SEND inspection"};
  if (ilacs_title)
    return Error{"unsupported document: local authority children's services title without a judgement table"};
  return Error{"unsupported document: no Ofsted children's services title on the first pages"};
}

}  // namespace cscwatch::parse
