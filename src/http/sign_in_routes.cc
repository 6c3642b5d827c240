#include "http/sign_in_routes.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "http/json_body.h"
#include "http/session_cookie.h"
#include "http/write_guard.h"
#include "store/accounts.h"
#include "store/password_hash.h"
#include "store/secret_token.h"
#include "store/sessions.h"

namespace cscwatch {

namespace {

std::string field(const WebRequest& w, const char* name, size_t max) {
  auto it = w.params.find(name);
  if (it == w.params.end()) return {};
  return it->second.substr(0, max);
}

WebResponse form(SessionServices& s, const WebRequest& w, const std::string& next, std::string_view message = {},
                 int status = 200) {
  return s.pages.sign_in_page(next, s.secure(w), message, status);
}

// The account when the name and password match an enabled one. The same
// argon2 work whether or not the account exists or is enabled, so neither the
// answer nor its timing tells.
std::optional<Account> check_password(SessionServices& s, const std::string& name, const std::string& password) {
  auto lease = s.readers.borrow();
  auto found = valid_account_name(name) ? find_account(*lease, name) : std::nullopt;
  bool match = verify_password(found ? found->password_hash : decoy_password_hash(), password);
  if (found && match && !found->account.disabled) return std::move(found->account);
  return std::nullopt;
}

}  // namespace

WebResponse sign_in_form(SessionServices& s, const WebRequest& w) {
  std::string next = field(w, "next", 1000);
  if (w.account) {
    WebResponse r = s.errors(w.path, 303, "Already signed in.");
    r.location = local_redirect_target(next);
    return r;
  }
  return form(s, w, next);
}

WebResponse sign_in(SessionServices& s, const WebRequest& w) {
  std::string next = field(w, "next", 1000);
  std::string token = field(w, "login_csrf", 128);
  if (w.login_cookie.empty() || !constant_time_equal(token, w.login_cookie))
    return form(s, w, next, "The sign-in form had expired: please try again.", 403);
  std::string name = field(w, "name", 200);
  std::string password = field(w, "password", kMaxPasswordBytes + 1);
  auto now = LoginThrottle::Clock::now();
  if (auto wait = s.throttle.refused(name, w.client_address, now)) {
    WebResponse r = form(s, w, next, "Too many failed attempts: wait " + std::to_string(wait->count()) + " seconds before trying again.",
                         429);
    r.headers.emplace_back("Retry-After", std::to_string(wait->count()));
    return r;
  }
  std::optional<Account> account = check_password(s, name, password);
  if (!account) {
    s.throttle.failed(name, w.client_address, now);
    return form(s, w, next, "The account name or the password is wrong, or the account is disabled.", 401);
  }
  s.throttle.succeeded(name);
  NewSession session = s.writer.with([&](Connection& db) { return create_session(db, account->id, unix_now()); });
  WebResponse r = s.errors(w.path, 303, "Signed in.");
  r.location = local_redirect_target(next);
  r.headers.emplace_back("Set-Cookie", session_cookie(session.id, s.secure(w)));
  r.headers.emplace_back("Set-Cookie", std::string(kLoginCookieName) + "=; Path=/login; Max-Age=0; HttpOnly; SameSite=Strict" +
                                           (s.secure(w) ? "; Secure" : ""));
  return r;
}

WebResponse sign_out(SessionServices& s, const WebRequest& w) {
  if (w.account && !csrf_ok(w)) return csrf_refused(s.errors, w);
  if (w.account) s.writer.with([&](Connection& db) { end_session(db, w.session_cookie); });
  WebResponse r = s.errors(w.path, 303, "Signed out.");
  r.location = "/";
  r.headers.emplace_back("Set-Cookie", expired_session_cookie(s.secure(w)));
  return r;
}

WebResponse session_api(SessionServices&, const WebRequest& w) {
  nlohmann::json j = {{"signed_in", w.account.has_value()}};
  if (w.account) {
    j["name"] = w.account->name;
    j["role"] = std::string(role_name(w.account->role));
    j["authorities"] = w.account->authority_urns;
    j["csrf"] = w.csrf_token;
  }
  WebResponse r = json_response(json_body(j));
  r.cacheable = false;
  return r;
}

}  // namespace cscwatch
