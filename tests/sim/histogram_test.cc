// sim/histogram.h: exact count/min/max/mean, percentiles within the stated
// 0.4% of the exact order statistic, and merging.
#include "sim/histogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/random.h"

namespace choreo::sim {
namespace {

TEST(Histogram, EmptyReportsZeros) {
  Histogram h;
  EXPECT_EQ(h.count(), 0u);
  EXPECT_EQ(h.percentile(0.5), 0);
  EXPECT_EQ(h.mean(), 0.0);
}

TEST(Histogram, SmallValuesAreExact) {
  Histogram h;
  for (int v : {0, 1, 2, 3, 200}) h.record(v);
  EXPECT_EQ(h.count(), 5u);
  EXPECT_EQ(h.min(), 0);
  EXPECT_EQ(h.max(), 200);
  EXPECT_DOUBLE_EQ(h.mean(), 41.2);
  EXPECT_EQ(h.percentile(0.0), 0);
  EXPECT_EQ(h.percentile(0.5), 2);
  EXPECT_EQ(h.percentile(1.0), 200);
}

TEST(Histogram, PercentilesWithinStatedErrorOfTheExactOrderStatistic) {
  Histogram h;
  std::vector<std::int64_t> values;
  Rng rng(5);
  for (int i = 0; i < 100'000; ++i) {
    const auto v = static_cast<std::int64_t>(lognormal(rng, 10.0, 2.0));  // spans many octaves
    values.push_back(v);
    h.record(v);
  }
  std::sort(values.begin(), values.end());
  double sum = 0;
  for (auto v : values) sum += static_cast<double>(v);
  EXPECT_DOUBLE_EQ(h.mean(), sum / values.size());
  EXPECT_EQ(h.min(), values.front());
  EXPECT_EQ(h.max(), values.back());
  for (double q : {0.01, 0.1, 0.5, 0.9, 0.99, 0.999}) {
    const auto exact = values[static_cast<std::size_t>(std::ceil(q * values.size())) - 1];
    EXPECT_NEAR(h.percentile(q), exact, std::max(1.0, exact * 0.004)) << "q=" << q;
  }
}

TEST(Histogram, HugeValuesStayInRange) {
  Histogram h;
  h.record(INT64_MAX / 2);
  h.record(1);
  EXPECT_EQ(h.max(), INT64_MAX / 2);
  EXPECT_NEAR(static_cast<double>(h.percentile(1.0)), static_cast<double>(INT64_MAX / 2),
              INT64_MAX / 2 * 0.004);
}

TEST(Histogram, MergeEqualsRecordingEverythingInOne) {
  Histogram a, b, all;
  for (int i = 0; i < 1000; ++i) {
    (i % 3 == 0 ? a : b).record(i * 37);
    all.record(i * 37);
  }
  a.merge(b);
  EXPECT_EQ(a.count(), all.count());
  EXPECT_EQ(a.min(), all.min());
  EXPECT_EQ(a.max(), all.max());
  EXPECT_DOUBLE_EQ(a.mean(), all.mean());
  for (double q : {0.1, 0.5, 0.99}) EXPECT_EQ(a.percentile(q), all.percentile(q));
}

}  // namespace
}  // namespace choreo::sim
