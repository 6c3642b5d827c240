#include "web/sign_in_page.h"

#include "store/secret_token.h"
#include "http/html_escape.h"
#include "web/page_layout.h"
#include "http/session_cookie.h"

namespace cscwatch {

WebResponse sign_in_page(std::string_view next, bool secure_cookies, std::string_view message, int status) {
  std::string token = random_token();
  std::string body = "<h1>Sign in</h1><p>Signing in is for editors and viewers of improvement records; "
                     "every public page works without it.</p>";
  if (!message.empty()) body += "<p class=\"error\" role=\"alert\">" + html_escape(message) + "</p>";
  body += "<form method=\"post\" action=\"/login\" class=\"sign-in\">"
          "<input type=\"hidden\" name=\"login_csrf\" value=\"" + token + "\">"
          "<input type=\"hidden\" name=\"next\" value=\"" + html_escape(local_redirect_target(next)) + "\">"
          "<p><label for=\"sign-in-name\">Account name</label> "
          "<input id=\"sign-in-name\" name=\"name\" autocomplete=\"username\" required maxlength=\"64\"></p>"
          "<p><label for=\"sign-in-password\">Password</label> "
          "<input id=\"sign-in-password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required maxlength=\"1024\"></p>"
          "<p><button type=\"submit\">Sign in</button></p></form>";
  WebResponse r = html_response(render_page({"Sign in", "", {}}, body), status);
  r.cacheable = false;
  r.headers.emplace_back("Set-Cookie", login_form_cookie(token, secure_cookies));
  return r;
}

}  // namespace cscwatch
