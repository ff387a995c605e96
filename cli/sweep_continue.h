// Resuming a sweep: checks that an existing CSV holds rows of this very sweep
// and takes what they say, so the runs already done are neither redone nor
// lost.
//
// A CSV is this sweep's when its header has this grid's varied columns (and
// --wall-time column, if any), every row carries this sweep's fingerprint
// (sweep_fingerprint.h: same scenario bytes, overrides, grid and model), and
// its rows are the first runs of the grid (or of its shard, sweep_shard.h)
// in grid order. Anything else is
// refused with one line naming what differs, and the file is left as it was
// (but for a half-written last line, which read_sweep_csv drops).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "cli/sweep_fingerprint.h"
#include "cli/sweep_grid.h"
#include "cli/sweep_report.h"
#include "cli/sweep_row.h"
#include "cli/sweep_shard.h"
#include "cli/sweep_tally.h"
#include "sim/result.h"

namespace choreo::cli {

struct Resumed {
  std::optional<RowSchema> schema;  // empty when the file has no header yet
  std::size_t done = 0;             // rows already in the file (positions in the shard)
};

// Fills the verdicts of the shard's first `done` runs (indexed by grid index)
// and the tally from the rows of `path` (absent or empty: nothing done).
// REQUIRES: verdicts.size() == grid.run_count().
sim::Result<Resumed> resume_sweep(const std::string& path, const Grid& grid, const Shard& shard,
                                  bool wall_time, const SweepFingerprint& fingerprint,
                                  std::vector<RunVerdict>& verdicts, ReplicaTally& tally);

}  // namespace choreo::cli
