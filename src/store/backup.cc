#include "store/backup.h"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>

#include "store/migrations.h"
#include "store/register.h"
#include "store/sqlite.h"

namespace fs = std::filesystem;

namespace cscwatch {

namespace {

// Copies every page of `from` into `to` in one step: one read transaction on
// the source (a consistent snapshot; WAL writers carry on), one write
// transaction on the destination.
Result<bool> copy_database(sqlite3* from, sqlite3* to) {
  sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
  if (!b) return Error{std::string("cannot start the copy: ") + sqlite3_errmsg(to)};
  int rc;
  do {
    rc = sqlite3_backup_step(b, -1);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) return Error{std::string("the copy failed: ") + sqlite3_errstr(rc)};
  return true;
}

std::string integrity(const Connection& db) {
  auto q = db.prepare("PRAGMA integrity_check");
  std::string first;
  if (q.step()) first = q.text(0);
  return first;
}

void fsync_path(const std::string& path, bool directory) {
  int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace

Result<int> check_register_file(const std::string& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return Error{file + " is not a file"};
  auto db = Connection::open(file, /*read_only=*/true);
  if (!db) return Error{db.error()};
  try {
    std::string check = integrity(*db);
    if (check != "ok") return Error{file + " is damaged (integrity_check: " + check.substr(0, 200) + ")"};
    auto has = db->prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('schema_migrations', 'authorities', 'inspections')");
    has.step();
    if (has.integer(0) != 3) return Error{file + " is an SQLite database but not a cscwatch register"};
    auto v = db->prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    v.step();
    int version = static_cast<int>(v.integer(0));
    if (version < 1) return Error{file + " is not a cscwatch register (no schema version)"};
    if (version > latest_schema_version())
      return Error{file + " was made by a newer cscwatch (schema version " + std::to_string(version) + "; this one knows up to " +
                   std::to_string(latest_schema_version()) + "): restore it with that version"};
    return version;
  } catch (const SqlError&) {
    return Error{file + " is not a cscwatch register (not an SQLite database, or unreadable)"};
  }
}

Result<BackupSummary> backup_register(const std::string& source, const std::string& target) {
  std::error_code ec;
  if (!fs::is_regular_file(source, ec)) return Error{"no register at " + source};
  auto from = Connection::open(source, /*read_only=*/true);
  if (!from) return Error{from.error()};
  fs::path final_path = fs::absolute(target, ec);
  fs::path tmp = final_path;
  tmp += ".partial-" + std::to_string(::getpid());
  fs::remove(tmp, ec);
  {
    auto to = Connection::open(tmp.string());
    if (!to) return Error{to.error()};
    auto copied = copy_database(from->handle(), to->handle());
    if (!copied) {
      to = Connection();
      fs::remove(tmp, ec);
      return Error{copied.error()};
    }
    // A single file: no -wal beside the backup.
    to->exec("PRAGMA journal_mode=DELETE");
  }
  auto version = check_register_file(tmp.string());
  if (!version) {
    fs::remove(tmp, ec);
    return Error{"the backup did not verify: " + version.error()};
  }
  fsync_path(tmp.string(), false);
  fs::rename(tmp, final_path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return Error{"cannot write " + final_path.string() + ": " + ec.message()};
  }
  fsync_path(final_path.parent_path().string(), true);
  return BackupSummary{static_cast<std::int64_t>(fs::file_size(final_path, ec)), *version};
}

Result<BackupSummary> restore_register(const std::string& source, const std::string& db_path) {
  auto version = check_register_file(source);
  if (!version) return Error{version.error()};
  {
    auto from = Connection::open(source, /*read_only=*/true);
    if (!from) return Error{from.error()};
    auto to = Connection::open(db_path);
    if (!to) return Error{to.error()};
    auto copied = copy_database(from->handle(), to->handle());
    if (!copied) return Error{copied.error()};
  }
  // Brings an older backup's schema up to date (and checks the result opens).
  auto reg = Register::open(db_path);
  if (!reg) return Error{"restored, but the register does not open: " + reg.error()};
  std::error_code ec;
  return BackupSummary{static_cast<std::int64_t>(fs::file_size(source, ec)), *version};
}

}  // namespace cscwatch
