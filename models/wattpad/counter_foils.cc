// The naive counter strategies; see counter_foils.h.
#include "models/wattpad/counter_foils.h"

namespace choreo::wattpad {

void ShardDeltaSumCounts::created(const CountedEvent& e) {
  for (std::size_t level = 0; level < e.keys.levels; ++level) {
    const std::uint32_t id = e.keys.id[level];
    if (id >= sums_.size()) sums_.resize(id + 1);
    sums_[id].receive(1);  // the shard's increment on this key since its previous report
  }
}

void ShardDeltaSumCounts::sync(const CommentLedger& owner) {
  const std::size_t n = owner.keys().size();
  if (n > sums_.size()) sums_.resize(n);
  for (std::uint32_t id = 0; id < n; ++id) {
    replicas::ShardDeltaSum reset;
    for (std::uint32_t shard = 0; shard < owner.shards(); ++shard) reset.receive(owner.created(id, shard));
    sums_[id] = reset;
  }
}

std::int64_t ShardDeltaSumCounts::count(std::uint32_t key) const {
  return key < sums_.size() ? static_cast<std::int64_t>(sums_[key].value()) : 0;
}

}  // namespace choreo::wattpad
