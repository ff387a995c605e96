// The incremental counters' checker; see counts_sampler.h.
#include "models/wattpad/counts_sampler.h"

#include <algorithm>
#include <iterator>

namespace choreo::wattpad {

void CountsSampler::compare(std::uint32_t key, sim::DivergenceBuilder& d) {
  const std::int64_t owner = owner_.live(key), replica = counts_.count(key);
  if (owner != replica) next_.push_back(key);
  d.key(owner, replica, [&] { return owner_.keys().name(key); });
}

sim::Divergence CountsSampler::sample(std::size_t examples, bool full) {
  ++samples_;
  const bool every = full || replica_changes_.all() || samples_ % full_every_ == 0;
  sim::DivergenceBuilder d(examples);
  next_.clear();
  if (every) {
    ++full_samples_;
    const auto n = static_cast<std::uint32_t>(owner_.keys().size());
    for (std::uint32_t key = 0; key < n; ++key) compare(key, d);
  } else {
    // divergent_ is ascending already: sort only this period's marks (few,
    // while a diverged replica may keep thousands of differing keys) and
    // merge, instead of sorting the union again each sample.
    const auto& mine = replica_changes_.list();
    const auto& owners = owner_.changes().list();
    changed_.assign(mine.begin(), mine.end());
    changed_.insert(changed_.end(), owners.begin(), owners.end());
    std::sort(changed_.begin(), changed_.end());
    keys_.clear();
    std::set_union(divergent_.begin(), divergent_.end(), changed_.begin(), changed_.end(),
                   std::back_inserter(keys_));
    keys_.erase(std::unique(keys_.begin(), keys_.end()), keys_.end());
    for (const std::uint32_t key : keys_) compare(key, d);
  }
  divergent_.swap(next_);
  replica_changes_.clear();
  return d.take();
}

}  // namespace choreo::wattpad
