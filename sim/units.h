// Parsing of scenario values with units. Each parser takes the value text
// alone and, on failure, returns an Error whose message says what is allowed
// (the config loader prefixes the file, line, key and the bad value).
//
//   parse_duration("30s")      -> 30'000'000 (microseconds)
//   parse_duration("1.5min")   -> 90'000'000
//   parse_rate("200/s")        -> 200.0 (per second); also /ms, /min, /h, /d
//   parse_probability("1%")    -> 0.01; also "0.01"
//   parse_bytes("64MiB")       -> 67'108'864; also B, KB, KiB, MB, MiB, GB, GiB
//
// Duration units: us, ms, s, min, h, d. A bare number is an error for
// durations and rates (except "0"), never silently a default unit. A rate is
// 0 or at least one per kMaxDuration (3650d), so its mean gap fits a run.
#pragma once

#include <cstdint>
#include <string_view>

#include "sim/result.h"
#include "sim/time.h"

namespace choreo::sim {

Result<Time> parse_duration(std::string_view text);
Result<double> parse_rate(std::string_view text);
Result<double> parse_probability(std::string_view text);
Result<std::int64_t> parse_integer(std::string_view text);  // "65536", "65_536", "1e6"
Result<double> parse_number(std::string_view text);
Result<bool> parse_bool(std::string_view text);  // true/false, yes/no, on/off, 1/0
Result<std::uint64_t> parse_bytes(std::string_view text);

// Canonical text of a duration, shortest exact unit: 30000000 -> "30s".
std::string format_duration(Time t);
// The shortest decimal text without an exponent that parse_probability reads
// back as exactly `p`: 1e-5 -> "0.00001", 0 -> "0". REQUIRES: 0 <= p <= 1.
std::string format_probability(double p);
// The same for a rate per second, with its unit: 0 -> "0/s", 2.5 -> "2.5/s".
std::string format_rate(double per_s);
// Canonical text of a size, the largest unit that divides it exactly, binary
// units first: 1073741824 -> "1GiB", 72000 -> "72KB", 100 -> "100B".
std::string format_bytes(std::uint64_t bytes);

}  // namespace choreo::sim
