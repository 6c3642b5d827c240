// cscwatch: the command line.
#include <CLI/CLI.hpp>
#include <sqlite3.h>

#include "cli/commands.h"
#include "store/sqlite.h"

int main(int argc, char** argv) {
  using namespace cscwatch;
  // SQLite's memory statistics take a global lock on every allocation: with
  // sixteen request threads that lock was ~13% of the server's CPU in futex
  // waits (measured under a distinct-search load). cscwatch never reads them.
  // Must precede every other SQLite call.
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  CLI::App app{"cscwatch: the record of Ofsted inspections of English local authority children's services"};
  app.require_subcommand(1);
  app.fallthrough();  // --db and --data-dir may follow the command name
  CliContext ctx;
  app.add_option("--db", ctx.db_path, "Register database file")->capture_default_str();
  app.add_option("--data-dir", ctx.data_dir, "Folder with reference/authorities.csv and corpus/pdf")
      ->capture_default_str();
  int status = 0;
  // Commands (one file each in src/cli/).
  add_ingest_command(app, ctx, status);
  add_authorities_command(app, ctx, status);
  add_history_command(app, ctx, status);
  add_show_command(app, ctx, status);
  add_export_command(app, ctx, status);
  add_summary_command(app, ctx, status);
  add_stats_command(app, ctx, status);
  add_phrases_command(app, ctx, status);
  add_persistence_command(app, ctx, status);
  add_forecast_command(app, ctx, status);
  add_fetch_command(app, ctx, status);
  add_update_command(app, ctx, status);
  add_serve_command(app, ctx, status);
  add_news_command(app, ctx, status);
  add_review_command(app, ctx, status);
  add_correct_command(app, ctx, status);
  add_user_command(app, ctx, status);
  add_backup_command(app, ctx, status);
  add_restore_command(app, ctx, status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const SqlError& e) {
    return fail(std::string("database error: ") + e.what());
  } catch (const std::exception& e) {
    // Anything else is a bug, but it still ends with a message, not abort().
    return fail(std::string("internal error: ") + e.what());
  }
  return status;
}
