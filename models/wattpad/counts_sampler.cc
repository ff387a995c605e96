// The incremental counters' checker; see counts_sampler.h.
#include "models/wattpad/counts_sampler.h"

#include <algorithm>
#include <cassert>

#include "sim/set_bits.h"

namespace choreo::wattpad {

// Most keys compare equal: that check is inlined into sample()'s loops,
// the bookkeeping of a differing key is not.
inline void CountsSampler::compare(std::uint32_t key, sim::DivergenceBuilder& d) {
  const std::int64_t owner = owner_.live(key), replica = counts_.count(key);
  if (owner != replica) differs(key, owner, replica, d);
}

void CountsSampler::differs(std::uint32_t key, std::int64_t owner, std::int64_t replica,
                            sim::DivergenceBuilder& d) {
  next_.push_back(key);
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
    // The union of the marks and the divergent keys, in key order and
    // without repeats: set bits in a bitmap over key ids and read it back
    // (one word per 64 key ids, where sorting costs log2(marks) per mark).
    // Every marked key has an id below the key count: size the bitmap once.
    marks_.resize((owner_.keys().size() + 63) / 64, 0);
    const auto mark = [this](std::uint32_t key) {
      assert(key / 64 < marks_.size());
      marks_[key / 64] |= std::uint64_t{1} << (key % 64);
    };
    for (const std::uint32_t key : replica_changes_.list()) mark(key);
    for (const std::uint32_t key : owner_.changes().list()) mark(key);
    for (const std::uint32_t key : divergent_) mark(key);
    sim::for_each_set_bit(marks_, 0, [&](std::size_t key) { compare(static_cast<std::uint32_t>(key), d); });
    std::fill(marks_.begin(), marks_.end(), 0);
  }
  divergent_.swap(next_);
  replica_changes_.clear();
  return d.take();
}

}  // namespace choreo::wattpad
