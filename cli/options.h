// Command-line parsing shared by the subcommands: Boost.Program_options with
// one-line errors ("choreo run: unknown option '--sed' (did you mean
// '--seed'?)") instead of exceptions.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "sim/result.h"

namespace choreo::cli {

// Parses `args` into the variables bound in `options`. `command` prefixes
// every error ("choreo run").
sim::Status parse_args(const std::vector<std::string>& args,
                       const boost::program_options::options_description& options,
                       const boost::program_options::positional_options_description& positional,
                       const std::string& command);

}  // namespace choreo::cli
