// The server's error answers: JSON {"error", "status"} under /api/, an HTML
// page (the site's) everywhere else. The message is shown to the client, so it
// never holds internals.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "http/web_types.h"

namespace cscwatch {

// /api and everything under /api/.
bool is_api_path(std::string_view path);

class ErrorResponses {
 public:
  using PageRenderer = std::function<std::string(int status, std::string_view message)>;
  explicit ErrorResponses(PageRenderer page) : page_(std::move(page)) {}

  // Never cacheable.
  WebResponse operator()(const std::string& path, int status, const std::string& message) const;

 private:
  PageRenderer page_;
};

}  // namespace cscwatch
