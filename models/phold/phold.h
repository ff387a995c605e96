// PHOLD, the standard discrete-event benchmark (Fujimoto 1990), as a model.
//
// N logical processes (one node each) start with M events each. Processing an
// event schedules one new event at a uniformly random process after
// `lookahead` plus floor(an exponential delay of mean `mean_delay`), in
// microseconds. The population of pending events stays N*M forever, which
// makes PHOLD a pure measure of the scheduler and dispatch cost.
//
// Two named shapes of the delay (bench/ measures both):
//   standard:  100 ms + Exp(900 ms), lookahead 10 % of a 1 s mean, the usual
//              PHOLD; in microseconds ties are rare.
//   quantized: 100 us + Exp(1 ms), choreo's first PHOLD: at 10^5 pending
//              about 91 events share each microsecond.
//
// The processes are one node group drawing from the single stream "phold", so
// the trace is a function of the seed alone. The initial events are as if
// each were sent at time 0 by a uniformly random process.
#pragma once

#include <cstdint>
#include <string_view>

#include "sim/simulation.h"
#include "sim/time.h"

namespace choreo::phold {

struct PholdShape {
  std::string_view name;
  sim::Time lookahead;   // microseconds
  sim::Time mean_delay;  // microseconds, mean of the exponential part
};
inline constexpr PholdShape kStandardShape{"standard", 100 * sim::kMillisecond, 900 * sim::kMillisecond};
inline constexpr PholdShape kQuantizedShape{"quantized", 100, 1 * sim::kMillisecond};

struct PholdOptions {
  std::uint32_t processes = 1'000;                   // N, >= 1
  std::uint32_t events_per_process = 1;              // M, >= 1
  sim::Time lookahead = kStandardShape.lookahead;    // microseconds added to every delay
  sim::Time mean_delay = kStandardShape.mean_delay;  // microseconds, mean of the exponential part
};

// Adds the N processes to `sim` and schedules the N*M initial events.
void build_phold(sim::Simulation& sim, const PholdOptions& options);

}  // namespace choreo::phold
