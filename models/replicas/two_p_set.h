// 2P-Set (Shapiro et al. 2011, Spec 12): an add set A and a remove set R (tombstones); e is in the
// set iff e ∈ A and e ∉ R; merge unions both. A remove that arrives before
// its add still wins (the tombstone waits for it) — the property that keeps a
// comment deleted when SQS delivers the delete before the create. An element
// removed can never be added again.
#pragma once

#include "models/replicas/g_set.h"

namespace choreo::replicas {

class TwoPSet {
 public:
  void add(ElementId e) { added_.add(e); }
  void remove(ElementId e) { removed_.add(e); }
  bool contains(ElementId e) const { return added_.contains(e) && !removed_.contains(e); }
  // Elements added and not removed.
  std::size_t size() const;
  std::size_t tombstones() const { return removed_.size(); }
  void merge(const TwoPSet& other) {
    added_.merge(other.added_);
    removed_.merge(other.removed_);
  }
  bool leq(const TwoPSet& other) const { return added_.leq(other.added_) && removed_.leq(other.removed_); }
  std::uint64_t state_bytes() const { return added_.state_bytes() + removed_.state_bytes(); }
  bool operator==(const TwoPSet&) const = default;

 private:
  GSet added_;
  GSet removed_;
};

}  // namespace choreo::replicas
