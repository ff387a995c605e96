// PHOLD, the standard discrete-event benchmark (Fujimoto 1990), as a model.
//
// N logical processes (one node each) start with M events each. Processing an
// event schedules one new event at a uniformly random process after
// `lookahead` plus an exponential delay of mean `mean_delay`. The population of
// pending events stays N*M forever, which makes PHOLD a pure measure of the
// scheduler and dispatch cost.
//
// The processes are one node group drawing from the single stream "phold", so
// the trace is a function of the seed alone. The initial events are as if
// each were sent at time 0 by a uniformly random process.
#pragma once

#include <cstdint>

#include "sim/simulation.h"
#include "sim/time.h"

namespace choreo::phold {

struct PholdOptions {
  std::uint32_t processes = 1'000;       // N, >= 1
  std::uint32_t events_per_process = 1;  // M, >= 1
  sim::Time lookahead = 100;             // microseconds added to every delay
  sim::Time mean_delay = 1'000;          // microseconds, mean of the exponential part
};

// Adds the N processes to `sim` and schedules the N*M initial events.
void build_phold(sim::Simulation& sim, const PholdOptions& options);

}  // namespace choreo::phold
