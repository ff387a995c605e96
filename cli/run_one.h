// One run of a scenario: build the model, run every phase, check the
// expectations, and assemble summary.json (README.md, "summary.json and timeseries.csv").
//
// Used by `choreo run` and by every cell of `choreo sweep`. Touches no files
// and no stdout: the trace stream, if any, is the caller's.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/scenario.h"
#include "models/model.h"
#include "sim/result.h"
#include "sim/simulation.h"
#include "sim/trace.h"

namespace choreo::cli {

struct RunOutcome {
  nlohmann::json summary;                // the whole summary.json
  std::unique_ptr<models::Model> model;  // for the time series
  bool expectations_hold = true;         // every [expect] entry holds
};

// Watches a run from outside, for progress reports; either may be empty.
struct RunWatcher {
  std::function<void()> building;                       // before the model builds
  std::function<void(const sim::Simulation&)> running;  // every `every_events` events
  std::uint64_t every_events = 4096;
};

// Errors are user errors found after the run started (a model rejecting a
// combination of keys; an [expect] entry check_expect_paths would have caught).
// `trace_options` apply when trace_out is set.
sim::Result<RunOutcome> run_scenario(const Scenario& scenario, std::ostream* trace_out,
                                     sim::TraceOptions trace_options = {},
                                     const RunWatcher* watcher = nullptr);

// summary.json's shape before the run: the model built, not run, and
// reported (values are zeros and nulls; keys and replica names are final).
sim::Result<nlohmann::json> summary_shape(const Scenario& scenario);
// The [expect] errors a run would end with (a path naming nothing, a
// malformed condition), found on summary_shape before anything runs.
sim::Status check_expect_paths(const Scenario& scenario);

// The command that replays this exact run.
std::string replay_command(const Scenario& scenario);

}  // namespace choreo::cli
