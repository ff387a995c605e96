// PN-Counter (Shapiro et al. 2011, Spec 7): two G-Counters, increments P and decrements N;
// value = sum(P) - sum(N); merge merges both. Same channel needs as the
// G-Counter. Pitfall: it can go negative (no non-negative counter exists
// without coordination): two replicas at 1 that both decrement end at -1.
#pragma once

#include <cstdint>

#include "models/replicas/g_counter.h"

namespace choreo::replicas {

class PNCounter {
 public:
  void increment(ReplicaId replica, std::uint64_t by = 1) { p_.increment(replica, by); }
  void decrement(ReplicaId replica, std::uint64_t by = 1) { n_.increment(replica, by); }
  std::int64_t value() const {
    return static_cast<std::int64_t>(p_.value()) - static_cast<std::int64_t>(n_.value());
  }
  void merge(const PNCounter& other) {
    p_.merge(other.p_);
    n_.merge(other.n_);
  }
  // merge() of the one-entry states {replica: count} in P (increments) or N.
  void raise_increments(ReplicaId replica, std::uint64_t count) { p_.raise(replica, count); }
  void raise_decrements(ReplicaId replica, std::uint64_t count) { n_.raise(replica, count); }
  bool leq(const PNCounter& other) const { return p_.leq(other.p_) && n_.leq(other.n_); }
  // The replica's own two entries.
  PNCounter delta(ReplicaId replica) const {
    PNCounter d;
    d.p_ = p_.delta(replica);
    d.n_ = n_.delta(replica);
    return d;
  }
  std::uint64_t state_bytes() const { return p_.state_bytes() + n_.state_bytes(); }
  bool operator==(const PNCounter&) const = default;

 private:
  GCounter p_;
  GCounter n_;
};

}  // namespace choreo::replicas
