// The lattice laws of every state-based CRDT, as RapidCheck properties over
// random executions (tests/replicas/executions.h): merge commutative,
// associative, idempotent and an upper bound; updates inflationary; replicas
// receiving the same states in any order with duplicates converge. On a
// failure RapidCheck prints the shrunk, minimal sequence of steps.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "models/replicas/g_counter.h"
#include "models/replicas/g_set.h"
#include "models/replicas/lww_element_set.h"
#include "models/replicas/lww_register.h"
#include "models/replicas/mv_register.h"
#include "models/replicas/or_set.h"
#include "models/replicas/pn_counter.h"
#include "models/replicas/two_p_set.h"
#include "tests/replicas/executions.h"

namespace choreo::replicas {
namespace {

using testing::check_all_laws;
using testing::Step;

RC_GTEST_PROP(CrdtLaws, GCounter, (const std::vector<Step>& steps)) {
  check_all_laws<GCounter>(steps,
                           [](GCounter& c, ReplicaId r, std::uint8_t x) { c.increment(r, x % 3 + 1); });
}

RC_GTEST_PROP(CrdtLaws, PNCounter, (const std::vector<Step>& steps)) {
  check_all_laws<PNCounter>(steps, [](PNCounter& c, ReplicaId r, std::uint8_t x) {
    if (x % 2 == 0)
      c.increment(r, x % 3 + 1);
    else
      c.decrement(r, x % 3 + 1);
  });
}

RC_GTEST_PROP(CrdtLaws, LwwRegister, (const std::vector<Step>& steps)) {
  // Each replica stamps with its own counter, as a version would.
  std::uint64_t clock = 0;
  check_all_laws<LwwRegister>(steps, [&](LwwRegister& reg, ReplicaId r, std::uint8_t x) {
    reg.assign(x, Stamp{std::max(reg.stamp().time, clock++ % 4) + 1, r});
  });
}

RC_GTEST_PROP(CrdtLaws, MvRegister, (const std::vector<Step>& steps)) {
  check_all_laws<MvRegister>(steps, [](MvRegister& reg, ReplicaId r, std::uint8_t x) { reg.assign(r, x); });
}

RC_GTEST_PROP(CrdtLaws, GSet, (const std::vector<Step>& steps)) {
  check_all_laws<GSet>(steps, [](GSet& s, ReplicaId, std::uint8_t x) { s.add(x % 8); });
}

RC_GTEST_PROP(CrdtLaws, TwoPSet, (const std::vector<Step>& steps)) {
  check_all_laws<TwoPSet>(steps, [](TwoPSet& s, ReplicaId, std::uint8_t x) {
    if (x % 3 == 0)
      s.remove(x % 8);
    else
      s.add(x % 8);
  });
}

RC_GTEST_PROP(CrdtLaws, LwwElementSet, (const std::vector<Step>& steps)) {
  std::uint64_t clock = 0;
  check_all_laws<LwwElementSet>(steps, [&](LwwElementSet& s, ReplicaId r, std::uint8_t x) {
    const Stamp stamp{++clock / 2, r};  // repeated times: ties between replicas happen
    if (x % 3 == 0)
      s.remove(x % 8, stamp);
    else
      s.add(x % 8, stamp);
  });
}

RC_GTEST_PROP(CrdtLaws, OrSet, (const std::vector<Step>& steps)) {
  check_all_laws<OrSet>(steps, [](OrSet& s, ReplicaId r, std::uint8_t x) {
    if (x % 3 == 0)
      s.remove(x % 8);
    else
      s.add(r, x % 8);
  });
}

}  // namespace
}  // namespace choreo::replicas
