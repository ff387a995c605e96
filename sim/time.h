// Virtual time. An integer count of microseconds since the start of a run:
// exact, portable, and totally ordered. There is no wall clock in sim/.
//
// Invariant: time never goes backwards inside one Simulation.
#pragma once

#include <cstdint>

namespace choreo::sim {

using Time = std::int64_t;  // microseconds

inline constexpr Time kMicrosecond = 1;
inline constexpr Time kMillisecond = 1'000;
inline constexpr Time kSecond = 1'000'000;
inline constexpr Time kMinute = 60 * kSecond;
inline constexpr Time kHour = 60 * kMinute;
inline constexpr Time kDay = 24 * kHour;
inline constexpr Time kForever = INT64_MAX;

inline constexpr double to_seconds(Time t) { return static_cast<double>(t) / kSecond; }
inline constexpr double to_millis(Time t) { return static_cast<double>(t) / kMillisecond; }

}  // namespace choreo::sim
