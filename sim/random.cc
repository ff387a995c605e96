// Random distributions; see random.h.
#include "sim/random.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace choreo::sim {

namespace random_detail {

// Lemire's rejection: redraw while the low half is below 2^64 mod n.
std::uint64_t uniform_int_retry(Rng& rng, std::uint64_t n, std::uint64_t low, std::uint64_t high) {
  const std::uint64_t threshold = (0 - n) % n;
  while (low < threshold) {
    const unsigned __int128 m = static_cast<unsigned __int128>(rng.next()) * n;
    low = static_cast<std::uint64_t>(m);
    high = static_cast<std::uint64_t>(m >> 64);
  }
  return high;
}

}  // namespace random_detail

double uniform_real(Rng& rng, double lo, double hi) { return lo + (hi - lo) * rng.uniform01(); }

double normal(Rng& rng, double mean, double stddev) {
  for (;;) {
    const double u = 2.0 * rng.uniform01() - 1.0;
    const double v = 2.0 * rng.uniform01() - 1.0;
    const double s = u * u + v * v;
    if (s > 0.0 && s < 1.0) return mean + stddev * u * std::sqrt(-2.0 * std::log(s) / s);
  }
}

double lognormal(Rng& rng, double mu, double sigma) { return std::exp(normal(rng, mu, sigma)); }

double pareto(Rng& rng, double xm, double alpha) {
  assert(xm > 0 && alpha > 0);
  return xm / std::pow(1.0 - rng.uniform01(), 1.0 / alpha);
}

namespace {

// log1p(x)/x, accurate near 0.
double helper1(double x) {
  return std::fabs(x) > 1e-8 ? std::log1p(x) / x : 1.0 - x * (0.5 - x * (1.0 / 3.0 - 0.25 * x));
}
// expm1(x)/x, accurate near 0.
double helper2(double x) {
  return std::fabs(x) > 1e-8 ? std::expm1(x) / x : 1.0 + x * 0.5 * (1.0 + x * (1.0 / 3.0) * (1.0 + 0.25 * x));
}

}  // namespace

Zipf::Zipf(std::uint64_t n, double s, std::uint64_t table_max) : n_(n), s_(s) {
  assert(n >= 1 && s > 0);
  h_integral_x1_ = h_integral(1.5) - 1.0;
  h_integral_n_ = h_integral(static_cast<double>(n) + 0.5);
  threshold_ = 2.0 - h_integral_inverse(h_integral(2.5) - h(2.0));
  if (n <= table_max) {
    accept_.resize(n);
    for (std::uint64_t k = 1; k <= n; ++k) accept_[k - 1] = accept_bound(static_cast<double>(k));
    squeeze_ = ZipfSqueeze(n, s, threshold_, std::min(h_integral_x1_, h_integral_n_),
                           std::max(h_integral_x1_, h_integral_n_), [this](double x) { return decide(x); });
  }
}

ZipfSqueeze::Pick Zipf::decide(double x) const {
  double k = std::floor(x + 0.5);
  if (k < 1) k = 1;
  if (k > static_cast<double>(n_)) k = static_cast<double>(n_);
  return ZipfSqueeze::Pick{.k = static_cast<std::uint64_t>(k), .sure = k - x <= threshold_};
}

double Zipf::accept_bound(double k) const { return h_integral(k + 0.5) - h(k); }

double Zipf::h(double x) const { return std::exp(-s_ * std::log(x)); }

double Zipf::h_integral(double x) const {
  const double log_x = std::log(x);
  return helper2((1.0 - s_) * log_x) * log_x;
}

double Zipf::h_integral_inverse(double x) const {
  double t = x * (1.0 - s_);
  if (t < -1.0) t = -1.0;
  return std::exp(helper1(t) * x);
}

std::uint64_t Zipf::draw(Rng& rng) const {
  for (;;) {
    const double u = u_of(rng.uniform01());
    const std::uint64_t k = settle(u, squeeze_.empty() ? ZipfSqueeze::Pick{} : squeeze_.find(u));
    if (k != 0) return k;
  }
}

std::uint64_t Zipf::resume(Rng& rng, double u, ZipfSqueeze::Pick pick) const {
  const std::uint64_t k = settle(u, pick);
  return k != 0 ? k : draw(rng);
}

std::uint64_t Zipf::settle(double u, ZipfSqueeze::Pick pick) const {
  if (pick.k == 0) pick = decide(h_integral_inverse(u));
  if (pick.sure) return pick.k;
  // pick.k is in [1, n]: its bound is at k - 1 when tabulated.
  const double bound = accept_.empty() ? accept_bound(static_cast<double>(pick.k))
                                       : accept_[static_cast<std::size_t>(pick.k) - 1];
  return u >= bound ? pick.k : 0;
}

AliasTable::AliasTable(const std::vector<double>& weights) : prob_(weights.size()), alias_(weights.size()) {
  assert(!weights.empty());
  const std::size_t n = weights.size();
  double sum = 0;
  for (double w : weights) {
    assert(w >= 0);
    sum += w;
  }
  assert(sum > 0);
  std::vector<double> scaled(n);
  std::vector<std::uint32_t> small, large;
  for (std::size_t i = 0; i < n; ++i) {
    scaled[i] = weights[i] * static_cast<double>(n) / sum;
    (scaled[i] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(i));
  }
  while (!small.empty() && !large.empty()) {
    const std::uint32_t s = small.back();
    small.pop_back();
    const std::uint32_t l = large.back();
    prob_[s] = scaled[s];
    alias_[s] = l;
    scaled[l] = (scaled[l] + scaled[s]) - 1.0;
    if (scaled[l] < 1.0) {
      large.pop_back();
      small.push_back(l);
    }
  }
  for (std::uint32_t i : large) prob_[i] = 1.0, alias_[i] = i;
  for (std::uint32_t i : small) prob_[i] = 1.0, alias_[i] = i;  // rounding leftovers
}

std::size_t AliasTable::operator()(Rng& rng) const {
  const std::size_t column = uniform_int(rng, prob_.size());
  return rng.uniform01() < prob_[column] ? column : alias_[column];
}

}  // namespace choreo::sim
