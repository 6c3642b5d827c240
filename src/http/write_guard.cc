#include "http/write_guard.h"

#include "http/url_codec.h"
#include "store/secret_token.h"

namespace cscwatch {

bool csrf_ok(const WebRequest& w) {
  if (w.csrf_token.empty()) return false;
  auto field = w.params.find("csrf");
  const std::string& supplied = field != w.params.end() ? field->second : w.csrf_header;
  return constant_time_equal(supplied, w.csrf_token);
}

WebResponse sign_in_required(const ErrorResponses& errors, const WebRequest& w) {
  if (is_api_path(w.path)) return errors(w.path, 401, "Sign in first (POST /login), then send the session cookie.");
  WebResponse r = errors(w.path, 303, "Sign in first.");
  r.location = "/login?next=" + url_encode(w.method == "GET" ? w.path : std::string("/"));
  return r;
}

WebResponse csrf_refused(const ErrorResponses& errors, const WebRequest& w) {
  return errors(w.path, 403,
                "This form has expired or did not come from this site (no valid CSRF token): reload the page and try again.");
}

}  // namespace cscwatch
