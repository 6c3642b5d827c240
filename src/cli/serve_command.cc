#include <fmt/core.h>

#include <cstdio>
#include <exception>
#include <thread>

#include "analysis/analysis_warmup.h"
#include "cli/commands.h"
#include "routing/site.h"
#include "store/sqlite.h"

namespace cscwatch {

void add_serve_command(CLI::App& app, CliContext& ctx, int& status) {
  auto* cmd = app.add_subcommand("serve", "Serve the register as a website and JSON API (public reads; signed-in accounts write)");
  auto listen = std::make_shared<std::string>("127.0.0.1:8080");
  auto threads = std::make_shared<int>(ServeOptions{}.threads);
  auto per_address = std::make_shared<int>(ServeOptions{}.max_connections_per_address);
  auto in_all = std::make_shared<int>(ServeOptions{}.max_connections);
  auto log = std::make_shared<bool>(false);
  auto secure_cookies = std::make_shared<bool>(false);
  auto trust_proxy = std::make_shared<bool>(false);
  cmd->add_option("--listen", *listen, "Address and port to listen on (loopback by default; port 0 picks a free one)")
      ->capture_default_str();
  cmd->add_option("--threads", *threads, "Worker threads: requests answered at once (idle connections hold none)")
      ->capture_default_str()
      ->check(CLI::Range(2, 1024));
  cmd->add_option("--max-connections-per-address", *per_address,
                  "Open connections allowed from one client address; 0 for none (behind a reverse proxy, which limits clients itself)")
      ->capture_default_str()
      ->check(CLI::Range(0, 100000));
  cmd->add_option("--max-connections", *in_all,
                  "Open connections allowed in all; when all are taken, the one waiting longest for a request is "
                  "closed to admit a new one (0: sized from the open-file limit, logged at start)")
      ->capture_default_str()
      ->check(CLI::Range(0, 1000000));
  cmd->add_flag("--log-requests", *log, "Log every request with its time to stderr");
  cmd->add_flag("--secure-cookies", *secure_cookies, "Mark session cookies Secure (the site is served over TLS, e.g. by a reverse proxy)");
  cmd->add_flag("--trust-proxy", *trust_proxy,
                "Behind a reverse proxy: take the client's address from X-Forwarded-For and TLS from X-Forwarded-Proto "
                "(never when clients connect directly)");
  cmd->callback([&ctx, &status, listen, threads, per_address, in_all, log, secure_cookies, trust_proxy] {
    ServeOptions options;
    options.max_connections_per_address = *per_address;
    options.max_connections = *in_all;
    options.db_path = ctx.db_path;
    options.threads = *threads;
    options.log_requests = *log;
    options.secure_cookies = *secure_cookies;
    options.trust_proxy = *trust_proxy;
    // HOST:PORT, [IPv6]:PORT, or just PORT.
    const std::string& l = *listen;
    auto colon = l.rfind(':');
    std::string host = colon == std::string::npos ? options.host : l.substr(0, colon);
    std::string port = colon == std::string::npos ? l : l.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    try {
      size_t used = 0;
      options.port = std::stoi(port, &used);
      if (used != port.size() || options.port < 0 || options.port > 65535) throw std::invalid_argument(port);
    } catch (const std::exception&) {
      status = fail("--listen wants HOST:PORT, e.g. 127.0.0.1:8080 (got '" + l + "')", 2);
      return;
    }
    options.host = host.empty() ? "127.0.0.1" : host;
    // The slow national analyses are computed beside the starting server, on
    // their own connection: a visitor who asks first waits on the analysis's
    // memo for what remains of it, never for a second computation.
    std::jthread warm([path = options.db_path] {
      try {
        auto db = Connection::open(path, true);
        if (!db) return;  // serve() says what is wrong with the register
        const long long ms = warm_national_analyses(*db);
        std::fprintf(stderr, "cscwatch serve: national analyses ready (%lld ms)\n", ms);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "cscwatch serve: national analyses not computed ahead: %s\n", e.what());
      }
    });
    status = serve(options);
  });
}

}  // namespace cscwatch
