// Virtual time. An integer count of microseconds since the start of a run:
// exact, portable, and totally ordered. There is no wall clock in sim/.
//
// Time arithmetic never overflows. Every duration a scenario key takes is at
// most kMaxDuration (a key may state less), a drawn duration is at most
// kMaxDraw, and add_time() saturates at kForever ("never"): a time past the
// end of any run is never reached, so it may as well be infinite.
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

// The longest duration any scenario key accepts (run.duration and run.settle
// are each at most this, so no run ends past 2 * kMaxDuration).
inline constexpr Time kMaxDuration = 3650 * kDay;
// The longest duration a distribution draws (sim/distribution.h): past the
// end of every run, so clamping a draw to it never changes what a run sees.
inline constexpr Time kMaxDraw = 10 * kMaxDuration;
static_assert(kMaxDraw > 2 * kMaxDuration);

// a + b, or kForever when the sum would pass it. REQUIRES: a >= 0, b >= 0
inline constexpr Time add_time(Time a, Time b) { return b > kForever - a ? kForever : a + b; }

inline constexpr double to_seconds(Time t) { return static_cast<double>(t) / kSecond; }
inline constexpr double to_millis(Time t) { return static_cast<double>(t) / kMillisecond; }

}  // namespace choreo::sim
