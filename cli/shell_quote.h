// Quoting for commands we print for the user to paste into a POSIX shell.
#pragma once

#include <string>
#include <string_view>

namespace choreo::cli {

// `word` unchanged when it needs no quoting, else in single quotes.
std::string shell_quote(std::string_view word);

}  // namespace choreo::cli
