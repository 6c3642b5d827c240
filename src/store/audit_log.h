// The audit trail: every write to the record says who made it, when, and what
// it changed (the entity as JSON before and after). Rows are only ever added.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite.h"

namespace cscwatch {

struct AuditChange {
  std::string actor;          // account name ("cli:<user>" for the command line when no account)
  std::string authority_urn;  // empty: not about one authority (accounts)
  std::string entity;         // table-like name: "account", "intervention", "plan_action", ...
  std::int64_t entity_id = 0;
  std::string action;  // "create" | "update" | "delete"
  std::string before_json;  // empty for a create
  std::string after_json;   // empty for a delete
};

// Records one change. Call it INSIDE the transaction of the write it
// describes, so the write and its audit row commit or roll back together.
// Throws SqlError (an unknown action is refused by the table's CHECK).
void record_audit(const Connection& db, const AuditChange& change);

struct AuditRow {
  std::int64_t id = 0;
  std::string at;  // UTC ISO-8601, e.g. 2026-11-26T04:31:07.123Z
  AuditChange change;
};

// The newest first.
std::vector<AuditRow> audit_for_authority(const Connection& db, std::string_view authority_urn, int limit = 500);

// The id of the newest audit row (0 when none): the server compares it before
// and after a write handler to refuse a write that recorded no audit row.
std::int64_t latest_audit_id(const Connection& db);

}  // namespace cscwatch
