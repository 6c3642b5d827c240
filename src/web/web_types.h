// Requests and responses as the page and API renderers see them: plain data,
// independent of the HTTP library, so renderers are testable without a
// socket and only server.cc deals with httplib.
#pragma once

#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

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
};

struct WebResponse {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  bool cacheable = true;       // a pure function of the request and the database
  bool is_pdf = false;         // gets the PDF security headers
  std::string content_disposition;
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

}  // namespace cscwatch
