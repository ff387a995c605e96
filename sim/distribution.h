// A parsed distribution, the value of keys such as `delay = exp:20ms`.
//
//   20ms                    constant
//   uniform:1ms..5ms        uniform in [1ms, 5ms]
//   exp:20ms                exponential with mean 20ms
//   normal:20ms,5ms         normal(mean, stddev), clamped at 0
//   lognormal:20ms,0.5      lognormal with median 20ms and sigma 0.5
//   pareto:1ms,1.5          Pareto with scale 1ms and shape 1.5
//   zipf:1.1                Zipf exponent (popularity); no unit
//
// Duration distributions sample integer microseconds in 0..kMaxDraw: a draw
// past kMaxDraw (100 years, past the end of any run) is clamped to it, so a
// heavy tail can never overflow time arithmetic. A scenario key bounds its
// distribution's 99th percentile (the schema's max, at most kMaxDuration by
// default; see config_schema.h), which keeps the draws meaningful: a
// pareto:1ms,0.03, whose median is 125 days and whose 99th percentile is
// 10^56 years, is refused when the scenario is checked.
// Sampling uses only sim/random.h, so it is portable and deterministic.
#pragma once

#include <string>
#include <string_view>

#include "sim/result.h"
#include "sim/rng.h"
#include "sim/time.h"

namespace choreo::sim {

struct Distribution {
  enum class Kind { kConstant, kUniform, kExponential, kNormal, kLognormal, kPareto, kZipf };
  Kind kind = Kind::kConstant;
  double a = 0;      // constant value, low, mean, median, scale, or zipf exponent
  double b = 0;      // high, stddev, sigma or shape; unused otherwise
  std::string text;  // as written, normalised (no spaces)

  // A draw in the distribution's unit (microseconds for durations).
  // REQUIRES: kind != kZipf (a Zipf needs a population size: use sim::Zipf)
  double sample(Rng& rng) const;
  // A draw rounded to whole microseconds, in 0..kMaxDraw.
  Time sample_time(Rng& rng) const;
  // The mean (infinite for Pareto with shape <= 1).
  double mean() const;
  // The 99th percentile, in closed form (for a normal, of the unclamped
  // normal). REQUIRES: kind != kZipf
  double p99() const;
  // How p99() follows from the parameters, as a user reads it:
  // "SCALE * 100^(1/SHAPE)".
  const char* p99_formula() const;

  bool operator==(const Distribution&) const = default;
};

// Every form above except zipf; values must carry duration units.
Result<Distribution> parse_duration_distribution(std::string_view text);
// A distribution written in code, such as an option's default: the value
// and its text in one place. REQUIRES: `text` parses (asserted).
Distribution duration_distribution(std::string_view text);
// Only "zipf:S" with 0 < S <= kMaxZipfExponent.
inline constexpr double kMaxZipfExponent = 10;
Result<Distribution> parse_zipf(std::string_view text);

}  // namespace choreo::sim
