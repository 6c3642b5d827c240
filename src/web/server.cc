// The HTTP server: Boost.Beast's HTTP/1.1 parser on Boost.Asio, an event
// loop (two threads) for all sockets and a pool of worker threads for the
// handlers.
//
// Why not cpp-httplib (used until 2026-11): it gives each connection a worker
// thread for its whole life, blocked in read(). 200 clients sending one header
// line a second, or 96 idle keep-alive connections, took every worker and
// GET / waited until they gave up; its timeouts are per read() call, so a
// slow client never trips them. Here a connection waits for bytes on the event
// loop and holds a worker only while its request is being answered, and every
// read has a deadline for the whole step (the request head, the body, the
// keep-alive idle time).
//
// Only this file touches the HTTP library.
#include "web/server.h"

#include <arpa/inet.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <fmt/format.h>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <regex>
#include <thread>

#include "news/article_text.h"
#include "store/accounts.h"
#include "store/audit_log.h"
#include "store/improvement_visibility.h"
#include "store/password_hash.h"
#include "store/register.h"
#include "store/secret_token.h"
#include "store/sessions.h"
#include "web/api_json.h"
#include "web/authority_page.h"
#include "web/byte_ranges.h"
#include "web/changes_page.h"
#include "web/connection_pool.h"
#include "web/audit_page.h"
#include "web/downloads.h"
#include "web/feeds_page.h"
#include "web/inspectors_page.h"
#include "web/national_page.h"
#include "web/improvement_forms.h"
#include "web/improvement_panel.h"
#include "web/html_escape.h"
#include "web/intervention_register_page.h"
#include "web/login_throttle.h"
#include "web/news_page.h"
#include "web/openapi.h"
#include "web/page_image_page.h"
#include "web/page_layout.h"
#include "web/context_figures_api.h"
#include "web/persistence_page.h"
#include "web/phrases_page.h"
#include "web/register_page.h"
#include "web/report_page.h"
#include "web/response_cache.h"
#include "web/search_page.h"
#include "web/security_headers.h"
#include "web/session_cookie.h"
#include "web/sign_in_page.h"
#include "web/single_flight.h"
#include "web/static_assets.h"
#include "web/write_context.h"

namespace cscwatch {

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using namespace std::chrono_literals;

using Handler = WebResponse (*)(const PageContext&, const WebRequest&);

bool is_api(const std::string& path) { return path.rfind("/api/", 0) == 0 || path == "/api"; }

WebResponse error_response(const std::string& path, int status, const std::string& message) {
  WebResponse r;
  r.status = status;
  r.cacheable = false;
  if (is_api(path)) {
    r.content_type = "application/json";
    r.body = json_body({{"error", message}, {"status", status}});
  } else {
    r.body = render_error_page(status, message);
  }
  return r;
}

// The database's state, for the response cache: any write (an ingest) changes
// the size or modification time of the file or its write-ahead log.
std::string file_stamp(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "-";
  return fmt::format("{}.{}:{}", st.st_mtim.tv_sec, st.st_mtim.tv_nsec, st.st_size);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %XX decoding; '+' is a space in query strings and forms only.
std::string url_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() + 0 && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else if (s[i] == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

void parse_params(std::string_view s, std::multimap<std::string, std::string>& out) {
  while (!s.empty()) {
    auto amp = s.find('&');
    std::string_view pair = s.substr(0, amp);
    s = amp == std::string_view::npos ? std::string_view() : s.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    out.emplace(url_decode(pair.substr(0, eq), true),
                eq == std::string_view::npos ? std::string() : url_decode(pair.substr(eq + 1), true));
  }
}

std::string cache_key(const WebRequest& req) {
  // params is a multimap: sorted by name, so equivalent query strings in a
  // different order share an entry.
  std::string key = req.path;
  key += '?';
  for (const auto& [k, v] : req.params) {
    key += url_encode(k);
    key += '=';
    key += url_encode(v);
    key += '&';
  }
  return key;
}

const char* reason_phrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 206: return "Partial Content";
    case 303: return "See Other";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 409: return "Conflict";
    case 429: return "Too Many Requests";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 416: return "Range Not Satisfiable";
    case 417: return "Expectation Failed";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return "Unknown";
  }
}

// A peer that closed its end (or reset it) while its request is being
// answered: recv() sees end-of-file or an error. Pipelined bytes waiting in
// the socket are not a close.
bool peer_closed(int fd) {
  char c;
  ssize_t n = ::recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT);
  if (n == 0) return true;
  if (n > 0) return false;
  return errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR;
}

struct Route {
  std::string method;  // GET routes answer HEAD too
  std::regex pattern;
  std::function<WebResponse(const WebRequest&)> handler;
  bool cacheable = false;
};

}  // namespace

// The limits a client meets (documented in docs/limits.md).
namespace limits {
// (The idle keep-alive and request head deadlines are in ServeOptions.)
constexpr auto kBodyTimeout = 30s;       // the whole request body
constexpr auto kWriteTimeout = 60s;      // writing one response
constexpr std::size_t kMaxTargetBytes = 8 * 1024;  // the request line's URL
constexpr std::size_t kMaxHeadBytes = 32 * 1024;   // request line and headers
// The largest body is a news article sent as a URL-encoded form, in which a
// byte can take three ("%E2"); the article's own limit is checked after
// decoding (news::kMaxArticleBytes).
constexpr std::size_t kMaxBodyBytes = 3 * news::kMaxArticleBytes + 64 * 1024;
constexpr int kMaxConnections = 4000;    // all addresses together
}  // namespace limits

