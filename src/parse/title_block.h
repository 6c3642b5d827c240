// The authority's name as printed in a report's title block.
#pragma once

#include <optional>
#include <string>

#include "domain/inspection.h"
#include "parse/document_lines.h"

namespace cscwatch::parse {

// "Inspection of X local authority children's services" (ILACS from 2019),
// or the name printed on the line(s) just before the title ("Dudley
// Metropolitan Borough Council" / "Inspection of services for children ...",
// "Barnsley" / "Inspection of children's social care services"), or just after
// it (2013 "Inspection of looked after children services" / "Sandwell ...").
std::optional<Sourced<std::string>> find_authority(const DocumentLines& doc);

}  // namespace cscwatch::parse
