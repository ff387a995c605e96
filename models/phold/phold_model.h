// PHOLD as a runnable scenario (`[run] model = phold`): the [phold] keys and
// the Model that builds PHOLD and runs it for `run.duration`.
#pragma once

#include <memory>

#include "models/model.h"

namespace choreo::phold {

void declare_phold(sim::ConfigSchema& schema);
sim::Result<std::unique_ptr<models::Model>> make_phold_model(const sim::Config& config);

}  // namespace choreo::phold
