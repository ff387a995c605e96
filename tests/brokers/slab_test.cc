// brokers::Slab: acquire_with builds the value in a new slot or in a freed
// one (fields not given take their defaults, not the freed value's), and a
// reused slot's generation tells a stale reference from a live one.
#include "models/brokers/slab.h"

#include <gtest/gtest.h>

namespace choreo::brokers {
namespace {

struct Rec {
  int value = 0;
  int other = 5;
};

TEST(Slab, AcquireWithBuildsTheValueInNewAndReusedSlots) {
  Slab<Rec> slab;
  const std::uint32_t a = slab.acquire_with(1);
  const std::uint32_t b = slab.acquire_with(2, 3);
  EXPECT_NE(a, b);
  EXPECT_EQ(slab[a].value, 1);
  EXPECT_EQ(slab[a].other, 5);
  EXPECT_EQ(slab[b].other, 3);
  const std::uint32_t gen = slab.generation(b);
  slab.release(b);
  const std::uint32_t c = slab.acquire_with(4);
  EXPECT_EQ(c, b);  // the freed slot is reused
  EXPECT_EQ(slab[c].value, 4);
  EXPECT_EQ(slab[c].other, 5);  // the default, not the freed value's 3
  EXPECT_NE(slab.generation(c), gen);
  EXPECT_EQ(slab.live(), 2u);
}

}  // namespace
}  // namespace choreo::brokers
