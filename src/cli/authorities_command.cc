#include <fmt/core.h>

#include <map>

#include "analysis/national_register.h"
#include "cli/commands.h"
#include "cli/table_printer.h"
#include "domain/grade.h"
#include "store/inspection_rows.h"

namespace cscwatch {

void add_authorities_command(CLI::App& app, CliContext& ctx, int& status) {
  auto* cmd = app.add_subcommand("authorities", "Every authority with its latest overall grade and date");
  auto region = std::make_shared<std::string>();
  auto grade = std::make_shared<std::string>();
  cmd->add_option("--region", *region, "Only this region (e.g. \"West Midlands\"; case-insensitive, partial)");
  cmd->add_option("--grade", *grade, "Only this latest overall grade (outstanding, good, requires_improvement, "
                                     "inadequate, adequate, or none for no graded report)");
  cmd->callback([&ctx, &status, region, grade] {
    std::optional<Grade> wanted;
    bool want_none = false;
    if (!grade->empty()) {
      if (*grade == "none") {
        want_none = true;
      } else if (!(wanted = parse_grade(*grade))) {
        status = fail("unknown grade '" + *grade + "'", 2);
        return;
      }
    }
    auto reg = ctx.open_existing();
    if (!reg) {
      status = fail(reg.error());
      return;
    }
    std::map<std::string, InspectionRow> latest;
    for (auto& r : query_inspections(reg->connection(), InspectionFilter::latest()))
      latest[r.authority_urn] = std::move(r);
    auto lower = [](std::string s) {
      for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return s;
    };
    TablePrinter table({"Authority", "URN", "LA", "Region", "Overall", "Inspected", "Published", "Framework"});
    int shown = 0;
    for (const auto& a : reg->authorities()) {
      if (!region->empty() && lower(a.region_name).find(lower(*region)) == std::string::npos) continue;
      auto it = latest.find(a.urn);
      const InspectionRow* row = it == latest.end() ? nullptr : &it->second;
      const CountedGrade counted = row ? counted_grade(*row) : CountedGrade{};
      std::string overall = counted.grade;
      if (want_none && row) continue;
      if (wanted && overall != to_string(*wanted)) continue;
      std::string name = a.name + (a.legacy ? " (former)" : "");
      table.add({name, a.urn, a.la_code, a.region_name,
                 overall.empty() ? "-" : overall + (counted.by_lowest_judgement ? " (lowest judgement; 2026 framework)" : ""),
                 row ? row->inspection_end : "-", row ? row->published : "-", row ? row->framework : "-"});
      ++shown;
    }
    fmt::print("{}{} authorities\n", table.render(), shown);
    status = 0;
  });
}

}  // namespace cscwatch
