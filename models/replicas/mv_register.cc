// MV-Register; see mv_register.h.
#include "models/replicas/mv_register.h"

#include <algorithm>

namespace choreo::replicas {

void MvRegister::assign(ReplicaId replica, std::uint64_t value) {
  VersionVector vv;
  for (const auto& e : entries_) vv.merge(e.first);
  vv.set(replica, vv.get(replica) + 1);
  entries_ = {{vv, value}};
}

void MvRegister::merge(const MvRegister& other) {
  std::vector<std::pair<VersionVector, std::uint64_t>> out;
  auto keep_undominated = [&out](const auto& mine, const auto& theirs) {
    for (const auto& e : mine) {
      const bool dominated =
          std::any_of(theirs.begin(), theirs.end(), [&](const auto& t) { return e.first.before(t.first); });
      if (!dominated) out.push_back(e);
    }
  };
  keep_undominated(entries_, other.entries_);
  keep_undominated(other.entries_, entries_);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  entries_ = std::move(out);
}

bool MvRegister::leq(const MvRegister& other) const {
  // Every entry here is in `other` or dominated by one of its entries.
  return std::all_of(entries_.begin(), entries_.end(), [&](const auto& e) {
    return std::any_of(other.entries_.begin(), other.entries_.end(),
                       [&](const auto& o) { return e == o || e.first.before(o.first); });
  });
}

std::vector<std::uint64_t> MvRegister::values() const {
  std::vector<std::uint64_t> out;
  for (const auto& e : entries_) out.push_back(e.second);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::uint64_t MvRegister::state_bytes() const {
  std::uint64_t bytes = 0;
  for (const auto& e : entries_) bytes += e.first.state_bytes() + kWordBytes;
  return bytes;
}

}  // namespace choreo::replicas