struct WebServer::Impl {
  explicit Impl(const ServeOptions& o)
      : options(o), pool(o.db_path), cache(2048, 128u << 20), workers(static_cast<size_t>(std::max(2, o.threads))) {}
  ~Impl() { shutdown(); }

  ServeOptions options;
  ConnectionPool pool;
  ResponseCache cache;
  SingleFlight<WebResponse> flights;  // identical requests in flight (run_handler)
  std::vector<Route> routes;

  // Connections by remote address (and in all), for the limits.
  std::mutex conn_mutex;
  std::map<std::string, int> per_address;
  int open_connections = 0;

  // Two event-loop threads (each connection's handlers run in order on its
  // own strand); more does not help on the 2-core target machine.
  static constexpr int kIoThreads = 2;
  net::io_context ioc{kIoThreads};
  std::optional<tcp::acceptor> acceptor;
  net::thread_pool workers;
  std::atomic<bool> running{false};
  std::atomic<bool> stopped{false};

  Date today() const { return options.today ? options.today() : cscwatch::today(); }

  void shutdown() {
    if (stopped.exchange(true)) return;
    net::post(ioc, [this] {
      beast::error_code ec;
      if (acceptor) acceptor->close(ec);
    });
    ioc.stop();
    workers.join();
  }

  // Admits a connection from `address`, or says why not.
  bool admit(const std::string& address) {
    std::lock_guard lock(conn_mutex);
    if (open_connections >= limits::kMaxConnections) return false;
    int limit = options.max_connections_per_address;
    int& n = per_address[address];
    if (limit > 0 && n >= limit) {
      if (n == 0) per_address.erase(address);
      return false;
    }
    ++n;
    ++open_connections;
    return true;
  }
  void release(const std::string& address) {
    std::lock_guard lock(conn_mutex);
    --open_connections;
    auto it = per_address.find(address);
    if (it != per_address.end() && --it->second <= 0) per_address.erase(it);
  }

  WebResponse run_handler(const WebRequest& signed_in_request,
                          const std::function<WebResponse(const PageContext&, const WebRequest&)>& handler, bool cacheable_route,
                          bool same_for_everyone = false) {
    // A page that is the same for everyone (no restricted records, no form
    // with the session's token) is rendered as for an anonymous visitor, so a
    // signed-in request shares the anonymous page and its cache entry; the
    // server then swaps in the account bar (dispatch). Other pages of a
    // signed-in request are rendered for it and never cached.
    std::optional<WebRequest> anonymous_view;
    if (same_for_everyone && (signed_in_request.account || !signed_in_request.session_cookie.empty())) {
      anonymous_view.emplace(signed_in_request);
      anonymous_view->account.reset();
      anonymous_view->csrf_token.clear();
      anonymous_view->session_cookie.clear();
    }
    const WebRequest& w = anonymous_view ? *anonymous_view : signed_in_request;
    auto started = std::chrono::steady_clock::now();
    std::string key, generation;
    // A signed-in request's page may hold restricted records or a CSRF token:
    // never served from nor stored in the shared cache.
    bool use_cache = cacheable_route && (w.method == "GET" || w.method == "HEAD") && !w.account && w.session_cookie.empty();
    auto compute = [&]() -> WebResponse {
      if (use_cache)  // an identical request may have finished since this one looked
        if (auto hit = cache.get(key, generation)) return *hit;
      WebResponse out = answer_or_error(w, [&] {
        auto lease = pool.borrow();
        // Every query of one request reads the same snapshot, even while an
        // ingest commits (WAL): a page never mixes two states of the register.
        ReadSnapshot snapshot(*lease);
        PageContext ctx{*lease, today()};
        return handler(ctx, w);
      });
      if (use_cache && out.cacheable && out.status == 200) cache.put(key, generation, out);
      return out;
    };
    WebResponse out;
    if (use_cache) {
      generation = cache_generation();
      key = cache_key(w);
      if (auto hit = cache.get(key, generation)) return *hit;
      // Identical requests arriving together share one computation; only an
      // answer the cache would keep is shared (single_flight.h).
      auto shared = flights.run(generation + '\n' + key, compute,
                                [](const WebResponse& r) { return r.cacheable && r.status == 200; }, w.client_gone);
      // Null: this client left while waiting; the answer goes nowhere.
      out = shared ? *shared : error_response(w.path, 503, "The connection was closed before the answer was ready.");
    } else {
      out = compute();
    }
    if (options.log_requests) {
      auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
      std::fprintf(stderr, "%s %s %d %lld us\n", w.method.c_str(), w.path.c_str(), out.status, static_cast<long long>(us));
    }
    return out;
  }

  std::string cache_generation() const {
    return file_stamp(options.db_path) + "|" + file_stamp(options.db_path + "-wal") + "|" + to_iso(today());
  }

  // A cached answer, looked up on the event loop: a hit is written at once,
  // without a trip to a worker thread.
  std::shared_ptr<const WebResponse> cache_hit(const WebRequest& w) {
    if (w.method != "GET" && w.method != "HEAD") return nullptr;
    if (!w.session_cookie.empty()) return nullptr;  // signed in (or was): resolved on a worker
    for (const auto& r : routes) {
      if (r.method != "GET" || !std::regex_match(w.path, r.pattern)) continue;
      if (!r.cacheable) return nullptr;
      return cache.get(cache_key(w), cache_generation());
    }
    return nullptr;
  }

