// Wire sizes of states, deltas and ops (8 bytes per integer), exact for
// small known states; the bandwidth figures of a run rest on them.
#include <gtest/gtest.h>

#include "models/replicas/g_counter.h"
#include "models/replicas/lww_register.h"
#include "models/replicas/mv_register.h"
#include "models/replicas/or_set.h"
#include "models/replicas/pn_counter.h"
#include "models/replicas/two_p_set.h"

namespace choreo::replicas {
namespace {

TEST(Sizes, CountersAndTheirDeltas) {
  GCounter g;
  for (ReplicaId r = 1; r <= 30; ++r) g.increment(r, r);
  EXPECT_EQ(g.state_bytes(), 30 * 16u);
  EXPECT_EQ(g.delta(7).state_bytes(), 16u);  // a delta is one entry whatever the size
  EXPECT_EQ(g.delta(7).value(), 7u);
  PNCounter pn;
  pn.increment(1, 3);
  pn.decrement(2, 1);
  EXPECT_EQ(pn.value(), 2);
  EXPECT_EQ(pn.state_bytes(), 32u);
}

TEST(Sizes, RegistersAndSets) {
  EXPECT_EQ(LwwRegister().state_bytes(), 24u);
  MvRegister mv;
  mv.assign(1, 10);
  EXPECT_EQ(mv.state_bytes(), 16u + 8u);
  TwoPSet s;
  s.add(1);
  s.add(2);
  s.remove(2);
  EXPECT_EQ(s.state_bytes(), 24u);
  OrSet o;
  o.add(1, 5);
  const OrRemove r = o.remove(5);
  EXPECT_EQ(r.bytes(), 24u);
  EXPECT_EQ(o.state_bytes(), 8u + 16u + 16u);
}

TEST(MvRegister, ConcurrentWritesAreKeptAndALaterWriteReplacesThem) {
  MvRegister a, b;
  a.assign(1, 10);
  b.assign(2, 20);
  a.merge(b);
  EXPECT_EQ(a.values(), (std::vector<std::uint64_t>{10, 20}));
  a.assign(1, 30);  // has seen both
  b.merge(a);
  EXPECT_EQ(b.values(), std::vector<std::uint64_t>{30});
}

TEST(LwwRegister, LaterStampWinsInAnyOrderAndTiesBreakByReplica) {
  LwwRegister in_order, reordered;
  in_order.assign(2, {2, 1});
  in_order.assign(3, {3, 1});
  reordered.assign(3, {3, 1});
  EXPECT_FALSE(reordered.assign(2, {2, 1}));  // the stale write loses
  EXPECT_EQ(in_order, reordered);
  LwwRegister tie;
  tie.assign(5, {10, 1});
  tie.assign(6, {10, 2});  // same time, higher replica id wins
  EXPECT_EQ(tie.value(), 6u);
}

}  // namespace
}  // namespace choreo::replicas
