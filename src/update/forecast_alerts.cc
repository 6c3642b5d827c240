#include "update/forecast_alerts.h"

#include "analysis/national_register.h"

namespace cscwatch {

std::vector<ChangeEntry> forecast_window_changes(const Connection& db, const Date& today) {
  std::vector<ChangeEntry> out;
  for (const auto& e : national_register(db, today)) {
    if (e.legacy || !e.forecast || !e.forecast->opens || !e.forecast->closes) continue;
    // Open today: a window that closed already is no news, one not yet open comes later.
    if (today < *e.forecast->opens || *e.forecast->closes < today) continue;
    ChangeEntry c;
    c.key = "forecast_window:" + e.urn + ":" + to_iso(*e.forecast->opens);
    c.kind = kChangeForecastWindow;
    c.authority_urn = e.urn;
    c.occurred = to_iso(*e.forecast->opens);
    c.summary = e.name + ": next inspection window open, " + to_long_form(*e.forecast->opens) + " to " +
                to_long_form(*e.forecast->closes) + " (a forecast, not a notice)";
    c.link = "/authority/" + e.slug;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace cscwatch
