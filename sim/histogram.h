// A histogram of non-negative integers (latencies in microseconds, ages,
// sizes) with log-linear buckets, as HdrHistogram does: values below 256 are
// exact; above, each power of two is split into 128 buckets, so a reported
// percentile is within 0.4% of a value in the data (the bucket midpoint is at
// most half a bucket, 1/256, away).
//
//   Histogram h;
//   h.record(latency_us);
//   h.percentile(0.99);  h.mean();  h.max();
//
// Count, min, max and mean are exact. Memory grows with the largest value
// recorded (at most ~58 KiB), never with the number of values. Recording is
// O(1) without allocation once the bucket array covers the value.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace choreo::sim {

class Histogram {
  static constexpr unsigned kSubBits = 7;                  // 128 buckets per power of two
  static constexpr std::uint64_t kSub = 1ULL << kSubBits;  // 128
  static constexpr std::uint64_t kExact = 2 * kSub;        // values below 256 are exact

 public:
  // REQUIRES: value >= 0. Inline: models record on their hot paths.
  void record(std::int64_t value) {
    assert(value >= 0);
    const std::size_t b = bucket_of(static_cast<std::uint64_t>(value));
    if (b >= buckets_.size()) [[unlikely]]
      grow(b);
    ++buckets_[b];
    if (count_ == 0 || value < min_) min_ = value;
    if (count_ == 0 || value > max_) max_ = value;
    ++count_;
    sum_ += static_cast<std::uint64_t>(value);
  }
  void merge(const Histogram& other);

  std::uint64_t count() const { return count_; }
  std::int64_t min() const { return count_ == 0 ? 0 : min_; }
  std::int64_t max() const { return count_ == 0 ? 0 : max_; }
  double mean() const;
  // The value at quantile q in [0, 1] (q = 0.5 is the median); 0 if empty.
  std::int64_t percentile(double q) const;

 private:
  static std::size_t bucket_of(std::uint64_t v) {
    if (v < kExact) return static_cast<std::size_t>(v);
    const auto msb = static_cast<unsigned>(63 - __builtin_clzll(v));
    const unsigned shift = msb - kSubBits;  // v >> shift is in [128, 255]
    return static_cast<std::size_t>(kExact + (shift - 1) * kSub + ((v >> shift) - kSub));
  }
  void grow(std::size_t bucket);  // covers `bucket`
  static std::uint64_t bucket_low(std::size_t bucket);
  static std::uint64_t bucket_high(std::size_t bucket);  // inclusive

  std::vector<std::uint64_t> buckets_;
  std::uint64_t count_ = 0;
  std::int64_t min_ = 0;
  std::int64_t max_ = 0;
  unsigned __int128 sum_ = 0;
};

}  // namespace choreo::sim
