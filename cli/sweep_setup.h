// `choreo sweep`'s command line turned into a checked sweep: the flags, the
// grid, the shard, the fingerprint and the output path, all read-only while
// the runs run. Every cell's scenario is loaded once here, so a bad key,
// value or [expect] path stops the sweep before anything runs.
//
// Does not run anything or touch the CSV (sweep_command.cc does).
#pragma once

#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include "cli/swarm_draw.h"
#include "cli/sweep_fingerprint.h"
#include "cli/sweep_grid.h"
#include "cli/sweep_shard.h"

namespace choreo::cli {

struct SweepArgs {
  std::string scenario;
  std::string seeds;
  std::vector<std::string> varies;
  std::vector<std::string> sets;
  std::string out;
  std::string shard;
  bool sharded = false;  // --shard given
  unsigned jobs = 0;
  bool wall_time = false;
  bool swarm = false;
  bool help = false;
};

// Everything the runs share.
struct Sweep {
  SweepArgs args;
  Grid grid;
  Shard shard;
  std::string out_path;
  SweepFingerprint fingerprint;
  std::vector<SwarmRanges> swarm;  // per cell, with --swarm
  // --set overrides, then the cell's varied values.
  std::vector<std::string> overrides(std::size_t cell) const;
  // What --swarm drew for run `run` (a grid index); empty without --swarm.
  SwarmDraw drawn(std::size_t run) const;
  // The cell's overrides, then the values drawn for the run (later wins).
  std::vector<std::string> run_overrides(std::size_t run) const;
  // The command that replays run `run`.
  std::string replay(std::size_t run) const;
};

// Config errors name `--set KEY`; for a varied key the user typed --vary.
std::string blame_vary(const Grid& grid, std::string message);

// The checked sweep, or the exit code when the command ends here: --help
// (printed on `out`), or bad input (one line on `err`).
std::variant<Sweep, int> build_sweep(const std::vector<std::string>& args, std::ostream& out,
                                     std::ostream& err);

}  // namespace choreo::cli
