#include <fmt/core.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "store/inspection_rows.h"

namespace cscwatch {

namespace {

// RFC 4180: quote fields holding separators, quotes or line breaks. Cells that
// start like a formula are prefixed with ' so spreadsheets show them as text.
std::string csv_field(const std::string& value) {
  std::string v = value;
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v = "'" + v;
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

void add_export_command(CLI::App& app, CliContext& ctx, int& status) {
  auto* cmd = app.add_subcommand("export", "One row per inspection document, as CSV or JSON (columns in the README)");
  auto format = std::make_shared<std::string>("csv");
  auto latest = std::make_shared<bool>(false);
  auto output = std::make_shared<std::string>();
  cmd->add_option("--format", *format, "csv or json")->check(CLI::IsMember({"csv", "json"}))->capture_default_str();
  cmd->add_flag("--latest", *latest, "Only each authority's latest graded inspection");
  cmd->add_option("-o,--output", *output, "Write to FILE instead of standard output");
  cmd->callback([&ctx, &status, format, latest, output] {
    auto reg = ctx.open_existing();
    if (!reg) {
      status = fail(reg.error());
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
    const auto& columns = export_columns();
    if (*format == "csv") {
      for (size_t i = 0; i < columns.size(); ++i) out << (i ? "," : "") << columns[i];
      out << "\r\n";
      for (const auto& r : rows) {
        auto values = export_values(r);
        for (size_t i = 0; i < values.size(); ++i) out << (i ? "," : "") << csv_field(values[i]);
        out << "\r\n";
      }
    } else {
      auto array = nlohmann::json::array();
      for (const auto& r : rows) {
        auto values = export_values(r);
        nlohmann::json o = nlohmann::json::object();
        for (size_t i = 0; i < columns.size(); ++i) o[columns[i]] = values[i];
        array.push_back(std::move(o));
      }
      // Replace rather than throw on invalid UTF-8: the text came from PDFs.
      out << array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    out.flush();
    status = out ? 0 : fail("write failed");
  });
}

}  // namespace cscwatch