  // Pages whose content does not depend on who asks (see run_handler).
  static constexpr bool kSameForEveryone = true;
  void route_get(const char* pattern, Handler h, bool cacheable = true, bool same_for_everyone = false) {
    routes.push_back({"GET", std::regex(pattern),
                      [this, h, cacheable, same_for_everyone](const WebRequest& w) { return run_handler(w, h, cacheable, same_for_everyone); },
                      cacheable});
  }
  void route_post(const char* pattern, Handler h) {
    routes.push_back({"POST", std::regex(pattern), [this, h](const WebRequest& w) { return run_handler(w, h, false); }});
  }

  // ---- Accounts and writes ----

  LoginThrottle throttle;
  // SQLite has one writer at a time: writes take turns on one connection
  // (opened on first use; reads never touch it), each in BEGIN IMMEDIATE.
  std::mutex write_mutex;
  std::optional<Connection> writer;

  Connection& writable() {  // write_mutex held
    if (!writer) {
      auto c = Connection::open(options.db_path);
      if (!c) throw SqlError(c.error());
      writer.emplace(std::move(*c));
    }
    return *writer;
  }

  bool secure(const WebRequest& w) const { return options.secure_cookies || w.over_tls; }

  // Fills in the signed-in account from the session cookie.
  void resolve_account(WebRequest& w) {
    if (w.session_cookie.empty()) return;
    auto lease = pool.borrow();
    if (auto s = find_session(*lease, w.session_cookie, unix_now())) {
      w.account = std::move(s->account);
      w.csrf_token = std::move(s->csrf);
    }
  }

  // Signing in is needed: a page goes to the sign-in form (and back after),
  // the API answers 401.
  static WebResponse sign_in_required(const WebRequest& w) {
    if (is_api(w.path)) return error_response(w.path, 401, "Sign in first (POST /login), then send the session cookie.");
    WebResponse r = error_response(w.path, 303, "Sign in first.");
    r.location = "/login?next=" + url_encode(w.method == "GET" ? w.path : std::string("/"));
    return r;
  }

  // The CSRF token of a state-changing request: the form field "csrf" or the
  // X-CSRF-Token header, equal to the session's (compared in constant time).
  static bool csrf_ok(const WebRequest& w) {
    if (w.csrf_token.empty()) return false;
    auto field = w.params.find("csrf");
    const std::string& supplied = field != w.params.end() ? field->second : w.csrf_header;
    return constant_time_equal(supplied, w.csrf_token);
  }

  static WebResponse csrf_refused(const WebRequest& w) {
    return error_response(w.path, 403,
                          "This form has expired or did not come from this site (no valid CSRF token): reload the page and try again.");
  }

  // Runs a handler, turning what it throws into the client's answer:
  // BadRequest 400, NotFound 404, Forbidden 403, Conflict 409, anything else
  // 500 (the details go to the log, never to the client).
  template <typename Body>
  WebResponse answer_or_error(const WebRequest& w, Body&& body) {
    try {
      return body();
    } catch (const BadRequest& e) {
      return error_response(w.path, 400, e.what());
    } catch (const NotFound& e) {
      return error_response(w.path, 404, e.what());
    } catch (const Forbidden& e) {
      return error_response(w.path, 403, e.what());
    } catch (const Conflict& e) {
      return error_response(w.path, 409, e.what());
    } catch (const std::exception& e) {
      std::fprintf(stderr, "cscwatch serve: %s %s failed: %s\n", w.method.c_str(), w.path.c_str(), e.what());
      return error_response(w.path, 500, "Something went wrong on the server. The error has been logged.");
    }
  }

  // A write: signed in, CSRF token checked, the handler run on the writable
  // connection inside one transaction, committed only if it answered < 400
  // and recorded an audit row for whatever it changed.
  WebResponse run_write(const WebRequest& w, const WriteHandler& handler) {
    auto started = std::chrono::steady_clock::now();
    WebResponse out;
    if (!w.account) {
      out = sign_in_required(w);
    } else if (!csrf_ok(w)) {
      out = csrf_refused(w);
    } else {
      out = answer_or_error(w, [&] {
        std::lock_guard lock(write_mutex);
        Connection& db = writable();
        Transaction tx(db);
        auto changes_before = sqlite3_total_changes64(db.handle());
        auto audit_before = latest_audit_id(db);
        WriteContext ctx{db, today(), *w.account};
        WebResponse answer = handler(ctx, w);
        if (answer.status < 400) {
          bool changed = sqlite3_total_changes64(db.handle()) != changes_before;
          if (changed && latest_audit_id(db) == audit_before) {
            // A write path that forgot its audit row: nothing is kept.
            std::fprintf(stderr, "cscwatch serve: %s %s changed rows without an audit row; rolled back\n", w.method.c_str(),
                         w.path.c_str());
            return error_response(w.path, 500, "Something went wrong on the server. The error has been logged.");
          }
          tx.commit();
        }
        return answer;
      });
    }
    out.cacheable = false;
    if (options.log_requests) {
      auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
      std::fprintf(stderr, "%s %s %d %lld us\n", w.method.c_str(), w.path.c_str(), out.status, static_cast<long long>(us));
    }
    return out;
  }

  void route_write(const char* pattern, WriteHandler h) {
    routes.push_back({"POST", std::regex(pattern), [this, h = std::move(h)](const WebRequest& w) { return run_write(w, h); }});
  }

  static std::string param(const WebRequest& w, const char* name, size_t max) {
    auto it = w.params.find(name);
    if (it == w.params.end()) return {};
    return it->second.substr(0, max);
  }

  WebResponse login_form(const WebRequest& w) {
    std::string next = param(w, "next", 1000);
    if (w.account) {
      WebResponse r = error_response(w.path, 303, "Already signed in.");
      r.location = local_redirect_target(next);
      return r;
    }
    return sign_in_page(next, secure(w));
  }

