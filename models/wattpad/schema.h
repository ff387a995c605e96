// The scenario keys of the comments system: [workload] and [replica.NAME]
// (the broker's own sections come from models/brokers/broker_settings.h).
#pragma once

#include "models/wattpad/events.h"
#include "sim/config.h"
#include "sim/config_schema.h"

namespace choreo::wattpad {

void declare_wattpad(sim::ConfigSchema& schema);
WorkloadOptions workload_options(const sim::Config& config);

}  // namespace choreo::wattpad
