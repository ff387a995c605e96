// Read freshness: a read is stale when any lookup misses its key's latest
// write; its staleness is the age of the newest write it missed; the
// t-visibility curve bins lookups by the age of the write they looked for.
#include "sim/visibility.h"

#include <gtest/gtest.h>

#include <vector>

#include "sim/random.h"
#include "sim/rng.h"

namespace choreo::sim {
namespace {

TEST(Visibility, AReadIsStaleWhenAnyLookupMissesAndCountsTheNewestMiss) {
  VisibilityMeter m;
  m.begin_read();
  m.lookup(3 * kSecond, false);
  m.lookup(40 * kMillisecond, false);  // the newest missed write
  m.lookup(5 * kMillisecond, true);
  m.end_read();
  m.begin_read();
  m.lookup(2 * kSecond, true);
  m.end_read();
  EXPECT_EQ(m.reads(), 2u);
  EXPECT_EQ(m.stale(), 1u);
  nlohmann::json out;
  m.to_json(out);
  EXPECT_EQ(out["stale"], 1);
  EXPECT_DOUBLE_EQ(out["stale_fraction"].get<double>(), 0.5);
  EXPECT_NEAR(out["staleness_ms"]["max"].get<double>(), 40.0, 40.0 * 0.004);
}

// bin_of (bit width, one comparison) puts every age where counting the
// edges below it does: at and around every edge and power of two, at the
// extremes, and at a million random ages of every magnitude.
TEST(Visibility, TheBinOfAnAgeIsTheNumberOfEdgesBelowIt) {
  const auto counted = [](Time age) {
    std::size_t bin = 0;
    for (const Time edge : VisibilityMeter::kAgeEdges) bin += edge < age ? 1 : 0;
    return bin;
  };
  std::vector<Time> ages = {0, -1, -kSecond, INT64_MIN, INT64_MAX, INT64_MAX - 1};
  for (const Time edge : VisibilityMeter::kAgeEdges) {
    for (Time d = -2; d <= 2; ++d) ages.push_back(edge + d);
  }
  for (int w = 0; w < 63; ++w) {
    for (Time d = -1; d <= 1; ++d) ages.push_back((Time{1} << w) + d);
  }
  Rng rng(5);
  for (int i = 0; i < 1'000'000; ++i) {
    ages.push_back(static_cast<Time>(rng.next() >> (1 + rng.next() % 63)));
  }
  for (const Time age : ages) ASSERT_EQ(VisibilityMeter::bin_of(age), counted(age)) << "age " << age;
}

TEST(Visibility, TheCurveBinsLookupsByAgeUpToEachEdge) {
  VisibilityMeter m;
  m.begin_read();
  m.lookup(1 * kMillisecond, false);     // bin <= 1 ms (edges are inclusive)
  m.lookup(1 * kMillisecond + 1, true);  // bin <= 10 ms
  m.lookup(10 * kMillisecond, true);     // bin <= 10 ms
  m.lookup(2 * kMinute, true);           // older than every edge
  m.end_read();
  nlohmann::json out;
  m.to_json(out);
  const auto& curve = out["t_visibility"];
  ASSERT_EQ(curve.size(), 3u);
  EXPECT_DOUBLE_EQ(curve[0]["t_s"].get<double>(), 0.001);
  EXPECT_EQ(curve[0]["lookups"], 1);
  EXPECT_DOUBLE_EQ(curve[0]["p_fresh"].get<double>(), 0.0);
  EXPECT_DOUBLE_EQ(curve[1]["t_s"].get<double>(), 0.01);
  EXPECT_EQ(curve[1]["lookups"], 2);
  EXPECT_DOUBLE_EQ(curve[1]["p_fresh"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(curve[2]["t_s"].get<double>(), 3600.0);
}

// lookup_if(true, ...) is lookup(...); lookup_if(false, ...) changes
// nothing, whatever its age and freshness: random reads through both,
// compared by everything the meter writes.
TEST(Visibility, LookupIfCountsExactlyTheCountedLookups) {
  VisibilityMeter direct, masked;
  Rng rng(7);
  for (int read = 0; read < 2'000; ++read) {
    direct.begin_read();
    masked.begin_read();
    for (int i = 0; i < 10; ++i) {
      const bool counted = uniform_int(rng, 2) == 1;
      const bool fresh = uniform_int(rng, 4) != 0;
      const Time age = static_cast<Time>(uniform_int(rng, 120'000'000));
      if (counted) direct.lookup(age, fresh);
      masked.lookup_if(counted, age, fresh);
    }
    direct.end_read();
    masked.end_read();
  }
  nlohmann::json a, b;
  direct.to_json(a);
  masked.to_json(b);
  EXPECT_GT(a["stale"].get<int>(), 0);
  EXPECT_EQ(a.dump(), b.dump());
}

TEST(Visibility, NoReadsMeansNoStaleFraction) {
  VisibilityMeter m;
  nlohmann::json out;
  m.to_json(out);
  EXPECT_EQ(out["stale"], 0);
  EXPECT_DOUBLE_EQ(out["stale_fraction"].get<double>(), 0.0);
  EXPECT_TRUE(out["t_visibility"].empty());
}

}  // namespace
}  // namespace choreo::sim
