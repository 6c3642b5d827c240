#include <fmt/core.h>

#include <fstream>
#include <iostream>

#include "analysis/export_formats.h"
#include "cli/commands.h"
#include "store/inspection_rows.h"

namespace cscwatch {

void add_export_command(CLI::App& app, CliContext& ctx, int& status) {
  auto* cmd = app.add_subcommand("export", "One row per inspection document, as CSV, JSON or an XLSX workbook (columns in the README)");
  auto format = std::make_shared<std::string>("csv");
  auto latest = std::make_shared<bool>(false);
  auto output = std::make_shared<std::string>();
  cmd->add_option("--format", *format, "csv, json or xlsx")->check(CLI::IsMember({"csv", "json", "xlsx"}))->capture_default_str();
  cmd->add_flag("--latest", *latest, "Only each authority's latest graded inspection (csv and json; the workbook has both sheets)");
  cmd->add_option("-o,--output,--out", *output, "Write to FILE instead of standard output (required for xlsx)");
  cmd->callback([&ctx, &status, format, latest, output] {
    if (*format == "xlsx" && output->empty()) {
      status = fail("--format xlsx writes a workbook: name the file with --out FILE");
      return;
    }
    auto reg = ctx.open_existing();
    if (!reg) {
      status = fail(reg.error());
      return;
    }
    if (*format == "xlsx") {
      auto written = write_export_xlsx(*output, query_inspections(reg->connection(), InspectionFilter::latest()),
                                       query_inspections(reg->connection()));
      status = written ? 0 : fail(written.error());
      return;
    }
    auto rows = query_inspections(reg->connection(), *latest ? InspectionFilter::latest() : InspectionFilter{});
    std::ofstream file;
    if (!output->empty()) {
      file.open(*output, std::ios::binary);
      if (!file) {
        status = fail("cannot write " + *output);
        return;
      }
    }
    std::ostream& out = output->empty() ? std::cout : file;
    out << (*format == "csv" ? export_csv(rows) : export_json(rows));
    out.flush();
    status = out ? 0 : fail("write failed");
  });
}

}  // namespace cscwatch
