// Orchestrated lookups as requests: the user service's instances
// (UserApi) and the page reads' client (UserClient) on scripted timelines
// with fixed service times and network delays, where every outcome is exact:
// latency = network + queueing + service below capacity; requests that
// cannot be answered before their timeout time out; full instances and
// the outage refuse; retries back off as Envoy does.
#include "models/wattpad/user_api.h"

#include <gtest/gtest.h>

#include <vector>

#include "models/wattpad/user_client.h"
#include "sim/simulation.h"
#include "sim/units.h"

namespace choreo::wattpad {
namespace {

using sim::kMillisecond;

UserApiOptions options(sim::Time service, sim::Time network, sim::Time timeout, std::uint32_t concurrency) {
  UserApiOptions o;
  o.concurrency = concurrency;
  o.service_time = sim::duration_distribution(sim::format_duration(service));
  o.network_delay = sim::duration_distribution(sim::format_duration(network));
  o.timeout = timeout;
  return o;
}

struct Settled {
  sim::Time latency;
  bool ok;
};

// One client and `instances` instances; reads are started by read(n) at the
// current time; settle() runs until every event is done.
class Harness {
 public:
  explicit Harness(const UserApiOptions& o, std::uint32_t instances = 1, sim::Time outage_from = 0,
                   sim::Time outage_to = 0)
      : api_(sim_.add_group<UserApi>(instances, o, instances, outage_from, outage_to, calls_,
                                     sim_.rng("wattpad/user-service"))),
        client_(sim_.add<UserClient>(o, api_.id(), instances, calls_, sim_.rng("wattpad/user-client"),
                                     [this](sim::Time latency, bool ok) {
                                       settled_.push_back({latency, ok});
                                     })) {
    api_.set_client(client_.id());
  }
  void read(std::size_t authors) {
    const std::vector<std::uint64_t> ids(authors, 7);
    client_.read(ids);
  }
  void settle() { sim_.run(); }
  const std::vector<Settled>& settled() const { return settled_; }
  std::size_t ok() const {
    std::size_t n = 0;
    for (const auto& s : settled_) n += s.ok;
    return n;
  }
  const UserApi& api() const { return api_; }
  const UserClient& client() const { return client_; }
  sim::Simulation& sim() { return sim_; }

