#include <fmt/core.h>

#include <algorithm>

#include "cli/commands.h"
#include "cli/table_printer.h"
#include "domain/inspection_cadence.h"
#include "analysis/national_register.h"
#include "store/inspection_rows.h"

namespace cscwatch {

void add_forecast_command(CLI::App& app, CliContext& ctx, int& status) {
  auto* cmd = app.add_subcommand(
      "forecast", "When each authority's next full inspection is due, from the three-year ILACS cycle");
  auto region = std::make_shared<std::string>();
  auto as_of = std::make_shared<std::string>();
  cmd->add_option("--region", *region, "Only this region (case-insensitive, partial)");
  cmd->add_option("--as-of", *as_of, "Judge the windows as on this date (YYYY-MM-DD; default today)");
  cmd->callback([&ctx, &status, region, as_of] {
    Date today = cscwatch::today();
    if (!as_of->empty()) {
      auto d = parse_iso_date(*as_of);
      if (!d) {
        status = fail("--as-of wants a date as YYYY-MM-DD, not '" + *as_of + "'", 2);
        return;
      }
      today = *d;
    }
    auto reg = ctx.open_existing();
    if (!reg) {
      status = fail(reg.error());
      return;
    }
    auto lower = [](std::string s) {
      for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return s;
    };
    struct Row {
      std::string name, region, last, overall;
      InspectionForecast forecast;
    };
    std::vector<Row> rows;
    for (const auto& r : query_inspections(reg->connection(), InspectionFilter::latest())) {
      if (!region->empty() && lower(r.region_name).find(lower(*region)) == std::string::npos) continue;
      auto last = parse_iso_date(r.inspection_end.empty() ? r.inspection_start : r.inspection_end);
      if (!last) continue;
      const CountedGrade counted = counted_grade(r);
      rows.push_back({r.authority_name, r.region_name, to_iso(*last),
                      counted.overall_absent_by_framework ? "none (2026 framework)" : r.grade("overall"),
                      forecast_after(r, *last)});
    }
    // Soonest window first; authorities under monitoring after them.
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
      if (a.forecast.opens.has_value() != b.forecast.opens.has_value()) return a.forecast.opens.has_value();
      return a.forecast.opens && *a.forecast.opens < *b.forecast.opens;
    });
    TablePrinter table(
        {"Authority", "Region", "Last inspection", "Overall", "Window opens", "Window closes", "Status", "Rule"});
    for (const auto& r : rows) {
      table.add({r.name, r.region, r.last, r.overall.empty() ? "-" : r.overall,
                 r.forecast.opens ? to_iso(*r.forecast.opens) : "-", r.forecast.closes ? to_iso(*r.forecast.closes) : "-",
                 forecast_status(r.forecast, today), r.forecast.basis});
    }
    fmt::print("{}\nAs on {}. Window: {} to {} months after the last inspection ended (Ofsted's ILACS cycle; a "
               "forecast, not a notice). Inadequate authorities are monitored, then re-inspected. Under the April 2026 framework (no overall "
               "grade) the four judgements decide: any inadequate means monitoring. \"Past window\" "
               "means the register holds no later report: fetch and ingest the newest reports first.\n",
               table.render(), to_iso(today), kWindowOpensMonths, kWindowClosesMonths);
    status = 0;
  });
}

}  // namespace cscwatch
