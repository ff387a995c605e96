// Whole numbers from an exponential draw (random.h's exponential: x =
// -mean * log1p(-u)), truncated toward zero or rounded to nearest (halves
// up), decided from a cheaper log for almost every u: the same integer as
// computing x with log1p and converting it, so no draw changes. Where the
// cheap value is too close to a boundary to be sure, the draw computes x
// as before. Not a distribution of its own: it consumes the same one
// uniform as exponential() and is only a faster way to the same number.
//
// Why the decision is the computed one. 1 - u is exact in double (u is a
// multiple of 2^-53 in [0, 1)), so y = -mean * log(1 - u) and x = -mean *
// log1p(-u) evaluate the same real X = -mean ln(1 - u) (for the same
// double mean). glibc's log and log1p are within 1 ulp (we allow 2^8 ulp,
// 2^-44 relative), and the product adds half an ulp: both y and x lie
// within 2^-43 X of X, so within 2^-42 X of each other. The integer
// changes only where x crosses a boundary (truncation: the integers >= 1;
// rounding: j + 0.5). When y is more than y 2^-36 away from every boundary
// (its distance computed from y's exact fractional part; y 2^-36 is far
// above the 2^-42 X between x and y), x lies on the same side of each and
// converts to the same integer. A value y at or above 2^35 never passes
// the test (every distance is at most 1/2 < y 2^-36), so the fast path
// only ever returns values below 2^35.
#pragma once

#include <cmath>
#include <cstdint>

#include "sim/rng.h"

namespace choreo::sim {

struct ExponentialInt {
  bool known = false;  // `value` holds the integer; else `x` the draw
  std::int64_t value = 0;
  double x = 0;  // -mean * log1p(-u), computed when !known
};

namespace exponential_int_detail {

// The cheap value and the margin it must keep from every boundary.
inline double cheap(double u, double mean) { return -mean * std::log(1.0 - u); }
inline double margin(double y) { return y * 0x1p-36; }
[[gnu::noinline, gnu::cold]] inline ExponentialInt computed(double u, double mean) {
  return {.known = false, .x = -mean * std::log1p(-u)};
}

}  // namespace exponential_int_detail

// static_cast<std::int64_t>(-mean * log1p(-u)) when known.
// REQUIRES: u in [0, 1) a multiple of 2^-53, mean >= 0
inline ExponentialInt exponential_trunc_of(double u, double mean) {
  namespace d = exponential_int_detail;
  const double y = d::cheap(u, mean);
  if (!(y < 0x1p35)) return d::computed(u, mean);
  const auto whole = static_cast<std::int64_t>(y);  // floor: 0 <= y < 2^35
  const auto j = static_cast<double>(whole);
  const double m = d::margin(y);
  if ((whole == 0 || y - j > m) && (j + 1) - y > m) return {.known = true, .value = whole};
  return d::computed(u, mean);
}

// std::llround(-mean * log1p(-u)) when known (then the draw is >= 0).
// REQUIRES: u in [0, 1) a multiple of 2^-53, mean >= 0
inline ExponentialInt exponential_round_of(double u, double mean) {
  namespace d = exponential_int_detail;
  const double y = d::cheap(u, mean);
  if (!(y < 0x1p35)) return d::computed(u, mean);
  const auto whole = static_cast<std::int64_t>(y);  // floor: 0 <= y < 2^35
  const double f = y - static_cast<double>(whole);  // exact
  if (std::fabs(f - 0.5) > d::margin(y)) return {.known = true, .value = whole + (f > 0.5 ? 1 : 0)};
  return d::computed(u, mean);
}

// The same uniform as exponential(rng, mean).
inline ExponentialInt exponential_trunc(Rng& rng, double mean) {
  return exponential_trunc_of(rng.uniform01(), mean);
}
inline ExponentialInt exponential_round(Rng& rng, double mean) {
  return exponential_round_of(rng.uniform01(), mean);
}

}  // namespace choreo::sim
