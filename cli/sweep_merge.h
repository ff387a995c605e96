// Merging the CSVs of a sweep's shards (`choreo sweep --shard I/N`) into the
// CSV the whole sweep writes on one machine, byte for byte.
//
// The parts must share one header and one fingerprint (the same sweep
// command: scenario bytes, --set overrides, grid and model); together they
// must hold every run of the grid exactly once, each part in grid order.
// The merge keeps every row's bytes as written and only puts them in grid
// order (sweep_merge_grid.h recovers that order), so wall_time_s columns
// are kept too. Anything else is refused with one line naming the file and
// line. Reads text only: the caller does the files.
#pragma once

#include <string>
#include <vector>

#include "cli/sweep_grid.h"
#include "sim/result.h"

namespace choreo::cli {

struct MergePart {
  std::string path;  // for messages
  std::string text;  // the file's bytes
};

struct MergedSweep {
  Grid grid;
  std::vector<std::string> header;             // the header's fields
  std::vector<std::vector<std::string>> rows;  // each run's fields, in grid order
  std::string text;                            // the whole sweep's CSV bytes
};

// REQUIRES: !parts.empty().
sim::Result<MergedSweep> merge_sweep_parts(const std::vector<MergePart>& parts);

}  // namespace choreo::cli
