// The state-merging counter strategies; see counter_merges.h.
#include "models/wattpad/counter_merges.h"

namespace choreo::wattpad {

void GCounterCounts::created(const CountedEvent& e) {
  for (std::size_t level = 0; level < e.keys.levels; ++level) {
    // A merge of the shard's entry alone.
    counters_.raise(e.keys.id[level], e.shard, e.totals[level]);
  }
}

void GCounterCounts::sync(const CommentLedger& owner) {
  const std::size_t n = owner.keys().size();
  counters_.reserve(n, owner.shards());
  for (std::uint32_t id = 0; id < n; ++id) {
    for (std::uint32_t shard = 0; shard < owner.shards(); ++shard) {
      counters_.raise(id, shard, owner.created(id, shard));
    }
  }
}

void PNCounterCounts::merge(const CountedEvent& e, bool deletes) {
  replicas::GCounterRows& half = deletes ? n_ : p_;
  for (std::size_t level = 0; level < e.keys.levels; ++level) {
    // A merge of the shard's entry alone, in the P or the N half.
    half.raise(e.keys.id[level], e.shard, e.totals[level]);
  }
}

void PNCounterCounts::sync(const CommentLedger& owner) {
  const std::size_t n = owner.keys().size();
  p_.reserve(n, owner.shards());
  n_.reserve(n, owner.shards());
  for (std::uint32_t id = 0; id < n; ++id) {
    for (std::uint32_t shard = 0; shard < owner.shards(); ++shard) {
      p_.raise(id, shard, owner.created(id, shard));
      n_.raise(id, shard, owner.deleted(id, shard));
    }
  }
}

}  // namespace choreo::wattpad
