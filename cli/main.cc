// The choreo executable: argv in, exit code out. Everything else is in app.cc.
#include <iostream>
#include <string>
#include <vector>

#include "cli/app.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> args(argv + 1, argv + argc);
  const int code = choreo::cli::run_app(args, std::cout, std::cerr);
  std::cout.flush();
  return code;
}
