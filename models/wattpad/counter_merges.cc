// The state-merging counter strategies; see counter_merges.h.
#include "models/wattpad/counter_merges.h"

namespace choreo::wattpad {

namespace {

template <class Counter>
void grow(std::vector<Counter>& counters, std::size_t keys) {
  if (keys > counters.size()) counters.resize(keys);
}

}  // namespace

void GCounterCounts::created(const CountedEvent& e) {
  for (std::size_t level = 0; level < e.keys.levels; ++level) {
    const std::uint32_t id = e.keys.id[level];
    grow(counters_, id + 1);
    replicas::GCounter entry;  // the shard's entry alone
    entry.increment(e.shard, e.totals[level]);
    counters_[id].merge(entry);
  }
}

void GCounterCounts::sync(const CommentLedger& owner) {
  const std::size_t n = owner.keys().size();
  grow(counters_, n);
  for (std::uint32_t id = 0; id < n; ++id) {
    for (std::uint32_t shard = 0; shard < owner.shards(); ++shard) {
      replicas::GCounter entry;
      entry.increment(shard, owner.created(id, shard));
      counters_[id].merge(entry);
    }
  }
}

std::int64_t GCounterCounts::count(std::uint32_t key) const {
  return key < counters_.size() ? static_cast<std::int64_t>(counters_[key].value()) : 0;
}

void PNCounterCounts::merge(const CountedEvent& e, bool deletes) {
  for (std::size_t level = 0; level < e.keys.levels; ++level) {
    const std::uint32_t id = e.keys.id[level];
    grow(counters_, id + 1);
    replicas::PNCounter entry;  // the shard's entry alone, in the P or the N half
    if (deletes) {
      entry.decrement(e.shard, e.totals[level]);
    } else {
      entry.increment(e.shard, e.totals[level]);
    }
    counters_[id].merge(entry);
  }
}

void PNCounterCounts::sync(const CommentLedger& owner) {
  const std::size_t n = owner.keys().size();
  grow(counters_, n);
  for (std::uint32_t id = 0; id < n; ++id) {
    for (std::uint32_t shard = 0; shard < owner.shards(); ++shard) {
      replicas::PNCounter state;
      state.increment(shard, owner.created(id, shard));
      state.decrement(shard, owner.deleted(id, shard));
      counters_[id].merge(state);
    }
  }
}

}  // namespace choreo::wattpad