  WebResponse sign_in(const WebRequest& w) {
    std::string next = param(w, "next", 1000);
    std::string token = param(w, "login_csrf", 128);
    if (w.login_cookie.empty() || !constant_time_equal(token, w.login_cookie))
      return sign_in_page(next, secure(w), "The sign-in form had expired: please try again.", 403);
    std::string name = param(w, "name", 200);
    std::string password = param(w, "password", kMaxPasswordBytes + 1);
    auto now = LoginThrottle::Clock::now();
    if (auto wait = throttle.refused(name, w.client_address, now)) {
      WebResponse r = sign_in_page(next, secure(w), "Too many failed attempts: wait " + std::to_string(wait->count()) +
                                                        " seconds before trying again.", 429);
      r.headers.emplace_back("Retry-After", std::to_string(wait->count()));
      return r;
    }
    std::optional<Account> account;
    {
      auto lease = pool.borrow();
      auto found = valid_account_name(name) ? find_account(*lease, name) : std::nullopt;
      // The same argon2 work whether or not the account exists or is
      // enabled, so neither the answer nor its timing tells.
      bool match = verify_password(found ? found->password_hash : decoy_password_hash(), password);
      if (found && match && !found->account.disabled) account = std::move(found->account);
    }
    if (!account) {
      throttle.failed(name, w.client_address, now);
      return sign_in_page(next, secure(w), "The account name or the password is wrong, or the account is disabled.", 401);
    }
    throttle.succeeded(name);
    NewSession session;
    {
      std::lock_guard lock(write_mutex);
      session = create_session(writable(), account->id, unix_now());
    }
    WebResponse r = error_response(w.path, 303, "Signed in.");
    r.location = local_redirect_target(next);
    r.headers.emplace_back("Set-Cookie", session_cookie(session.id, secure(w)));
    r.headers.emplace_back("Set-Cookie", std::string(kLoginCookieName) + "=; Path=/login; Max-Age=0; HttpOnly; SameSite=Strict" +
                                             (secure(w) ? "; Secure" : ""));
    return r;
  }

  WebResponse sign_out(const WebRequest& w) {
    if (w.account && !csrf_ok(w)) return csrf_refused(w);
    if (w.account) {
      std::lock_guard lock(write_mutex);
      end_session(writable(), w.session_cookie);
    }
    WebResponse r = error_response(w.path, 303, "Signed out.");
    r.location = "/";
    r.headers.emplace_back("Set-Cookie", expired_session_cookie(secure(w)));
    return r;
  }

  // Who is signed in, and the CSRF token an API client sends back in
  // X-CSRF-Token.
  static WebResponse session_api(const WebRequest& w) {
    nlohmann::json j = {{"signed_in", w.account.has_value()}};
    if (w.account) {
      j["name"] = w.account->name;
      j["role"] = std::string(role_name(w.account->role));
      j["authorities"] = w.account->authority_urns;
      j["csrf"] = w.csrf_token;
    }
    WebResponse r = json_response(json_body(j));
    r.cacheable = false;
    return r;
  }

  void route_special(const char* method, const char* pattern, std::function<WebResponse(const WebRequest&)> h) {
    routes.push_back({method, std::regex(pattern), std::move(h), false});
  }

