// `choreo explain SCENARIO.ini [--seed N] [--set k=v]... [--replica NAME] [--keys N]`:
// runs the scenario as `choreo run` would (same seed, same trace hash),
// reads its trace in memory, and for the first divergent keys of each
// diverged replica prints the message fates that account for the
// difference (explain_key.h). Writes no files.
// `choreo explain OUTDIR [--trace FILE]` and `choreo explain --trace FILE`
// do the same from a recorded run (recorded_run.h), without running it.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace choreo::cli {

int explain_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace choreo::cli
