// Each command of the cscwatch command line adds itself to the CLI11 app and
// stores its exit status in `status` when run.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"

namespace cscwatch {

void add_ingest_command(CLI::App& app, CliContext& ctx, int& status);
void add_authorities_command(CLI::App& app, CliContext& ctx, int& status);
void add_history_command(CLI::App& app, CliContext& ctx, int& status);
void add_show_command(CLI::App& app, CliContext& ctx, int& status);
void add_export_command(CLI::App& app, CliContext& ctx, int& status);
void add_summary_command(CLI::App& app, CliContext& ctx, int& status);
void add_forecast_command(CLI::App& app, CliContext& ctx, int& status);
void add_fetch_command(CLI::App& app, CliContext& ctx, int& status);
void add_serve_command(CLI::App& app, CliContext& ctx, int& status);
void add_news_command(CLI::App& app, CliContext& ctx, int& status);
void add_review_command(CLI::App& app, CliContext& ctx, int& status);
void add_correct_command(CLI::App& app, CliContext& ctx, int& status);
void add_user_command(CLI::App& app, CliContext& ctx, int& status);
void add_backup_command(CLI::App& app, CliContext& ctx, int& status);
void add_restore_command(CLI::App& app, CliContext& ctx, int& status);
void add_stats_command(CLI::App& app, CliContext& ctx, int& status);
void add_phrases_command(CLI::App& app, CliContext& ctx, int& status);
void add_persistence_command(CLI::App& app, CliContext& ctx, int& status);
void add_update_command(CLI::App& app, CliContext& ctx, int& status);

}  // namespace cscwatch
