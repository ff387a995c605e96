// Virtual time never overflows (sim/time.h): sums saturate, an event past
// the latest schedulable time is never due, draws are clamped, and scenario
// keys bound durations, distributions and rates so draws stay meaningful.
// The swarm that found the overflows drew Pareto shapes of 0.03, lognormal
// medians of centuries and request latencies of centuries; these tests pin
// each path (the ASan+UBSan build runs them too, where an overflow aborts).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "sim/config.h"
#include "sim/distribution.h"
#include "sim/simulation.h"
#include "sim/units.h"

namespace choreo::sim {
namespace {

class Counter : public Node {
 public:
  Counter() : Node("counter") {}
  void on_event(const Event& e) override { times.push_back(e.time); }
  std::vector<Time> times;
};

TEST(TimeArithmetic, AddTimeSaturatesAtForever) {
  EXPECT_EQ(add_time(1, 2), 3);
  EXPECT_EQ(add_time(kForever - 1, 1), kForever);
  EXPECT_EQ(add_time(kForever - 1, 2), kForever);
  EXPECT_EQ(add_time(kForever, kForever), kForever);
  EXPECT_EQ(add_time(0, kForever), kForever);
}

TEST(TimeArithmetic, AnEventPastTheLatestTimeIsNeverDue) {
  Simulation sim(1);
  auto& c = sim.add<Counter>();
  sim.send(c.id(), 5, 0, 0);
  EXPECT_EQ(sim.run_until(10), StopReason::kNoEvents);
  sim.send(c.id(), kForever, 0, 0);                              // now + delay would overflow
  sim.timer(c.id(), kForever - 3, 0, 0);                         // so would this
  sim.send(c.id(), Simulation::kLatestEvent - sim.now(), 0, 0);  // the last time that still comes
  EXPECT_EQ(sim.pending(), 1u);
  EXPECT_EQ(sim.run(), StopReason::kNoEvents);
  EXPECT_EQ(c.times, (std::vector<Time>{5, Simulation::kLatestEvent}));
}

TEST(TimeArithmetic, DrawsAreClampedToTheLongestDraw) {
  Rng rng = Rng::stream(1, "draws");
  const Distribution heavy{Distribution::Kind::kPareto, 1000, 0.03, "pareto:1ms,0.03"};
  const Distribution huge{Distribution::Kind::kLognormal, 3e18, 3, "lognormal:95000y,3"};
  for (int i = 0; i < 10'000; ++i) {
    const Time a = heavy.sample_time(rng);
    const Time b = huge.sample_time(rng);
    ASSERT_GE(a, 1000);
    ASSERT_LE(a, kMaxDraw);
    ASSERT_LE(b, kMaxDraw);
  }
  // Even summed with the end of the longest run, a draw is far from overflow.
  EXPECT_LT(2 * kMaxDuration + 2 * kMaxDraw, kForever / 1000);
}

TEST(Distribution, NinetyNinthPercentileInClosedForm) {
  using K = Distribution::Kind;
  EXPECT_DOUBLE_EQ((Distribution{K::kConstant, 7, 0, ""}.p99()), 7);
  EXPECT_DOUBLE_EQ((Distribution{K::kUniform, 100, 200, ""}.p99()), 199);
  EXPECT_NEAR((Distribution{K::kExponential, 1000, 0, ""}.p99()), 4605.17, 0.01);
  EXPECT_NEAR((Distribution{K::kNormal, 1000, 100, ""}.p99()), 1232.63, 0.01);
  EXPECT_NEAR((Distribution{K::kLognormal, 1000, 0.5, ""}.p99()), 3200.07, 0.01);
  EXPECT_NEAR((Distribution{K::kPareto, 1000, 2, ""}.p99()), 10'000, 1e-6);
}

// The fraction of draws above the 99th percentile is 1% (4 sigma: 0.6%..1.4%).
TEST(Distribution, NinetyNinthPercentileMatchesDraws) {
  for (const std::string text : {"exp:1ms", "normal:10ms,2ms", "lognormal:1ms,1.5", "pareto:1ms,0.7"}) {
    const Distribution d = *parse_duration_distribution(text);
    Rng rng = Rng::stream(7, text);
    int above = 0;
    constexpr int kDraws = 50'000;
    for (int i = 0; i < kDraws; ++i) above += d.sample(rng) > d.p99() ? 1 : 0;
    EXPECT_NEAR(above, kDraws / 100, 4 * std::sqrt(kDraws * 0.01 * 0.99)) << text;
  }
}

// Loads `value` as each kind of key in a schema with the engine's default bounds.
std::string error_of(const std::string& key, const std::string& value) {
  ConfigSchema s;
  s.add({.key = "broker.delay", .type = ValueType::kDistribution, .default_value = "0"});
  s.add({.key = "broker.rtt", .type = ValueType::kDistribution, .default_value = "0", .max = "1s"});
  s.add({.key = "workload.latency", .type = ValueType::kDuration, .default_value = "2ms"});
  s.add({.key = "workload.rate", .type = ValueType::kRate, .default_value = "1/s", .min = "0/s"});
  s.add({.key = "workload.popularity", .type = ValueType::kZipf, .default_value = "zipf:1.1"});
  auto config = resolve_config(RawConfig{}, {key + "=" + value}, s);
  return config ? "no error" : config.error().message;
}

TEST(KeyRanges, EveryDurationKeyHasAMaximum) {
  EXPECT_EQ(error_of("workload.latency", "3650d"), "no error");
  EXPECT_EQ(error_of("workload.latency", "3651d"),
            "--set workload.latency: '3651d': out of range (allowed: 0s..3650d)");
  EXPECT_EQ(error_of("workload.latency", "1000000d"),
            "--set workload.latency: '1000000d': out of range (allowed: 0s..3650d)");
}

TEST(KeyRanges, ADistributionBoundsItsNinetyNinthPercentile) {
  EXPECT_EQ(error_of("broker.delay", "pareto:1ms,1.5"), "no error");
  EXPECT_EQ(
      error_of("broker.delay", "pareto:1ms,0.03"),
      "--set broker.delay: 'pareto:1ms,0.03': out of range: its 99th percentile, SCALE * 100^(1/SHAPE), "
      "is 4.64e+63s (allowed: at most 3650d)");
  EXPECT_EQ(error_of("broker.delay", "lognormal:36500d,1"),
            "--set broker.delay: 'lognormal:36500d,1': out of range: its 99th percentile, "
            "MEDIAN * e^(2.33 * SIGMA), is 3.23e+10s (allowed: at most 3650d)");
  EXPECT_EQ(error_of("broker.delay", "lognormal:1ms,1e300"),
            "--set broker.delay: 'lognormal:1ms,1e300': out of range: its 99th percentile, "
            "MEDIAN * e^(2.33 * SIGMA), is infs (allowed: at most 3650d)");
  EXPECT_EQ(error_of("broker.delay", "exp:1000d"),
            "--set broker.delay: 'exp:1000d': out of range: its 99th percentile, 4.6 * MEAN, is 3.98e+08s "
            "(allowed: at most 3650d)");
  EXPECT_EQ(
      error_of("broker.rtt", "uniform:0..2s"),
      "--set broker.rtt: 'uniform:0..2s': out of range: its 99th percentile, LOW + 0.99 * (HIGH - LOW), "
      "is 1.98s (allowed: at most 1s)");
  EXPECT_EQ(
      error_of("broker.rtt", "normal:1s,1ms"),
      "--set broker.rtt: 'normal:1s,1ms': out of range: its 99th percentile, MEAN + 2.33 * STDDEV, is 1s "
      "(allowed: at most 1s)");
  EXPECT_EQ(
      error_of("broker.rtt", "2s"),
      "--set broker.rtt: '2s': out of range: its 99th percentile, the value, is 2s (allowed: at most 1s)");
}

TEST(KeyRanges, ANonZeroRateFitsOneEventInTheLongestRun) {
  EXPECT_EQ(error_of("workload.rate", "0/s"), "no error");
  EXPECT_EQ(error_of("workload.rate", "1/d"), "no error");
  EXPECT_EQ(error_of("workload.rate", "1e-12/s"),
            "--set workload.rate: '1e-12/s': a rate must be 0 or at least one per 3650d (one event in the "
            "longest run)");
}

TEST(KeyRanges, ZipfExponentIsBounded) {
  EXPECT_EQ(error_of("workload.popularity", "zipf:10"), "no error");
  EXPECT_EQ(error_of("workload.popularity", "zipf:1e300"),
            "--set workload.popularity: 'zipf:1e300': expected zipf:S with exponent 0 < S <= 10, such as "
            "zipf:1.1");
}

TEST(KeyRanges, TheSchemaFillsInDurationBounds) {
  ConfigSchema s;
  s.add({.key = "a.d", .type = ValueType::kDuration, .default_value = "1s"});
  s.add({.key = "a.x", .type = ValueType::kDistribution, .default_value = "1s"});
  EXPECT_EQ(s.find("a.d")->min, "0s");
  EXPECT_EQ(s.find("a.d")->max, "3650d");
  EXPECT_EQ(s.find("a.x")->max, "3650d");
}

}  // namespace
}  // namespace choreo::sim