  // Finds the route for a request and answers it (on a worker thread).
  WebResponse dispatch(WebRequest& w) {
    std::string method = w.method == "HEAD" ? "GET" : w.method;
    if (method != "GET" && method != "POST")
      return error_response(w.path, 405, "Only GET and POST are accepted.");
    for (const auto& r : routes) {
      if (r.method != method) continue;
      std::smatch m;
      if (!std::regex_match(w.path, m, r.pattern)) continue;
      for (size_t i = 1; i < m.size(); ++i) w.path_args.push_back(m[i]);
      try {
        resolve_account(w);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "cscwatch serve: session lookup failed: %s\n", e.what());
      }
      WebResponse out = r.handler(w);
      if (w.account && out.content_type.rfind("text/html", 0) == 0) {
        if (auto at = out.body.find(kSignInLink); at != std::string::npos)
          out.body.replace(at, kSignInLink.size(), account_bar(w.account->name, w.csrf_token));
      }
      return out;
    }
    return error_response(w.path, 404, "There is no page at this address.");
  }

  void setup() {
    route_get("/", register_page, true, kSameForEveryone);
    route_get(R"(/authority/([a-z0-9][a-z0-9-]{0,99}))", authority_page);
    route_get(R"(/report/([0-9]{1,12}))", report_page, true, kSameForEveryone);
    route_get(R"(/report/([0-9]{1,12})/pdf)", report_pdf_response, false, kSameForEveryone);
    route_get(R"(/report/([0-9]{1,12})/page/([0-9]{1,5}))", page_image_page, true, kSameForEveryone);
    route_get(R"(/report/([0-9]{1,12})/page/([0-9]{1,5})\.png)", page_image_png, false, kSameForEveryone);  // own image cache
    route_get("/search", search_page, true, kSameForEveryone);
    route_get("/review", review_page, true, kSameForEveryone);
    route_get("/news", news_form_page, true, kSameForEveryone);
    route_get("/national", national_page, true, kSameForEveryone);
    route_get("/inspectors", inspectors_page, true, kSameForEveryone);
    route_get(R"(/inspectors/([a-z0-9][a-z0-9-]{0,99}))", inspector_page, true, kSameForEveryone);
    route_get(R"(/export\.(csv|json|xlsx))", register_download, true, kSameForEveryone);
    route_get(R"(/authority/([a-z0-9][a-z0-9-]{0,99})\.(csv|json|xlsx))", authority_download, true, kSameForEveryone);
    route_get("/api/national", national_api, true, kSameForEveryone);
    route_get("/api/inspectors", inspectors_api, true, kSameForEveryone);
    route_get(R"(/api/inspectors/([a-z0-9][a-z0-9-]{0,99}))", inspector_api, true, kSameForEveryone);
    route_get("/national/phrases", phrases_page, true, kSameForEveryone);
    route_get("/national/persistence", persistence_page, true, kSameForEveryone);
    route_get("/changes", changes_page, true, kSameForEveryone);
    route_get(R"(/feeds/national\.atom)", national_feed, true, kSameForEveryone);
    route_get(R"(/feeds/region/([a-z0-9][a-z0-9-]{0,99})\.atom)", region_feed, true, kSameForEveryone);
    route_get(R"(/feeds/authority/([a-z0-9][a-z0-9-]{0,99})\.atom)", authority_feed, true, kSameForEveryone);
    route_post("/news", news_post_page);
    route_get(R"(/static/([A-Za-z0-9][A-Za-z0-9._-]{0,99}))", [](const PageContext&, const WebRequest& r) { return static_asset(r); }, true,
              kSameForEveryone);
    // API.
    route_get("/api/register", register_api, true, kSameForEveryone);
    route_get("/interventions", intervention_register_page, true, kSameForEveryone);
    route_get("/api/interventions", intervention_register_api, true, kSameForEveryone);
    route_get(R"(/interventions\.(csv|json|xlsx))", intervention_register_download, true, kSameForEveryone);
    route_get(R"(/api/authorities/([a-z0-9][a-z0-9-]{0,99}))", authority_api);
    route_get(R"(/api/reports/([0-9]{1,12}))", report_api, true, kSameForEveryone);
    route_get("/api/search", search_api, true, kSameForEveryone);
    route_get("/api/review", review_api, true, kSameForEveryone);
    route_get(R"(/api/authorities/([a-z0-9][a-z0-9-]{0,99})/context)", context_figures_api, true, kSameForEveryone);
    route_get("/api/national/phrases", phrases_api, true, kSameForEveryone);
    route_get("/api/national/persistence", persistence_api, true, kSameForEveryone);
    route_post("/api/news", news_api);
    // Accounts: sign in and out, who is signed in; the audit trail.
    route_special("GET", "/login", [this](const WebRequest& w) { return login_form(w); });
    route_special("POST", "/login", [this](const WebRequest& w) { return sign_in(w); });
    route_special("POST", "/logout", [this](const WebRequest& w) { return sign_out(w); });
    route_special("GET", "/api/session", [](const WebRequest& w) { return session_api(w); });
    route_get(R"(/audit/([a-z0-9][a-z0-9-]{0,99}))", audit_page, false);
    route_get(R"(/api/audit/([a-z0-9][a-z0-9-]{0,99}))", audit_api, false);
    route_write(R"(/authority/([a-z0-9][a-z0-9-]{0,99})/visibility)", set_visibility);
    // Improvement records: the printable board pack, forms (never cached:
    // they carry a CSRF token), writes, and the JSON API.
    route_get(R"(/authority/([a-z0-9][a-z0-9-]{0,99})/board-pack)", board_pack_page);
    route_get(R"(/authority/([a-z0-9][a-z0-9-]{0,99})/improvement/(intervention|board|plan|visit)/new)",
              improvement_new_form, false);
    route_write(R"(/authority/([a-z0-9][a-z0-9-]{0,99})/improvement/(intervention|board|plan|visit)/new)",
                improvement_create);
    route_get(R"(/improvement/(intervention|board|plan|action|visit)/([0-9]{1,12})/edit)", improvement_edit_form, false);
    route_write(R"(/improvement/(intervention|board|plan|action|visit)/([0-9]{1,12})/edit)", improvement_save);
    route_get(R"(/improvement/plan/([0-9]{1,12})/action/new)", action_new_form, false);
    route_write(R"(/improvement/plan/([0-9]{1,12})/action/new)", action_create);
    route_get(R"(/api/authorities/([a-z0-9][a-z0-9-]{0,99})/improvement)", improvement_api);
    route_write(R"(/api/authorities/([a-z0-9][a-z0-9-]{0,99})/improvement/(intervention|board|plan|visit))",
                improvement_create);
    route_write(R"(/api/improvement/plan/([0-9]{1,12})/actions)", action_create);
    route_write(R"(/api/improvement/(intervention|board|plan|action|visit)/([0-9]{1,12}))", improvement_save);
    route_get("/api/openapi.json", [](const PageContext&, const WebRequest&) { return json_response(openapi_document()); });
    // The API's root describes the API.
    route_get("/api/?", [](const PageContext&, const WebRequest&) { return json_response(openapi_document()); });
    routes.push_back({"GET", std::regex("/healthz"), [](const WebRequest&) {
                        WebResponse r;
                        r.content_type = "text/plain";
                        r.body = "ok\n";
                        r.cacheable = false;
                        return r;
                      }});
    // Write routes given by the embedder (tests), after the built-in ones.
    for (const auto& [pattern, handler] : options.extra_write_routes) route_write(pattern.c_str(), handler);
  }

  void do_accept();
  class Session;
};

// One client connection: reads requests one after another (pipelined ones
// too), each with deadlines; the answer is computed on a worker thread and
// written from the event loop.
class WebServer::Impl::Session : public std::enable_shared_from_this<Session> {
 public:
  Session(WebServer::Impl& server, tcp::socket socket, std::string address)
      : server_(server), stream_(std::move(socket)), address_(std::move(address)), buffer_(limits::kMaxHeadBytes + 64 * 1024) {}
  ~Session() { server_.release(address_); }

