// The authority page's "The area in figures" section: the statistics each SIF
// report printed about the area (children living there, child poverty,
// children in need, child protection plans, children looked after, with
// rates), as a table with the page each came from beside the inspection's
// overall grade, and as a Chart.js chart of the rates over time
// (web/src/context_chart.js) when the build has Chart.js.
#pragma once

#include <string>
#include <vector>

#include "analysis/context_figures_history.h"

namespace cscwatch {

// Trusted HTML; empty when no inspection of the authority printed figures.
std::string context_figures_section_html(const std::vector<InspectionContextFigures>& history);

}  // namespace cscwatch
