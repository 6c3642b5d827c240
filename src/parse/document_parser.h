// Pages -> an inspection record: classifies the document, then reads it with
// the parser for its kind. Never touches the database.
#pragma once

#include <vector>

#include "domain/inspection.h"
#include "domain/result.h"
#include "parse/parse_options.h"
#include "reader/page.h"

namespace cscwatch {

// Errors begin "unsupported document: " followed by the reason (for example
// "no Ofsted children's services title on the first pages"), or name the fact
// a recognised report lacks ("SIF report without inspection dates").
// A recognised report is returned even when facts are missing: the caller runs
// check_completeness (domain/completeness.h) on it, which names each gap.
// `options` disables single rules for tests (parse_options.h).
Result<InspectionRecord> parse_inspection_document(const std::vector<Page>& pages, const ParseOptions& options = {});

}  // namespace cscwatch
