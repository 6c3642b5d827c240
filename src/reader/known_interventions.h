// The reference table of known interventions (data/known_interventions.csv in
// the repository, compiled in): each row an intervention a public source
// states — the DfE's published notice or direction, a commissioner's report,
// council papers or the trade press — with that source's address, title and
// date. Ingest loads it into the register like the authority table
// (store/improvement_store.h load_known_interventions).
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/improvement_records.h"
#include "domain/result.h"

namespace cscwatch {

// The table as shipped.
std::string_view known_interventions_csv();

// Columns: authority_urn, authority, kind, issuer, person (the named
// commissioner or adviser, or the trust or company that runs the services),
// start, review, end, outcome, source_url, source_title, source_date.
// Strict, because users read these rows as facts: a row whose authority is
// not one of `authority_urns` (the reference lookup), whose kind is unknown,
// whose dates do not parse, or whose source is not an http(s) address with a
// title and a date is an error naming its line.
Result<std::vector<Intervention>> parse_known_interventions(std::string_view csv_text,
                                                            const std::set<std::string>& authority_urns);

}  // namespace cscwatch
