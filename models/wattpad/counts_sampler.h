// The comment counters' checker, incremental: at each sample it compares
// only the keys that may have changed since the previous one, and still
// reports exactly what a full comparison (compare_counts, checker.h) would.
//
// Why that holds: a key's comparison changes only if the owner's count or
// the replica's count on it changed. The owner marks every key it counts on
// (CommentLedger::changes); the counter replica marks the keys of every
// event it hands its strategy, and everything on an anti-entropy pull or a
// lost store (CounterReplica::changes). The keys that differed at the
// previous sample are compared again too, so the differing keys, the
// absolute error and the examples (the first differing keys in id order)
// are those of a full comparison.
//
// What that assumes: a strategy changes only the keys of the event it is
// handed. A strategy bug that changes another key (or a count that drifts
// by itself) is a divergence in an unchanged key: the incremental samples
// miss it, so every `full_every`-th sample compares every key, and so does
// the final one (the run's verdict): such a divergence is found at most
// full_every sample periods late, and always by the verdict.
//
// Not thread-safe; one per counter replica. The owner's marks are shared by
// all replicas: the model forgets them after sampling every replica.
#pragma once

#include <cstdint>
#include <vector>

#include "models/wattpad/changed_keys.h"
#include "models/wattpad/comment_ledger.h"
#include "models/wattpad/views.h"
#include "sim/convergence.h"

namespace choreo::wattpad {

class CountsSampler {
 public:
  static constexpr std::uint64_t kFullEvery = 16;

  // All three outlive the sampler. REQUIRES: full_every >= 1.
  CountsSampler(const CommentLedger& owner, const CountsView& counts, ChangedKeys& replica_changes,
                std::uint64_t full_every = kFullEvery)
      : owner_(owner), counts_(counts), replica_changes_(replica_changes), full_every_(full_every) {}

  // Compares as of now and forgets the replica's marks. `full`: compare
  // every key (the final verdict); otherwise only the changed keys, unless
  // this is a periodic full sample or the replica changed everything.
  sim::Divergence sample(std::size_t examples, bool full);
  // Samples taken that compared every key.
  std::uint64_t full_samples() const { return full_samples_; }

 private:
  void compare(std::uint32_t key, sim::DivergenceBuilder& d);
  [[gnu::noinline]] void differs(std::uint32_t key, std::int64_t owner, std::int64_t replica,
                                 sim::DivergenceBuilder& d);

  const CommentLedger& owner_;
  const CountsView& counts_;
  ChangedKeys& replica_changes_;
  std::uint64_t full_every_;
  std::uint64_t samples_ = 0, full_samples_ = 0;
  std::vector<std::uint32_t> divergent_;  // keys that differed at the last sample, ascending
  std::vector<std::uint32_t> next_;       // this sample's, being built
  std::vector<std::uint64_t> marks_;      // this sample's keys to compare, a bit per key id
};

}  // namespace choreo::wattpad
