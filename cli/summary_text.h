// The readable run report: the header printed before a run (the seed and
// the options set by the scenario or the command line; every resolved option
// when verbose) and the results printed after it, both rendered from the
// same data that goes to summary.json, so the two never disagree.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/scenario.h"

namespace choreo::cli {

void print_header(const Scenario& scenario, bool verbose, std::ostream& out);
// Everything after the run except the verdict line.
void print_results(const nlohmann::json& summary, std::ostream& out);

}  // namespace choreo::cli
