// Replaying a counter replica's strategy over one key's messages, for
// `choreo explain`: every counter strategy of the strategy table, each
// with the causes that make it differ from the owner's live count.
//
//   naive, dedup-id, 2p-set, or-set  replayed comment by comment over the
//       applied create and delete copies, in trace order
//   shard-delta-sum  counts every applied create copy; deletes are not
//       counted (grow-only)
//   g-counter, pn-counter  per shard, the highest shard total among the
//       applied creates (pn-counter: and deletes), from the publish lines'
//       `shard` and `total_*` fields; a create above it was never applied
//
// Reads a FateLog; never the model.
#pragma once

#include <string_view>

#include "cli/explain_key.h"
#include "cli/fate_log.h"

namespace choreo::cli {

// Whether `strategy` is a counter strategy explain replays.
bool replays_counter(std::string_view strategy);

// Fills out.traced and out.causes; out.replayed = false when the strategy
// is not replayed or the trace lacks what it needs (no shard totals).
void explain_counter(const FateLog& log, const ReplicaRef& r, const KeyRef& key, KeyExplanation& out);

}  // namespace choreo::cli
