// The exit codes of every choreo command (README.md, "Exit codes").
#pragma once

namespace choreo::cli {

inline constexpr int kExitHolds = 0;     // every expectation holds
inline constexpr int kExitViolated = 1;  // an expectation is violated
inline constexpr int kExitBadInput = 2;  // bad scenario file or flags, an unusable output path,
                                         // a scenario too large for this machine
inline constexpr int kExitInternal = 3;  // a bug in choreo
inline constexpr int kExitOutput = 4;    // an output write failed (disk full, I/O error): data lost

}  // namespace choreo::cli
