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

#include <cstdint>
#include <vector>

namespace choreo::sim {

class Histogram {
 public:
  // REQUIRES: value >= 0
  void record(std::int64_t value);
  void merge(const Histogram& other);

  std::uint64_t count() const { return count_; }
  std::int64_t min() const { return count_ == 0 ? 0 : min_; }
  std::int64_t max() const { return count_ == 0 ? 0 : max_; }
  double mean() const;
  // The value at quantile q in [0, 1] (q = 0.5 is the median); 0 if empty.
  std::int64_t percentile(double q) const;

 private:
  static std::size_t bucket_of(std::uint64_t value);
  static std::uint64_t bucket_low(std::size_t bucket);
  static std::uint64_t bucket_high(std::size_t bucket);  // inclusive

  std::vector<std::uint64_t> buckets_;
  std::uint64_t count_ = 0;
  std::int64_t min_ = 0;
  std::int64_t max_ = 0;
  unsigned __int128 sum_ = 0;
};

}  // namespace choreo::sim
