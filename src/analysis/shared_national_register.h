#pragma once
// The national register computed once per register state and day, shared by
// every request that needs all authorities at once (each authority page
// compares itself with its neighbours, its region and England). Computing it
// per uncached authority page was the largest cost of that page (profiled,
// issue 19: 336 requests/s uncached against 586 cached).
#include <memory>
#include <vector>

#include "analysis/national_register.h"

namespace cscwatch {

// national_register(db, today), recomputed when the register's documents,
// corrections or authorities change or the day does. Safe from any thread;
// concurrent first callers wait for one computation.
std::shared_ptr<const std::vector<RegisterEntry>> shared_national_register(const Connection& db, const Date& today);

}  // namespace cscwatch
