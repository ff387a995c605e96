// MV-Register (Shapiro et al. 2011, Spec 10): keeps every value written concurrently, each with
// the version vector of its write; a write by a replica that has seen them
// all replaces them.
//
//   MvRegister r;
//   r.assign(1, 7);     // replica 1 writes 7
//   r.merge(other);     // concurrent values survive side by side
//   r.values();         // sorted; one value when there was no conflict
//
// Merge keeps the entries of either side not strictly dominated by an entry
// of the other. Convergent under duplication and reordering of states.
// Pitfall: it is not a set (Amazon's shopping cart): the application must
// resolve the siblings. Invariant: entries sorted, none dominated.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "models/replicas/version_vector.h"

namespace choreo::replicas {

class MvRegister {
 public:
  // The state of one write of `value` whose causal past is `clock`, as a
  // replica that receives writes from elsewhere (an event) merges it.
  static MvRegister written(VersionVector clock, std::uint64_t value) {
    MvRegister r;
    r.entries_.emplace_back(std::move(clock), value);
    return r;
  }
  // `replica` writes `value` after everything this register has seen.
  void assign(ReplicaId replica, std::uint64_t value);
  void merge(const MvRegister& other);
  bool leq(const MvRegister& other) const;

  // The current values, ascending (several after concurrent writes).
  std::vector<std::uint64_t> values() const;
  std::uint64_t state_bytes() const;
  bool operator==(const MvRegister&) const = default;

 private:
  std::vector<std::pair<VersionVector, std::uint64_t>> entries_;
};

}  // namespace choreo::replicas
