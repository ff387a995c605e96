// LWW-Register (Shapiro et al. 2011, Spec 8): a value and the stamp of the write that set it;
// merge (and applying a received write) keeps the pair with the larger stamp.
//
//   LwwRegister r;
//   r.assign(42, Stamp{.time = version, .replica = writer});
//   r.merge(other);
//
// Stamps are ordered by (time, replica id): equal times from different
// writers never tie. Equal stamps carry equal values when stamps are unique
// per write (the contract); should they not, the larger value wins so merge
// still commutes. Convergent under loss (until a later write), duplication
// and reordering. With time = a version from the single owner it is exact;
// with time = a skewed wall clock, a later write can lose (lww-clock).
#pragma once

#include <cstdint>

#include "models/replicas/ids.h"

namespace choreo::replicas {

class LwwRegister {
 public:
  // Applies a write; returns whether it won (changed the register).
  bool assign(std::uint64_t value, Stamp stamp) {
    if (set_ && (stamp < stamp_ || (stamp == stamp_ && value <= value_))) return false;
    value_ = value;
    stamp_ = stamp;
    set_ = true;
    return true;
  }
  void merge(const LwwRegister& other) {
    if (other.set_) assign(other.value_, other.stamp_);
  }
  bool leq(const LwwRegister& other) const {
    return !set_ ||
           (other.set_ && (stamp_ < other.stamp_ || (stamp_ == other.stamp_ && value_ <= other.value_)));
  }

  bool set() const { return set_; }
  std::uint64_t value() const { return value_; }
  Stamp stamp() const { return stamp_; }
  std::uint64_t state_bytes() const { return 3 * kWordBytes; }
  bool operator==(const LwwRegister&) const = default;

 private:
  std::uint64_t value_ = 0;
  Stamp stamp_;
  bool set_ = false;
};

}  // namespace choreo::replicas
