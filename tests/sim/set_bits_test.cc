// for_each_set_bit: every set bit once, ascending, offset by `first`,
// across word boundaries and zero words.
#include "sim/set_bits.h"

#include <gtest/gtest.h>

#include <vector>

namespace choreo::sim {
namespace {

TEST(SetBits, VisitsEverySetBitOnceInAscendingOrderFromFirst) {
  const std::vector<std::uint64_t> words = {0b1001, 0, std::uint64_t{1} << 63 | 1, 0};
  std::vector<std::size_t> seen;
  for_each_set_bit(words, 1000, [&seen](std::size_t i) { seen.push_back(i); });
  EXPECT_EQ(seen, (std::vector<std::size_t>{1000, 1003, 1128, 1191}));
  seen.clear();
  for_each_set_bit(std::vector<std::uint64_t>(3, 0), 0, [&seen](std::size_t i) { seen.push_back(i); });
  EXPECT_TRUE(seen.empty());
}

}  // namespace
}  // namespace choreo::sim
