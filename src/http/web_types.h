// Requests and responses as the page and API renderers see them: plain data,
// independent of the HTTP library, so renderers are testable without a
// socket and only server.cc deals with httplib.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "domain/account.h"

namespace cscwatch {

struct WebRequest {
  std::string method = "GET";
  std::string path;
  std::multimap<std::string, std::string> params;  // query string (and form fields for POST forms)
  std::vector<std::string> path_args;              // captured from the route, e.g. the slug
  std::string body;
  // True once the client has closed its connection: long work (a search)
  // polls it and stops. Empty: never.
  std::function<bool()> client_gone;
  // The signed-in user (filled by the server from the session cookie for
  // every request), and this session's CSRF token for forms: a hidden field
  // named "csrf". Empty for anonymous requests.
  std::optional<Account> account;
  std::string csrf_token;
  // Set by the server: the client's address (the proxy's X-Forwarded-For
  // with --trust-proxy), whether it came over TLS, and the raw session cookie
  // and X-CSRF-Token header (only the server and the sign-in pages read them).
  std::string client_address;
  bool over_tls = false;
  std::string session_cookie;
  std::string login_cookie;
  std::string csrf_header;
};

struct WebResponse {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  bool cacheable = true;       // a pure function of the request and the database
  bool is_pdf = false;         // gets the PDF security headers
  std::string content_disposition;
  std::string location;  // a redirect's target (303 after a POST)
  // Extra response headers (Set-Cookie, Retry-After); names and values are
  // made by the server, never copied from a request.
  std::vector<std::pair<std::string, std::string>> headers;
};

inline WebResponse html_response(std::string body, int status = 200) {
  WebResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}
inline WebResponse json_response(std::string body, int status = 200) {
  WebResponse r;
  r.status = status;
  r.content_type = "application/json";
  r.body = std::move(body);
  return r;
}

// Thrown by renderers for a bad parameter (-> 400) or a missing thing
// (-> 404); the message is shown to the user, so it must not hold secrets.
struct BadRequest : std::runtime_error {
  using std::runtime_error::runtime_error;
};
struct NotFound : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// Not allowed for this account (-> 403); an edit based on a stale version of
// the record (-> 409).
struct Forbidden : std::runtime_error {
  using std::runtime_error::runtime_error;
};
struct Conflict : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace cscwatch
