// The sign-in form (GET /login) and its answer when a sign-in fails.
#pragma once

#include <string_view>

#include "http/web_types.h"

namespace cscwatch {

// The form, with a fresh double-submit token set as a cookie and echoed in a
// hidden field; `message` (escaped) says why the last attempt failed.
WebResponse sign_in_page(std::string_view next, bool secure_cookies, std::string_view message = {}, int status = 200);

}  // namespace cscwatch
