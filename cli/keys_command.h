// `choreo keys [--model NAME]`: every scenario key with its type, default,
// allowed values and meaning — the reference for writing scenario files.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace choreo::cli {

int keys_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace choreo::cli
