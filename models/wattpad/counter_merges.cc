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
    counters_[id].raise(e.shard, e.totals[level]);  // a merge of the shard's entry alone
  }
}

void GCounterCounts::sync(const CommentLedger& owner) {
  const std::size_t n = owner.keys().size();
  grow(counters_, n);
  for (std::uint32_t id = 0; id < n; ++id) {
    for (std::uint32_t shard = 0; shard < owner.shards(); ++shard) {
      counters_[id].raise(shard, owner.created(id, shard));
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
    // A merge of the shard's entry alone, in the P or the N half.
    if (deletes) {
      counters_[id].raise_decrements(e.shard, e.totals[level]);
    } else {
      counters_[id].raise_increments(e.shard, e.totals[level]);
    }
  }
}

void PNCounterCounts::sync(const CommentLedger& owner) {
  const std::size_t n = owner.keys().size();
  grow(counters_, n);
  for (std::uint32_t id = 0; id < n; ++id) {
    for (std::uint32_t shard = 0; shard < owner.shards(); ++shard) {
      counters_[id].raise_increments(shard, owner.created(id, shard));
      counters_[id].raise_decrements(shard, owner.deleted(id, shard));
    }
  }
}

}  // namespace choreo::wattpad
