#include "web/filter_values.h"

namespace cscwatch {

const std::vector<std::string>& grade_filter_values() {
  static const std::vector<std::string> values = [] {
    std::vector<std::string> v;
    for (auto g : kGradeNames) v.emplace_back(g);
    v.emplace_back("none");
    return v;
  }();
  return values;
}

const std::vector<std::string>& framework_filter_values() {
  static const std::vector<std::string> values = {"ILACS", "SIF", "pre-SIF"};
  return values;
}

}  // namespace cscwatch
