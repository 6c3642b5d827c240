// One client connection: reads requests one after another (pipelined ones
// too), each with deadlines for the whole step (the head, the body, the
// keep-alive idle time); the answer is computed on a worker thread and
// written from the event loop, so a slow or idle client holds no worker.
#pragma once

#include <utility>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "http/connection_budget.h"
#include "http/dispatcher.h"
#include "http/response_bytes.h"
#include "http/serve_options.h"
#include "http/web_types.h"

namespace cscwatch {

// What a connection uses of its server.
struct ConnectionEnvironment {
  const ServeOptions& options;
  Dispatcher& dispatcher;
  ConnectionBudget& budget;
  boost::asio::thread_pool& workers;
  std::size_t max_body_bytes;
};

class HttpConnection : public std::enable_shared_from_this<HttpConnection> {
 public:
  // `id`: its place in the connection budget, admitted for `address`.
  HttpConnection(ConnectionEnvironment& env, boost::asio::ip::tcp::socket socket, std::string address,
                 ConnectionBudget::Id id);
  ~HttpConnection();  // gives its place in the budget back

  void start();

 private:
  using error_code = boost::beast::error_code;
  void next_request();
  void read_head();
  std::string path_in_buffer() const;
  void on_head(error_code ec);
  void fail_unreadable_head(error_code ec);
  void read_request_fields();
  void read_forwarded_fields();
  void expect_body();
  void read_body();
  void answer();
  void fail(std::string path, int status, const std::string& message);
  void write(std::shared_ptr<const WebResponse> response);
  void linger();
  void discard();
  void close();

  ConnectionEnvironment& env_;
  boost::beast::tcp_stream stream_;
  std::string address_;
  ConnectionBudget::Id id_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  WebRequest request_;
  bool keep_alive_ = true;
  bool linger_ = false;
  std::size_t lingered_ = 0;
  std::chrono::steady_clock::time_point linger_deadline_;
  std::string range_;
  std::shared_ptr<const WebResponse> out_;  // the body the write buffers point into
  ResponseBytes bytes_;
  std::vector<boost::asio::const_buffer> buffers_;
};

}  // namespace cscwatch
