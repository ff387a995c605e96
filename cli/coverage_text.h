// The `coverage` section of the readable run report, and the warning a
// configured fault that never fired gets (README.md, "Fault coverage").
//
// Reads only summary.json's `coverage` and `config`; a summary without
// `coverage` (a model with no broker, such as PHOLD) prints and warns
// nothing. A warning is advice on stderr, never a failure: the run's exit
// code is its expectations'.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace choreo::cli {

// "coverage", then the configured faults with how often each fired, then the
// mechanisms that fired (the rest are 0).
void print_coverage(const nlohmann::json& coverage, std::ostream& out);

// One line per configured fault that never fired, e.g.
// "choreo: warning: broker.loss = 1% is configured but never fired in this
// run (no copy was lost to it)".
std::vector<std::string> inert_fault_warnings(const nlohmann::json& summary);

}  // namespace choreo::cli
