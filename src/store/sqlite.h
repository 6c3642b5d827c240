// A thin RAII layer over the SQLite C API: connections, prepared statements
// with bound parameters (report text is never spliced into SQL), transactions.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace cscwatch {

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, std::string_view sql);  // throws SqlError on a bad statement
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binding is 1-based, as in SQLite. Empty optionals bind NULL.
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, const std::optional<std::string>& value);
  Statement& bind_null(int index);
  Statement& bind_blob(int index, const void* data, std::size_t size);

  // Advances; true while a row is available. Throws SqlError on failure.
  bool step();
  // Runs to completion (for statements that return no rows).
  void run();
  void reset();

  bool is_null(int column) const;
  std::string text(int column) const;
  int64_t integer(int column) const;
  double real(int column) const;
  std::string blob(int column) const;
  int column_count() const;
  std::string column_name(int column) const;

 private:
  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
};

struct SqlError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Connection {
 public:
  // Opens (creating if needed) a database file; read_only opens an existing
  // file without write access.
  static Result<Connection> open(const std::string& path, bool read_only = false);
  // Opens a file nobody writes (a register on a read-only mount): no locks,
  // no -wal or -shm files needed.
  static Result<Connection> open_immutable(const std::string& path);
  Connection() = default;
  ~Connection();
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void exec(std::string_view sql);  // throws SqlError
  Statement prepare(std::string_view sql) const { return Statement(db_, sql); }
  int64_t last_insert_id() const;
  int changes() const;
  sqlite3* handle() const { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  static Result<Connection> open_with(const std::string& name, int flags, const std::string& path);
  sqlite3* db_ = nullptr;
};

// Every statement between construction and destruction reads one snapshot of
// the database (a read transaction), so a page built from several queries
// never mixes states while an ingest commits. Nests inside a transaction.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(const Connection& db);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  const Connection& db_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() ran,
// so an exception or early return leaves nothing half-written.
class Transaction {
 public:
  explicit Transaction(Connection& db);
  ~Transaction();
  void commit();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

 private:
  Connection& db_;
  bool done_ = false;
};

}  // namespace cscwatch
