// Identifiers and wire sizes shared by the replicated data types.
//
// Replicas (a service shard, a worker, a writer) and elements (comment ids,
// user ids) are 64-bit integers. Sizes in bytes count a fixed encoding — 8
// bytes per integer, no framing — so that runs can report bandwidth and
// compare state-based, delta and op-based forms on equal terms.
#pragma once

#include <cstdint>

namespace choreo::replicas {

using ReplicaId = std::uint64_t;
using ElementId = std::uint64_t;

inline constexpr std::uint64_t kWordBytes = 8;

// A write stamp totally ordered by (time, replica): the tie-break on equal
// times is the replica id, so two different writers never tie.
struct Stamp {
  std::uint64_t time = 0;  // a version number or a clock reading
  ReplicaId replica = 0;
  auto operator<=>(const Stamp&) const = default;
};

// A unique tag for an OR-Set add: (the adding replica, its add counter).
struct Tag {
  ReplicaId replica = 0;
  std::uint64_t counter = 0;
  auto operator<=>(const Tag&) const = default;
};

}  // namespace choreo::replicas
