// One divergent key of one replica, explained (`choreo explain`): the
// message fates that account for the difference between owner and replica.
//
// How: the key's messages are taken from the FateLog and the replica's
// strategy is replayed over the copies its service applied (successful
// `process` lines, in trace order): explain_counters.h and
// explain_mirrors.h, which cover every strategy of the strategy table.
// Every comment or update where the replay differs from the owner becomes
// a cause, grouped by mechanism. The causes sum to the trace's account of
// the replica; when that account is not the replica's actual value (state
// lost with a `store = memory` crash, anti-entropy pulls, a filtered
// trace), the rest is reported as unexplained.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cli/fate_log.h"
#include "sim/result.h"

namespace choreo::cli {

// A summary key: "user 107", "story 6", "story 6 chapter 2",
// "story 6 chapter 2 paragraph 12".
struct KeyRef {
  std::string text;
  std::int64_t user = -1, story = -1, chapter = -1, paragraph = -1;
};
sim::Result<KeyRef> parse_key(const std::string& text);

struct Cause {
  std::string words;          // "CommentCreated applied twice: duplicated in transit (broker.duplicate)"
  std::int64_t delta = 0;     // its share of replica - owner
  std::int64_t messages = 0;  // how many messages
  std::vector<std::string> examples;  // "msg 123 (comment 45) at 12.345s"
};

struct KeyExplanation {
  std::int64_t owner = 0, replica = 0;
  bool replayed = true;       // false: the trace lacks what the strategy needs
  std::int64_t traced = 0;    // the replica's value as the trace accounts for it
  std::vector<Cause> causes;  // largest |delta| first
  std::int64_t accounted() const;
};

struct ReplicaRef {
  std::string name, service, kind, strategy;  // kind: counter or mirror
};

KeyExplanation explain_key(const FateLog& log, const ReplicaRef& replica, const KeyRef& key,
                           std::int64_t owner, std::int64_t replica_value);

// The explanation as text: a heading line, one line per cause, the account.
std::string format_explanation(const ReplicaRef& replica, const KeyRef& key, const KeyExplanation& e);

}  // namespace choreo::cli
