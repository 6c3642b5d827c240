#include <fmt/core.h>

#include "analysis/national_statistics.h"
#include "analysis/national_statistics_json.h"
#include "cli/commands.h"
#include "domain/grade.h"

namespace cscwatch {

namespace {

std::string short_label(const std::string& g) {
  if (g == "outstanding") return "Outst.";
  if (g == "good") return "Good";
  if (g == "requires_improvement") return "RI";
  if (g == "adequate") return "Adeq.";
  if (g == "inadequate") return "Inad.";
  return g;
}

void print_mix(const std::string& heading, const std::string& key_name, const std::map<std::string, GradeCounts>& rows) {
  fmt::print("{}\n{:<14}", heading, key_name);
  for (const char* g : kStatsGrades) fmt::print("{:>8}", short_label(g));
  fmt::print("{:>8}{:>10}\n", "Total", "2026 rule");
  for (const auto& [key, c] : rows) {
    fmt::print("{:<14}", key);
    for (const char* g : kStatsGrades) {
      auto it = c.by_grade.find(g);
      fmt::print("{:>8}", it == c.by_grade.end() ? 0 : it->second);
    }
    fmt::print("{:>8}{:>10}\n", c.total, c.by_lowest_judgement);
  }
  fmt::print("\n");
}

std::string months(const std::optional<double>& m) { return m ? fmt::format("{:.1f}", *m) : "not reached"; }

void print_recovery_row(const std::string& label, const RecoveryTimes& r, int width = 26) {
  fmt::print("{:<{}}{:>8}{:>10}{:>10}{:>13}{:>13}{:>13}\n", label, width, r.inadequate, r.recovered, r.censored,
             months(r.q1), months(r.median), months(r.q3));
}

}  // namespace

void add_stats_command(CLI::App& app, CliContext& ctx, int& status) {
  auto* cmd = app.add_subcommand("stats", "National analytics: grade mix by year and framework, transitions between "
                                          "inspections, time to recover from inadequate");
  auto format = std::make_shared<std::string>("text");
  auto as_at = std::make_shared<std::string>();
  cmd->add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  cmd->add_option("--as-at", *as_at, "Only inspections published by DATE (YYYY-MM-DD; default today)");
  cmd->callback([&ctx, &status, format, as_at] {
    Date day = today();
    if (!as_at->empty()) {
      auto parsed = parse_iso_date(*as_at);
      if (!parsed) {
        status = fail("--as-at takes a date as YYYY-MM-DD, not '" + *as_at + "'");
        return;
      }
      day = *parsed;
    }
    auto reg = ctx.open_existing();
    if (!reg) {
      status = fail(reg.error());
      return;
    }
    const NationalStatistics s = national_statistics(reg->connection(), day);
    if (*format == "json") {
      fmt::print("{}\n", national_statistics_json(s).dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
      status = 0;
      return;
    }
    fmt::print("National statistics as at {}\n{}\n\n", to_iso(s.as_at), kStatisticsRules);
    print_mix("Grade mix by year of publication (inspections)", "Year", s.national.by_year);
    print_mix("Grade mix by framework (inspections)", "Framework", s.national.by_framework);

    fmt::print("Transitions between consecutive full inspections of an authority ({} pairs)\n{:<14}", s.transitions.total,
               "From \\ to");
    for (const char* g : kStatsGrades) fmt::print("{:>15}", short_label(g));
    fmt::print("{:>8}\n", "Total");
    for (const char* from : kStatsGrades) {
      int n = s.transitions.row_total(from);
      if (n == 0) continue;
      fmt::print("{:<14}", short_label(from));
      for (const char* to : kStatsGrades) {
        auto row = s.transitions.counts.at(from);
        int c = row.count(to) ? row.at(to) : 0;
        fmt::print("{:>15}", fmt::format("{} ({:.0f}%)", c, 100 * s.transitions.share(from, to)));
      }
      fmt::print("{:>8}\n", n);
    }
    fmt::print("\nTime to recover from inadequate to a better judgement (months, Kaplan-Meier; still inadequate censored)\n");
    fmt::print("{:<26}{:>8}{:>10}{:>10}{:>13}{:>13}{:>13}\n", "", "inadeq.", "recovered", "censored", "quartile 1",
               "median", "quartile 3");
    print_recovery_row("England", s.recovery);
    for (const auto& [region, r] : s.recovery_by_region) print_recovery_row(region, r);
    fmt::print("\nBy the strongest intervention recorded between the inadequate judgement and its recovery\n");
    constexpr int kKindWidth = 37;  // "Trust or other alternative delivery"
    fmt::print("{:<{}}{:>8}{:>10}{:>10}{:>13}{:>13}{:>13}\n", "", kKindWidth, "inadeq.", "recovered", "censored",
               "quartile 1", "median", "quartile 3");
    for (const auto& [kind, r] : s.recovery_by_intervention) print_recovery_row(kind, r, kKindWidth);
    status = 0;
  });
}

}  // namespace cscwatch
