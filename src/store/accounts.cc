#include "store/accounts.h"

#include <nlohmann/json.hpp>

#include "store/audit_log.h"
#include "store/password_hash.h"

namespace cscwatch {

namespace {

std::vector<std::string> authorities_of(const Connection& db, std::int64_t account_id) {
  auto q = db.prepare("SELECT authority_urn FROM account_authorities WHERE account_id = ? ORDER BY authority_urn");
  q.bind(1, account_id);
  std::vector<std::string> out;
  while (q.step()) out.push_back(q.text(0));
  return out;
}

constexpr const char* kAccountColumns = "SELECT id, name, role, disabled, password_hash FROM accounts ";

StoredAccount read_row(const Connection& db, const Statement& q) {
  StoredAccount s;
  s.account.id = q.integer(0);
  s.account.name = q.text(1);
  s.account.role = parse_role(q.text(2)).value_or(Role::viewer);
  s.account.disabled = q.integer(3) != 0;
  s.password_hash = q.text(4);
  s.account.authority_urns = authorities_of(db, s.account.id);
  return s;
}

void end_sessions(const Connection& db, std::int64_t account_id) {
  db.prepare("DELETE FROM sessions WHERE account_id = ?").bind(1, account_id).run();
}

}  // namespace

std::string account_json(const Account& a) {
  nlohmann::json j = {{"name", a.name},
                      {"role", std::string(role_name(a.role))},
                      {"authorities", a.authority_urns},
                      {"disabled", a.disabled}};
  return j.dump();
}

std::optional<std::string> password_problem(std::string_view password) {
  if (password.size() < kMinPasswordBytes)
    return "The password is too short: at least " + std::to_string(kMinPasswordBytes) + " characters.";
  if (password.size() > kMaxPasswordBytes)
    return "The password is too long: at most " + std::to_string(kMaxPasswordBytes) + " bytes.";
  for (char c : password)
    if (c == '\0' || c == '\n' || c == '\r') return "The password may not contain line breaks or NUL characters.";
  return std::nullopt;
}

std::optional<StoredAccount> find_account(const Connection& db, std::string_view name) {
  auto q = db.prepare(std::string(kAccountColumns) + "WHERE name = ?");
  q.bind(1, name);
  if (!q.step()) return std::nullopt;
  return read_row(db, q);
}

std::optional<Account> account_by_id(const Connection& db, std::int64_t id) {
  auto q = db.prepare(std::string(kAccountColumns) + "WHERE id = ?");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return read_row(db, q).account;
}

std::vector<Account> list_accounts(const Connection& db) {
  auto q = db.prepare(std::string(kAccountColumns) + "ORDER BY name");
  std::vector<Account> out;
  while (q.step()) out.push_back(read_row(db, q).account);
  return out;
}

Result<Account> create_account(Connection& db, std::string_view actor, Account account, std::string_view password) {
  if (!valid_account_name(account.name))
    return Error{"an account name has 1 to 64 letters, digits or . _ @ - (got '" + account.name.substr(0, 80) + "')"};
  if (auto problem = password_problem(password)) return Error{*problem};
  if (account.role == Role::editor && account.authority_urns.empty())
    return Error{"an editor needs at least one authority (--authority URN)"};
  if (account.role == Role::admin && !account.authority_urns.empty())
    return Error{"an admin may edit every authority: give no --authority"};
  std::string hash = hash_password(password);  // outside the transaction: it takes tens of milliseconds
  Transaction tx(db);
  if (find_account(db, account.name)) return Error{"an account named '" + account.name + "' already exists"};
  for (const auto& urn : account.authority_urns) {
    auto q = db.prepare("SELECT 1 FROM authorities WHERE urn = ?");
    q.bind(1, urn);
    if (!q.step()) return Error{"no authority with URN '" + urn.substr(0, 40) + "' in the register"};
  }
  db.prepare("INSERT INTO accounts(name, role, password_hash, disabled, created_at) VALUES (?, ?, ?, 0, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))")
      .bind(1, account.name)
      .bind(2, role_name(account.role))
      .bind(3, hash)
      .run();
  account.id = db.last_insert_id();
  account.disabled = false;
  for (const auto& urn : account.authority_urns)
    db.prepare("INSERT OR IGNORE INTO account_authorities(account_id, authority_urn) VALUES (?, ?)").bind(1, account.id).bind(2, urn).run();
  account.authority_urns = authorities_of(db, account.id);
  record_audit(db, {std::string(actor), "", "account", account.id, "create", "", account_json(account)});
  tx.commit();
  return account;
}

Result<Account> set_password(Connection& db, std::string_view actor, std::string_view name, std::string_view password) {
  if (auto problem = password_problem(password)) return Error{*problem};
  std::string hash = hash_password(password);
  Transaction tx(db);
  auto found = find_account(db, name);
  if (!found) return Error{"no account named '" + std::string(name.substr(0, 80)) + "'"};
  db.prepare("UPDATE accounts SET password_hash = ? WHERE id = ?").bind(1, hash).bind(2, found->account.id).run();
  end_sessions(db, found->account.id);
  nlohmann::json before = nlohmann::json::parse(account_json(found->account));
  nlohmann::json after = before;
  after["password"] = "changed";  // never the hash itself
  record_audit(db, {std::string(actor), "", "account", found->account.id, "update", before.dump(), after.dump()});
  tx.commit();
  return found->account;
}

Result<Account> disable_account(Connection& db, std::string_view actor, std::string_view name) {
  Transaction tx(db);
  auto found = find_account(db, name);
  if (!found) return Error{"no account named '" + std::string(name.substr(0, 80)) + "'"};
  Account before = found->account;
  Account after = before;
  after.disabled = true;
  db.prepare("UPDATE accounts SET disabled = 1 WHERE id = ?").bind(1, before.id).run();
  end_sessions(db, before.id);
  record_audit(db, {std::string(actor), "", "account", before.id, "update", account_json(before), account_json(after)});
  tx.commit();
  return after;
}

}  // namespace cscwatch
