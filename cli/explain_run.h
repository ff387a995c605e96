// The explanation of a whole run, as `choreo explain` prints it after its
// header line: for the first `keys` divergent keys of every diverged
// replica (or only `only`), its explain_key text; or one line saying every
// replica converged. Shared by `choreo explain` and `choreo run --report`.
//
// Reads a run's summary.json (its replicas and config) and a FateLog of its
// trace; writes nothing.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/fate_log.h"

namespace choreo::cli {

std::string explain_run(const nlohmann::json& summary, const FateLog& log, const std::string& only,
                        std::int64_t keys);

// Whether `summary` has a replica named `name`.
bool has_replica(const nlohmann::json& summary, const std::string& name);

}  // namespace choreo::cli
