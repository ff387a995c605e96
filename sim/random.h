// Random distributions over Rng, written here so their output is the same
// with every standard library (std::*_distribution is not).
//
//   Rng rng = sim.rng("workload");
//   std::uint64_t die = uniform_int(rng, 6);          // 0..5, no modulo bias
//   bool lost = bernoulli(rng, 0.01);
//   double gap_s = exponential(rng, 0.5);             // mean 0.5
//   Zipf stories(10'000, 1.1);  std::uint64_t rank = stories(rng);  // 1..n
//   AliasTable pick({0.5, 0.3, 0.2});  std::size_t i = pick(rng);
//
// Floating-point transforms use only log, log1p, expm1, exp, pow, sqrt and
// cos from libm, in a fixed order of operations.
//
// The hot draws (uniform_int, bernoulli, exponential) are inline: a model
// draws millions of them, and inline a uniform_int costs ~28 instructions
// instead of ~40 (callgrind, scenarios/default.ini). Inlining cannot change
// their values: they are integer arithmetic, a comparison, or one
// multiplication of log1p's result (no a * b + c that a compiler could fuse
// into an FMA); the rest stay in random.cc.
#pragma once

#include <cassert>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "sim/rng.h"
#include "sim/zipf_squeeze.h"

namespace choreo::sim {

namespace random_detail {
// uniform_int's rare rejection loop, for a first draw whose low half is < n.
std::uint64_t uniform_int_retry(Rng& rng, std::uint64_t n, std::uint64_t low, std::uint64_t high);
}  // namespace random_detail

// Uniform in [0, n), without modulo bias (Lemire 2019). REQUIRES: n > 0
inline std::uint64_t uniform_int(Rng& rng, std::uint64_t n) {
  assert(n > 0);
  const unsigned __int128 m = static_cast<unsigned __int128>(rng.next()) * n;
  const auto low = static_cast<std::uint64_t>(m);
  const auto high = static_cast<std::uint64_t>(m >> 64);
  if (low < n) [[unlikely]] {
    return random_detail::uniform_int_retry(rng, n, low, high);
  }
  return high;
}
// Uniform in [lo, hi]. REQUIRES: lo <= hi
inline std::int64_t uniform_int(Rng& rng, std::int64_t lo, std::int64_t hi) {
  assert(lo <= hi);
  const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
  if (span == UINT64_MAX) return static_cast<std::int64_t>(rng.next());
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + uniform_int(rng, span + 1));
}
// Uniform in [lo, hi).
double uniform_real(Rng& rng, double lo, double hi);
// True with probability p (p <= 0 never, p >= 1 always).
inline bool bernoulli(Rng& rng, double p) {
  if (p <= 0) return false;
  if (p >= 1) return true;
  return rng.uniform01() < p;
}
// Exponential with the given mean. REQUIRES: mean >= 0
inline double exponential(Rng& rng, double mean) {
  assert(mean >= 0);
  return -mean * std::log1p(-rng.uniform01());
}
// Normal(mean, stddev), Marsaglia's polar method (no cached second value).
double normal(Rng& rng, double mean, double stddev);
// exp(Normal(mu, sigma)).
double lognormal(Rng& rng, double mu, double sigma);
// Pareto with scale xm > 0 and shape alpha > 0: values >= xm.
double pareto(Rng& rng, double xm, double alpha);

// Zipf over ranks 1..n with exponent s > 0: P(k) ∝ k^-s. O(1) per draw by
// rejection-inversion (Hörmann & Derflinger 1996).
//
// Two tables make a draw cheaper without changing it (n <= table_max):
// - The acceptance bound of a candidate rank k, h_integral(k + 0.5) - h(k),
//   depends on k alone. It is computed once per rank in the constructor,
//   by the same function on the same double k, and read from the table
//   afterwards: the same value, so the same draws as computing it each
//   time (two exp and two log fewer per draw that needs the bound).
//   8 bytes per rank.
// - A squeeze (zipf_squeeze.h) gives the candidate rank and whether it is
//   accepted outright from u, without exp and log1p, for all u outside
//   tiny zones around the decision boundaries (where the draw computes as
//   before); its header proves the decision is the computed one.
// Larger n computes both per draw.
class Zipf {
 public:
  static constexpr std::uint64_t kTableMax = 4096;
  // REQUIRES: n >= 1, s > 0
  Zipf(std::uint64_t n, double s, std::uint64_t table_max = kTableMax);
  // Inline: most draws are one uniform and a squeeze hit; the rest (a
  // zone, the bound test, a redraw) continue out of line.
  std::uint64_t operator()(Rng& rng) const {
    if (squeeze_.empty()) return draw(rng);
    const double u = u_of(rng.uniform01());
    const ZipfSqueeze::Pick pick = squeeze_.find(u);
    if (pick.sure) return pick.k;  // (sure implies k >= 1)
    return resume(rng, u, pick);
  }
  std::uint64_t n() const { return n_; }
  double exponent() const { return s_; }

  // For tests of the squeeze: the u a draw maps a uniform in [0, 1) to, and
  // the decision for u computed (first) and by the squeeze (second; k = 0
  // when u is in a zone or there is no squeeze).
  double u_of(double unit) const { return h_integral_n_ + unit * (h_integral_x1_ - h_integral_n_); }
  std::pair<ZipfSqueeze::Pick, ZipfSqueeze::Pick> picks(double u) const {
    return {decide(h_integral_inverse(u)), squeeze_.empty() ? ZipfSqueeze::Pick{} : squeeze_.find(u)};
  }

 private:
  double h(double x) const;
  double h_integral(double x) const;
  double h_integral_inverse(double x) const;
  // The acceptance bound of rank k, h_integral(k + 0.5) - h(k).
  double accept_bound(double k) const;
  // The candidate rank for x = h_integral_inverse(u), and whether it is
  // accepted without the bound test.
  ZipfSqueeze::Pick decide(double x) const;
  // A draw from its first uniform on.
  std::uint64_t draw(Rng& rng) const;
  // A draw whose first uniform gave u, with the squeeze's `pick` for it
  // (not sure): finishes that attempt and draws again as draw() would.
  [[gnu::noinline]] std::uint64_t resume(Rng& rng, double u, ZipfSqueeze::Pick pick) const;
  // The rest of one attempt at u given `pick` (k = 0: compute it): the
  // rank if accepted, 0 if rejected.
  std::uint64_t settle(double u, ZipfSqueeze::Pick pick) const;
  std::uint64_t n_;
  double s_;
  double h_integral_x1_;
  double h_integral_n_;
  double threshold_;
  std::vector<double> accept_;  // rank k at k - 1; empty when n > table_max
  ZipfSqueeze squeeze_;         // empty when n > table_max
};

// A discrete distribution over indices 0..w.size()-1 with the given weights,
// drawn in O(1) with Vose's alias method.
class AliasTable {
 public:
  // REQUIRES: weights non-empty, all >= 0, sum > 0
  explicit AliasTable(const std::vector<double>& weights);
  std::size_t operator()(Rng& rng) const;
  std::size_t size() const { return prob_.size(); }

 private:
  std::vector<double> prob_;
  std::vector<std::uint32_t> alias_;
};

}  // namespace choreo::sim
