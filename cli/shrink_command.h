// `choreo shrink SCENARIO --seed N [--expect PATH]... [--keep KEY]...
//  [--set k=v]... [--max-runs N] [--out FILE]`
//
// Takes a failing run (an [expect] entry violated, or an internal error) and
// searches for a smaller scenario that fails the same way (shrink_search.h):
// shorter, slower, with fewer replicas and fewer, weaker faults. Prints one
// progress line per step on stderr; then, on stdout, the shrunk scenario
// file (also written to FILE, default out/<name>.shrunk.ini), its events
// against the original's, and the command that replays it.
// "The same way": every targeted [expect] entry is still violated (the
// targets are the --expect paths, or else every entry the original
// violates); for an internal error, the same error message. The shrunk
// file keeps only the targeted [expect] entries and sets run.seed, so
// `choreo run FILE` reproduces the failure as it stands.
// Exit: 0 shrunk (even if no step succeeded), 2 bad input or a run that
// does not fail, 3 internal error of choreo itself (not of the runs).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace choreo::cli {

// `args` excludes "choreo" and "shrink". Returns the exit code.
int shrink_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace choreo::cli
