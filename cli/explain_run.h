// The explanation of a whole run, as `choreo explain` prints it after its
// header line. For every diverged replica (or only the selected one):
//
//   a totals line: how many keys differ, their abs_error, and how much of
//     it the explained differences cover, naming the keys not explained
//     in full (the accounting always covers every divergent key);
//   the causes summed over every key, largest first;
//   the details (explain_key's text) of the first `keys` keys, those not
//     explained in full first, then the largest differences; or of `key`.
//
// Or one line saying every replica converged. Shared by `choreo explain`
// and `choreo run --report`.
//
// The divergent keys come from the trace's `divergent` lines (every key
// of every replica, written at the end of a traced run); a trace without
// them (filtered out) falls back on summary.json's first examples, and the
// totals line says that only those were explained.
//
// Reads a run's summary.json (its replicas and config) and a FateLog of its
// trace; writes nothing.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/fate_log.h"

namespace choreo::cli {

struct ExplainSelection {
  std::string replica;      // only this replica (empty: every diverged one)
  std::string key;          // details of this key only ("story 6"; empty: the first `keys`)
  std::int64_t keys = 3;    // keys whose details are printed, per replica; -1: all
  std::int64_t causes = 5;  // lines of causes summed over every key, per replica; -1: all
};

std::string explain_run(const nlohmann::json& summary, const FateLog& log, const ExplainSelection& select);

// Whether `summary` has a replica named `name`.
bool has_replica(const nlohmann::json& summary, const std::string& name);

}  // namespace choreo::cli
