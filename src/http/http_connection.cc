#include "http/http_connection.h"

#include <sys/socket.h>

#include <cerrno>
#include <fmt/format.h>
#include <limits>

#include "http/request_limits.h"
#include "http/session_cookie.h"
#include "http/url_codec.h"

namespace cscwatch {

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using namespace std::chrono_literals;

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

std::string too_large(std::size_t max) { return fmt::format("The request body is too large (at most {} bytes).", max); }

}  // namespace

HttpConnection::HttpConnection(ConnectionEnvironment& env, tcp::socket socket, std::string address, ConnectionBudget::Id id)
    : env_(env),
      stream_(std::move(socket)),
      address_(std::move(address)),
      id_(id),
      buffer_(limits::kMaxHeadBytes + 64 * 1024) {}

HttpConnection::~HttpConnection() { env_.budget.release(id_); }

void HttpConnection::start() {
  // Shed to make room for a newcomer (connection_budget.h): closed on this
  // connection's own strand, if it is still there; its pending read ends
  // with operation_aborted and the connection goes.
  std::weak_ptr<HttpConnection> weak = weak_from_this();
  env_.budget.on_shed(id_, [weak, executor = stream_.get_executor()] {
    net::post(executor, [weak] {
      if (auto self = weak.lock()) self->close();
    });
  });
  next_request();
}

void HttpConnection::next_request() {
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(limits::kMaxHeadBytes));
  // The body limit is checked once the head is read (for a 413 that knows
  // the path), then set for a chunked body.
  parser_->body_limit(std::numeric_limits<std::uint64_t>::max());  // (not boost::none: Beast 1.74 compares it as less than any length)
  // Waiting for a request head from now: the budget may shed it, oldest first.
  env_.budget.waiting(id_, std::chrono::steady_clock::now());
  if (buffer_.size() > 0) return read_head();  // pipelined: already here
  // Idle (keep-alive): wait for the first byte on the event loop, with the
  // idle timeout; no worker is held.
  stream_.expires_after(env_.options.idle_timeout);
  stream_.async_read_some(buffer_.prepare(4096), [self = shared_from_this()](beast::error_code ec, size_t n) {
    if (ec) return self->close();
    self->buffer_.commit(n);
    self->read_head();
  });
}

void HttpConnection::read_head() {
  // The whole head must arrive within the deadline, however slowly it trickles.
  stream_.expires_after(env_.options.head_timeout);
  http::async_read_header(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, size_t) {
    self->on_head(ec);
  });
}

// The path of the request line in the buffer, for an error response when
// the head could not be parsed (a 414 on /api/ answers JSON).
std::string HttpConnection::path_in_buffer() const {
  auto data = static_cast<const char*>(buffer_.data().data());
  std::string_view line(data, std::min<size_t>(buffer_.size(), 4096));
  auto sp = line.find(' ');
  if (sp == std::string_view::npos) return "/";
  line.remove_prefix(sp + 1);
  auto end = line.find_first_of(" ?#\r\n");
  return std::string(line.substr(0, end));
}

void HttpConnection::fail_unreadable_head(beast::error_code ec) {
  if (ec == http::error::header_limit || ec == http::error::buffer_overflow) {
    // Which part was too long: the request line (414) or the headers (431).
    auto data = static_cast<const char*>(buffer_.data().data());
    std::string_view head(data, buffer_.size());
    auto eol = head.find("\r\n");
    bool line_too_long = eol == std::string_view::npos || eol > limits::kMaxTargetBytes;
    return fail(path_in_buffer(), line_too_long ? 414 : 431,
                line_too_long ? "The address is too long." : "The request's headers are too large.");
  }
  fail(path_in_buffer(), 400, "The request could not be read.");
}

void HttpConnection::on_head(beast::error_code ec) {
  if (ec == http::error::end_of_stream || ec == net::error::eof || ec == beast::error::timeout ||
      ec == net::error::operation_aborted || ec == net::error::connection_reset) {
    return close();
  }
  if (ec) return fail_unreadable_head(ec);
  env_.budget.busy(id_);  // its head is here: working on it, not to be shed
  auto& req = parser_->get();
  std::string_view target(req.target().data(), req.target().size());
  if (target.size() > limits::kMaxTargetBytes)
    return fail(std::string(target.substr(0, target.find_first_of("?#"))), 414, "The address is too long.");
  read_request_fields();
  if (parser_->is_done()) return answer();
  expect_body();
}

