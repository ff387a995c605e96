// G-Set (Shapiro et al. 2011, Spec 11): a grow-only set; merge is union. Its size is an exact,
// idempotent counter ("G-Set can serve as an increment-only counter"): count
// comments as the set of their ids and duplicates cannot overcount.
// The add op is idempotent and commutes, so it needs only eventual delivery.
#pragma once

#include <algorithm>
#include <set>

#include "models/replicas/ids.h"

namespace choreo::replicas {

class GSet {
 public:
  void add(ElementId e) { elements_.insert(e); }
  bool contains(ElementId e) const { return elements_.count(e) != 0; }
  std::size_t size() const { return elements_.size(); }
  const std::set<ElementId>& elements() const { return elements_; }
  void merge(const GSet& other) { elements_.insert(other.elements_.begin(), other.elements_.end()); }
  bool leq(const GSet& other) const {
    return std::includes(other.elements_.begin(), other.elements_.end(), elements_.begin(), elements_.end());
  }
  std::uint64_t state_bytes() const { return elements_.size() * kWordBytes; }
  bool operator==(const GSet&) const = default;

 private:
  std::set<ElementId> elements_;
};

}  // namespace choreo::replicas