  void start() { next_request(); }

 private:
  void next_request() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(limits::kMaxHeadBytes));
    // The body limit is checked once the head is read (for a 413 that knows
    // the path), then set for a chunked body.
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());  // (not boost::none: Beast 1.74 compares it as less than any length)
    if (buffer_.size() > 0) return read_head();  // pipelined: already here
    // Idle (keep-alive): wait for the first byte on the event loop, with the
    // idle timeout; no worker is held.
    stream_.expires_after(server_.options.idle_timeout);
    stream_.async_read_some(buffer_.prepare(4096), [self = shared_from_this()](beast::error_code ec, size_t n) {
      if (ec) return self->close();
      self->buffer_.commit(n);
      self->read_head();
    });
  }

  void read_head() {
    // The whole head must arrive within the deadline, however slowly it trickles.
    stream_.expires_after(server_.options.head_timeout);
    http::async_read_header(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, size_t) {
      self->on_head(ec);
    });
  }

  // The path of the request line in the buffer, for an error response when
  // the head could not be parsed (a 414 on /api/ answers JSON).
  std::string path_in_buffer() const {
    auto data = static_cast<const char*>(buffer_.data().data());
    std::string_view line(data, std::min<size_t>(buffer_.size(), 4096));
    auto sp = line.find(' ');
    if (sp == std::string_view::npos) return "/";
    line.remove_prefix(sp + 1);
    auto end = line.find_first_of(" ?#\r\n");
    return std::string(line.substr(0, end));
  }

  void on_head(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == net::error::eof || ec == beast::error::timeout ||
        ec == net::error::operation_aborted || ec == net::error::connection_reset) {
      return close();
    }
    if (ec == http::error::header_limit || ec == http::error::buffer_overflow) {
      // Which part was too long: the request line (414) or the headers (431).
      auto data = static_cast<const char*>(buffer_.data().data());
      std::string_view head(data, buffer_.size());
      auto eol = head.find("\r\n");
      bool line_too_long = eol == std::string_view::npos || eol > limits::kMaxTargetBytes;
      return fail(path_in_buffer(), line_too_long ? 414 : 431,
                  line_too_long ? "The address is too long." : "The request's headers are too large.");
    }
    if (ec) return fail(path_in_buffer(), 400, "The request could not be read.");

    auto& req = parser_->get();
    std::string_view target(req.target().data(), req.target().size());
    if (target.size() > limits::kMaxTargetBytes)
      return fail(std::string(target.substr(0, target.find_first_of("?#"))), 414, "The address is too long.");
    auto q = target.find('?');
    request_ = WebRequest{};
    request_.method = std::string(req.method_string());
    request_.path = url_decode(target.substr(0, q), false);
    if (q != std::string_view::npos) parse_params(target.substr(q + 1), request_.params);
    keep_alive_ = req.keep_alive();
    auto cookies = req[http::field::cookie];
    std::string_view cookie_header(cookies.data(), cookies.size());
    request_.session_cookie = cookie_value(cookie_header, kSessionCookieName);
    request_.login_cookie = cookie_value(cookie_header, kLoginCookieName);
    request_.csrf_header = std::string(req["X-CSRF-Token"].substr(0, 128));
    request_.client_address = address_;
    if (server_.options.trust_proxy) {
      // The proxy appends the address it saw: the last one is the client.
      auto forwarded = req["X-Forwarded-For"];
      std::string_view f(forwarded.data(), forwarded.size());
      auto comma = f.rfind(',');
      if (comma != std::string_view::npos) f.remove_prefix(comma + 1);
      while (!f.empty() && f.front() == ' ') f.remove_prefix(1);
      while (!f.empty() && f.back() == ' ') f.remove_suffix(1);
      if (!f.empty() && f.size() <= 64) request_.client_address = std::string(f);
      request_.over_tls = beast::iequals(req["X-Forwarded-Proto"], "https");
    }
    range_ = std::string(req[http::field::range]);
    if (!req[http::field::if_range].empty()) range_.clear();  // no validators here: send the whole body

    if (parser_->is_done()) return answer();
    // A body follows. Refuse an oversized one before reading it.
    if (auto length = parser_->content_length(); length && *length > limits::kMaxBodyBytes)
      return fail(request_.path, 413,
                  fmt::format("The request body is too large (at most {} bytes).", limits::kMaxBodyBytes));
    parser_->body_limit(limits::kMaxBodyBytes);
    auto expect = req[http::field::expect];
    if (!expect.empty()) {
      if (!beast::iequals(expect, "100-continue")) return fail(request_.path, 417, "Only 'Expect: 100-continue' is understood.");
      static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      stream_.expires_after(limits::kWriteTimeout);
      return net::async_write(stream_, net::buffer(kContinue), [self = shared_from_this()](beast::error_code ec, size_t) {
        if (ec) return self->close();
        self->read_body();
      });
    }
    read_body();
  }

  void read_body() {
    stream_.expires_after(limits::kBodyTimeout);
    http::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, size_t) {
      if (ec == http::error::body_limit)
        return self->fail(self->request_.path, 413,
                          fmt::format("The request body is too large (at most {} bytes).", limits::kMaxBodyBytes));
      if (ec) return self->close();
      self->answer();
    });
  }

  void answer() {
    auto& req = parser_->get();
    request_.body = std::move(req.body());
    auto type = req[http::field::content_type];
    if (request_.method == "POST" && beast::iequals(type.substr(0, std::min<size_t>(type.size(), 33)), "application/x-www-form-urlencoded"))
      parse_params(request_.body, request_.params);
    stream_.expires_never();
    if (auto hit = server_.cache_hit(request_)) return write(std::move(hit));
    int fd = stream_.socket().native_handle();
    request_.client_gone = [fd] { return peer_closed(fd); };
    net::post(server_.workers, [self = shared_from_this()] {
      WebResponse out = self->server_.dispatch(self->request_);
      self->request_.client_gone = nullptr;
      auto shared = std::make_shared<const WebResponse>(std::move(out));
      net::post(self->stream_.get_executor(), [self, shared]() mutable { self->write(std::move(shared)); });
    });
  }

  void fail(std::string path, int status, const std::string& message) {  // path by value: request_ is reset
    keep_alive_ = false;
    linger_ = true;
    request_ = WebRequest{};
    request_.method = "GET";
    range_.clear();
    write(std::make_shared<const WebResponse>(error_response(path, status, message)));
  }

  void write(std::shared_ptr<const WebResponse> response) {
    out_ = std::move(response);
    const WebResponse& out = *out_;
    parts_.clear();
    buffers_.clear();
    bool head_only = request_.method == "HEAD";
    const std::string& body = out.body;

    RangeDecision ranges;
    if (!range_.empty() && request_.method == "GET" && out.status == 200) ranges = decide_ranges(range_, body.size());

    std::string h;
    int status = ranges.kind == RangeDecision::Partial ? 206 : ranges.kind == RangeDecision::Unsatisfiable ? 416 : out.status;
    h += fmt::format("HTTP/1.1 {} {}\r\n", status, reason_phrase(status));
    for (const auto& [k, v] : out.is_pdf ? pdf_security_headers() : security_headers()) h += fmt::format("{}: {}\r\n", k, v);
    if (!out.content_disposition.empty()) h += "Content-Disposition: " + out.content_disposition + "\r\n";
    for (const auto& [k, v] : out.headers) h += k + ": " + v + "\r\n";
    if (!out.location.empty()) h += "Location: " + out.location + "\r\n";
    if (request_.account || !out.headers.empty())
      h += "Cache-Control: no-store\r\n";  // a signed-in page, or one setting a cookie: no shared or browser cache
    else if (out.content_type.rfind("text/javascript", 0) == 0 || out.content_type.rfind("text/css", 0) == 0 ||
             out.content_type == "image/png")  // a page image: drawn from a document whose bytes never change
      h += "Cache-Control: public, max-age=3600\r\n";
    else
      h += "Cache-Control: no-cache\r\n";
    if (out.is_pdf) h += "Accept-Ranges: bytes\r\n";

    // The body is never copied: the buffers point into out.body, with part
    // headers between them for several ranges.
    size_t length = 0;
    if (ranges.kind == RangeDecision::Unsatisfiable) {
      h += fmt::format("Content-Range: bytes */{}\r\n", body.size());
      WebResponse e = error_response(request_.path, 416, "The requested range is outside the document.");
      h += "Content-Type: " + e.content_type + "\r\n";
      parts_.push_back(std::move(e.body));
      length = parts_.back().size();
    } else if (ranges.kind == RangeDecision::Partial && ranges.ranges.size() == 1) {
      const ByteRange& r = ranges.ranges[0];
      h += fmt::format("Content-Range: bytes {}-{}/{}\r\n", r.first, r.last, body.size());
      h += "Content-Type: " + out.content_type + "\r\n";
      length = r.size();
    } else if (ranges.kind == RangeDecision::Partial) {
      std::string boundary = fmt::format("cscwatch-{:016x}", reinterpret_cast<std::uintptr_t>(this) ^
                                                                 static_cast<std::uintptr_t>(body.size() * 2654435761u));
      h += "Content-Type: multipart/byteranges; boundary=" + boundary + "\r\n";
      for (const auto& r : ranges.ranges) {
        parts_.push_back(fmt::format("\r\n--{}\r\nContent-Type: {}\r\nContent-Range: bytes {}-{}/{}\r\n\r\n", boundary,
                                     out.content_type, r.first, r.last, body.size()));
        length += parts_.back().size() + r.size();
      }
      parts_.push_back(fmt::format("\r\n--{}--\r\n", boundary));
      length += parts_.back().size();
    } else {
      h += "Content-Type: " + out.content_type + "\r\n";
      length = body.size();
    }
    h += fmt::format("Content-Length: {}\r\n", length);
    if (!keep_alive_) h += "Connection: close\r\n";
    h += "\r\n";
    head_ = std::move(h);

    buffers_.push_back(net::buffer(head_));
    if (!head_only) {
      if (ranges.kind == RangeDecision::Unsatisfiable) {
        buffers_.push_back(net::buffer(parts_[0]));
      } else if (ranges.kind == RangeDecision::Partial && ranges.ranges.size() == 1) {
        buffers_.push_back(net::buffer(body.data() + ranges.ranges[0].first, ranges.ranges[0].size()));
      } else if (ranges.kind == RangeDecision::Partial) {
        for (size_t i = 0; i < ranges.ranges.size(); ++i) {
          buffers_.push_back(net::buffer(parts_[i]));
          buffers_.push_back(net::buffer(body.data() + ranges.ranges[i].first, ranges.ranges[i].size()));
        }
        buffers_.push_back(net::buffer(parts_.back()));
      } else {
        buffers_.push_back(net::buffer(body));
      }
    }
    stream_.expires_after(limits::kWriteTimeout);
    net::async_write(stream_, buffers_, [self = shared_from_this()](beast::error_code ec, size_t) {
      if (!ec && self->linger_) return self->linger();
      if (ec || !self->keep_alive_) return self->close();
      self->out_.reset();
      self->next_request();
    });
  }

  // After an error reply to a request whose body was not read (a 413): stop
  // sending, then read and discard what the client still sends for a while,
  // so that closing does not reset the connection before the client has read
  // the reply (nginx's "lingering close").
  void linger() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    linger_deadline_ = std::chrono::steady_clock::now() + 2s;
    discard();
  }
  void discard() {
    if (lingered_ > (16u << 20) || std::chrono::steady_clock::now() > linger_deadline_) return close();
    stream_.expires_at(linger_deadline_);
    buffer_.clear();
    stream_.async_read_some(buffer_.prepare(64 * 1024), [self = shared_from_this()](beast::error_code ec, size_t n) {
      if (ec) return self->close();
      self->lingered_ += n;
      self->discard();
    });
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.close();
  }

  WebServer::Impl& server_;
  beast::tcp_stream stream_;
  std::string address_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  WebRequest request_;
  bool keep_alive_ = true;
  bool linger_ = false;
  std::size_t lingered_ = 0;
  std::chrono::steady_clock::time_point linger_deadline_;
  std::string range_;
  std::shared_ptr<const WebResponse> out_;  // the body the write buffers point into
  std::string head_;
  std::vector<std::string> parts_;
  std::vector<net::const_buffer> buffers_;
};

