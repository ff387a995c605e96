// The choreo executable: argv in, exit code out (4 when standard output could
// not be written). Everything else is in app.cc.
#include <iostream>
#include <string>
#include <vector>

#include "cli/app.h"
#include "cli/exit_codes.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> args(argv + 1, argv + argc);
  const int code = choreo::cli::run_app(args, std::cout, std::cerr);
  std::cout.flush();
  if (!std::cout && code != choreo::cli::kExitInternal) {  // `choreo run --json > /dev/full`
    std::cerr
        << "choreo: writing to standard output failed (disk full or closed); the output is incomplete\n";
    return choreo::cli::kExitOutput;
  }
  return code;
}
