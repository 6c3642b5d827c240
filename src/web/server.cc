#include "web/server.h"

#include <httplib.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <fmt/format.h>
#include <thread>

#include "store/register.h"
#include "web/api_json.h"
#include "web/authority_page.h"
#include "web/connection_pool.h"
#include "web/html_escape.h"
#include "web/news_page.h"
#include "web/openapi.h"
#include "web/page_layout.h"
#include "web/register_page.h"
#include "web/report_page.h"
#include "web/response_cache.h"
#include "web/search_page.h"
#include "web/security_headers.h"
#include "web/static_assets.h"

namespace cscwatch {

namespace {

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

void apply(const WebResponse& w, httplib::Response& res) {
  res.status = w.status;
  for (const auto& [k, v] : w.is_pdf ? pdf_security_headers() : security_headers()) res.set_header(std::string(k), std::string(v));
  if (!w.content_disposition.empty()) res.set_header("Content-Disposition", w.content_disposition);
  if (w.content_type.rfind("text/javascript", 0) == 0 || w.content_type.rfind("text/css", 0) == 0)
    res.set_header("Cache-Control", "public, max-age=3600");
  else
    res.set_header("Cache-Control", "no-cache");
  res.set_content(w.body, w.content_type.c_str());
}

// The database's state, for the response cache: any write (an ingest) changes
// the size or modification time of the file or its write-ahead log.
std::string file_stamp(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "-";
  return fmt::format("{}.{}:{}", st.st_mtim.tv_sec, st.st_mtim.tv_nsec, st.st_size);
}

std::string cache_key(const httplib::Request& req) {
  // httplib's params is a multimap: sorted by name, so equivalent query
  // strings in a different order share an entry.
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

}  // namespace

struct WebServer::Impl {
  explicit Impl(const ServeOptions& o)
      : options(o), pool(o.db_path), cache(2048, 128u << 20) {}

  ServeOptions options;
  httplib::Server http;
  ConnectionPool pool;
  ResponseCache cache;
  int listen_fd = -1;

  Date today() const { return options.today ? options.today() : cscwatch::today(); }

  void handle(const httplib::Request& req, httplib::Response& res, Handler handler, bool cacheable_route) {
    auto started = std::chrono::steady_clock::now();
    WebResponse out;
    std::string key, generation;
    bool use_cache = cacheable_route && (req.method == "GET" || req.method == "HEAD");
    if (use_cache) {
      Date d = today();
      generation = file_stamp(options.db_path) + "|" + file_stamp(options.db_path + "-wal") + "|" + to_iso(d);
      key = cache_key(req);
      if (auto hit = cache.get(key, generation)) {
        apply(*hit, res);
        return;
      }
    }
    try {
      WebRequest w;
      w.method = req.method;
      w.path = req.path;
      for (const auto& [k, v] : req.params) w.params.emplace(k, v);
      for (size_t i = 1; i < req.matches.size(); ++i) w.path_args.push_back(req.matches[i]);
      w.body = req.body;
      auto lease = pool.borrow();
      PageContext ctx{*lease, today()};
      out = handler(ctx, w);
    } catch (const BadRequest& e) {
      out = error_response(req.path, 400, e.what());
    } catch (const NotFound& e) {
      out = error_response(req.path, 404, e.what());
    } catch (const std::exception& e) {
      // Details go to the log, not to the client.
      std::fprintf(stderr, "cscwatch serve: %s %s failed: %s\n", req.method.c_str(), req.path.c_str(), e.what());
      out = error_response(req.path, 500, "Something went wrong on the server. The error has been logged.");
    }
    if (use_cache && out.cacheable && out.status == 200) cache.put(key, generation, out);
    apply(out, res);
    if (options.log_requests) {
      auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
      std::fprintf(stderr, "%s %s %d %lld us\n", req.method.c_str(), req.target.c_str(), out.status, static_cast<long long>(us));
    }
  }

