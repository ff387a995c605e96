// Words for one copy's fate, for `choreo explain`: why a service never
// applied a message, or why it applied it again, naming the broker
// mechanism and the scenario key that controls it.
//
// Reads a FateLog only; every sentence is derived from trace lines
// (README.md, "The trace file"), never guessed from the scenario.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cli/fate_log.h"

namespace choreo::cli {

// The successful `process` events of a service's copies, in trace order.
std::vector<const CopyEvent*> applied(const std::vector<CopyEvent>& events);

// Why `events` (one service's copies of one message) hold no successful
// process line.
std::string why_never_applied(const std::vector<CopyEvent>& events, const std::vector<TraceNote>& notes);

// Why `again` (a successful process line that is not the copy's first)
// happened: a duplicate copy or a redelivery, and by which mechanism.
std::string why_applied_again(const CopyEvent& again, const std::vector<CopyEvent>& events,
                              const MessageFacts& facts, const std::vector<TraceNote>& notes);

// How a message published later (`later`: its copies at one service) was
// handled before an earlier one (`earlier`): a short poll took it past the
// earlier one, which sat on an SQS server the poll did not sample (its
// `deliver` line says `short-poll-sample`); or the earlier copy was
// delivered first (or in the same receive) and its handler finished later,
// since a service's workers and SQS handlers run concurrently; else the
// later one arrived first, which on these brokers is the transit delay.
enum class Overtaking { kTransit, kShortPoll, kConcurrentHandlers };
Overtaking how_overtaken(const std::vector<CopyEvent>& later, const std::vector<CopyEvent>& earlier);

// The mechanism, in words, with the keys that control it.
std::string_view overtaking_words(Overtaking how);

// "12.345s"
std::string seconds(sim::Time t);

}  // namespace choreo::cli
