#include "routing/site.h"

#include <string>

#include "news/article_text.h"
#include "routing/routes.h"
#include "web/page_layout.h"
#include "web/sign_in_page.h"

namespace cscwatch {

Site cscwatch_site() {
  Site site;
  site.routes = site_routes();
  site.pages.error_page = render_error_page;
  site.pages.sign_in_page = sign_in_page;
  site.pages.show_account = [](WebResponse& page, const Account& account, std::string_view csrf_token) {
    if (auto at = page.body.find(kSignInLink); at != std::string::npos)
      page.body.replace(at, kSignInLink.size(), account_bar(account.name, csrf_token));
  };
  // The largest body is a news article sent as a URL-encoded form, in which a
  // byte can take three ("%E2"); the article's own limit is checked after
  // decoding (news::kMaxArticleBytes).
  site.max_body_bytes = 3 * news::kMaxArticleBytes + 64 * 1024;
  return site;
}

Result<std::unique_ptr<WebServer>> create_site_server(const ServeOptions& options) {
  return WebServer::create(options, cscwatch_site());
}

int serve(const ServeOptions& options) { return serve(options, cscwatch_site()); }

}  // namespace cscwatch
