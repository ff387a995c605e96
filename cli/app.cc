// Subcommand dispatch; see app.h.
#include "cli/app.h"

#include <fmt/format.h>
#include <sys/resource.h>

#include <exception>
#include <new>

#include "cli/exit_codes.h"
#include "cli/explain_command.h"
#include "cli/keys_command.h"
#include "cli/memory_check.h"
#include "cli/run_command.h"
#include "cli/shrink_command.h"
#include "cli/sweep_command.h"
#include "cli/sweep_merge_command.h"
#include "sim/config.h"

namespace choreo::cli {

namespace {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>&, std::ostream&, std::ostream&);
};

const Command kCommands[] = {
    {"run", "run one scenario with one seed; exit 0 if its expectations hold", &run_command},
    {"sweep", "run a grid of seeds x varied keys in parallel into a CSV; resumable", &sweep_command},
    {"sweep-merge", "merge the CSVs of a sweep's shards (sweep --shard I/N) into the whole sweep's CSV",
     &sweep_merge_command},
    {"shrink", "find a smaller scenario that fails the way a failing run fails", &shrink_command},
    {"explain", "say which message fates make a diverged replica differ, and why", &explain_command},
    {"keys", "list every scenario key with its type, default and meaning", &keys_command},
};

void print_help(std::ostream& out) {
  out << "choreo: a deterministic, seeded simulator of choreographed microservices.\n"
         "Does a replica kept by consuming a queue's events converge when the queue\n"
         "drops, duplicates or reorders them?\n\n"
         "Usage: choreo COMMAND [options]\n\nCommands:\n";
  for (const auto& c : kCommands) out << fmt::format("  {:<12} {}\n", c.name, c.summary);
  out << "\nOptions:\n  -h, --help     show this help (each command has its own: choreo run --help)\n"
         "  --version      print the version\n\n"
         "Start with:\n  choreo run scenarios/default.ini\n";
}

int dispatch(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {  // a usage error: the usage goes where errors go
    print_help(err);
    return kExitBadInput;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_help(out);
    return kExitHolds;
  }
  if (args[0] == "--version") {
    out << "choreo " << CHOREO_VERSION << "\n";
    return kExitHolds;
  }
  std::vector<std::string> names;
  for (const auto& c : kCommands) {
    if (args[0] == c.name) return c.run({args.begin() + 1, args.end()}, out, err);
    names.emplace_back(c.name);
  }
  const std::string guess = sim::did_you_mean(args[0], names);
  err << fmt::format("choreo: unknown command '{}'{} (see choreo --help)\n", args[0],
                     guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess));
  return kExitBadInput;
}

// This process's peak resident size and what it may use (memory_check.h).
std::string memory_text() {
  struct rusage usage {};
  ::getrusage(RUSAGE_SELF, &usage);
  const auto peak = static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;  // ru_maxrss is in KiB on Linux
  const MemoryLimit limit = memory_limit();
  return fmt::format("peak {}; {} is {}", format_gib(peak), limit.source, format_gib(limit.bytes));
}

}  // namespace

int run_app(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  try {
    return dispatch(args, out, err);
  } catch (const std::bad_alloc&) {
    // A valid scenario too large for this machine: a limit, not a bug.
    err << "choreo: out of memory (" << memory_text()
        << "): the scenario is too large for this machine; see README.md, \"Limits\"\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    err << "choreo: internal error: " << e.what() << " (please report it with the command line)\n";
    return kExitInternal;
  }
}

}  // namespace choreo::cli
