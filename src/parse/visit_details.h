// What a monitoring or focused visit letter says beyond its dates, for the
// visit record (domain brief §4): the ordinal ("This was the third monitoring
// visit since the local authority was judged inadequate"), the theme (the
// first paragraph under "Areas covered by the visit"), and a focused visit's
// areas for priority action. Each is empty when the letter does not print it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cscwatch::parse {

struct VisitDetails {
  std::optional<int> ordinal;
  std::string theme;
  std::vector<std::string> priority_areas;
};

// `text`: the letter's pages, in order, as one text.
VisitDetails read_visit_details(std::string_view text);

// "first" -> 1 ... "twelfth" -> 12, "1st"/"2nd"/"3rd"/"4th"...; nullopt otherwise.
std::optional<int> ordinal_number(std::string_view word);

}  // namespace cscwatch::parse
