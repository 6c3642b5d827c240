#include "store/audit_log.h"

namespace cscwatch {

void record_audit(const Connection& db, const AuditChange& c) {
  db.prepare(
        "INSERT INTO audit_log(at, actor, authority_urn, entity, entity_id, action, before_json, after_json) "
        "VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, c.actor)
      .bind(2, c.authority_urn)
      .bind(3, c.entity)
      .bind(4, c.entity_id)
      .bind(5, c.action)
      .bind(6, c.before_json)
      .bind(7, c.after_json)
      .run();
}

std::vector<AuditRow> audit_for_authority(const Connection& db, std::string_view authority_urn, int limit) {
  auto q = db.prepare(
      "SELECT id, at, actor, authority_urn, entity, entity_id, action, before_json, after_json FROM audit_log "
      "WHERE authority_urn = ? ORDER BY id DESC LIMIT ?");
  q.bind(1, authority_urn).bind(2, limit);
  std::vector<AuditRow> rows;
  while (q.step()) {
    AuditRow r;
    r.id = q.integer(0);
    r.at = q.text(1);
    r.change.actor = q.text(2);
    r.change.authority_urn = q.text(3);
    r.change.entity = q.text(4);
    r.change.entity_id = q.integer(5);
    r.change.action = q.text(6);
    r.change.before_json = q.text(7);
    r.change.after_json = q.text(8);
    rows.push_back(std::move(r));
  }
  return rows;
}

std::int64_t latest_audit_id(const Connection& db) {
  auto q = db.prepare("SELECT COALESCE(MAX(id), 0) FROM audit_log");
  q.step();
  return q.integer(0);
}

}  // namespace cscwatch
