// Whether an authority's improvement records (interventions, boards, plans,
// visits) are public or restricted to accounts allowed to see them. Public
// unless someone restricted them; inspection reports are always public.
#pragma once

#include <optional>
#include <string_view>

#include "domain/account.h"
#include "store/sqlite.h"

namespace cscwatch {

bool improvement_records_restricted(const Connection& db, std::string_view authority_urn);

// Anyone may read public records; restricted ones need an account with
// may_view_restricted() for the authority.
bool may_view_improvement_records(const Connection& db, const std::optional<Account>& account, std::string_view authority_urn);

// Sets it, with its audit row (call inside the write's transaction). Returns
// whether anything changed.
bool set_improvement_records_restricted(const Connection& db, std::string_view actor, std::string_view authority_urn,
                                        bool restricted);

}  // namespace cscwatch
