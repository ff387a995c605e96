// sim/pack.h: fields packed into one word come back unchanged, and the bits
// are the documented ones (a trace hash folds event arguments, so the layout
// is part of determinism).
#include "sim/pack.h"

#include <gtest/gtest.h>

namespace choreo::sim {
namespace {

TEST(Pack, HalvesPutTheFirstFieldHigh) {
  EXPECT_EQ(pack_halves(1, 2), 0x0000'0001'0000'0002u);
  EXPECT_EQ(pack_halves(0xffff'ffffu, 0), 0xffff'ffff'0000'0000u);
  const Halves h = unpack_halves(0x1234'5678'9abc'def0u);
  EXPECT_EQ(h.hi, 0x1234'5678u);
  EXPECT_EQ(h.lo, 0x9abc'def0u);
}

TEST(Pack, HalvesRoundTrip) {
  for (std::uint32_t hi : {0u, 1u, 65'535u, 0xffff'ffffu}) {
    for (std::uint32_t lo : {0u, 7u, 0x8000'0000u, 0xffff'ffffu}) {
      const Halves h = unpack_halves(pack_halves(hi, lo));
      EXPECT_EQ(h.hi, hi);
      EXPECT_EQ(h.lo, lo);
    }
  }
}

TEST(Pack, ShortsNestInAHalf) {
  EXPECT_EQ(pack_shorts(3, 4), 0x0003'0004u);
  const std::uint64_t word = pack_halves(pack_shorts(0xffff, 2), 9);
  EXPECT_EQ(word, 0xffff'0002'0000'0009u);
  const Halves outer = unpack_halves(word);
  const Halves inner = unpack_shorts(outer.hi);
  EXPECT_EQ(inner.hi, 0xffffu);
  EXPECT_EQ(inner.lo, 2u);
  EXPECT_EQ(outer.lo, 9u);
}

}  // namespace
}  // namespace choreo::sim