// The request as the handlers see it, from the head.
void HttpConnection::read_request_fields() {
  auto& req = parser_->get();
  std::string_view target(req.target().data(), req.target().size());
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
  if (env_.options.trust_proxy) read_forwarded_fields();
  range_ = std::string(req[http::field::range]);
  if (!req[http::field::if_range].empty()) range_.clear();  // no validators here: send the whole body
}

// Behind a trusted reverse proxy: the client's address and scheme as it saw them.
void HttpConnection::read_forwarded_fields() {
  auto& req = parser_->get();
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

// A body follows the head. An oversized one is refused before it is read.
void HttpConnection::expect_body() {
  if (auto length = parser_->content_length(); length && *length > env_.max_body_bytes)
    return fail(request_.path, 413, too_large(env_.max_body_bytes));
  parser_->body_limit(env_.max_body_bytes);
  auto expect = parser_->get()[http::field::expect];
  if (expect.empty()) return read_body();
  if (!beast::iequals(expect, "100-continue")) return fail(request_.path, 417, "Only 'Expect: 100-continue' is understood.");
  static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
  stream_.expires_after(limits::kWriteTimeout);
  net::async_write(stream_, net::buffer(kContinue), [self = shared_from_this()](beast::error_code ec, size_t) {
    if (ec) return self->close();
    self->read_body();
  });
}

void HttpConnection::read_body() {
  stream_.expires_after(limits::kBodyTimeout);
  http::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, size_t) {
    if (ec == http::error::body_limit) return self->fail(self->request_.path, 413, too_large(self->env_.max_body_bytes));
    if (ec) return self->close();
    self->answer();
  });
}

void HttpConnection::answer() {
  auto& req = parser_->get();
  request_.body = std::move(req.body());
  auto type = req[http::field::content_type];
  if (request_.method == "POST" && beast::iequals(type.substr(0, std::min<size_t>(type.size(), 33)), "application/x-www-form-urlencoded"))
    parse_params(request_.body, request_.params);
  stream_.expires_never();
  if (auto hit = env_.dispatcher.cache_hit(request_)) return write(std::move(hit));
  int fd = stream_.socket().native_handle();
  request_.client_gone = [fd] { return peer_closed(fd); };
  net::post(env_.workers, [self = shared_from_this()] {
    WebResponse out = self->env_.dispatcher.dispatch(self->request_);
    self->request_.client_gone = nullptr;
    auto shared = std::make_shared<const WebResponse>(std::move(out));
    net::post(self->stream_.get_executor(), [self, shared]() mutable { self->write(std::move(shared)); });
  });
}

void HttpConnection::fail(std::string path, int status, const std::string& message) {  // path by value: request_ is reset
  keep_alive_ = false;
  linger_ = true;
  request_ = WebRequest{};
  request_.method = "GET";
  range_.clear();
  write(std::make_shared<const WebResponse>(env_.dispatcher.errors()(path, status, message)));
}

void HttpConnection::write(std::shared_ptr<const WebResponse> response) {
  out_ = std::move(response);
  ResponseFacts facts;
  facts.path = request_.path;
  facts.head_only = request_.method == "HEAD";
  facts.ranges_allowed = request_.method == "GET";
  facts.range = range_;
  facts.signed_in = request_.account.has_value();
  facts.keep_alive = keep_alive_;
  facts.boundary_seed = reinterpret_cast<std::uintptr_t>(this);
  bytes_ = response_bytes(*out_, facts, env_.dispatcher.errors());
  buffers_.clear();
  buffers_.push_back(net::buffer(bytes_.head));
  for (const auto& s : bytes_.segments)
    buffers_.push_back(s.part >= 0 ? net::const_buffer(net::buffer(std::as_const(bytes_.parts[s.part])))
                                    : net::const_buffer(out_->body.data() + s.offset, s.length));
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
void HttpConnection::linger() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  linger_deadline_ = std::chrono::steady_clock::now() + 2s;
  discard();
}

void HttpConnection::discard() {
  if (lingered_ > (16u << 20) || std::chrono::steady_clock::now() > linger_deadline_) return close();
  stream_.expires_at(linger_deadline_);
  buffer_.clear();
  stream_.async_read_some(buffer_.prepare(64 * 1024), [self = shared_from_this()](beast::error_code ec, size_t n) {
    if (ec) return self->close();
    self->lingered_ += n;
    self->discard();
  });
}

void HttpConnection::close() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream_.close();
}

}  // namespace cscwatch
