// Accounts for the web tests (both issue-10 helpers' tests use this): in a
// register of their own (register_with_authorities: writable, unlike the
// shared corpus register), accounts created straight in it, and signing in
// over HTTP like a browser (the sign-in form's token, the session cookie, the
// CSRF token).
#pragma once

#include <httplib.h>

#include <string>
#include <vector>

#include "domain/account.h"
#include "web_test_support.h"

namespace cscwatch::testing {

inline constexpr const char* kTestPassword = "correct horse battery";

// The URN of the authority with this slug (throws if absent).
std::string urn_of(const std::string& db_path, const std::string& slug);

// Creates an account in the register file (through the same code as
// `cscwatch user add`, so it has its audit row). Throws on failure.
Account create_test_account(const std::string& db_path, const std::string& name, Role role,
                            std::vector<std::string> authority_urns = {}, const std::string& password = kTestPassword);

struct SignedIn {
  std::string session_cookie;  // the Cookie header value: "cscwatch_session=..."
  std::string csrf;            // this session's CSRF token
  // Headers for a request as this account: the cookie and X-CSRF-Token.
  httplib::Headers headers(bool with_csrf = true) const;
};

// Signs in over HTTP as a browser does: GET /login (form token cookie),
// POST /login, then GET /api/session for the CSRF token. Throws if refused.
SignedIn sign_in(const TestServer& server, const std::string& name, const std::string& password = kTestPassword);

// A POSTed form body with `csrf` added (url-encoded).
std::string form_body(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace cscwatch::testing
