// The authority page's chart of grades over time, drawn on the server as SVG
// so it shows without JavaScript (Chart.js adds an interactive version where
// available). Colours come from CSS classes; each point also carries its
// grade as text (<title>) and a shape per grade for colour-blind readers.
#pragma once

#include <string>
#include <vector>

#include "domain/date.h"
#include "store/inspection_rows.h"

namespace cscwatch {

std::string grades_timeline_svg(const std::vector<const InspectionRow*>& inspections, const Date& today);

}  // namespace cscwatch
