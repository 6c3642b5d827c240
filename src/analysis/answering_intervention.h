#pragma once
// Which intervention answered an inadequate judgement, for the recovery
// figures (issue 19: the national figures of recovery gain the intervention
// as an explanatory column). The register's interventions are published
// records; an authority whose records are restricted counts as none recorded.
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/improvement_records.h"

namespace cscwatch {

// The strongest intervention recorded for the period from an inadequate
// judgement (its last day on site) to `until` (the next better judgement, or
// the as-at date): a trust or company, then a commissioner, a statutory
// direction, an adviser, an improvement notice, another intervention. One
// counts when it began between six months before the judgement (a notice may
// follow a focused visit before the inspection) and `until`, or began earlier
// and is still in force then: an end on or after the judgement, or a trust
// with no end (a trust runs the service until it is handed back; a notice
// with no stated end is not taken as lasting for ever). Its label
// ("Commissioner"), or "None recorded".
std::string answering_intervention(const std::vector<Intervention>& interventions, const Date& judged_end,
                                   const Date& until);

}  // namespace cscwatch
