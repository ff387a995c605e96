// The counter strategies' shared store; see counter_strategy.h.
#include "models/wattpad/counter_strategy.h"

namespace choreo::wattpad {

void KeyCounts::add(const KeyIds& keys, std::int64_t by) {
  for (std::size_t level = 0; level < keys.levels; ++level) {
    const std::uint32_t id = keys.id[level];
    if (id >= counts_.size()) counts_.resize(id + 1);
    counts_[id] += by;
  }
}

void KeyCounts::assign_live(const CommentLedger& owner) {
  const std::size_t n = owner.keys().size();
  if (n > counts_.size()) counts_.resize(n);
  for (std::uint32_t id = 0; id < n; ++id) counts_[id] = owner.live(id);
}

}  // namespace choreo::wattpad
