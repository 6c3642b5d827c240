// Grades as Ofsted prints them, normalised to one scale.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cscwatch {

// The four-point scale used since November 2013, plus "adequate" from the
// 2009-2013 scale (it sits where "requires improvement" sits today).
enum class Grade { Outstanding, Good, RequiresImprovement, Adequate, Inadequate };

// Stable machine names used in the database, the export and the API:
// outstanding, good, requires_improvement, adequate, inadequate.
std::string_view to_string(Grade grade);

// Human label: "Requires improvement", "Inadequate", ...
std::string_view label(Grade grade);

// Parses either a machine name or any printed form ("Requires improvement to be
// good", "Requires Improvement", "INADEQUATE", "Grade 4", ...). Returns nullopt
// for text that is not a grade (including "Not judged").
std::optional<Grade> parse_grade(std::string_view text);

// 1 (best) .. 4 (worst); adequate ranks with requires improvement.
int rank(Grade grade);

}  // namespace cscwatch
