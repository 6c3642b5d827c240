// Facts printed in a report's header or team list: inspection dates,
// publication date, lead inspector.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/inspection.h"
#include "domain/result.h"
#include "parse/date_phrases.h"
#include "parse/parse_options.h"
#include "parse/document_lines.h"

namespace cscwatch::parse {

struct SourcedRange {
  DateRange range;
  int page = 0;
  bool single_day = false;  // one day printed
  bool split = false;       // two on-site periods printed
};

// "Inspection date(s): ..." / "Dates of inspection: ..." on pages
// [1, last_page]; the phrase may continue on the next lines.
std::optional<SourcedRange> find_inspection_dates(const DocumentLines& doc, int last_page = 2);

// "Report published: 5 April 2016" / "Published: 2 August 2013" / numeric forms,
// on pages [1, last_page].
std::optional<Sourced<Date>> find_published(const DocumentLines& doc, int last_page = 2);

// "Lead inspector: Name[, Her Majesty's Inspector]" (ILACS page 1), the SIF team
// list ("Lead inspector: Name HMI", name on a following line, "Lead inspector on
// site: X; Report author: Y"), "Lead inspectors: A, HMI, and B, HMI" -> "A; B",
// "Reporting inspector Name HMI" (pre-SIF). Searches pages [first_page, last_page].
std::optional<Sourced<std::string>> find_lead_inspector(const DocumentLines& doc, int first_page,
                                                        int last_page);

// Removes inspector titles ("HMI", "Senior HMI", "Her Majesty's Inspector") and
// splits several names into "A; B". Empty if no name remains.
std::string clean_inspector_names(std::string_view value);

// The title-block facts every graded report prints on its first pages: the
// authority, the inspection dates and, where printed, the publication date.
// Fills the date evidence (single day, split fieldwork). Returns an error
// naming the report (`what`, e.g. "SIF report") when the dates are missing.
std::optional<Error> read_title_facts(const DocumentLines& doc, std::string_view what, const ParseOptions& options,
                                      InspectionRecord& record);

}  // namespace cscwatch::parse
