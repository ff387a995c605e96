// One run of a scenario: build the model, run every phase, check the
// expectations, and assemble summary.json (README.md, "summary.json and timeseries.csv").
//
// Used by `choreo run` and by every cell of `choreo sweep`. Touches no files
// and no stdout: the trace stream, if any, is the caller's.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/scenario.h"
#include "models/model.h"
#include "sim/result.h"

namespace choreo::cli {

struct RunOutcome {
  nlohmann::json summary;                // the whole summary.json
  std::unique_ptr<models::Model> model;  // for the time series
  bool expectations_hold = true;         // every [expect] entry holds
};

// Errors are user errors found after the run started (an [expect] path that
// names nothing, a model rejecting a combination of keys).
sim::Result<RunOutcome> run_scenario(const Scenario& scenario, std::ostream* trace_out);

// The command that replays this exact run.
std::string replay_command(const Scenario& scenario);

}  // namespace choreo::cli
