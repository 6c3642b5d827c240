// A local authority with children's services responsibilities.
#pragma once

#include <string>
#include <vector>

namespace cscwatch {

struct Authority {
  std::string urn;       // Ofsted unique reference number, e.g. "80464" (Dudley)
  std::string la_code;   // DfE 3-digit code, e.g. "332"
  std::string ons_code;  // ONS GSS code, e.g. "E08000027"; empty for legacy authorities
  std::string name;      // "Dudley", "Bristol, City of"
  std::string slug;      // "dudley", "bristol-city-of"
  std::vector<std::string> also_known_as;  // "BCP", "Hull", ...
  std::string region_code;
  std::string region_name;
  std::string la_type;   // "Metropolitan District", "London Borough", ...
  long population_0_25 = 0;
  std::vector<std::string> stat_neighbours;           // DfE codes, current set
  std::vector<std::string> stat_neighbours_previous;  // DfE codes, previous set
  bool legacy = false;   // replaced by a reorganisation (Cumbria, Northamptonshire, Poole)
};

// "Bristol, City of" -> "bristol-city-of"
std::string slugify(const std::string& name);

}  // namespace cscwatch
