// The reference table of known interventions (data/known_interventions.csv in
// the repository, compiled in): each row an intervention the domain brief
// (section 3) states, with its source. Ingest loads it into the register like
// the authority table (store/improvement_store.h load_known_interventions).
#pragma once

#include <string_view>
#include <vector>

#include "domain/improvement_records.h"
#include "domain/result.h"

namespace cscwatch {

// The table as shipped.
std::string_view known_interventions_csv();

// Columns: authority_urn, authority, kind, issuer, person, start, review, end,
// outcome, source. A malformed row is an error naming its line.
Result<std::vector<Intervention>> parse_known_interventions(std::string_view csv_text);

}  // namespace cscwatch
