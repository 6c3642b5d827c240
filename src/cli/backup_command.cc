// cscwatch backup FILE / cscwatch restore FILE: the register copied with
// SQLite's online backup API, safe while `cscwatch serve` reads and writes it.
#include <fmt/core.h>

#include <ctime>
#include <filesystem>

#include "cli/commands.h"
#include "store/backup.h"

namespace cscwatch {

void add_backup_command(CLI::App& app, CliContext& ctx, int& status) {
  auto* cmd = app.add_subcommand("backup", "Copy the register to FILE (a consistent snapshot, safe while it is being served and written)");
  auto file = std::make_shared<std::string>();
  cmd->add_option("file", *file, "Where to write the backup (replaced only once the copy is complete and verified)")->required();
  cmd->callback([&ctx, &status, file] {
    auto done = backup_register(ctx.db_path, *file);
    if (!done) return void(status = fail(done.error()));
    fmt::print("backed up {} to {} ({} bytes, schema version {}, integrity ok)\n", ctx.db_path, *file, done->bytes,
               done->schema_version);
  });
}

void add_restore_command(CLI::App& app, CliContext& ctx, int& status) {
  auto* cmd = app.add_subcommand("restore", "Replace the register (--db) with a backup FILE, after checking it is an intact cscwatch register");
  auto file = std::make_shared<std::string>();
  auto discard = std::make_shared<bool>(false);
  cmd->add_option("file", *file, "A file written by 'cscwatch backup'")->required();
  cmd->add_flag("--discard-current", *discard,
                "Do not keep the register being replaced (by default it is first backed up to DB.before-restore-TIME)");
  cmd->callback([&ctx, &status, file, discard] {
    auto check = check_register_file(*file);
    if (!check) return void(status = fail("not restoring: " + check.error(), 2));
    std::error_code ec;
    if (!*discard && std::filesystem::exists(ctx.db_path, ec)) {
      char stamp[32];
      std::time_t now = std::time(nullptr);
      std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", std::gmtime(&now));
      std::string keep = ctx.db_path + ".before-restore-" + stamp;
      auto kept = backup_register(ctx.db_path, keep);
      if (!kept) return void(status = fail("not restoring: cannot keep the current register first: " + kept.error()));
      fmt::print("kept the current register as {}\n", keep);
    }
    auto done = restore_register(*file, ctx.db_path);
    if (!done) return void(status = fail(done.error()));
    fmt::print("restored {} from {} (schema version {})\n", ctx.db_path, *file, done->schema_version);
  });
}

}  // namespace cscwatch
