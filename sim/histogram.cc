// Log-linear histogram; see histogram.h.
#include "sim/histogram.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace choreo::sim {

std::uint64_t Histogram::bucket_low(std::size_t b) {
  if (b < kExact) return b;
  const std::uint64_t shift = (b - kExact) / kSub + 1;
  return ((b - kExact) % kSub + kSub) << shift;
}

std::uint64_t Histogram::bucket_high(std::size_t b) {
  if (b < kExact) return b;
  const std::uint64_t shift = (b - kExact) / kSub + 1;
  return bucket_low(b) + (std::uint64_t{1} << shift) - 1;
}

void Histogram::grow(std::size_t bucket) { buckets_.resize(bucket + 1); }

void Histogram::merge(const Histogram& other) {
  if (other.count_ == 0) return;
  if (other.buckets_.size() > buckets_.size()) buckets_.resize(other.buckets_.size());
  for (std::size_t i = 0; i < other.buckets_.size(); ++i) buckets_[i] += other.buckets_[i];
  min_ = count_ == 0 ? other.min_ : std::min(min_, other.min_);
  max_ = count_ == 0 ? other.max_ : std::max(max_, other.max_);
  count_ += other.count_;
  sum_ += other.sum_;
}

double Histogram::mean() const {
  return count_ == 0 ? 0.0 : static_cast<double>(sum_) / static_cast<double>(count_);
}

std::int64_t Histogram::percentile(double q) const {
  if (count_ == 0) return 0;
  q = std::clamp(q, 0.0, 1.0);
  const auto rank =
      std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(count_))));
  std::uint64_t seen = 0;
  for (std::size_t b = 0; b < buckets_.size(); ++b) {
    seen += buckets_[b];
    if (seen >= rank) {
      const std::uint64_t mid = bucket_low(b) + (bucket_high(b) - bucket_low(b)) / 2;
      return std::clamp(static_cast<std::int64_t>(mid), min_, max_);
    }
  }
  return max_;
}

}  // namespace choreo::sim
