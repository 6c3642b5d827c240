#include "web/page_layout.h"

#include "http/html_escape.h"

namespace cscwatch {

std::string render_page(const PageOptions& o, std::string_view body) {
  std::string out;
  out.reserve(body.size() + 2048);
  out += "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>";
  append_escaped(out, o.title);
  out += " \u2014 cscwatch</title><link rel=\"stylesheet\" href=\"/static/app.css\">"
         "<script src=\"/static/app.js\" defer></script>";
  for (auto s : o.scripts) {
    out += "<script src=\"";
    append_escaped(out, s);
    out += "\" defer></script>";
  }
  // Feed readers and browsers find the alerts from any page (feeds_page.h).
  out += "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"cscwatch: every new report and letter\" "
         "href=\"/feeds/national.atom\">";
  if (!o.feed_path.empty()) {
    out += "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"";
    append_escaped(out, o.feed_title);
    out += "\" href=\"";
    append_escaped(out, o.feed_path);
    out += "\">";
  }
  out += "</head><body><header class=\"site\"><a class=\"brand\" href=\"/\">cscwatch</a><nav>";
  auto item = [&](std::string_view key, std::string_view href, std::string_view text) {
    out += "<a href=\"";
    out += href;
    out += "\"";
    if (o.active == key) out += " aria-current=\"page\"";
    out += ">";
    out += text;
    out += "</a>";
  };
  item("register", "/", "National register");
  item("national", "/national", "National picture");
  item("interventions", "/interventions", "Interventions");
  item("search", "/search", "Search reports");
  item("review", "/review", "Review");
  item("news", "/news", "Check a news article");
  item("api", "/api/openapi.json", "API");
  out += "</nav><form class=\"quick-search\" action=\"/search\" method=\"get\" role=\"search\">"
         "<label for=\"quick-q\" class=\"visually-hidden\">Search every report</label>"
         "<input id=\"quick-q\" name=\"q\" type=\"search\" maxlength=\"500\" placeholder=\"Search every report\">"
         "<button type=\"submit\">Search</button></form>";
  out += kSignInLink;
  out += "</header><main>";
  out += body;
  out += "</main><footer><p>Ofsted inspection reports of English local authority children's services "
         "(Crown copyright, Open Government Licence v3). Grades and facts are extracted automatically: "
         "each links to the page it was read from.</p></footer></body></html>\n";
  return out;
}

std::string account_bar(std::string_view account_name, std::string_view csrf_token) {
  std::string out = "<form class=\"account\" method=\"post\" action=\"/logout\"><span>Signed in as ";
  append_escaped(out, account_name);
  out += "</span> <input type=\"hidden\" name=\"csrf\" value=\"";
  append_escaped(out, csrf_token);
  out += "\"><button type=\"submit\">Sign out</button></form>";
  return out;
}

std::string render_error_page(int status, std::string_view message) {
  std::string title = status == 404   ? "Not found"
                      : status == 400 ? "Bad request"
                      : status == 403 ? "Not allowed"
                      : status == 409 ? "Changed meanwhile"
                      : status == 429 ? "Too many attempts"
                                      : "Error";
  std::string body = "<h1>" + title + "</h1><p class=\"error\">" + html_escape(message) +
                     "</p><p><a href=\"/\">Back to the national register</a></p>";
  return render_page({title, "", {}}, body);
}

}  // namespace cscwatch
