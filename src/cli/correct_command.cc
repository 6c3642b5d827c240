// cscwatch correct DOCUMENT FIELD VALUE --page N --note TEXT: a person's
// correction of one fact, stored apart from what the extractor read.
#include <fmt/core.h>

#include <cstdlib>

#include "cli/commands.h"
#include "domain/correction.h"
#include "store/corrections.h"

namespace cscwatch {

namespace {

std::string who_is_running() {
  for (const char* var : {"CSCWATCH_USER", "USER", "LOGNAME"})
    if (const char* v = std::getenv(var); v && *v) return v;
  return "command line";
}

}  // namespace

void add_correct_command(CLI::App& app, CliContext& ctx, int& status) {
  std::string fields;
  for (auto f : correctable_fields()) fields += (fields.empty() ? "" : ", ") + std::string(f);
  auto* cmd = app.add_subcommand("correct", "Record the right value of one fact of a document (kept apart from the "
                                            "extracted value; survives re-ingest)");
  auto document = std::make_shared<std::string>();
  auto field = std::make_shared<std::string>();
  auto value = std::make_shared<std::string>();
  auto page = std::make_shared<int>(0);
  auto note = std::make_shared<std::string>();
  auto by = std::make_shared<std::string>(who_is_running());
  cmd->add_option("document", *document, "Document id, file name or SHA-256 (prefix)")->required();
  cmd->add_option("field", *field, "One of: " + fields)->required();
  cmd->add_option("value", *value,
                  "Grades: outstanding, good, requires_improvement, adequate, inadequate or none; dates YYYY-MM-DD; "
                  "authority: a URN; judgements/kind/improvement_points: confirmed")
      ->required();
  cmd->add_option("--page", *page, "The page of the PDF the value was read from");
  cmd->add_option("--note", *note, "Why (shown with the correction)");
  cmd->add_option("--by", *by, "Who corrects (default: $CSCWATCH_USER or $USER)")->capture_default_str();
  cmd->callback([&ctx, &status, document, field, value, page, note, by] {
    auto reg = ctx.open_for_ingest();
    if (!reg) {
      status = fail(reg.error());
      return;
    }
    auto id = find_document(reg->connection(), *document);
    if (!id) {
      status = fail(id.error());
      return;
    }
    auto stored = record_correction(reg->connection(), {*id, *field, *value, *page, *note, *by});
    if (!stored) {
      status = fail(stored.error(), 2);
      return;
    }
    fmt::print("corrected {} of document {}: '{}' (extracted '{}'), by {} at {}\n", stored->field, *id,
               stored->value.empty() ? "none" : stored->value, stored->extracted, stored->corrected_by,
               stored->corrected_at);
    status = 0;
  });
}

}  // namespace cscwatch
