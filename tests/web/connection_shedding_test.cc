// A server whose connection budget is full sheds the connection that has
// waited longest for a request head to admit a newcomer, instead of refusing
// it (issue 19 item 3; the choice itself: tests/http/connection_budget_test.cc).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "store/register.h"
#include "web_test_support.h"

namespace cscwatch::testing {
namespace {

using namespace std::chrono_literals;

int connect_from(int port, const char* from) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in local{};
  local.sin_family = AF_INET;
  ::inet_pton(AF_INET, from, &local.sin_addr);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
      ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    if (fd >= 0) ::close(fd);
    return -1;
  }
  return fd;
}

// Whether the server has closed `fd` within `timeout` (end of file, or a
// reset); anything it sent is appended to *got.
bool closed_within(int fd, std::chrono::milliseconds timeout, std::string* got = nullptr) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 20) <= 0) continue;
    char buf[4096];
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return true;
    if (got) got->append(buf, static_cast<size_t>(n));
  }
  return false;
}

// A server on an empty register of the test's own, with the connection
// limits given and deadlines far off, so only shedding can close a slow
// connection within the test.
class ConnectionShedding : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.path + "/register.db";
    ASSERT_TRUE(Register::open(db_));
  }
  TestServer& serve(int max_connections, int max_connections_per_address) {
    server_ = std::make_unique<TestServer>(db_, [=](ServeOptions& o) {
      o.max_connections = max_connections;
      o.max_connections_per_address = max_connections_per_address;
      o.head_timeout = 60s;
      o.idle_timeout = 60s;
    });
    return *server_;
  }
  TempDir dir_;
  std::string db_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(ConnectionShedding, AFullBudgetShedsTheLongestWaitingSlowConnectionToAdmitANormalRequest) {
  // Four places in all.
  TestServer& server = serve(4, 64);
  std::vector<int> slow;
  for (int i = 0; i < 4; ++i) {
    int fd = connect_from(server.port(), ("127.0.5." + std::to_string(i + 1)).c_str());
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::send(fd, "GET / HTTP/1.1\r\nHost: x\r\n", 25, MSG_NOSIGNAL), 25);  // a head never finished
    slow.push_back(fd);
    std::this_thread::sleep_for(50ms);  // accepted in this order: the first has waited longest
  }
  // A normal visitor on a new connection is answered, not refused.
  auto c = server.client();
  auto r = c.Get("/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  // The first slow connection made room for it; the others are still held.
  std::string got;
  EXPECT_TRUE(closed_within(slow[0], 2s, &got));
  EXPECT_EQ(got, "") << "a shed connection is closed without a reply";
  for (size_t i = 1; i < slow.size(); ++i) EXPECT_FALSE(closed_within(slow[i], 100ms)) << i;
  for (int fd : slow) ::close(fd);
}

TEST_F(ConnectionShedding, AnAddressOverItsOwnLimitIsStillRefused) {
  TestServer& server = serve(100, 2);
  std::vector<int> fds;
  for (int i = 0; i < 2; ++i) fds.push_back(connect_from(server.port(), "127.0.6.1"));
  std::this_thread::sleep_for(100ms);
  int extra = connect_from(server.port(), "127.0.6.1");
  ASSERT_GE(extra, 0);
  std::string reply;
  EXPECT_TRUE(closed_within(extra, 2s, &reply));
  EXPECT_EQ(reply.substr(0, 12), "HTTP/1.1 503") << reply;
  EXPECT_FALSE(closed_within(fds[0], 100ms)) << "the address's own connections are kept";
  ::close(extra);
  for (int fd : fds) ::close(fd);
}

}  // namespace
}  // namespace cscwatch::testing
