// cscwatch review: the documents whose facts fall short of the completeness
// rules (domain/completeness.h), each doubtful fact with why and where to look.
#include <fmt/core.h>

#include "cli/commands.h"
#include "cli/table_printer.h"
#include "store/inspection_rows.h"

namespace cscwatch {

void add_review_command(CLI::App& app, CliContext& ctx, int& status) {
  auto* cmd = app.add_subcommand("review", "Documents needing review: each missing or doubtful fact, why, and its page");
  cmd->callback([&ctx, &status] {
    auto reg = ctx.open_existing();
    if (!reg) {
      status = fail(reg.error());
      return;
    }
    const auto rows = query_inspections(reg->connection(), InspectionFilter::needing_review());
    TablePrinter table({"Document", "Id", "Authority", "Field", "Page", "Why"});
    for (const auto& r : rows)
      for (const auto& item : r.review)
        table.add({r.source_file, std::to_string(r.document_id), r.authority_name, item.field,
                   item.page > 0 ? std::to_string(item.page) : "-", item.reason});
    if (rows.empty()) {
      fmt::print("No document needs review: every stored fact meets its completeness rules.\n");
    } else {
      fmt::print("{}\n{} document(s) need review. Check the page of the PDF, then record the right value with\n"
                 "  cscwatch correct DOCUMENT FIELD VALUE --page N --note TEXT\n",
                 table.render(), rows.size());
    }
    status = 0;
  });
}

}  // namespace cscwatch
