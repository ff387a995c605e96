// Per-replica convergence over a sweep: for each grid cell and each replica,
// in how many of the cell's runs the replica converged.
//
// A run's `converged` is true only when every replica converged, so a
// scenario with a foil (a replica meant to diverge) converges in 0% of its
// runs whatever its convergent replicas do; this tally keeps them apart.
// Fed by the runs of this process and by the rows of a resumed CSV alike;
// thread-safe. Replicas are listed by name (summary.json lists them so too),
// so the order does not depend on which run finished first.
#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "cli/output_file.h"
#include "cli/sweep_grid.h"
#include "sim/result.h"

namespace choreo::cli {

class ReplicaTally {
 public:
  struct Count {
    std::size_t converged = 0;
    std::size_t runs = 0;
  };

  explicit ReplicaTally(std::size_t cells) : cells_(cells) {}

  void add(std::size_t cell, const std::string& replica, const std::string& strategy, bool converged);
  // Every replica of a run's summary.json.
  void add_summary(std::size_t cell, const nlohmann::json& summary);
  // Every replica of a sweep CSV row (resumed or merged): `row` holds the
  // fields named by `columns`; a replica with an empty converged field is
  // not counted.
  void add_csv_row(std::size_t cell, const std::vector<std::string>& replicas,
                   const std::vector<std::string>& columns, const std::vector<std::string>& row);

  // Replica names, sorted.
  std::vector<std::string> replicas() const;
  // Its strategy, or the strategies it had across the grid joined by '/'.
  std::string strategy(const std::string& replica) const;
  Count count(std::size_t cell, const std::string& replica) const;

 private:
  struct Replica {
    std::set<std::string> strategies;
    std::vector<Count> by_cell;
  };
  std::size_t cells_;
  mutable std::mutex mutex_;
  std::map<std::string, Replica> replicas_;
};

// The tally as CSV: the varied keys, replica, strategy, runs, converged,
// convergence_rate (converged / runs, 0..1); one row per cell and replica,
// cells in grid order, replicas by name. Only a header when no run has a
// replica (the sweep then writes no file).
std::string cells_csv(const Grid& grid, const ReplicaTally& tally);

// Where the cells CSV of the sweep CSV `out` goes: x.csv -> x.cells.csv.
std::string cells_csv_path(const std::string& out);

// Replaces the cells CSV of `out` whole (writes a temporary, renames it), so
// a reader never sees half of it; writes nothing when no run has a replica
// (PHOLD). A failure names --out and carries its exit code (cli/output_file.h).
OutputStatus write_cells_csv(const std::string& out, const Grid& grid, const ReplicaTally& tally);

}  // namespace choreo::cli
