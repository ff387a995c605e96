// The tables printed at the end of a sweep: per grid cell, how many runs
// held their expectations and in how many every replica converged; per
// replica and cell, the share of seeds in which that replica converged (a
// foil's 0% does not hide its neighbours' 100%); then every failing run with
// the exact command that replays it (up to kMaxReplaysPerCell per cell; the
// CSV's `holds` column lists all of them).
//
// Only formats: the verdicts come from the runs of this process and from
// the rows of a resumed CSV alike.
#pragma once

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/sweep_grid.h"
#include "cli/sweep_shard.h"
#include "cli/sweep_tally.h"

namespace choreo::cli {

struct RunVerdict {
  bool holds = false;      // every expectation holds
  bool converged = false;  // summary.json `converged`
};

inline constexpr std::size_t kMaxReplaysPerCell = 20;

// REQUIRES: verdicts.size() == grid.run_count().
void print_sweep_report(const Grid& grid, const std::vector<RunVerdict>& verdicts, const ReplicaTally& tally,
                        const std::function<std::string(std::size_t run)>& replay, std::ostream& out);

// A shard's end (sweep_shard.h): how many of its runs hold, the replay
// command of each failing one (up to kMaxReplaysPerCell per cell), and how
// to merge; no per-cell tables, which only the merged CSV can fill.
// REQUIRES: verdicts.size() == grid.run_count(), indexed by grid index.
void print_shard_report(const Grid& grid, const Shard& shard, const std::vector<RunVerdict>& verdicts,
                        const std::function<std::string(std::size_t run)>& replay, std::ostream& out);

}  // namespace choreo::cli
