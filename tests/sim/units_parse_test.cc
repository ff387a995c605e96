// Values with units (sim/units.h) and parsed distributions
// (sim/distribution.h): every unit, canonical forms, and sample means.
#include <gtest/gtest.h>

#include <cmath>

#include "sim/distribution.h"
#include "sim/units.h"

namespace choreo::sim {
namespace {

TEST(Units, DurationsInEveryUnit) {
  EXPECT_EQ(*parse_duration("7us"), 7);
  EXPECT_EQ(*parse_duration("250ms"), 250'000);
  EXPECT_EQ(*parse_duration("30s"), 30'000'000);
  EXPECT_EQ(*parse_duration("1.5min"), 90'000'000);
  EXPECT_EQ(*parse_duration("2h"), 7'200'000'000);
  EXPECT_EQ(*parse_duration("4d"), 345'600'000'000);
  EXPECT_EQ(*parse_duration("0"), 0);
  EXPECT_FALSE(parse_duration("1.5us").ok());  // finer than the clock
  EXPECT_FALSE(parse_duration("-1s").ok());
  EXPECT_FALSE(parse_duration("5").ok());
}

// Option structs write their defaults as values; the schema's default text
// is formatted from them and must read back as the same value.
TEST(Units, ProbabilityAndRateTextReadBackExactly) {
  EXPECT_EQ(format_probability(0), "0");
  EXPECT_EQ(format_probability(1e-5), "0.00001");
  EXPECT_EQ(format_probability(0.1), "0.1");
  EXPECT_EQ(format_probability(1), "1");
  EXPECT_EQ(format_rate(0), "0/s");
  EXPECT_EQ(format_rate(2.5), "2.5/s");
  for (double p : {0.0, 1e-5, 0.1, 1.0 / 3, 0.999999, 1e-30, 1.0}) {
    auto back = parse_probability(format_probability(p));
    ASSERT_TRUE(back) << format_probability(p);
    EXPECT_EQ(*back, p) << format_probability(p);
  }
  for (double r : {0.0, 0.05, 200.0, 1.0 / 7, 1e6}) {
    auto back = parse_rate(format_rate(r));
    ASSERT_TRUE(back) << format_rate(r);
    EXPECT_EQ(*back, r) << format_rate(r);
  }
}

TEST(Units, CanonicalDurationText) {
  EXPECT_EQ(format_duration(0), "0");
  EXPECT_EQ(format_duration(90 * kSecond), "90s");
  EXPECT_EQ(format_duration(4 * kDay), "4d");
  EXPECT_EQ(format_duration(1500), "1500us");
  EXPECT_EQ(format_duration(2 * kMinute), "2min");
}

TEST(Units, CanonicalByteTextReadsBackExactly) {
  EXPECT_EQ(format_bytes(0), "0B");
  EXPECT_EQ(format_bytes(100), "100B");
  EXPECT_EQ(format_bytes(72'000), "72KB");
  EXPECT_EQ(format_bytes(64 * 1024 * 1024), "64MiB");
  EXPECT_EQ(format_bytes(std::uint64_t{1} << 30), "1GiB");
  EXPECT_EQ(format_bytes(3'000'000'000), "3GB");
  for (std::uint64_t b : {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{1023}, std::uint64_t{1024},
                          std::uint64_t{72'000}, std::uint64_t{1} << 40, std::uint64_t{123'456'789}}) {
    auto back = parse_bytes(format_bytes(b));
    ASSERT_TRUE(back) << format_bytes(b);
    EXPECT_EQ(*back, b) << format_bytes(b);
  }
}

TEST(Units, RatesProbabilitiesIntegersBytesBools) {
  EXPECT_DOUBLE_EQ(*parse_rate("200/s"), 200);
  EXPECT_DOUBLE_EQ(*parse_rate("12/min"), 0.2);
  EXPECT_DOUBLE_EQ(*parse_rate("3600/h"), 1);
  EXPECT_DOUBLE_EQ(*parse_rate("1/ms"), 1000);
  EXPECT_DOUBLE_EQ(*parse_probability("1%"), 0.01);
  EXPECT_DOUBLE_EQ(*parse_probability("0.25"), 0.25);
  EXPECT_EQ(*parse_integer("65_536"), 65536);
  EXPECT_EQ(*parse_integer("1e6"), 1'000'000);
  EXPECT_EQ(*parse_integer("-3"), -3);
  EXPECT_EQ(*parse_bytes("64MiB"), 64u << 20);
  EXPECT_EQ(*parse_bytes("1KB"), 1000u);
  EXPECT_TRUE(*parse_bool("on"));
  EXPECT_FALSE(*parse_bool("0"));
}

TEST(Distributions, ParsesEveryForm) {
  EXPECT_EQ(parse_duration_distribution("20ms")->kind, Distribution::Kind::kConstant);
  EXPECT_EQ(parse_duration_distribution("exp:20ms")->kind, Distribution::Kind::kExponential);
  const auto u = *parse_duration_distribution("uniform: 1ms .. 5ms");
  EXPECT_EQ(u.kind, Distribution::Kind::kUniform);
  EXPECT_EQ(u.text, "uniform:1ms..5ms");
  EXPECT_DOUBLE_EQ(u.a, 1000);
  EXPECT_DOUBLE_EQ(u.b, 5000);
  const auto n = *parse_duration_distribution("normal:20ms,5ms");
  EXPECT_DOUBLE_EQ(n.b, 5000);
  const auto l = *parse_duration_distribution("lognormal:20ms,0.5");
  EXPECT_DOUBLE_EQ(l.a, 20000);
  EXPECT_DOUBLE_EQ(l.b, 0.5);
  const auto p = *parse_duration_distribution("pareto:1ms,1.5");
  EXPECT_DOUBLE_EQ(p.mean(), 3000);
  EXPECT_DOUBLE_EQ(parse_zipf("zipf:1.1")->a, 1.1);
}

// Sample means over 200,000 draws within 5 standard errors of the stated mean.
TEST(Distributions, SampleTimeHasTheStatedMean) {
  struct Case {
    const char* text;
    double mean_us;
    double stddev_us;
  };
  const Case cases[] = {
      {"20ms", 20000, 0},
      {"uniform:1ms..5ms", 3000, 4000 / std::sqrt(12.0)},
      {"exp:20ms", 20000, 20000},
      {"normal:20ms,2ms", 20000, 2000},
      {"lognormal:20ms,0.5", 20000 * std::exp(0.125),
       20000 * std::sqrt((std::exp(0.25) - 1) * std::exp(0.25))},
      {"pareto:1ms,4", 4000.0 / 3, std::sqrt(4.0 / (9 * 2)) * 1000},
  };
  constexpr int kDraws = 200'000;
  for (const auto& c : cases) {
    const auto d = *parse_duration_distribution(c.text);
    Rng rng(99);
    double sum = 0;
    for (int i = 0; i < kDraws; ++i) {
      const Time t = d.sample_time(rng);
      ASSERT_GE(t, 0);
      sum += static_cast<double>(t);
    }
    // +1us: sample_time rounds to whole microseconds.
    EXPECT_NEAR(sum / kDraws, c.mean_us, 5 * c.stddev_us / std::sqrt(kDraws) + 1.0) << c.text;
  }
}

}  // namespace
}  // namespace choreo::sim
