// G-Counter (Shapiro et al. 2011, Spec 6): a grow-only counter with one entry
// per replica; increment bumps the replica's own entry, merge takes the
// maximum per entry, value is the sum.
//
//   GCounter a, b;
//   a.increment(1);  b.increment(2, 5);
//   a.merge(b);      // a.value() == 6
//   GCounter d = a.delta(1);   // {1: 1}: ship this instead of the state
//
// State-based: safe under loss (once a later state arrives), duplication and
// reordering. Pitfall: two replicas must never increment the same entry
// concurrently (a max-merge loses one of them); give each writer its own id.
// Invariant: entries sorted by replica id, counts > 0.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "models/replicas/ids.h"

namespace choreo::replicas {

class GCounter {
 public:
  void increment(ReplicaId replica, std::uint64_t by = 1);
  // The entry of `replica` (0 if absent).
  std::uint64_t entry(ReplicaId replica) const;
  std::uint64_t value() const;

  // Joins `other` in. Allocates only to add replicas this one lacks (so a
  // merge of a state already met, the steady case, allocates nothing), and
  // `other` may be a delta or a full state.
  void merge(const GCounter& other);
  // merge() of the one-entry state {replica: count}, without building it.
  void raise(ReplicaId replica, std::uint64_t count);
  // The lattice order: every entry <= the other's.
  bool leq(const GCounter& other) const;
  // A delta: the replica's own entry alone (Almeida et al. 2018).
  GCounter delta(ReplicaId replica) const;

  std::size_t entries() const { return entries_.size(); }
  std::uint64_t state_bytes() const { return entries_.size() * 2 * kWordBytes; }
  bool operator==(const GCounter&) const = default;

 private:
  std::vector<std::pair<ReplicaId, std::uint64_t>> entries_;
};

}  // namespace choreo::replicas
