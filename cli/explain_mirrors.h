// Replaying a mirror replica's strategy over one user's updates, for
// `choreo explain`: every mirror strategy of the strategy table. The
// applied updates (successful `process` lines) are replayed in trace
// order with the strategy's rule for which write wins:
//
//   overwrite    the last applied
//   lww-version, mv-register  the highest version (one user's writes are
//                sequential, so their version vectors are ordered)
//   lww-clock    the highest (host clock, version) stamp, the clock from
//                the publish line's `clock` field
//
// The causes: a newer applied version that lost (overwritten by a late
// update, or beaten by a stamp from a clock that ran ahead), and every
// version above it that was never applied. Reads a FateLog only.
#pragma once

#include <string_view>

#include "cli/explain_key.h"
#include "cli/fate_log.h"

namespace choreo::cli {

// Whether `strategy` is a mirror strategy explain replays.
bool replays_mirror(std::string_view strategy);

// Fills out.traced and out.causes; out.replayed = false when the strategy
// is not replayed or the trace lacks what it needs (no clocks).
void explain_mirror(const FateLog& log, const ReplicaRef& r, const KeyRef& key, KeyExplanation& out);

}  // namespace choreo::cli
