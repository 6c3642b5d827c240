#include "http/error_responses.h"

#include "http/json_body.h"

namespace cscwatch {

bool is_api_path(std::string_view path) { return path.rfind("/api/", 0) == 0 || path == "/api"; }

WebResponse ErrorResponses::operator()(const std::string& path, int status, const std::string& message) const {
  WebResponse r;
  r.status = status;
  r.cacheable = false;
  if (is_api_path(path)) {
    r.content_type = "application/json";
    r.body = json_body({{"error", message}, {"status", status}});
  } else {
    r.body = page_ ? page_(status, message) : message;
  }
  return r;
}

}  // namespace cscwatch
