// Inspection frameworks, document kinds and inspection types.
#pragma once

#include <optional>
#include <string_view>

namespace cscwatch {

// The framework a document was written under.
//   PreSif: 2009-2013 safeguarding / looked after children inspections (old scale).
//   Sif:    single inspection framework, November 2013 - 2018.
//   Ilacs:  inspection of local authority children's services, 2018 onward.
enum class Framework { PreSif, Sif, Ilacs };

// What a document is. Only inspection reports carry judgements; letters do not.
enum class DocumentKind {
  SifReport,
  IlacsReport,
  LookedAfterChildrenReport,  // 2013 "Inspection of looked after children services"
  FocusedVisitLetter,
  MonitoringVisitLetter,
  JointTargetedInspection,
  // 2015-2017 stand-alone "Review of the effectiveness of the Local
  // Safeguarding Children Board": the board's judgement only, for a board whose
  // council's SIF inspection printed none. Not an inspection of the council's
  // services: it starts no inspection interval and counts in no grade tally.
  LscbReview,
};

// How the inspection was carried out. ILACS short/standard is never printed:
// it is inferred from the on-site span (see inspection.h).
enum class InspectionType { Full, ReInspection, Standard, Short, FocusedVisit, MonitoringVisit, Joint, BoardReview };

std::string_view to_string(Framework framework);        // "SIF", "ILACS", "pre-SIF"
std::string_view to_string(DocumentKind kind);          // "sif_report", ...
std::string_view to_string(InspectionType type);        // "standard", "short", ...
std::optional<Framework> parse_framework(std::string_view text);
std::optional<DocumentKind> parse_document_kind(std::string_view text);
std::optional<InspectionType> parse_inspection_type(std::string_view text);

// The framework a kind of document belongs to; letters belong to ILACS (or SIF
// for monitoring visits before 2018, decided by the parser from the date).
Framework framework_of(DocumentKind kind);

}  // namespace cscwatch
