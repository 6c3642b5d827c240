// One parser per kind of document; document_parser.cc picks one after
// classification. Each fills what its kind prints and errors name the fact a
// recognised document lacks.
#pragma once

#include "domain/inspection.h"
#include "domain/result.h"
#include "parse/document_lines.h"
#include "parse/parse_options.h"

namespace cscwatch::parse {

Result<InspectionRecord> parse_sif_report(const DocumentLines& doc, const ParseOptions& options);
Result<InspectionRecord> parse_ilacs_report(const DocumentLines& doc, const ParseOptions& options);
Result<InspectionRecord> parse_looked_after_children_report(const DocumentLines& doc, const ParseOptions& options);
// Stand-alone review of a Local Safeguarding Children Board: the board's one judgement.
Result<InspectionRecord> parse_lscb_review(const DocumentLines& doc, const ParseOptions& options);
// Focused visit, monitoring visit and JTAI letters: no grades.
Result<InspectionRecord> parse_visit_letter(const DocumentLines& doc, DocumentKind kind, const ParseOptions& options);

}  // namespace cscwatch::parse
