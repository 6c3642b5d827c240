// Grades as labelled badges. The label is always printed, and each grade also
// has its own symbol, so the badge never relies on colour alone; the colours
// (in app.css) come from the Okabe-Ito palette, distinguishable with the
// common colour-vision deficiencies.
#pragma once

#include <string>
#include <string_view>

namespace cscwatch {

// "Requires improvement" for "requires_improvement"; "Not graded" for "".
std::string grade_label(std::string_view machine_name);

// <span class="badge g-inadequate"><span aria-hidden="true">✖</span> Inadequate</span>;
// an em dash for an empty grade.
std::string grade_badge(std::string_view machine_name);

}  // namespace cscwatch
