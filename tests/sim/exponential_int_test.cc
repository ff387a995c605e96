// exponential_int.h: the integer it decides is the one computing the draw
// with log1p and converting it gives (truncation and llround), at random u,
// at u nudged around every boundary, and at the edges; and it decides the
// great majority of draws (else it would be no faster).
#include "sim/exponential_int.h"

#include <gtest/gtest.h>

#include <cmath>

#include "sim/random.h"
#include "sim/rng.h"

namespace choreo::sim {
namespace {

constexpr double kMeans[] = {0.3, 2.0, 500.0, 2'000.0, 200'000.0, 5e6};

// The u of a draw from 53 random bits, as Rng::uniform01 makes it.
double u_of(std::uint64_t bits) { return static_cast<double>(bits) * 0x1.0p-53; }

void expect_same(double u, double mean, std::uint64_t& known) {
  const double x = -mean * std::log1p(-u);
  const ExponentialInt t = exponential_trunc_of(u, mean);
  const ExponentialInt r = exponential_round_of(u, mean);
  if (t.known) {
    ++known;
    ASSERT_EQ(t.value, static_cast<std::int64_t>(x)) << "trunc u " << u << " mean " << mean;
  } else {
    ASSERT_EQ(t.x, x) << "u " << u << " mean " << mean;
  }
  if (r.known) {
    ASSERT_EQ(r.value, std::llround(x)) << "round u " << u << " mean " << mean;
  } else {
    ASSERT_EQ(r.x, x) << "u " << u << " mean " << mean;
  }
}

TEST(ExponentialInt, RandomDrawsConvertAsTheComputedDraw) {
  Rng rng(20261201);
  for (const double mean : kMeans) {
    std::uint64_t known = 0;
    constexpr int kDraws = 200'000;
    for (int i = 0; i < kDraws; ++i) expect_same(u_of(rng.next() >> 11), mean, known);
    // Undecided: within y 2^-36 of a boundary (or y >= 2^35): rare.
    EXPECT_GT(known, kDraws * 0.999) << "mean " << mean;
  }
}

// The u where the exact draw crosses a boundary b (an integer, or one and a
// half), and 2^53-ulps around it: the draws the squeeze must leave alone or
// decide right.
TEST(ExponentialInt, DrawsAroundEveryBoundaryConvertAsTheComputedDraw) {
  for (const double mean : {2.0, 500.0, 2'000.0}) {
    std::uint64_t known = 0;
    for (int half = 0; half < 2; ++half) {
      for (int j = 1; j < 4'000; ++j) {
        const double b = j + 0.5 * half;
        const double u = -std::expm1(-b / mean);
        if (!(u < 1)) break;
        const auto center = static_cast<std::int64_t>(std::ldexp(u, 53));
        for (std::int64_t d = -40; d <= 40; ++d) {
          const std::int64_t bits = center + d * (1 + std::abs(d) * std::abs(d) * 16);
          if (bits < 0 || bits >= (std::int64_t{1} << 53)) continue;
          expect_same(u_of(static_cast<std::uint64_t>(bits)), mean, known);
        }
      }
    }
    EXPECT_GT(known, 0u) << "mean " << mean;
  }
}

TEST(ExponentialInt, Edges) {
  std::uint64_t known = 0;
  expect_same(0.0, 500.0, known);  // u = 0: the draw is 0
  EXPECT_EQ(known, 1u);
  expect_same(0.0, 0.0, known);  // mean 0: every draw is 0
  expect_same(0.75, 0.0, known);
  EXPECT_EQ(known, 3u);
  expect_same(1.0 - 0x1p-53, 500.0, known);  // the largest u
  // Past 2^35 nothing is decided: the caller clamps the computed draw.
  const ExponentialInt huge = exponential_trunc_of(0.5, 1e21);
  EXPECT_FALSE(huge.known);
  EXPECT_EQ(huge.x, -1e21 * std::log1p(-0.5));
}

// The same uniform as exponential(): the same stream afterwards.
TEST(ExponentialInt, ConsumesOneUniformAsExponentialDoes) {
  Rng a(7), b(7);
  for (int i = 0; i < 1'000; ++i) {
    const double x = exponential(a, 500.0);
    const ExponentialInt d = exponential_round(b, 500.0);
    EXPECT_EQ(d.known ? d.value : std::llround(d.x), std::llround(x));
  }
  EXPECT_EQ(a.next(), b.next());
}

}  // namespace
}  // namespace choreo::sim
