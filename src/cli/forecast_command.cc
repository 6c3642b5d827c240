#include <fmt/core.h>

#include <algorithm>

#include "analysis/forecast_backtest.h"
#include "analysis/inspection_intervals.h"
#include "analysis/national_register.h"
#include "analysis/round_queue.h"
#include "cli/commands.h"
#include "cli/table_printer.h"
#include "domain/inspection_cadence.h"
#include "domain/reorganisation.h"
#include "store/inspection_rows.h"

namespace cscwatch {

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string windows_table(const CadenceWindows& windows) {
  TablePrinter table({"Group", "Intervals", "Median (months)", "Window (months)", "Held", "Window from"});
  for (const auto& w : windows.groups()) {
    table.add({w.label(), std::to_string(w.n), w.n ? fmt::format("{:.1f}", w.median_months) : "-",
               w.has_window() ? fmt::format("{}-{}", w.opens_months, w.closes_months) : "-",
               w.has_window() && w.n ? fmt::format("{:.0f}% ({}/{})", 100.0 * *w.hit_rate(), w.held, w.n) : "-",
               std::string(describe(w.source))});
  }
  return table.render();
}

int run_backtest(const std::vector<GradedVisit>& visits, const Date& as_of, bool list) {
  const auto reorganisations = known_reorganisations();
  std::vector<BacktestScore> scores;
  for (ForecastPolicy p :
       {ForecastPolicy::Round, ForecastPolicy::Baseline, ForecastPolicy::Derived, ForecastPolicy::DomainRule})
    scores.push_back(backtest_forecast(visits, reorganisations, as_of, p));
  TablePrinter side({"Forecast", "Inside", "Early", "Late", "Mean window", "Closed, no inspection", "Stated coverage"});
  for (const auto& sc : scores) {
    double mean = 0;
    for (int m : sc.window_months) mean += m;
    if (!sc.window_months.empty()) mean /= static_cast<double>(sc.window_months.size());
    side.add({std::string(describe(sc.policy)),
              fmt::format("{}/{} ({:.0f}%)", sc.inside, sc.inspected_later,
                          sc.inspected_later ? 100.0 * sc.inside / sc.inspected_later : 0.0),
              std::to_string(sc.early), std::to_string(sc.late),
              sc.window_months.empty() ? "-" : fmt::format("{:.1f} months", mean), std::to_string(sc.overdue),
              sc.policy == ForecastPolicy::Round && sc.stated_coverage.scored
                  ? fmt::format("{:.0f}% ({}/{})", 100.0 * *sc.stated_coverage.share(), sc.stated_coverage.inside,
                                sc.stated_coverage.scored)
                  : "-"});
  }
  fmt::print(
      "Backtest as at {}: inside = next inspections begun inside their window, of all authorities "
      "inspected again (an inspection with no window counts as a miss).\n{}\n",
      to_iso(as_of), side.render());
  for (const auto& sc : scores) fmt::print("{}\n", format_backtest(sc));
  fmt::print("Windows from intervals as at {} (groups under {} intervals fall back):\n{}\n", to_iso(as_of),
             kMinIntervalsForWindow,
             windows_table(CadenceWindows(inspection_intervals(visits, reorganisations, as_of))));
  if (list) {
    TablePrinter table({"Authority", "Last inspection", "Grade", "Window", "Next inspection", "Result", "Months off"});
    for (const auto& o : scores.front().outcomes) {
      const auto& f = o.forecast.forecast;
      table.add({o.name, to_iso(o.last.start) + " to " + to_iso(o.last.end) + " (" + o.last.framework + ")",
                 o.last.grade, f.opens ? to_iso(*f.opens) + " to " + to_iso(*f.closes) : "-",
                 o.next ? to_iso(o.next->start) : "-", std::string(describe(o.result)),
                 o.months_off ? std::to_string(o.months_off) : ""});
    }
    fmt::print("\n{}", table.render());
  }
  fmt::print(
      "\nOnly inspections that ended before {} were known: the pace, the queue and the intervals come from "
      "them, and each authority's next inspection in the register (a successor's, after a reorganisation) is "
      "scored against its window.\n",
      to_iso(as_of));
  return 0;
}

struct ForecastOptions {
  std::string region, as_of, backtest;
  bool list = false;
  std::string rule = "round";
};

// An optional date option: nullopt when not given, an error when not a date.
Result<std::optional<Date>> date_option(const std::string& value, const std::string& flag) {
  if (value.empty()) return std::optional<Date>();
  auto d = parse_iso_date(value);
  if (!d) return Error{flag + " wants a date as YYYY-MM-DD, not '" + value + "'"};
  return std::optional<Date>(*d);
}

struct ForecastRow {
  std::string name, region, last, overall;
  DerivedForecast forecast;
};

// The forecasters a rule may draw on, from the whole register.
struct Forecasters {
  const std::string& rule;
  const CadenceWindows& windows;
  const RoundQueue& round;