namespace {

// Refuses a connection over the limits with a short 503 and closes it (the
// reply fits in the socket's send buffer, so the write does not block).
void refuse(tcp::socket& socket) {
  static const std::string kBody = "Too many connections from your address; try again shortly.\n";
  static const std::string kReply = fmt::format(
      "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nRetry-After: 5\r\nConnection: close\r\n"
      "Content-Length: {}\r\n\r\n{}",
      kBody.size(), kBody);
  beast::error_code ec;
  socket.non_blocking(true, ec);
  socket.write_some(net::buffer(kReply), ec);
  socket.shutdown(tcp::socket::shutdown_send, ec);
  socket.close(ec);
}

}  // namespace

void WebServer::Impl::do_accept() {
  acceptor->async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor->is_open()) return;
    if (!ec) {
      beast::error_code ep_ec;
      auto ep = socket.remote_endpoint(ep_ec);
      std::string address = ep_ec ? std::string("?") : ep.address().to_string();
      if (!admit(address)) {
        refuse(socket);
      } else {
        socket.set_option(tcp::no_delay(true), ep_ec);
        std::make_shared<Session>(*this, std::move(socket), address)->start();
      }
    }
    do_accept();
  });
}

WebServer::WebServer() = default;
WebServer::~WebServer() {
  if (impl_) impl_->shutdown();
}

