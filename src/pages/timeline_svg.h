// The authority page's one chart of grades over time, drawn on the server as
// SVG so it shows without JavaScript, on a time axis (the gaps between
// inspections are to scale): the overall grade as a large marker, each
// judgement beside it as a two-letter code in its grade's row. Colours come
// from CSS classes; every marker also carries its grade as text (<title>, the
// tooltip) and the overall grade a shape per grade for colour-blind readers.
#pragma once

#include <string>
#include <vector>

#include "domain/date.h"
#include "store/inspection_rows.h"

namespace cscwatch {

std::string grades_timeline_svg(const std::vector<const InspectionRow*>& inspections, const Date& today);
// The chart's key (a <figcaption>): the marker kinds and the area codes.
std::string judgement_key_html();

}  // namespace cscwatch
