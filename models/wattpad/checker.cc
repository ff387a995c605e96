// The state checker; see checker.h.
#include "models/wattpad/checker.h"

#include <algorithm>
#include <cassert>
#include <string>

namespace choreo::wattpad {

sim::Divergence compare_profiles(const ProfileLedger& owner, const ProfilesView& mirror,
                                 std::size_t examples) {
  sim::DivergenceBuilder d(examples);
  // The owner's and the mirror's versions, compared a block of users at a time (a branch-free
  // OR of differences, one test per block); only a block that differs is
  // walked user by user, and only differing users go through the builder,
  // in user order.
  constexpr std::uint64_t kBlock = 8;
  const std::uint64_t* const shown = mirror.versions().data();
  const std::uint64_t users = owner.users();
  assert(mirror.versions().size() == users);
  for (std::uint64_t first = 0; first < users; first += kBlock) {
    const std::uint64_t end = std::min(first + kBlock, users);
    if (end - first == kBlock) {
      std::uint64_t differ = 0;
      for (std::uint64_t k = 0; k < kBlock; ++k) differ |= owner.version(first + k) ^ shown[first + k];
      if (differ == 0) continue;
    }
    for (std::uint64_t u = first; u < end; ++u) {
      d.key(static_cast<std::int64_t>(owner.version(u)), static_cast<std::int64_t>(shown[u]),
            [u] { return "user " + std::to_string(u); });
    }
  }
  return d.take();
}

sim::Divergence compare_counts(const CommentLedger& owner, const CountsView& counts, std::size_t examples) {
  sim::DivergenceBuilder d(examples);
  const KeyIndex& keys = owner.keys();
  for (std::uint32_t id = 0; id < keys.size(); ++id) {
    d.key(owner.live(id), counts.count(id), [&] { return keys.name(id); });
  }
  return d.take();
}

}  // namespace choreo::wattpad
