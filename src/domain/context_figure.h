// The statistics a SIF report prints about its area under "Information about
// this local authority area" (children living there, child poverty, children
// in need, on child protection plans, looked after), each as printed with the
// page it came from. They are the local authority's own figures at the time
// of inspection (some unvalidated, as the reports say), not official
// statistics.
#pragma once

#include <optional>
#include <string>

namespace cscwatch {

// The figures read, by the name stored in the register.
inline constexpr const char* kFigureChildrenLiving = "children_living_in_area";  // count; rate: % of the population
inline constexpr const char* kFigureChildPoverty = "child_poverty";              // value: % of children
inline constexpr const char* kFigureChildrenInNeed = "children_in_need";         // count; rate per 10,000 children
inline constexpr const char* kFigureChildProtection = "child_protection_plans";  // count; rate per 10,000 children
inline constexpr const char* kFigureLookedAfter = "looked_after";                // count; rate per 10,000 children

struct ContextFigure {
  std::string figure;          // one of the names above
  double value = 0;            // a count of children, or a percentage for child_poverty
  std::optional<double> rate;  // as printed: per 10,000 children, or % of the population
  std::string as_at;           // "the time of inspection", "31 December 2016", as printed
  std::string printed;         // the sentence it was read from (bounded)
  int page = 0;
};

}  // namespace cscwatch
