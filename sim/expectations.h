// A scenario's [expect] section, checked against the run's summary.json.
//
// Each entry is `path = condition`:
//   converged = true
//   replicas.counts-naive.converged = false     # array element by its "name"
//   requests.user-service.per_s = 19000..21000  # inclusive range
//   delivery.lost = >0                          # also >=, <, <=, !=
//   reads.failed = 0                            # equality
// A path walks objects by key (a key may itself contain dots, e.g.
// config.phold.processes) and arrays by the `name` field of their elements.
//
// Checks only read the summary; they never change a run. An entry whose path
// names nothing, whose condition is malformed, or whose condition does not
// fit the value's type (true/false against a number) is a user error located
// at the entry (file:line), with did-you-mean among the keys that exist there.
// The CLI finds these errors before the run, with check_expectation_paths on
// the summary's shape; a value still null there (converged_at_s) is
// type-checked only after the run, where null never holds.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sim/config.h"
#include "sim/result.h"

namespace choreo::sim {

struct ExpectationResult {
  std::string name;  // "path = condition", as written
  bool holds = false;
  std::string detail;  // "actual 3, expected >0"
};

// `entries` are the [expect] entries (keys "expect.<path>").
Result<std::vector<ExpectationResult>> check_expectations(const nlohmann::json& summary,
                                                          const std::vector<RawEntry>& entries);

// The same user errors, without judging values: `shape` is a summary with
// every key the run will write, its values not yet final.
Status check_expectation_paths(const nlohmann::json& shape, const std::vector<RawEntry>& entries);

}  // namespace choreo::sim
