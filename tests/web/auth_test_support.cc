#include "auth_test_support.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "http/html_escape.h"
#include "http/url_codec.h"
#include "store/accounts.h"
#include "store/register.h"

namespace cscwatch::testing {

std::string urn_of(const std::string& db_path, const std::string& slug) {
  auto db = Connection::open(db_path, true);
  if (!db) throw std::runtime_error(db.error());
  auto q = db->prepare("SELECT urn FROM authorities WHERE slug = ?");
  q.bind(1, slug);
  if (!q.step()) throw std::runtime_error("no authority " + slug);
  return q.text(0);
}

Account create_test_account(const std::string& db_path, const std::string& name, Role role, std::vector<std::string> authority_urns,
                            const std::string& password) {
  auto reg = Register::open(db_path);
  if (!reg) throw std::runtime_error(reg.error());
  Account a;
  a.name = name;
  a.role = role;
  a.authority_urns = std::move(authority_urns);
  auto made = create_account(reg->connection(), "test", a, password);
  if (!made) throw std::runtime_error(made.error());
  return *made;
}

httplib::Headers SignedIn::headers(bool with_csrf) const {
  httplib::Headers h{{"Cookie", session_cookie}};
  if (with_csrf) h.emplace("X-CSRF-Token", csrf);
  return h;
}

namespace {
// "name=value" of a Set-Cookie header called `name`.
std::string set_cookie_pair(const httplib::Result& res, const std::string& name) {
  for (const auto& [k, v] : res->headers) {
    if (k != "Set-Cookie" || v.rfind(name + "=", 0) != 0) continue;
    return v.substr(0, v.find(';'));
  }
  return {};
}
std::string hidden_field(const std::string& html, const std::string& name) {
  std::string marker = "name=\"" + name + "\" value=\"";
  auto at = html.find(marker);
  if (at == std::string::npos) return {};
  at += marker.size();
  return html.substr(at, html.find('"', at) - at);
}
}  // namespace

std::string form_body(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [k, v] : fields) {
    if (!body.empty()) body += '&';
    body += url_encode(k) + "=" + url_encode(v);
  }
  return body;
}

SignedIn sign_in(const TestServer& server, const std::string& name, const std::string& password) {
  auto client = server.client();
  auto form = client.Get("/login");
  if (!form || form->status != 200) throw std::runtime_error("GET /login failed");
  std::string login_cookie = set_cookie_pair(form, "cscwatch_login");
  std::string token = hidden_field(form->body, "login_csrf");
  auto res = client.Post("/login", httplib::Headers{{"Cookie", login_cookie}},
                         form_body({{"login_csrf", token}, {"name", name}, {"password", password}, {"next", "/"}}),
                         "application/x-www-form-urlencoded");
  if (!res || res->status != 303) throw std::runtime_error("sign-in as " + name + " refused: " + (res ? std::to_string(res->status) : "no answer"));
  SignedIn s;
  s.session_cookie = set_cookie_pair(res, "cscwatch_session");
  auto session = client.Get("/api/session", httplib::Headers{{"Cookie", s.session_cookie}});
  if (!session || session->status != 200) throw std::runtime_error("GET /api/session failed");
  auto j = nlohmann::json::parse(session->body);
  if (!j.value("signed_in", false)) throw std::runtime_error("the session cookie did not sign in");
  s.csrf = j.at("csrf").get<std::string>();
  return s;
}

}  // namespace cscwatch::testing
