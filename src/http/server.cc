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
// keep-alive idle time): http_connection.cc.
//
// Only http/ touches the HTTP library.
#include "http/server.h"

#include <signal.h>
#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <utility>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <cstdio>
#include <fmt/format.h>
#include <optional>
#include <thread>
#include <vector>

#include "http/connection_budget.h"
#include "http/dispatcher.h"
#include "http/file_limit.h"
#include "http/http_connection.h"
#include "http/request_limits.h"
#include "store/register.h"

namespace cscwatch {

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

// Refuses a connection over the limits with a short 503 and closes it (the
// reply fits in the socket's send buffer, so the write does not block).
void refuse(tcp::socket& socket, ConnectionBudget::Verdict why) {
  static const auto reply = [](const std::string& body) {
    return fmt::format(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nRetry-After: 5\r\nConnection: close\r\n"
        "Content-Length: {}\r\n\r\n{}",
        body.size(), body);
  };
  static const std::string kAddressFull = reply("Too many connections from your address; try again shortly.\n");
  static const std::string kServerFull = reply("The server is at its connection limit; try again shortly.\n");
  const std::string& r = why == ConnectionBudget::Verdict::kAddressFull ? kAddressFull : kServerFull;
  beast::error_code ec;
  socket.non_blocking(true, ec);
  socket.write_some(net::buffer(r), ec);
  socket.shutdown(tcp::socket::shutdown_send, ec);
  socket.close(ec);
}

// The budget in all: as configured, else sized from the open-file limit.
ConnectionBudget::Sizes budget_sizes(const ServeOptions& o) {
  int total = o.max_connections > 0 ? o.max_connections : connection_budget_for(open_file_limit());
  return {o.max_connections_per_address, total};
}

// Tells the log, at most once a minute, that the budget is full and
// connections are being shed: an operator's sign of a slowloris, or of a
// budget too small for the traffic.
class ShedLog {
 public:
  void shed(const ConnectionBudget& budget) {
    auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mutex_);
    if (logged_ && now - last_ < std::chrono::minutes(1)) return;
    logged_ = true;
    last_ = now;
    std::fprintf(stderr, "cscwatch: connection budget full (%d): shedding the connections waiting longest for a request; %llu shed so far\n",
                 budget.sizes().total, static_cast<unsigned long long>(budget.shed_count()));
  }

 private:
  std::mutex mutex_;
  bool logged_ = false;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace

struct WebServer::Impl {
  Impl(const ServeOptions& o, Site site)
      : options(o),
        max_body_bytes(site.max_body_bytes),
        dispatcher(o, std::move(site)),
        budget(budget_sizes(o)),
        workers(static_cast<size_t>(std::max(2, o.threads))),
        environment{options, dispatcher, budget, workers, max_body_bytes} {}
  ~Impl() { shutdown(); }

  ServeOptions options;
  std::size_t max_body_bytes;
  Dispatcher dispatcher;
  ConnectionBudget budget;
  ShedLog shed_log;
  net::thread_pool workers;
  // Before the event loop: the connections its pending handlers hold use it
  // when they are destroyed.
  ConnectionEnvironment environment;
  // Two event-loop threads (each connection's handlers run in order on its
  // own strand); more does not help on the 2-core target machine.
  static constexpr int kIoThreads = 2;
  net::io_context ioc{kIoThreads};
  std::optional<tcp::acceptor> acceptor;
  net::steady_timer accept_pause{ioc};
  std::atomic<bool> running{false};
  std::atomic<bool> stopped{false};

  void shutdown() {
    if (stopped.exchange(true)) return;
    net::post(ioc, [this] {
      beast::error_code ec;
      if (acceptor) acceptor->close(ec);
    });
    ioc.stop();
    workers.join();
  }

  void do_accept() {
    acceptor->async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (ec == net::error::operation_aborted || !acceptor->is_open()) return;
      // Out of descriptors (the budget leaves headroom, but other files
      // count too): accepting again at once would spin; wait a moment.
      if (ec == net::error::no_descriptors || ec == boost::system::errc::too_many_files_open_in_system)
        return accept_later();
      if (!ec) admit(std::move(socket));
      do_accept();
    });
  }

  void accept_later() {
    accept_pause.expires_after(std::chrono::milliseconds(100));
    accept_pause.async_wait([this](beast::error_code ec) {
      if (!ec && acceptor->is_open()) do_accept();
    });
  }

  // A new connection: admitted (shedding the one waiting longest for a
  // request head when the budget is full), or refused with a 503.
  void admit(tcp::socket socket) {
    beast::error_code ec;
    auto ep = socket.remote_endpoint(ec);
    std::string address = ec ? std::string("?") : ep.address().to_string();
    auto admission = budget.admit(address);
    if (admission.verdict != ConnectionBudget::Verdict::kAdmitted) return refuse(socket, admission.verdict);
    if (admission.shed) {
      admission.shed();
      shed_log.shed(budget);
    }
    socket.set_option(tcp::no_delay(true), ec);
    std::make_shared<HttpConnection>(environment, std::move(socket), address, admission.id)->start();
  }
};

WebServer::WebServer() = default;
WebServer::~WebServer() {
  if (impl_) impl_->shutdown();
}

Result<std::unique_ptr<WebServer>> WebServer::create(const ServeOptions& options, Site site) {
  if (options.db_path.empty()) return Error{"no database given (use --db FILE)"};
  struct stat st {};
  if (::stat(options.db_path.c_str(), &st) != 0)
    return Error{"database " + options.db_path + " does not exist; run 'cscwatch ingest --db " + options.db_path + "' first"};
  auto reg = Register::open(options.db_path, /*read_only=*/true);
  if (!reg) return Error{reg.error()};
  std::unique_ptr<WebServer> server(new WebServer());
  server->impl_ = std::make_unique<Impl>(options, std::move(site));
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

int serve(const ServeOptions& given, Site site) {
  // Every connection is a file descriptor: take all the process may have,
  // and size the connection budget from it (file_limit.h).
  FileLimit files = raise_file_limit();
  ServeOptions options = given;
  if (options.max_connections <= 0) options.max_connections = connection_budget_for(files.soft);
  std::fprintf(stderr, "cscwatch: %s, %d per address\n", describe(files, options.max_connections).c_str(),
               options.max_connections_per_address);
  auto server = WebServer::create(options, std::move(site));
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
