// A route: which requests (method and URL pattern) a handler answers, and how
// the server runs it. The site's routes come from outside http/ (see
// routing/routes.cc); the server only knows these shapes.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/account.h"
#include "http/page_context.h"
#include "http/web_types.h"
#include "http/write_context.h"

namespace cscwatch {

class SessionServices;  // http/sign_in_routes.h

// A read: runs on a pooled read-only connection inside one snapshot.
using ReadHandler = std::function<WebResponse(const PageContext&, const WebRequest&)>;
// Signing in and out: the sessions, the throttle and the writer (sign_in_routes.h).
using SessionHandler = std::function<WebResponse(SessionServices&, const WebRequest&)>;
// No database at all (/healthz).
using PlainHandler = std::function<WebResponse(const WebRequest&)>;

// Whose answer a read is: decides whether it is cached and what a signed-in
// request gets.
enum class Audience {
  // The same for every visitor (no restricted records, no form with the
  // session's token): kept in the response cache; a signed-in request is
  // answered with the anonymous page, the account bar swapped in.
  kEveryone,
  // The same for every visitor but not kept in the response cache (a PDF, a
  // page image with its own cache).
  kEveryoneUncached,
  // Differs for a signed-in account (restricted records): cached for
  // anonymous visitors, rendered afresh for each signed-in request.
  kAnonymousCached,
  // Rendered for each request, never cached (a form with its CSRF token, the
  // audit trail).
  kEachRequest,
};

struct Route {
  std::string method;   // "GET" (answers HEAD too) or "POST"
  std::string pattern;  // a regular expression for the whole decoded path; its groups are path_args
  // Exactly one handler is set.
  ReadHandler read;
  WriteHandler write;
  SessionHandler session;
  PlainHandler plain;
  Audience audience = Audience::kEachRequest;
};

// GET (and HEAD) answered by a read.
inline Route get(std::string pattern, ReadHandler h, Audience audience = Audience::kEveryone) {
  Route r;
  r.method = "GET";
  r.pattern = std::move(pattern);
  r.read = std::move(h);
  r.audience = audience;
  return r;
}
// POST answered by a read that changes nothing (a form analysing its input).
inline Route post_read(std::string pattern, ReadHandler h) {
  Route r;
  r.method = "POST";
  r.pattern = std::move(pattern);
  r.read = std::move(h);
  return r;
}
// POST that writes: signed in, CSRF token checked, audited (write_context.h).
inline Route post_write(std::string pattern, WriteHandler h) {
  Route r;
  r.method = "POST";
  r.pattern = std::move(pattern);
  r.write = std::move(h);
  return r;
}
inline Route session_route(std::string method, std::string pattern, SessionHandler h) {
  Route r;
  r.method = std::move(method);
  r.pattern = std::move(pattern);
  r.session = std::move(h);
  return r;
}
inline Route plain_get(std::string pattern, PlainHandler h) {
  Route r;
  r.method = "GET";
  r.pattern = std::move(pattern);
  r.plain = std::move(h);
  return r;
}

// The HTML the server's own answers need (an error page, the sign-in form,
// the account bar): given by the site, since http/ renders no pages.
struct SitePages {
  // The body of an HTML error page.
  std::function<std::string(int status, std::string_view message)> error_page;
  // The sign-in form; `message` says why the last attempt failed.
  std::function<WebResponse(std::string_view next, bool secure_cookies, std::string_view message, int status)> sign_in_page;
  // Marks a page answered to a signed-in account as theirs (the account bar
  // with its sign-out form in place of the sign-in link).
  std::function<void(WebResponse& page, const Account& account, std::string_view csrf_token)> show_account;
};

// Everything the server serves.
struct Site {
  std::vector<Route> routes;  // tried in order; the first match answers
  SitePages pages;
  std::size_t max_body_bytes = 1 << 20;  // the largest request body a route accepts
};

}  // namespace cscwatch
