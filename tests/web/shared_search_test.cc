// Identical searches arriving together at the server (which share one
// computation: src/http/single_flight.h) each get the full, correct answer,
// and a search stopped because its client left is never handed to the
// requests that were waiting for it. Raw sockets, so a client can leave
// mid-request.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "web_test_support.h"

namespace cscwatch::testing {
namespace {

using namespace std::chrono_literals;

// A prefix search over very common word beginnings: one of the costliest
// queries the limits allow (over 100 ms on the corpus), so requests that
// arrive within a few milliseconds of each other overlap.
const std::string kCostlyQuery = "con*%20OR%20pro*%20OR%20sta*%20OR%20inc*";

int connect_to(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

void send_search(int fd, const std::string& query) {
  std::string request = "GET /api/search?q=" + query + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  ASSERT_EQ(::send(fd, request.data(), request.size(), MSG_NOSIGNAL), static_cast<ssize_t>(request.size()));
}

struct Answer {
  int status = 0;
  std::string body;
};

// Reads the whole response (the server closes: Connection: close).
Answer read_answer(int fd) {
  std::string data;
  auto deadline = std::chrono::steady_clock::now() + 30s;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    char buf[65536];
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    data.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  Answer a;
  if (data.rfind("HTTP/1.1 ", 0) == 0) a.status = std::stoi(data.substr(9, 3));
  if (auto head_end = data.find("\r\n\r\n"); head_end != std::string::npos) a.body = data.substr(head_end + 4);
  return a;
}

// A server of the test's own: the searches must reach it together, uncached.
class SharedSearch : public CorpusTest {
 protected:
  void SetUp() override {
    CorpusTest::SetUp();
    if (!IsSkipped()) server_ = std::make_unique<TestServer>(db_path);
  }
  std::unique_ptr<TestServer> server_;
};

TEST_F(SharedSearch, IdenticalSearchesArrivingTogetherAllGetTheSameFullAnswer) {
  constexpr int kClients = 24;
  std::vector<int> fds;
  for (int i = 0; i < kClients; ++i) {
    fds.push_back(connect_to(server_->port()));
    ASSERT_GE(fds.back(), 0);
  }
  for (int fd : fds) send_search(fd, kCostlyQuery);
  std::vector<Answer> answers;
  for (int fd : fds) answers.push_back(read_answer(fd));
  for (const auto& a : answers) {
    ASSERT_EQ(a.status, 200) << a.body.substr(0, 300);
    EXPECT_EQ(a.body, answers.front().body);
  }
  auto j = nlohmann::json::parse(answers.front().body);
  EXPECT_GT(j["total_hits"].get<int>(), 1000);
  EXPECT_EQ(j["hits"].size(), 20u);
}

TEST_F(SharedSearch, ASearchStoppedBecauseItsClientLeftIsNotHandedToThoseWaitingForIt) {
  int first = connect_to(server_->port());
  ASSERT_GE(first, 0);
  // A query no other test sends, so nothing is cached.
  const std::string query = kCostlyQuery + "%20OR%20neglect";
  send_search(first, query);
  std::this_thread::sleep_for(30ms);  // the first is computing
  std::vector<int> waiting;
  for (int i = 0; i < 6; ++i) {
    waiting.push_back(connect_to(server_->port()));
    ASSERT_GE(waiting.back(), 0);
    send_search(waiting.back(), query);
  }
  std::this_thread::sleep_for(10ms);
  ::close(first);  // its search is stopped within a poll interval
  for (int fd : waiting) {
    Answer a = read_answer(fd);
    ASSERT_EQ(a.status, 200) << a.body.substr(0, 300);
    EXPECT_GT(nlohmann::json::parse(a.body)["total_hits"].get<int>(), 1000);
  }
}

}  // namespace
}  // namespace cscwatch::testing
