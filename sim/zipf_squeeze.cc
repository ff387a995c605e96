// The Zipf squeeze table; see zipf_squeeze.h.
#include "sim/zipf_squeeze.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace choreo::sim {

namespace {

constexpr long double kZone = 0x1p-30L;  // a zone's half-width, relative to its boundary
static_assert(2 * ZipfSqueeze::kMaxRanks < UINT16_MAX, "guide_ holds zone indices in 16 bits");

// The boundaries in x where Zipf's decision changes, ascending, distinct.
std::vector<long double> boundaries(std::uint64_t n, double threshold) {
  std::vector<long double> out;
  for (std::uint64_t k = 1; k <= n; ++k) {
    if (k < n) out.push_back(static_cast<long double>(k) + 0.5L);
    out.push_back(static_cast<long double>(k) - static_cast<long double>(threshold));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

ZipfSqueeze::ZipfSqueeze(std::uint64_t n, double s, double threshold, double u_min, double u_max,
                         const std::function<Pick(double)>& decide) {
  const double c = 1.0 - s;
  if (n > kMaxRanks || !(s >= 0.25 && s <= 4.0) || !(u_max > u_min)) return;
  if (!(u_min * c >= -0.9 && u_max * c >= -0.9)) return;
  const std::vector<long double> b = boundaries(n, threshold);
  if (b.empty() || !(b.front() >= 0x1p-10L)) return;
  // The hat's integral, exactly enough: (x^(1-s) - 1) / (1 - s), or ln x.
  const long double cl = 1.0L - static_cast<long double>(s);
  const auto H = [cl](long double x) {
    const long double lx = std::log(x);
    return cl == 0 ? lx : std::expm1(cl * lx) / cl;
  };
  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<long double> first, last;  // each zone's lowest and highest boundary
  for (const long double x : b) {
    const double lo = std::nextafter(static_cast<double>(H(x * (1 - kZone))), -kInf);
    const double hi = std::nextafter(static_cast<double>(H(x * (1 + kZone))), kInf);
    if (!lo_.empty() && lo <= hi_.back()) {  // overlaps the previous zone: one zone
      hi_.back() = std::max(hi_.back(), hi);
      last.back() = x;
      continue;
    }
    lo_.push_back(lo);
    hi_.push_back(hi);
    first.push_back(x);
    last.push_back(x);
  }
  // Each interval's decision, taken at a point inside it.
  const auto packed = [&decide](long double x) {
    const Pick p = decide(static_cast<double>(x));
    return static_cast<std::uint32_t>(p.k << 1 | (p.sure ? 1 : 0));
  };
  picks_.push_back(packed(first.front() / 2));
  for (std::size_t j = 1; j < lo_.size(); ++j) picks_.push_back(packed((last[j - 1] + first[j]) / 2));
  picks_.push_back(packed(last.back() + 1));
  const std::size_t buckets = 2 * lo_.size();
  guide_origin_ = u_min;
  guide_scale_ = static_cast<double>(buckets) / (u_max - u_min);
  guide_.resize(buckets);
  for (std::size_t b = 0; b < buckets; ++b) {
    const double start = u_min + (static_cast<double>(b) - 1) / guide_scale_;
    guide_[b] = static_cast<std::uint16_t>(std::lower_bound(lo_.begin(), lo_.end(), start) - lo_.begin());
  }
}

}  // namespace choreo::sim
