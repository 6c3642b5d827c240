// "Forecast window opening" alerts: a change for each authority whose next
// inspection window, as the register forecasts it today (analysis/
// round_queue.h), is open. Keyed by the authority and the day the window
// opens, so a run records each window once, and a forecast that moves (a new
// pace, a new inspection) is a new window with its own entry.
#pragma once

#include <vector>

#include "domain/date.h"
#include "store/change_log.h"
#include "store/sqlite.h"

namespace cscwatch {

std::vector<ChangeEntry> forecast_window_changes(const Connection& db, const Date& today);

}  // namespace cscwatch
