// The [swarm] keys; see swarm_keys.h. The defaults are our choice: faults
// strong enough to break a foil in a short run, mild enough that a correct
// strategy with recovery still converges.
#include "models/brokers/swarm_keys.h"

namespace choreo::brokers {

void declare_swarm(sim::ConfigSchema& s) {
  using sim::ValueType;
  s.add({.key = "swarm.on",
         .type = ValueType::kProbability,
         .default_value = "50%",
         .help = "swarm sweeps: probability that each fault family is on in a seed"});
  s.add({.key = "swarm.loss",
         .type = ValueType::kProbability,
         .default_value = "2%",
         .help = "swarm sweeps: the largest broker.loss drawn (0: never on)"});
  s.add({.key = "swarm.duplicate",
         .type = ValueType::kProbability,
         .default_value = "5%",
         .help = "swarm sweeps: the largest broker.duplicate drawn (0: never on)"});
  s.add({.key = "swarm.delay",
         .type = ValueType::kDuration,
         .default_value = "200ms",
         .min = "0s",
         .max = "1h",
         .help = "swarm sweeps: the largest mean of the exponential broker.delay drawn (0: never on)"});
  s.add({.key = "swarm.handler_error",
         .type = ValueType::kProbability,
         .default_value = "5%",
         .help = "swarm sweeps: the largest broker.handler_error drawn (0: never on)"});
  s.add({.key = "swarm.crash_rate",
         .type = ValueType::kRate,
         .default_value = "0.1/s",
         .min = "0/s",
         .max = "100/s",
         .help = "swarm sweeps: the largest broker.crash_rate drawn (0: never on)"});
  s.add(
      {.key = "swarm.partition",
       .type = ValueType::kDuration,
       .default_value = "10s",
       .min = "0s",
       .max = "1d",
       .help =
           "swarm sweeps: the longest partition or disconnect of one replica's service drawn (0: never on)"});
}

}  // namespace choreo::brokers