  DerivedForecast forecast(const InspectionRow& r, const Date& last) const {
    DerivedForecast forecast;
    const auto visit = graded_visits({r});
    if (!visit.empty() && rule == "round") {
      forecast = round.forecast(r.authority_urn);
    } else if (!visit.empty() && rule == "record") {
      forecast = windows.forecast(visit.front());
    } else {  // the cycle, as before; its record where the row has a counted grade
      forecast.forecast = forecast_after(r, last);
      forecast.rule = forecast.forecast.basis;
      if (!visit.empty() && !visit.front().grades2026)
        forecast.window = windows.domain_rule_window(visit.front().framework, visit.front().grade);
    }
    return forecast;
  }
};

// Each authority's latest inspection in the region, with its forecast;
// soonest window first, authorities with no window after them.
std::vector<ForecastRow> forecast_rows(const Connection& db, const std::string& region,
                                       const Forecasters& forecasters) {
  std::vector<ForecastRow> rows;
  for (const auto& r : query_inspections(db, InspectionFilter::latest())) {
    if (!region.empty() && lower(r.region_name).find(lower(region)) == std::string::npos) continue;
    auto last = parse_iso_date(r.inspection_end.empty() ? r.inspection_start : r.inspection_end);
    if (!last) continue;
    const CountedGrade counted = counted_grade(r);
    rows.push_back({r.authority_name, r.region_name, to_iso(*last),
                    counted.overall_absent_by_framework ? "none (2026 framework)" : r.grade("overall"),
                    forecasters.forecast(r, *last)});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const ForecastRow& a, const ForecastRow& b) {
    const auto& fa = a.forecast.forecast;
    const auto& fb = b.forecast.forecast;
    if (fa.opens.has_value() != fb.opens.has_value()) return fa.opens.has_value();
    return fa.opens && *fa.opens < *fb.opens;
  });
  return rows;
}

std::string forecast_table(const std::vector<ForecastRow>& rows, const Date& today) {
  TablePrinter table(
      {"Authority", "Region", "Last inspection", "Overall", "Window opens", "Window closes", "Status", "Rule", "Held"});
  for (const auto& r : rows) {
    const auto& f = r.forecast.forecast;
    table.add({r.name, r.region, r.last, r.overall.empty() ? "-" : r.overall, f.opens ? to_iso(*f.opens) : "-",
               f.closes ? to_iso(*f.closes) : "-", forecast_status(f, today), r.forecast.rule, r.forecast.held()});
  }
  return table.render();
}

// The table and what the round rule means, with its stated coverage.
void print_round_forecast(const std::string& table, const Date& today, const RoundQueue& round) {
  fmt::print(
      "{}\nAs on {}. Ofsted's round revisits authorities in about the order of the round before: each "
      "authority's place in the queue (oldest last inspection first) at the pace of the past {} months "
      "({:.0f} inspections a year) gives the expected month, {} months either side, and never sooner than "
      "{} months after the last inspection. The rule's coverage is stated: the same rule as at {} months "
      "ago put {} of the {} inspections since inside their windows. Under the April 2026 framework (no "
      "overall grade) its own rules apply. A forecast, not a notice. `cscwatch forecast --backtest DATE` "
      "scores it at a past date beside the plain baseline.\n",
      table, to_iso(today), kRoundPaceMonths, round.pace_per_month() * 12, kRoundHalfWidthMonths, kRoundMinMonths,
      kRoundPaceMonths, round.coverage().inside, round.coverage().scored);
}

