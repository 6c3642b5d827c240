// Backing up and restoring the register with SQLite's online backup API: a
// consistent snapshot taken while the server reads and writes (in WAL mode
// the copy is one read transaction, which writers do not wait for), and a
// restore that replaces the register's content in one transaction, through
// SQLite's own locking, so a running server never sees half of it.
#pragma once

#include <cstdint>
#include <string>

#include "domain/result.h"

namespace cscwatch {

struct BackupSummary {
  std::int64_t bytes = 0;
  int schema_version = 0;
};

// Copies the register at `source` to `target`: written to a temporary file
// beside it, checked (integrity_check), then renamed over `target`, so a
// failed or interrupted backup never leaves a half-written file at `target`.
Result<BackupSummary> backup_register(const std::string& source, const std::string& target);

// The schema version of a cscwatch register file that passes integrity_check,
// or why it is not one: not SQLite, damaged, no cscwatch schema, or made by a
// newer cscwatch.
Result<int> check_register_file(const std::string& file);

// Replaces the register at `db_path` (created if absent) with the content of
// the register file `source`, after check_register_file, then brings its
// schema up to date. Servers reading `db_path` see the old or the new content,
// never a mix.
Result<BackupSummary> restore_register(const std::string& source, const std::string& db_path);

}  // namespace cscwatch
