// The exit codes of every choreo command (README.md, "Exit codes").
#pragma once

namespace choreo::cli {

inline constexpr int kExitHolds = 0;     // every expectation holds
inline constexpr int kExitViolated = 1;  // an expectation is violated
inline constexpr int kExitBadInput = 2;  // bad scenario file or flags
inline constexpr int kExitInternal = 3;  // a bug in choreo

}  // namespace choreo::cli
