// Bodies other than the council that deliver a council's children's services
// and under whose name reports are sometimes titled: independent trusts,
// council-owned companies and other alternative delivery models (domain brief,
// section 3). Reports print "Inspection of Doncaster Children's Services
// Trust" or "Together for Children" where they would print the council.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "domain/date.h"

namespace cscwatch {

// One row per body and authority served: a body serving several councils
// (Achieving for Children) has a row for each, with that council's dates.
struct DeliveryBody {
  std::array<std::string_view, 3> names;  // as printed; names[0] is the usual one, unused slots empty
  std::string_view urn;                   // Ofsted URN of the authority served (reference table)
  std::string_view from;                  // ISO date it began delivering that authority's services
  std::string_view to;                    // ISO date of its last day; empty while it still does
  std::string_view kind;                  // "independent trust", "council-owned company", ...
  std::string_view source;                // where the row comes from; "[uncertain]" marks unsure dates

  std::string_view name() const { return names[0]; }
  std::optional<Date> start() const { return parse_iso_date(from); }
  std::optional<Date> end() const { return parse_iso_date(to); }
  // Whether the body delivered the authority's services on that day.
  bool covers(const Date& day) const;
  // "1 October 2014 to 31 August 2022", "from 1 April 2018".
  std::string period() const;
};

// The known delivery bodies, compiled in like the reorganisations.
std::span<const DeliveryBody> known_delivery_bodies();

}  // namespace cscwatch
