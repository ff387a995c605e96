// The search behind `choreo shrink`: from a failing scenario, take smaller
// ones for as long as they fail the same way.
//
// Steps, tried in this order, each as long as it keeps succeeding:
//   1. run.duration: a quarter, then a half;
//   2. each [fault.NAME] and [replica.NAME] section removed whole;
//   3. every rate, then every integer, then every probability, then every
//      other duration (keys the scenario sets first, then defaults): zero
//      for rates and probabilities, then a quarter, then a half.
// Passes repeat until one changes nothing or the run budget is spent.
// A step is kept when the candidate fails the same way (the oracle decides
// what that means) and is no bigger:
//   - a weakening (a section removed, a probability lowered, a rate set to
//     zero) may process up to 10 % more events than the current scenario,
//     never more than the original (less loss delivers more messages);
//   - any other reduction must process fewer events, or as many for the
//     workload's counts (fewer users at equal events is still simpler).
// So a knob that changes nothing (another broker's keys) stays as it was.
// Every step makes one value smaller or removes a section, so the search
// ends; it reads no clock and no randomness, so the same input always
// shrinks to the same output.
//
// Not a search over seeds, and not over distributions (delay shapes) or
// enums: those are kept as the original has them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cli/shrink_draft.h"
#include "sim/config.h"
#include "sim/config_schema.h"
#include "sim/result.h"

namespace choreo::cli {

struct ShrinkProbe {
  bool same_failure = false;  // fails the way the original does
  bool ran = false;           // a simulation ran (counts against the budget)
  std::uint64_t events = 0;   // events processed, when it ran
};

struct ShrinkOracle {
  // The typed values of a draft, or why it is not a valid scenario.
  std::function<sim::Result<sim::Config>(const ShrinkDraft&)> resolve;
  // Runs a valid draft.
  std::function<ShrinkProbe(const ShrinkDraft&)> run;
};

struct ShrinkLimits {
  std::size_t max_runs = 300;
  std::vector<std::string> keep;  // keys never changed (run.seed and run.settle always)
};

struct ShrinkResult {
  ShrinkDraft draft;
  std::uint64_t events = 0;
  std::size_t runs = 0;
  std::vector<std::string> steps;  // "workload.comment_rate 300/s -> 75/s", in order taken
  bool budget_spent = false;
};

// REQUIRES: `start` resolves and fails the way the oracle looks for, in
// `start_events` events. `progress` gets one line per step taken.
ShrinkResult shrink(const ShrinkDraft& start, std::uint64_t start_events, const sim::ConfigSchema& schema,
                    const ShrinkOracle& oracle, const ShrinkLimits& limits,
                    const std::function<void(const std::string&)>& progress);

}  // namespace choreo::cli
