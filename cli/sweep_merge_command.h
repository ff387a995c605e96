// `choreo sweep-merge PART.csv... --out FILE.csv`
//
// Puts the CSVs of a sweep's shards (`choreo sweep --shard I/N`) together
// into the CSV the whole sweep writes on one machine, byte for byte (see
// sweep_merge.h), writes FILE.cells.csv beside it as the sweep does, and
// prints the sweep's end-of-run tables. Replaces FILE.csv whole (a
// temporary renamed over it). The replay commands it prints name the
// scenario file as NAME.ini (the CSV keeps only the file's name).
// Exit: 0 every run's expectations hold, 1 some do not, 2 bad input
// (unreadable parts, parts of different sweeps, overlapping or missing
// rows), 3 internal error.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace choreo::cli {

// `args` excludes "choreo" and "sweep-merge". Returns the exit code.
int sweep_merge_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace choreo::cli
