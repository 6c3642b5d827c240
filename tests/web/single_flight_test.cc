// SingleFlight: N concurrent identical calls run the computation once and all
// get its answer; answers that must not be shared, failures and callers that
// leave are each handled as if the caller were alone.
#include "http/single_flight.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace cscwatch {
namespace {

using namespace std::chrono_literals;

// Waits (bounded) until `n` callers wait for `key`, so the test knows they
// all arrived while the first was still computing.
bool until_waiting(const SingleFlight<int>& flights, const std::string& key, size_t n) {
  for (int i = 0; i < 2000 && flights.waiting(key) < n; ++i) std::this_thread::sleep_for(5ms);
  return flights.waiting(key) == n;
}

const auto kAlwaysShare = [](const int&) { return true; };

TEST(SingleFlight, ConcurrentIdenticalCallersRunTheComputationOnce) {
  constexpr int kCallers = 16;
  SingleFlight<int> flights;
  std::atomic<int> computations{0};
  std::atomic<bool> release{false};
  auto compute = [&] {
    ++computations;
    while (!release) std::this_thread::sleep_for(1ms);
    return 42;
  };
  std::vector<SingleFlight<int>::Shared> answers(kCallers);
  std::vector<std::thread> callers;
  for (int i = 0; i < kCallers; ++i)
    callers.emplace_back([&, i] { answers[i] = flights.run("search?q=neglect", compute, kAlwaysShare); });
  ASSERT_TRUE(until_waiting(flights, "search?q=neglect", kCallers - 1));
  release = true;
  for (auto& t : callers) t.join();
  EXPECT_EQ(computations, 1);
  for (const auto& a : answers) {
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(*a, 42);
    EXPECT_EQ(a.get(), answers[0].get()) << "every caller gets the one computed answer";
  }
  EXPECT_EQ(flights.waiting("search?q=neglect"), 0u);
}

TEST(SingleFlight, DifferentKeysAreComputedSeparatelyAndAtTheSameTime) {
  SingleFlight<int> flights;
  std::atomic<int> running{0}, most{0};
  auto compute_for = [&](int v) {
    return [&, v] {
      int now = ++running;
      for (int seen = most; now > seen && !most.compare_exchange_weak(seen, now);) {}
      for (int i = 0; i < 200 && most < 2; ++i) std::this_thread::sleep_for(1ms);
      --running;
      return v;
    };
  };
  SingleFlight<int>::Shared a, b;
  std::thread ta([&] { a = flights.run("q=adoption", compute_for(1), kAlwaysShare); });
  std::thread tb([&] { b = flights.run("q=fostering", compute_for(2), kAlwaysShare); });
  ta.join();
  tb.join();
  EXPECT_EQ(*a, 1);
  EXPECT_EQ(*b, 2);
  EXPECT_EQ(most, 2) << "one key's computation does not wait for another's";
}

TEST(SingleFlight, AnAnswerThatMustNotBeSharedIsComputedByEachWaiter) {
  constexpr int kCallers = 8;
  SingleFlight<int> flights;
  std::atomic<int> computations{0};
  std::atomic<bool> release{false};
  auto compute = [&] {
    int n = ++computations;
    if (n == 1)
      while (!release) std::this_thread::sleep_for(1ms);
    return n == 1 ? -1 : 7;  // the first: an error, as a stopped search would be
  };
  auto shareable = [](const int& v) { return v >= 0; };
  std::vector<SingleFlight<int>::Shared> answers(kCallers);
  std::vector<std::thread> callers;
  callers.emplace_back([&] { answers[0] = flights.run("k", compute, shareable); });
  for (int i = 0; i < 200 && computations == 0; ++i) std::this_thread::sleep_for(5ms);
  for (int i = 1; i < kCallers; ++i) callers.emplace_back([&, i] { answers[i] = flights.run("k", compute, shareable); });
  ASSERT_TRUE(until_waiting(flights, "k", kCallers - 1));
  release = true;
  for (auto& t : callers) t.join();
  EXPECT_EQ(computations, kCallers);
  EXPECT_EQ(*answers[0], -1) << "the error goes to its own caller only";
  for (int i = 1; i < kCallers; ++i) EXPECT_EQ(*answers[i], 7);
}

TEST(SingleFlight, AFailedComputationThrowsToItsCallerAndWaitersComputeTheirOwn) {
  SingleFlight<int> flights;
  std::atomic<int> computations{0};
  std::atomic<bool> release{false};
  auto compute = [&]() -> int {
    if (++computations == 1) {
      while (!release) std::this_thread::sleep_for(1ms);
      throw std::runtime_error("database is locked");
    }
    return 5;
  };
  bool threw = false;
  SingleFlight<int>::Shared waited;
  std::thread first([&] {
    try {
      flights.run("k", compute, kAlwaysShare);
    } catch (const std::runtime_error&) {
      threw = true;
    }
  });
  for (int i = 0; i < 200 && computations == 0; ++i) std::this_thread::sleep_for(5ms);
  std::thread second([&] { waited = flights.run("k", compute, kAlwaysShare); });
  ASSERT_TRUE(until_waiting(flights, "k", 1));
  release = true;
  first.join();
  second.join();
  EXPECT_TRUE(threw);
  ASSERT_NE(waited, nullptr);
  EXPECT_EQ(*waited, 5);
}

TEST(SingleFlight, AWaiterWhoseClientLeftStopsWaitingAtOnce) {
  SingleFlight<int> flights(5ms);
  std::atomic<bool> release{false}, gone{false}, computing{false};
  std::thread first([&] {
    flights.run("k", [&] {
      computing = true;
      while (!release) std::this_thread::sleep_for(1ms);
      return 1;
    }, kAlwaysShare);
  });
  for (int i = 0; i < 2000 && !computing; ++i) std::this_thread::sleep_for(1ms);
  ASSERT_TRUE(computing);
  SingleFlight<int>::Shared answer = std::make_shared<const int>(0);
  std::atomic<bool> returned{false};
  std::thread waiter([&] {
    answer = flights.run("k", [] { return 2; }, kAlwaysShare, [&] { return gone.load(); });
    returned = true;
  });
  ASSERT_TRUE(until_waiting(flights, "k", 1));
  gone = true;
  for (int i = 0; i < 400 && !returned; ++i) std::this_thread::sleep_for(5ms);
  EXPECT_TRUE(returned) << "the waiter left while the computation was still running";
  EXPECT_EQ(answer, nullptr);
  release = true;
  first.join();
  waiter.join();
}

TEST(SingleFlight, NothingIsKeptOnceTheFlightHasLanded) {
  SingleFlight<int> flights;
  int computations = 0;
  auto compute = [&] { return ++computations; };
  EXPECT_EQ(*flights.run("k", compute, kAlwaysShare), 1);
  EXPECT_EQ(*flights.run("k", compute, kAlwaysShare), 2) << "a later call computes afresh (the response cache keeps answers)";
}

}  // namespace
}  // namespace cscwatch