 private:
  sim::Simulation sim_{1};
  CallPool calls_;
  std::vector<Settled> settled_;
  UserApi& api_;
  UserClient& client_;
};

TEST(UserApi, BelowCapacityAReadTakesTheRoundTripPlusTheServiceTime) {
  Harness h(options(10 * kMillisecond, kMillisecond, sim::kSecond, 4));
  h.read(3);
  h.settle();
  ASSERT_EQ(h.settled().size(), 1u);
  EXPECT_TRUE(h.settled()[0].ok);
  EXPECT_EQ(h.settled()[0].latency, 12 * kMillisecond);
  EXPECT_EQ(h.client().requests(), 3u);
  EXPECT_EQ(h.client().timeouts(), 0u);
  EXPECT_EQ(h.client().attempt_latency().max(), 12 * kMillisecond);
  EXPECT_EQ(h.api().served(), 3u);
}

TEST(UserApi, RequestsBeyondTheConcurrencyWaitTheirTurn) {
  // Concurrency 1: the three lookups are served one after another, and the
  // read waits for the last.
  Harness h(options(10 * kMillisecond, kMillisecond, sim::kSecond, 1));
  h.read(3);
  h.settle();
  ASSERT_EQ(h.settled().size(), 1u);
  EXPECT_EQ(h.settled()[0].latency, 32 * kMillisecond);
  EXPECT_EQ(h.client().attempt_latency().min(), 12 * kMillisecond);
  EXPECT_EQ(h.client().attempt_latency().max(), 32 * kMillisecond);
}

TEST(UserApi, InstancesServeInParallelInTurn) {
  // Round robin over two instances of concurrency 1: two reads at once are
  // served side by side.
  Harness h(options(10 * kMillisecond, 0, sim::kSecond, 1), 2);
  h.read(1);
  h.read(1);
  h.settle();
  ASSERT_EQ(h.settled().size(), 2u);
  EXPECT_EQ(h.settled()[0].latency, 10 * kMillisecond);
  EXPECT_EQ(h.settled()[1].latency, 10 * kMillisecond);
}

// k requests at once to 1 instance of concurrency 1, service S, no network
// delay, timeout T: request j (from 0) is answered at (j + 1) * S, so
// exactly those with (j + 1) * S < T are answered: ceil(T / S) - 1 of them.
// The server still serves the rest (nothing tells it they were abandoned):
// their answers come late.
TEST(UserApi, RequestsThatCannotBeAnsweredByTheTimeoutTimeOut) {
  const std::size_t k = 10;
  Harness h(options(10 * kMillisecond, 0, 55 * kMillisecond, 1));
  for (std::size_t i = 0; i < k; ++i) h.read(1);
  h.settle();
  ASSERT_EQ(h.settled().size(), k);
  EXPECT_EQ(h.ok(), 5u);
  EXPECT_EQ(h.client().timeouts(), 5u);
  EXPECT_EQ(h.client().late(), 5u);
  EXPECT_EQ(h.api().served(), k);
  EXPECT_EQ(h.api().peak_held(), k);
  for (std::size_t j = 0; j < 5; ++j)
    EXPECT_EQ(h.settled()[j].latency, static_cast<sim::Time>(j + 1) * 10 * kMillisecond);
  for (std::size_t j = 5; j < k; ++j) {
    EXPECT_FALSE(h.settled()[j].ok);
    EXPECT_EQ(h.settled()[j].latency, 55 * kMillisecond);
  }
  EXPECT_EQ(h.sim().now(), 100 * kMillisecond);  // the last late answer
}

TEST(UserApi, AnAnswerDueAtTheTimeoutLosesTheTie) {
  // T = 5 S: the fifth answer is due exactly at the timeout, which was set
  // first (when the request left), so it times out: ceil(T/S) - 1 = 4.
  Harness h(options(10 * kMillisecond, 0, 50 * kMillisecond, 1));
  for (int i = 0; i < 10; ++i) h.read(1);
  h.settle();
  EXPECT_EQ(h.ok(), 4u);
  EXPECT_EQ(h.client().timeouts(), 6u);
}

TEST(UserApi, AFullInstanceRefusesAtOnce) {
  UserApiOptions o = options(10 * kMillisecond, 0, sim::kSecond, 1);
  o.max_connections = 3;
  Harness h(o);
  for (int i = 0; i < 5; ++i) h.read(1);
  h.settle();
  EXPECT_EQ(h.ok(), 3u);
  EXPECT_EQ(h.client().refusals(), 2u);
  EXPECT_EQ(h.api().refused(), 2u);
  // The refusals settle their reads immediately; the accepted three are
  // answered at 10, 20 and 30 ms.
  EXPECT_EQ(h.settled()[0].latency, 0);
  EXPECT_FALSE(h.settled()[0].ok);
  EXPECT_EQ(h.settled()[4].latency, 30 * kMillisecond);
}

TEST(UserApi, TheOutageRefusesAndRetriesBackOffAsEnvoyDoes) {
  // Down for the whole run, 5 retries with a 10 ms base: every lookup is
  // tried 6 times and fails after the sum of its back-offs. Retry n waits
  // uniform in [0, min((2^n - 1) * 10ms, 100ms)): 5 + 15 + 35 + 50 + 50 =
  // 155 ms on average, at most 10 + 30 + 70 + 100 + 100 ms (exclusive).
  UserApiOptions o = options(kMillisecond, 0, sim::kSecond, 1);
  o.retries = 5;
  o.backoff = 10 * kMillisecond;
  Harness h(o, 1, 0, sim::kDay);
  const int reads = 1000;
  for (int i = 0; i < reads; ++i) h.read(1);
  h.settle();
  ASSERT_EQ(h.settled().size(), static_cast<std::size_t>(reads));
  EXPECT_EQ(h.ok(), 0u);
  EXPECT_EQ(h.client().requests(), 6u * reads);
  EXPECT_EQ(h.client().refusals(), 6u * reads);
  EXPECT_EQ(h.client().retries(), 5u * reads);
  double sum = 0;
  for (const auto& s : h.settled()) {
    EXPECT_LT(s.latency, 310 * kMillisecond);
    sum += static_cast<double>(s.latency);
  }
  // The sum's standard deviation is 46 ms, so the mean of 1,000 is within
  // 1.5 ms of 155 ms one time in three and within 6 ms (4 sd) practically always.
  EXPECT_NEAR(sum / reads / kMillisecond, 155.0, 6.0);
}

TEST(UserApi, ARetryAfterTheOutageSucceeds) {
  // Down over [0, 1 ms); with a 1 s base the first retry (uniform in
  // [0, 1 s)) almost surely lands after it, and the second surely does
  // (at most 3 s later, its window starting at the first retry).
  UserApiOptions o = options(kMillisecond, 0, sim::kSecond, 1);
  o.retries = 2;
  o.backoff = sim::kSecond;
  Harness h(o, 1, 0, kMillisecond);
  h.read(1);
  h.settle();
  ASSERT_EQ(h.settled().size(), 1u);
  EXPECT_TRUE(h.settled()[0].ok);
  EXPECT_GE(h.client().refusals(), 1u);
  EXPECT_EQ(h.client().retries(), h.client().refusals());
}

TEST(UserApi, ATimedOutAttemptIsRetriedAndItsLateAnswerIgnored) {
  // Service 30 ms, timeout 20 ms, one retry with a 1 us base (back-off 0):
  // both attempts time out (each needs 30 ms), both answers come late.
  UserApiOptions o = options(30 * kMillisecond, 0, 20 * kMillisecond, 10);
  o.retries = 1;
  o.backoff = 1;
  Harness h(o);
  h.read(1);
  h.settle();
  ASSERT_EQ(h.settled().size(), 1u);
  EXPECT_FALSE(h.settled()[0].ok);
  EXPECT_EQ(h.settled()[0].latency, 40 * kMillisecond);
  EXPECT_EQ(h.client().timeouts(), 2u);
  EXPECT_EQ(h.client().late(), 2u);
  EXPECT_EQ(h.api().served(), 2u);
}

}  // namespace
}  // namespace choreo::wattpad
