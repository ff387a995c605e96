// The swarm sweep's family table; see swarm_report.h.
#include "cli/swarm_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>

namespace choreo::cli {

namespace {

struct Family {
  std::string name;
  std::size_t on_failing = 0;
  std::size_t on_all = 0;
};

std::string share(std::size_t n, std::size_t of) {
  return fmt::format("{}/{} {:.1f}%", n, of, of == 0 ? 0.0 : 100.0 * static_cast<double>(n) / of);
}

}  // namespace

void print_swarm_families(const std::vector<SwarmRun>& runs, std::ostream& out) {
  std::vector<Family> families;
  std::size_t failing = 0;
  for (const SwarmRun& run : runs) {
    failing += run.holds ? 0 : 1;
    std::vector<std::string> on;
    for (const auto& [key, value] : run.drawn) {
      const std::string f = swarm_family(key);
      auto it = std::find_if(families.begin(), families.end(), [&](const Family& x) { return x.name == f; });
      if (it == families.end()) it = families.insert(families.end(), Family{f});
      if (swarm_on(value) && std::find(on.begin(), on.end(), f) == on.end()) on.push_back(f);
    }
    for (Family& fam : families) {
      if (std::find(on.begin(), on.end(), fam.name) == on.end()) continue;
      ++fam.on_all;
      fam.on_failing += run.holds ? 0 : 1;
    }
  }
  // Most often on in failing runs first; ties keep the column order.
  std::stable_sort(families.begin(), families.end(),
                   [](const Family& a, const Family& b) { return a.on_failing > b.on_failing; });
  out << fmt::format("swarm: fault families in the {} failing of {} runs, most often on first\n", failing,
                     runs.size());
  out << fmt::format("  {:<22} {:<22} {:<22} {}\n", "family", "on in failing runs", "on in all runs",
                     "failing when on");
  for (const Family& f : families) {
    out << fmt::format("  {:<22} {:<22} {:<22} {}\n", f.name, share(f.on_failing, failing),
                       share(f.on_all, runs.size()), share(f.on_failing, f.on_all));
  }
}

}  // namespace choreo::cli
