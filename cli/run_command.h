// `choreo run SCENARIO [--seed N] [--set k=v]... [--out DIR] [--trace FILE|-] [--trace-filter T] [--json]`
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace choreo::cli {

// `args` excludes "choreo" and "run". Returns the exit code.
int run_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace choreo::cli
