// Who may send a state-changing request: a signed-in account whose request
// carries its session's CSRF token.
#pragma once

#include "http/error_responses.h"
#include "http/web_types.h"

namespace cscwatch {

// The form field "csrf" or the X-CSRF-Token header, equal to the session's
// (compared in constant time).
bool csrf_ok(const WebRequest& request);

// Not signed in: a page goes to the sign-in form (and back after), the API
// answers 401.
WebResponse sign_in_required(const ErrorResponses& errors, const WebRequest& request);

// A form without a valid token: 403.
WebResponse csrf_refused(const ErrorResponses& errors, const WebRequest& request);

}  // namespace cscwatch
