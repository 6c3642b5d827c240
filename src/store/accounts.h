// Accounts in the register: created, re-passworded and disabled (never
// deleted, so the audit trail's names keep meaning something), each change
// with its audit row in the same transaction.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/account.h"
#include "domain/result.h"
#include "store/sqlite.h"

namespace cscwatch {

// An account with its password hash, for signing in.
struct StoredAccount {
  Account account;
  std::string password_hash;
};

std::optional<StoredAccount> find_account(const Connection& db, std::string_view name);
std::optional<Account> account_by_id(const Connection& db, std::int64_t id);
std::vector<Account> list_accounts(const Connection& db);

// Validates (name, password length, role, authorities known to the register;
// an editor needs at least one authority) and creates the account. `actor`
// is who is doing it, for the audit row.
Result<Account> create_account(Connection& db, std::string_view actor, Account account, std::string_view password);
// Replaces the password and ends the account's sessions.
Result<Account> set_password(Connection& db, std::string_view actor, std::string_view name, std::string_view password);
// Disables the account (it can no longer sign in) and ends its sessions.
Result<Account> disable_account(Connection& db, std::string_view actor, std::string_view name);

// What a password must satisfy, or the message saying why not.
std::optional<std::string> password_problem(std::string_view password);

// The account as the audit trail shows it (never the password hash).
std::string account_json(const Account& account);

}  // namespace cscwatch
