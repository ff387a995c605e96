// The fates of a run's messages, gathered from its trace lines (README.md,
// "The trace file") for `choreo explain`: what each message carried, and
// for each consuming service what happened to its copies, in trace order.
//
// Only collects: it reads lines, never the model. Lines are taken as the
// brokers write them; a line without `msg` is kept as a note (crash,
// rewind, lost with a count), except the checker's `divergent` lines
// (every key where a replica ends unlike its owner), kept per replica.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "sim/convergence.h"
#include "sim/time.h"
#include "sim/trace.h"

namespace choreo::cli {

struct MessageFacts {
  std::string topic, type;
  std::int64_t user = -1, version = -1, clock = -1;                     // UserUpdated
  std::int64_t comment = -1, story = -1, chapter = -1, paragraph = -1;  // Comment*
  // Comment*: its shard, and the shard's created (deleted) totals after it
  // on its story, chapter, paragraph (-1: not traced). From the publish line.
  std::int64_t shard = -1;
  std::array<std::int64_t, 3> totals{-1, -1, -1};
  sim::Time published_at = -1;                 // -1: no publish line
  std::vector<std::string> duplicate_reasons;  // one per extra copy made
};

// One line about one service's copy of a message.
struct CopyEvent {
  sim::Time t = 0;
  std::string kind;  // deliver, process, ack, lost, dead-letter, visible-again, duplicate
  std::int64_t worker = -1, attempt = 0, overtaken_by = 0;
  bool duplicate = false;
  std::string result, reason, redelivery;
};

// A line about no message (crash, restart, rewind, rebalance, lost count).
struct TraceNote {
  sim::Time t = 0;
  std::string node, kind, reason;
  std::int64_t count = 0;
};

class FateLog {
 public:
  void record(const sim::TraceLine& line);

  const std::map<std::int64_t, MessageFacts>& messages() const { return messages_; }
  // The events of `service`'s copies of message `msg`, in trace order.
  const std::vector<CopyEvent>& copies(const std::string& service, std::int64_t msg) const;
  // Notes on `service`'s nodes ("<service>@..."), in trace order.
  std::vector<TraceNote> notes_of(const std::string& service) const;
  // Every key where `replica` ended unlike its owner, in the checker's
  // comparison order; empty when the trace has no `divergent` line for it.
  const std::vector<sim::KeyDiff>& divergent(const std::string& replica) const;

 private:
  std::map<std::string, std::vector<sim::KeyDiff>> divergent_;
  std::map<std::int64_t, MessageFacts> messages_;
  std::map<std::pair<std::string, std::int64_t>, std::vector<CopyEvent>> copies_;
  std::vector<TraceNote> notes_;
};

}  // namespace choreo::cli
