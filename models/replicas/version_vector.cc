// Version vectors; see version_vector.h.
#include "models/replicas/version_vector.h"

#include <algorithm>

namespace choreo::replicas {

std::uint64_t VersionVector::get(ReplicaId replica) const {
  const auto it = std::lower_bound(entries_.begin(), entries_.end(), replica,
                                   [](const auto& e, ReplicaId r) { return e.first < r; });
  return it == entries_.end() || it->first != replica ? 0 : it->second;
}

void VersionVector::set(ReplicaId replica, std::uint64_t counter) {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), replica,
                             [](const auto& e, ReplicaId r) { return e.first < r; });
  if (it != entries_.end() && it->first == replica) {
    it->second = counter;
  } else if (counter > 0) {
    entries_.insert(it, {replica, counter});
  }
}

void VersionVector::merge(const VersionVector& other) {
  for (const auto& [replica, counter] : other.entries_) {
    if (counter > get(replica)) set(replica, counter);
  }
}

bool VersionVector::leq(const VersionVector& other) const {
  for (const auto& [replica, counter] : entries_) {
    if (counter > other.get(replica)) return false;
  }
  return true;
}

}  // namespace choreo::replicas