Result<std::unique_ptr<WebServer>> WebServer::create(const ServeOptions& options) {
  if (options.db_path.empty()) return Error{"no database given (use --db FILE)"};
  struct stat st {};
  if (::stat(options.db_path.c_str(), &st) != 0)
    return Error{"database " + options.db_path + " does not exist; run 'cscwatch ingest --db " + options.db_path + "' first"};
  auto reg = Register::open(options.db_path, /*read_only=*/true);
  if (!reg) return Error{reg.error()};
  std::unique_ptr<WebServer> server(new WebServer());
  server->impl_ = std::make_unique<Impl>(options);
  server->impl_->setup();
  return server;
}

Result<int> WebServer::bind() {
  auto& i = *impl_;
  beast::error_code ec;
  auto address = net::ip::make_address(i.options.host == "localhost" ? "127.0.0.1" : i.options.host, ec);
  if (ec) return Error{"cannot bind to " + i.options.host + " (not an IP address)"};
  tcp::endpoint endpoint(address, static_cast<unsigned short>(i.options.port));
  i.acceptor.emplace(i.ioc);
  i.acceptor->open(endpoint.protocol(), ec);
  if (!ec) i.acceptor->set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) i.acceptor->bind(endpoint, ec);
  if (!ec) i.acceptor->listen(SOMAXCONN, ec);
  if (ec)
    return Error{fmt::format("cannot listen on {}:{} (in use, or not an address of this machine)", i.options.host, i.options.port)};
  return static_cast<int>(i.acceptor->local_endpoint().port());
}

bool WebServer::listen() {
  auto& i = *impl_;
  if (!i.acceptor || i.stopped) return false;
  i.do_accept();
  i.running = true;
  std::vector<std::thread> extra;
  for (int t = 1; t < Impl::kIoThreads; ++t) extra.emplace_back([&i] { i.ioc.run(); });
  i.ioc.run();
  for (auto& t : extra) t.join();
  i.running = false;
  return true;
}

void WebServer::stop() { impl_->shutdown(); }
bool WebServer::is_running() const { return impl_->running; }

int serve(const ServeOptions& options) {
  auto server = WebServer::create(options);
  if (!server) {
    std::fprintf(stderr, "cscwatch: %s\n", server.error().c_str());
    return 1;
  }
  // Block SIGINT/SIGTERM in every thread (workers inherit the mask) and wait
  // for them on one thread, which stops the server cleanly.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  auto port = (*server)->bind();
  if (!port) {
    std::fprintf(stderr, "cscwatch: %s\n", port.error().c_str());
    return 1;
  }
  std::string host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  std::printf("cscwatch: serving %s at http://%s:%d/\n", options.db_path.c_str(), host.c_str(), *port);
  std::fflush(stdout);
  WebServer* s = server->get();
  std::thread waiter([s, signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    s->stop();
  });
  bool ok = s->listen();
  if (waiter.joinable()) {
    // listen() returned without a signal (e.g. an error): wake the waiter.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
  }
  return ok ? 0 : 1;
}

}  // namespace cscwatch
