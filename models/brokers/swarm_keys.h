// The [swarm] section: the ranges `choreo sweep --swarm` draws each seed's
// fault mix from (README.md, "Swarm sweeps"). Declared with the broker keys,
// so every model with a broker has them and `choreo keys` lists them; a
// plain `choreo run` reads none of them.
//
// Each family is on in a seed with probability `swarm.on`; an "on" family's
// magnitude is drawn up to its key's value, and a key at 0 keeps its family
// off in every seed. Not the drawing itself (cli/swarm_draw.h).
#pragma once

#include "sim/config_schema.h"

namespace choreo::brokers {

void declare_swarm(sim::ConfigSchema& schema);

}  // namespace choreo::brokers
