#include "http/session_cookie.h"

#include <string>

#include "store/sessions.h"

namespace cscwatch {

namespace {
std::string attributes(std::string_view path, long max_age, bool secure) {
  std::string a = "; Path=" + std::string(path) + "; Max-Age=" + std::to_string(max_age) + "; HttpOnly; SameSite=Strict";
  if (secure) a += "; Secure";
  return a;
}
}  // namespace

std::string session_cookie(std::string_view session_id, bool secure) {
  return std::string(kSessionCookieName) + "=" + std::string(session_id) +
         attributes("/", static_cast<long>(kSessionLifetime.count()), secure);
}

std::string expired_session_cookie(bool secure) { return std::string(kSessionCookieName) + "=" + attributes("/", 0, secure); }

std::string login_form_cookie(std::string_view token, bool secure) {
  return std::string(kLoginCookieName) + "=" + std::string(token) + attributes("/login", 3600, secure);
}

std::string cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    auto semi = header.find(';');
    std::string_view pair = header.substr(0, semi);
    header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    auto eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    if (pair.substr(0, eq) == name) {
      std::string_view v = pair.substr(eq + 1);
      while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
      return std::string(v.substr(0, 128));
    }
  }
  return {};
}

std::string local_redirect_target(std::string_view next) {
  if (next.empty() || next.size() > 1000 || next.front() != '/') return "/";
  if (next.size() > 1 && (next[1] == '/' || next[1] == '\\')) return "/";  // "//evil.example" is another site
  for (char c : next)
    if (static_cast<unsigned char>(c) < 0x21 || c == '\\' || c == 0x7f) return "/";
  return std::string(next);
}

}  // namespace cscwatch
