#include "store/sessions.h"

#include "store/accounts.h"
#include "store/secret_token.h"

namespace cscwatch {

namespace {
bool well_formed(std::string_view id) {
  if (id.size() != 64) return false;
  for (char c : id)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}
}  // namespace

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

NewSession create_session(const Connection& db, std::int64_t account_id, std::int64_t now) {
  NewSession s{random_token(), random_token()};
  db.prepare("DELETE FROM sessions WHERE expires_at <= ?").bind(1, now).run();
  db.prepare("INSERT INTO sessions(id_sha256, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
      .bind(1, sha256_hex(s.id))
      .bind(2, account_id)
      .bind(3, s.csrf)
      .bind(4, now)
      .bind(5, now + kSessionLifetime.count())
      .run();
  return s;
}

std::optional<ActiveSession> find_session(const Connection& db, std::string_view session_id, std::int64_t now) {
  if (!well_formed(session_id)) return std::nullopt;
  auto q = db.prepare("SELECT account_id, csrf_token FROM sessions WHERE id_sha256 = ? AND expires_at > ?");
  q.bind(1, sha256_hex(session_id)).bind(2, now);
  if (!q.step()) return std::nullopt;
  auto account = account_by_id(db, q.integer(0));
  if (!account || account->disabled) return std::nullopt;
  return ActiveSession{std::move(*account), q.text(1)};
}

void end_session(const Connection& db, std::string_view session_id) {
  if (!well_formed(session_id)) return;
  db.prepare("DELETE FROM sessions WHERE id_sha256 = ?").bind(1, sha256_hex(session_id)).run();
}

}  // namespace cscwatch
