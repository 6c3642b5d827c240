// Signing in and out: GET /login (the form), POST /login (checks the password
// under the login throttle, starts a session), POST /logout, and GET
// /api/session (who is signed in, and the CSRF token an API client sends back
// in X-CSRF-Token). The pages come from the site (SitePages).
#pragma once

#include "http/connection_pool.h"
#include "http/error_responses.h"
#include "http/login_throttle.h"
#include "http/route.h"
#include "http/web_types.h"
#include "http/writer_connection.h"

namespace cscwatch {

// What the sign-in routes use of the server.
struct SessionServices {
  ConnectionPool& readers;
  WriterConnection& writer;
  LoginThrottle& throttle;
  const ErrorResponses& errors;
  const SitePages& pages;
  bool secure_cookies;  // ServeOptions::secure_cookies
  // Cookies get the Secure attribute: the site is served over TLS.
  bool secure(const WebRequest& w) const { return secure_cookies || w.over_tls; }
};

WebResponse sign_in_form(SessionServices& services, const WebRequest& request);
WebResponse sign_in(SessionServices& services, const WebRequest& request);
WebResponse sign_out(SessionServices& services, const WebRequest& request);
WebResponse session_api(SessionServices& services, const WebRequest& request);

}  // namespace cscwatch
