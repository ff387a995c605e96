// The columns of a sweep CSV and one row per run, built from summary.json
// (README.md, "summary.json and timeseries.csv"), so they work for any model.
//
// Columns, in order:
//   1. the varied keys, named as given to --vary (values as given);
//   2. fixed columns: seed, holds (1 when every expectation holds),
//      converged, failed_expectations (names joined by ';'), scenario (the
//      summary's name for it) and overrides (the sweep's --set values joined
//      by ';'), which plots put in their titles; events_processed,
//      sim_time_s, trace_hash, replica aggregates, delivery.*, reads.*;
//   3. per replica of the first run, in summary order:
//      replicas.<name>.{strategy,converged,converged_at_s,divergent_keys,abs_error};
//      per service of the first run's `requests`: requests.<name>.{count,per_s};
//   4. with --swarm, the values drawn for the run: swarm.<key> per drawn
//      key (cli/swarm_draw.h; from the summary's `swarm` object), empty when
//      its family is off and the key unset;
//   5. wall_time_s, only with --wall-time (it differs between runs of the
//      same sweep, so it is off by default to keep CSVs byte-identical);
//   6. fingerprint: what the sweep's rows depend on (sweep_fingerprint.h),
//      the same on every row; a resume checks it.
// A value absent from a run's summary is an empty field; booleans are 1/0;
// numbers print as nlohmann::json does (shortest round-trip, no locale).
//
// Invariant: the header depends only on the grid, the flag and the first
// run's summary, so it is the same for every -j and after a resume.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/sweep_grid.h"
#include "sim/result.h"

namespace choreo::cli {

struct RowSchema {
  std::vector<std::string> vary_keys;
  std::vector<std::string> replicas;    // names, from the first run
  std::vector<std::string> services;    // `requests` keys, from the first run
  std::vector<std::string> swarm_keys;  // the drawn keys (--swarm), from the first run
  bool wall_time = false;
  std::vector<std::string> columns() const;
  std::size_t holds_column() const { return vary_keys.size() + 1; }
  std::size_t converged_column() const { return vary_keys.size() + 2; }
  // The last column.
  std::size_t fingerprint_column() const { return columns().size() - 1; }
};

// The schema whose per-replica and per-service columns come from `first`.
RowSchema row_schema(const Grid& grid, bool wall_time, const nlohmann::json& first);
// The schema of an existing CSV's header fields; an error when its varied and
// fixed columns are not the ones this grid and flag would write, or when it
// has no fingerprint column (a CSV written before choreo had one).
sim::Result<RowSchema> schema_from_header(const Grid& grid, bool wall_time,
                                          const std::vector<std::string>& header);

// What every row of one sweep has in common.
struct SweepIdentity {
  std::string overrides;    // the --set values, "k=v;k=v"
  std::string fingerprint;  // sweep_fingerprint.h, text form
};

// The fields of one run's row.
std::vector<std::string> row_fields(const RowSchema& schema, const std::vector<std::string>& vary_values,
                                    const nlohmann::json& summary, bool holds, const SweepIdentity& identity);

// Names in the summary's replicas[] that the schema has no columns for.
std::vector<std::string> unlisted_replicas(const RowSchema& schema, const nlohmann::json& summary);

}  // namespace choreo::cli
