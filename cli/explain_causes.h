// The causes of one key's difference, as `choreo explain` collects them:
// grouped by their words, each with its share of replica - owner, how many
// messages and up to three examples; and the two causes every strategy
// shares (a message never applied, a message applied again).
//
// Only words and sums: which messages are causes is the strategy
// replays' business (explain_counters.h, explain_mirrors.h).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "cli/explain_key.h"
#include "cli/fate_log.h"

namespace choreo::cli {

class Causes {
 public:
  void add(const std::string& words, std::int64_t delta, const std::string& example);
  // Largest |delta| first; equal ones in the order of their words.
  std::vector<Cause> sorted() const;

 private:
  std::map<std::string, Cause> by_words_;
};

// "msg 123 (comment 45) applied at 12.345s", "msg 7 (v2) published at 1.000s"
std::string example(std::int64_t msg, const MessageFacts& m, sim::Time t, std::string_view what = "applied");

// Adds "<type> never applied: <why>" with `sign` for message `msg`.
void explain_missing(Causes& causes, std::int64_t sign, std::int64_t msg, const MessageFacts& m,
                     const std::vector<CopyEvent>& events, const std::vector<TraceNote>& notes);

// Adds "<type> applied twice: <why>" with `sign` for every successful apply
// of `msg` after its original one.
void explain_extra(Causes& causes, std::int64_t sign, std::int64_t msg, const MessageFacts& m,
                   const std::vector<CopyEvent>& events, const std::vector<TraceNote>& notes);

}  // namespace choreo::cli
