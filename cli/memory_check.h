// The memory a run may use, and the check that a scenario fits in it before
// its model allocates anything: the model's footprint (models::Footprint,
// what build() allocates in proportion to the scenario's sizes) against this
// process's limit. A scenario over the limit is bad input: one line naming
// the key of its largest part, the estimate and the limit, exit 2. One that
// fits runs (with progress on a terminal). Not a promise that a run fits:
// what grows while it runs (comments, messages in flight) is not counted,
// and running out later is still one line and exit 2 (cli/app.cc).
#pragma once

#include <cstdint>
#include <string>

#include "cli/scenario.h"
#include "models/model.h"
#include "sim/result.h"

namespace choreo::cli {

// What this process may allocate: its address-space limit (ulimit -v) when
// one is set and smaller, else the machine's physical memory.
struct MemoryLimit {
  std::uint64_t bytes = 0;
  std::string source;  // "this machine's memory" or "ulimit -v"
};
MemoryLimit memory_limit();

// Bytes as GiB with one decimal, the unit of every memory message: "11.2 GiB".
std::string format_gib(std::uint64_t bytes);

// Ok when the model's footprint fits in `limit`; otherwise the one-line error.
sim::Status check_footprint(const Scenario& scenario, const models::Model& model, const MemoryLimit& limit);

}  // namespace choreo::cli
