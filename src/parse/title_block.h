// A report's title block: the title ("Inspection of ...") and the authority's
// name as printed in or around it.
#pragma once

#include <optional>
#include <string>

#include "domain/inspection.h"
#include "parse/document_lines.h"

namespace cscwatch::parse {

// The title: its first line ("Inspection of ..." / "Re-inspection of ...") on
// pages 1-2 and the lines it wraps over, up to the dates or the headline.
struct TitleBlock {
  size_t first = 0;
  size_t end = 0;    // one past its last line
  std::string norm;  // its lines normalised and joined
};
std::optional<TitleBlock> find_title_block(const DocumentLines& doc);

// The authority as the title block prints it:
//  - inside the title: "Inspection of X local authority children's services"
//    (ILACS from 2019), "Inspection of X children's services", or a title that
//    names the body delivering the services, taken whole ("Inspection of
//    Doncaster Children's Services Trust", "Inspection of Slough Children
//    First": the register maps such bodies to their councils);
//  - on the line(s) just before a title that names no one ("Dudley Metropolitan
//    Borough Council" / "Inspection of services for children ...", "Barnsley" /
//    "Inspection of children's social care services");
//  - just after it (2013 "Inspection of looked after children services" /
//    "Sandwell ...").
std::optional<Sourced<std::string>> find_authority(const DocumentLines& doc);

}  // namespace cscwatch::parse
