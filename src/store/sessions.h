// Signed-in sessions: a random 256-bit id goes to the browser in a cookie; the
// register keeps only its SHA-256, the account, a CSRF token and an expiry.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/account.h"
#include "store/sqlite.h"

namespace cscwatch {

// How long a session lasts from sign-in (a working day; then sign in again).
inline constexpr std::chrono::seconds kSessionLifetime{12 * 3600};

struct NewSession {
  std::string id;    // for the cookie; not stored
  std::string csrf;  // for forms and the X-CSRF-Token header
};

// Starts a session for an enabled account (and drops expired ones).
// `now` is Unix seconds.
NewSession create_session(const Connection& db, std::int64_t account_id, std::int64_t now);

struct ActiveSession {
  Account account;
  std::string csrf;
};

// The session with this id, if it exists, has not expired and its account is
// enabled. A malformed id finds nothing.
std::optional<ActiveSession> find_session(const Connection& db, std::string_view session_id, std::int64_t now);

// Ends the session (sign out).
void end_session(const Connection& db, std::string_view session_id);

// Unix seconds now.
std::int64_t unix_now();

}  // namespace cscwatch
