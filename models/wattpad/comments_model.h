// The Wattpad comments system as a runnable scenario (`[run] model =
// comments`): the user and comment services, the broker between them, the
// replicas (user mirrors, comment counters) with their strategies, page
// reads, and the checker that samples every replica's divergence from its
// owner over time and judges convergence after the settle phase.
//
// Phases: the workload runs with faults for run.duration, then stops; the
// run settles for run.settle (scripted faults end with their windows); the
// final check then compares every replica with its owner.
#pragma once

#include <memory>

#include "models/model.h"

namespace choreo::wattpad {

void declare_comments(sim::ConfigSchema& schema);
sim::Result<std::unique_ptr<models::Model>> make_comments_model(const sim::Config& config);

}  // namespace choreo::wattpad
