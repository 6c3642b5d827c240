#include "store/improvement_visibility.h"

#include <string>

#include "store/audit_log.h"

namespace cscwatch {

namespace {
std::string visibility_json(bool restricted) { return restricted ? R"({"restricted":true})" : R"({"restricted":false})"; }
}  // namespace

bool improvement_records_restricted(const Connection& db, std::string_view authority_urn) {
  auto q = db.prepare("SELECT restricted FROM improvement_visibility WHERE authority_urn = ?");
  q.bind(1, authority_urn);
  return q.step() && q.integer(0) != 0;
}

bool may_view_improvement_records(const Connection& db, const std::optional<Account>& account, std::string_view authority_urn) {
  if (!improvement_records_restricted(db, authority_urn)) return true;
  return account && may_view_restricted(*account, authority_urn);
}

bool set_improvement_records_restricted(const Connection& db, std::string_view actor, std::string_view authority_urn,
                                        bool restricted) {
  bool before = improvement_records_restricted(db, authority_urn);
  if (before == restricted) return false;
  db.prepare(
        "INSERT INTO improvement_visibility(authority_urn, restricted) VALUES (?, ?) "
        "ON CONFLICT(authority_urn) DO UPDATE SET restricted = excluded.restricted")
      .bind(1, authority_urn)
      .bind(2, restricted ? 1 : 0)
      .run();
  record_audit(db, {std::string(actor), std::string(authority_urn), "improvement_visibility", 0, "update",
                    visibility_json(before), visibility_json(restricted)});
  return true;
}

}  // namespace cscwatch
