// The event record: what the scheduler stores for every pending event.
//
// Kept to 32 bytes so a pending event costs at most that plus heap slack.
// Larger payloads live in the model's own pools; `arg` indexes them.
// Events are ordered by (time, seq); seq is the global issue order, so events
// at equal times run in the order they were scheduled (as in FoundationDB).
#pragma once

#include <cstdint>

#include "sim/time.h"

namespace choreo::sim {

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = UINT32_MAX;

struct Event {
  Time time;            // when it fires
  std::uint64_t seq;    // global issue order: the tie-break
  NodeId node;          // receiving node
  std::uint16_t kind;   // node-defined event kind
  std::uint16_t epoch;  // 0: a message; else the node incarnation of a timer
  std::uint64_t arg;    // node-defined payload or pool index
};
static_assert(sizeof(Event) == 32, "keep the event record small");

// Strict order of the scheduler: earlier time first, then issue order.
inline bool before(const Event& a, const Event& b) {
  return a.time != b.time ? a.time < b.time : a.seq < b.seq;
}

}  // namespace choreo::sim
