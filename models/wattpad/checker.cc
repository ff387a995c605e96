// The state checker; see checker.h.
#include "models/wattpad/checker.h"

#include <cassert>
#include <string>

namespace choreo::wattpad {

sim::Divergence compare_profiles(const ProfileLedger& owner, const ProfilesView& mirror,
                                 std::size_t examples) {
  sim::DivergenceBuilder d(examples);
  // Two dense arrays, compared word by word; only differing users go
  // through the builder.
  const std::uint64_t* const truth = owner.versions().data();
  const std::uint64_t* const shown = mirror.versions().data();
  const std::uint64_t users = owner.users();
  assert(mirror.versions().size() == users);
  for (std::uint64_t u = 0; u < users; ++u) {
    if (truth[u] == shown[u]) [[likely]]
      continue;
    d.key(static_cast<std::int64_t>(truth[u]), static_cast<std::int64_t>(shown[u]),
          [u] { return "user " + std::to_string(u); });
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
