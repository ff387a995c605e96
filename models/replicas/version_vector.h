// A version vector: one counter per replica, ordered pointwise. Used by the
// MV-Register to tell causally later writes from concurrent ones.
// Invariant: entries sorted by replica id, counters > 0.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "models/replicas/ids.h"

namespace choreo::replicas {

class VersionVector {
 public:
  std::uint64_t get(ReplicaId replica) const;
  void set(ReplicaId replica, std::uint64_t counter);
  void merge(const VersionVector& other);  // pointwise max
  bool leq(const VersionVector& other) const;
  // Strictly less: leq and not equal.
  bool before(const VersionVector& other) const { return leq(other) && !(*this == other); }
  std::uint64_t state_bytes() const { return entries_.size() * 2 * kWordBytes; }
  auto operator<=>(const VersionVector&) const = default;

 private:
  std::vector<std::pair<ReplicaId, std::uint64_t>> entries_;
};

}  // namespace choreo::replicas
