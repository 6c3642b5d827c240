// The closed sets a grade or framework filter accepts (register, search):
// a value outside them is a 400 (choice_param), never a guess.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cscwatch {

// The grades a filter can choose, best first (machine names).
inline constexpr std::string_view kGradeNames[] = {"outstanding", "good", "requires_improvement", "adequate",
                                                   "inadequate"};

const std::vector<std::string>& grade_filter_values();      // machine names plus "none"
const std::vector<std::string>& framework_filter_values();  // "SIF", "ILACS", "pre-SIF"

}  // namespace cscwatch