// The table and what the record rule means, with the windows it drew.
void print_record_forecast(const std::string& table, const Date& today, const CadenceWindows& windows) {
  fmt::print(
      "{}\nAs on {}. Each window comes from the record: the months between an authority's consecutive "
      "graded inspections (last day on site to the first of the next), grouped by the previous "
      "inspection's framework and grade, 10th to 90th percentile. \"Held\" is the share of the group's "
      "past intervals inside its window. A group with fewer than {} intervals borrows every framework's "
      "intervals after the same grade, and with too few of those falls back to Ofsted's cycle ({} to {} "
      "months; inadequate: monitoring). Under the April 2026 framework (no overall grade) the four "
      "judgements decide. A forecast, not a notice; \"past window\" means the register holds no later "
      "report: fetch and ingest the newest reports first. `cscwatch forecast --backtest DATE` scores the "
      "forecast at a past date.\n\n{}",
      table, to_iso(today), kMinIntervalsForWindow, kWindowOpensMonths, kWindowClosesMonths, windows_table(windows));
}

// The table and what Ofsted's cycle means.
void print_cycle_forecast(const std::string& table, const Date& today) {
  fmt::print(
      "{}\nAs on {}. Window: {} to {} months after the last inspection ended (Ofsted's ILACS cycle; a "
      "forecast, not a notice). Inadequate authorities are monitored, then re-inspected. Under the April "
      "2026 framework (no overall grade) the four judgements decide: any inadequate means monitoring. "
      "\"Held\" is the share of the record's intervals after the same framework and grade inside 30-42 "
      "months. \"Past window\" means the register holds no later report: fetch and ingest the newest "
      "reports first.\n",
      table, to_iso(today), kWindowOpensMonths, kWindowClosesMonths);
}

int run_forecast(const CliContext& ctx, const ForecastOptions& options) {
  auto as_of = date_option(options.as_of, "--as-of");
  if (!as_of) return fail(as_of.error(), 2);
  const Date today = as_of->value_or(cscwatch::today());
  auto backtest_day = date_option(options.backtest, "--backtest");
  if (!backtest_day) return fail(backtest_day.error(), 2);
  auto reg = ctx.open_existing();
  if (!reg) return fail(reg.error());
  InspectionFilter graded;
  graded.graded_only = true;
  const std::vector<GradedVisit> visits = graded_visits(query_inspections(reg->connection(), graded));
  if (*backtest_day) return run_backtest(visits, **backtest_day, options.list);

  const CadenceWindows windows(inspection_intervals(visits, known_reorganisations()));
  const RoundQueue round(last_inspections(visits, known_reorganisations(), today), visits, today,
                         newest_start(visits, today));
  const std::string table =
      forecast_table(forecast_rows(reg->connection(), options.region, {options.rule, windows, round}), today);
  if (options.rule == "round")
    print_round_forecast(table, today, round);
  else if (options.rule == "record")
    print_record_forecast(table, today, windows);
  else
    print_cycle_forecast(table, today);
  return 0;
}

}  // namespace

void add_forecast_command(CLI::App& app, CliContext& ctx, int& status) {
  auto* cmd = app.add_subcommand(
      "forecast", "When each authority's next full inspection is due, from the current round's order and pace");
  auto options = std::make_shared<ForecastOptions>();
  cmd->add_option("--region", options->region, "Only this region (case-insensitive, partial)");
  cmd->add_option("--as-of", options->as_of, "Judge the windows as on this date (YYYY-MM-DD; default today)");
  cmd->add_option("--backtest", options->backtest,
                  "Judge the forecast as at this past date (YYYY-MM-DD) from the inspections before it, and score "
                  "it against the inspections that followed");
  cmd->add_flag("--list", options->list, "With --backtest: every authority's window and what happened");
  cmd->add_option("--rule", options->rule,
                  "round: the current round's order and pace (default); record: windows from the intervals "
                  "between past inspections; cycle: Ofsted's 30-42 months, inadequate monitored")
      ->check(CLI::IsMember({"round", "record", "cycle"}));
  cmd->callback([&ctx, &status, options] { status = run_forecast(ctx, *options); });
}

}  // namespace cscwatch
