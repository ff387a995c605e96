// Recovering a sweep's grid from the rows of its shards, for
// `choreo sweep-merge`: the CSVs name the varied keys and hold each run's
// varied values and seed, but not the order of the --vary values, which
// fixes the order of the rows.
//
// Each shard's rows are in grid order (sweep_shard.h), so two consecutive
// rows of one shard say which value comes first for the first varied key on
// which they differ. Every order of each key's values that agrees with all
// such pairs is a candidate; the seeds are the lowest to the highest seen.
// The candidate whose digest equals the fingerprint's grid part
// (sweep_fingerprint.h) is the sweep's grid; with round-robin shards the
// pairs usually leave exactly one candidate. Not a CSV reader: the caller
// passes the values.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cli/sweep_grid.h"
#include "sim/result.h"

namespace choreo::cli {

struct RunKey {
  std::vector<std::string> values;  // of the varied keys, in header order
  std::uint64_t seed = 0;
};

// `parts` holds each part's run keys in file order (at least one run in
// all). Errors: no order of the values agrees with the parts (rows out of
// grid order), or no candidate has the digest (seeds or values missing).
sim::Result<Grid> recover_grid(const std::vector<std::string>& keys,
                               const std::vector<std::vector<RunKey>>& parts, const std::string& digest);

}  // namespace choreo::cli
