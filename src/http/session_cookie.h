// The cookies of signing in. The session cookie is HttpOnly (no script reads
// it), SameSite=Strict (no other site's page sends it, the first defence
// against cross-site requests; the CSRF token is the second) and Secure when
// the site is served over TLS.
#pragma once

#include <string>
#include <string_view>

namespace cscwatch {

inline constexpr std::string_view kSessionCookieName = "cscwatch_session";
// A random value set by GET /login and echoed in its form (double submit), so
// another site cannot sign a browser into an account of its choosing.
inline constexpr std::string_view kLoginCookieName = "cscwatch_login";

std::string session_cookie(std::string_view session_id, bool secure);
std::string expired_session_cookie(bool secure);
std::string login_form_cookie(std::string_view token, bool secure);

// The value of cookie `name` in a Cookie header ("a=1; b=2"), or empty.
std::string cookie_value(std::string_view header, std::string_view name);

// `next` when it is a path on this site ("/authority/x"), else "/": a sign-in
// link must not send the browser to another site.
std::string local_redirect_target(std::string_view next);

}  // namespace cscwatch
