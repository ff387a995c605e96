// The `choreo` command: dispatches to subcommands and turns escaped
// exceptions into one line: running out of memory is exit 2 (a scenario too
// large for this machine), anything else exit 3 (a bug).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace choreo::cli {

// `args` excludes argv[0]. Returns the process exit code.
int run_app(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace choreo::cli
