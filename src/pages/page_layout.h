// The HTML shell every page shares: head with the stylesheet and scripts
// (files under /static, never inline), navigation with a search box, footer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cscwatch {

struct PageOptions {
  std::string_view title;       // plain text; escaped here
  std::string_view active;      // nav item: "register", "search", "review", "news", "api"
  std::vector<std::string_view> scripts;  // extra /static/... script URLs, loaded deferred
  // A feed of this page's own subject (an authority's), linked besides the
  // national feed every page links; empty: none.
  std::string_view feed_path = {};
  std::string_view feed_title = {};
};

// `body` is trusted HTML produced by a renderer (which escaped its own data).
std::string render_page(const PageOptions& options, std::string_view body);

// The header's account corner as every rendered page has it: a "Sign in"
// link. Pages are rendered (and cached) the same for everyone; for a
// signed-in request, which is never cached, the server swaps this for
// account_bar().
inline constexpr std::string_view kSignInLink = "<p class=\"account\"><a href=\"/login\">Sign in</a></p>";
// "Signed in as NAME" with a sign-out form carrying the CSRF token.
std::string account_bar(std::string_view account_name, std::string_view csrf_token);

// A complete error page (for 400 and 404), message escaped.
std::string render_error_page(int status, std::string_view message);

}  // namespace cscwatch
