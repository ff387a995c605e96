// GCounterRows against one GCounter per row: the same entries and values
// after the same raises in any order (rows and replica ids met in a
// scrambled order, so rows are added and widened mid-way), and clear() back
// to zero. Allocation: counter_merge_test.cc (the strategies built on it).
#include "models/replicas/g_counter_rows.h"

#include <gtest/gtest.h>

#include <vector>

#include "models/replicas/g_counter.h"
#include "sim/random.h"
#include "sim/rng.h"

namespace choreo::replicas {
namespace {

TEST(GCounterRows, MatchesAGCounterPerRowUnderRandomRaises) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    sim::Rng rng(seed);
    GCounterRows rows;
    std::vector<GCounter> counters(40);
    for (int i = 0; i < 2'000; ++i) {
      const auto row = sim::uniform_int(rng, counters.size());
      const ReplicaId replica = sim::uniform_int(rng, 6);
      const std::uint64_t count = sim::uniform_int(rng, 50);  // 0 too: no entry
      rows.raise(row, replica, count);
      counters[row].raise(replica, count);
    }
    for (std::size_t row = 0; row < counters.size() + 3; ++row) {
      const GCounter none;
      const GCounter& c = row < counters.size() ? counters[row] : none;
      EXPECT_EQ(rows.value(row), c.value()) << "seed " << seed << " row " << row;
      for (ReplicaId r = 0; r < 8; ++r) EXPECT_EQ(rows.entry(row, r), c.entry(r)) << "seed " << seed;
    }
  }
}

TEST(GCounterRows, WideningKeepsEntriesAndClearZeroesThem) {
  GCounterRows rows;
  rows.raise(3, 0, 4);
  rows.raise(1, 0, 2);
  rows.raise(3, 5, 7);  // widens from 1 to 6 replica ids
  rows.raise(3, 0, 1);  // lower: no change
  EXPECT_EQ(rows.value(3), 11u);
  EXPECT_EQ(rows.value(1), 2u);
  EXPECT_EQ(rows.entry(3, 5), 7u);
  EXPECT_EQ(rows.value(2), 0u);
  rows.clear();
  EXPECT_EQ(rows.value(3), 0u);
  EXPECT_EQ(rows.rows(), 4u);
}

}  // namespace
}  // namespace choreo::replicas
