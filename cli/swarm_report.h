// The table a swarm sweep ends with: for each fault family, in how many
// failing runs it was on, in how many runs in all, and how many of the runs
// with it on failed, most often on in failing runs first (README.md, "Swarm
// sweeps"). A family whose runs fail far more often than runs do overall is
// the likely cause; the replay and `choreo shrink` confirm it.
//
// Reads only each run's verdict and drawn values, so `choreo sweep` (which
// draws them again from the seeds) and `choreo sweep-merge` (which reads
// them from the CSV's swarm.* columns) print the same table.
#pragma once

#include <ostream>
#include <vector>

#include "cli/swarm_draw.h"

namespace choreo::cli {

struct SwarmRun {
  bool holds = true;
  SwarmDraw drawn;
};

void print_swarm_families(const std::vector<SwarmRun>& runs, std::ostream& out);

}  // namespace choreo::cli
