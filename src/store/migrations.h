// Versioned schema migrations. Each migration runs once, in order, inside a
// transaction, and records itself in schema_migrations.
#pragma once

#include "store/sqlite.h"

namespace cscwatch {

// The schema version this build writes.
int latest_schema_version();

// Brings the database up to latest_schema_version(). Fails (without changing
// anything) if the file was written by a newer cscwatch.
Result<int> migrate(Connection& db);

}  // namespace cscwatch
