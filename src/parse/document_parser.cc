#include "parse/document_parser.h"

#include "parse/classifier.h"
#include "parse/document_lines.h"
#include "parse/report_parsers.h"

namespace cscwatch {

Result<InspectionRecord> parse_inspection_document(const std::vector<Page>& pages, const ParseOptions& options) {
  const parse::DocumentLines doc = parse::split_lines(pages);
  auto kind = parse::classify_document(doc);
  if (!kind) return Error{kind.error()};
  switch (*kind) {
    case DocumentKind::SifReport: return parse::parse_sif_report(doc, options);
    case DocumentKind::IlacsReport: return parse::parse_ilacs_report(doc, options);
    case DocumentKind::LookedAfterChildrenReport: return parse::parse_looked_after_children_report(doc, options);
    case DocumentKind::LscbReview: return parse::parse_lscb_review(doc, options);
    case DocumentKind::FocusedVisitLetter:
    case DocumentKind::MonitoringVisitLetter:
    case DocumentKind::JointTargetedInspection: return parse::parse_visit_letter(doc, *kind, options);
  }
  return Error{"unsupported document: unknown kind"};
}

}  // namespace cscwatch
