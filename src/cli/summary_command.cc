#include <fmt/core.h>

#include <map>
#include <set>

#include "analysis/national_register.h"
#include "cli/commands.h"
#include "cli/table_printer.h"
#include "domain/grade.h"
#include "store/inspection_rows.h"

namespace cscwatch {

void add_summary_command(CLI::App& app, CliContext& ctx, int& status) {
  auto* cmd = app.add_subcommand("summary", "National summary: current overall grades, by region");
  cmd->callback([&ctx, &status] {
    auto reg = ctx.open_existing();
    if (!reg) {
      status = fail(reg.error());
      return;
    }
    const auto& db = reg->connection();
    auto count = [&](const char* sql) {
      auto q = db.prepare(sql);
      q.step();
      return q.integer(0);
    };
    fmt::print("Register {}: {} documents, {} pages, {} inspections of {} authorities\n\n", ctx.db_path,
               count("SELECT COUNT(*) FROM documents"), count("SELECT COUNT(*) FROM pages"),
               count("SELECT COUNT(*) FROM inspections"),
               count("SELECT COUNT(DISTINCT authority_urn) FROM inspections"));

    // Current grade: the latest graded inspection of each current authority.
    std::map<std::string, std::string> current;
    int by_lowest = 0;
    for (const auto& r : query_inspections(db, InspectionFilter::latest())) {
      const CountedGrade counted = counted_grade(r);
      current[r.authority_urn] = counted.grade;
      by_lowest += counted.by_lowest_judgement ? 1 : 0;
    }
    const std::vector<std::string> grades = {"outstanding", "good", "requires_improvement", "inadequate", "adequate", ""};
    std::map<std::string, std::map<std::string, int>> by_region;
    std::map<std::string, int> national;
    int authorities = 0;
    for (const auto& a : reg->authorities()) {
      if (a.legacy) continue;
      ++authorities;
      auto it = current.find(a.urn);
      std::string g = it == current.end() ? "" : it->second;
      by_region[a.region_name][g]++;
      national[g]++;
    }
    TablePrinter table({"Region", "Outstanding", "Good", "Requires improvement", "Inadequate", "Adequate (pre-2013)",
                        "No graded report", "Authorities"});
    auto add_row = [&](const std::string& name, std::map<std::string, int>& counts) {
      std::vector<std::string> row{name};
      int total = 0;
      for (const auto& g : grades) {
        row.push_back(std::to_string(counts[g]));
        total += counts[g];
      }
      row.push_back(std::to_string(total));
      table.add(row);
    };
    for (auto& [region, counts] : by_region) add_row(region.empty() ? "(no region)" : region, counts);
    add_row("England", national);
    fmt::print("Current overall effectiveness of {} authorities (latest graded report in the register):\n{}",
               authorities, table.render());
    if (by_lowest > 0) fmt::print("{} of them counted by their lowest judgement. {}\n", by_lowest, kCountingRule);
    status = 0;
  });
}

}  // namespace cscwatch