  void route_get(const char* pattern, Handler h, bool cacheable = true) {
    http.Get(pattern, [this, h, cacheable](const httplib::Request& req, httplib::Response& res) { handle(req, res, h, cacheable); });
  }
  void route_post(const char* pattern, Handler h) {
    http.Post(pattern, [this, h](const httplib::Request& req, httplib::Response& res) { handle(req, res, h, false); });
  }

  void setup() {
    int threads = std::max(2, options.threads);
    http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
    http.set_keep_alive_max_count(10000);
    http.set_keep_alive_timeout(5);
    http.set_read_timeout(10);
    http.set_write_timeout(10);
    http.set_tcp_nodelay(true);
    http.set_payload_max_length(kMaxArticleBytes + 64 * 1024);  // the largest body we accept is a news article
    // Capture the listening socket: Debian's httplib listens with a backlog of
    // 5, which drops connections when many clients connect at once; it is
    // raised after binding.
    http.set_socket_options([this](socket_t sock) {
      int yes = 1;
      ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
      if (listen_fd < 0) listen_fd = sock;
    });

    // Pages.
    route_get("/", register_page);
    route_get(R"(/authority/([a-z0-9][a-z0-9-]{0,99}))", authority_page);
    route_get(R"(/report/([0-9]{1,12}))", report_page);
    route_get(R"(/report/([0-9]{1,12})/pdf)", report_pdf_response, false);
    route_get("/search", search_page);
    route_get("/review", review_page);
    route_get("/news", news_form_page);
    route_post("/news", news_post_page);
    route_get(R"(/static/([A-Za-z0-9][A-Za-z0-9._-]{0,99}))", [](const PageContext&, const WebRequest& r) { return static_asset(r); });
    // API.
    route_get("/api/register", register_api);
    route_get(R"(/api/authorities/([a-z0-9][a-z0-9-]{0,99}))", authority_api);
    route_get(R"(/api/reports/([0-9]{1,12}))", report_api);
    route_get("/api/search", search_api);
    route_get("/api/review", review_api);
    route_post("/api/news", news_api);
    route_get("/api/openapi.json", [](const PageContext&, const WebRequest&) { return json_response(openapi_document()); });
    // The API's root describes the API.
    route_get("/api/?", [](const PageContext&, const WebRequest&) { return json_response(openapi_document()); });
    http.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
      for (const auto& [k, v] : security_headers()) res.set_header(std::string(k), std::string(v));
      res.set_content("ok\n", "text/plain");
    });
    // Everything else: 404 (GET/POST) or 405 (other methods), with the same headers.
    auto not_found = [](const httplib::Request& req, httplib::Response& res) {
      apply(error_response(req.path, 404, "There is no page at this address."), res);
    };
    auto not_allowed = [](const httplib::Request& req, httplib::Response& res) {
      apply(error_response(req.path, 405, "This server is read-only: only GET (and POST for news) are accepted."), res);
    };
    http.Get(".*", not_found);
    http.Post(".*", not_found);
    http.Put(".*", not_allowed);
    http.Patch(".*", not_allowed);
    http.Delete(".*", not_allowed);
    http.Options(".*", not_allowed);
    // httplib's own refusals (malformed request, URI or body too long).
    http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      std::string message = res.status == 413 ? "The request body is too large."
                            : res.status == 414 ? "The address is too long."
                                                : "The request could not be read.";
      int status = res.status;
      apply(error_response(req.path, status, message), res);
    });
  }
};

WebServer::WebServer() = default;
WebServer::~WebServer() {
  if (impl_) impl_->http.stop();
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
  int port = i.options.port;
  if (port == 0) {
    port = i.http.bind_to_any_port(i.options.host);
    if (port < 0) return Error{"cannot bind to " + i.options.host};
  } else if (!i.http.bind_to_port(i.options.host, port)) {
    return Error{fmt::format("cannot listen on {}:{} (in use, or not an address of this machine)", i.options.host, port)};
  }
  if (i.listen_fd >= 0) ::listen(i.listen_fd, SOMAXCONN);
  return port;
}

bool WebServer::listen() { return impl_->http.listen_after_bind(); }
void WebServer::stop() { impl_->http.stop(); }
bool WebServer::is_running() const { return impl_->http.is_running(); }

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
