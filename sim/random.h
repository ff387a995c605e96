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
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/rng.h"

namespace choreo::sim {

// Uniform in [0, n), without modulo bias (Lemire 2019). REQUIRES: n > 0
std::uint64_t uniform_int(Rng& rng, std::uint64_t n);
// Uniform in [lo, hi]. REQUIRES: lo <= hi
std::int64_t uniform_int(Rng& rng, std::int64_t lo, std::int64_t hi);
// Uniform in [lo, hi).
double uniform_real(Rng& rng, double lo, double hi);
// True with probability p (p <= 0 never, p >= 1 always).
bool bernoulli(Rng& rng, double p);
// Exponential with the given mean. REQUIRES: mean >= 0
double exponential(Rng& rng, double mean);
// Normal(mean, stddev), Marsaglia's polar method (no cached second value).
double normal(Rng& rng, double mean, double stddev);
// exp(Normal(mu, sigma)).
double lognormal(Rng& rng, double mu, double sigma);
// Pareto with scale xm > 0 and shape alpha > 0: values >= xm.
double pareto(Rng& rng, double xm, double alpha);

// Zipf over ranks 1..n with exponent s > 0: P(k) ∝ k^-s. O(1) per draw by
// rejection-inversion (Hörmann & Derflinger 1996); no table.
class Zipf {
 public:
  // REQUIRES: n >= 1, s > 0
  Zipf(std::uint64_t n, double s);
  std::uint64_t operator()(Rng& rng) const;
  std::uint64_t n() const { return n_; }
  double exponent() const { return s_; }

 private:
  double h(double x) const;
  double h_integral(double x) const;
  double h_integral_inverse(double x) const;
  std::uint64_t n_;
  double s_;
  double h_integral_x1_;
  double h_integral_n_;
  double threshold_;
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
