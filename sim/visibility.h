// Read freshness, for any model whose reads go to a replica that may lag its
// owner: how many reads were stale, how stale (the age of the newest write a
// stale read missed), and the t-visibility curve of PBS (Bailis et al.,
// "Probabilistically Bounded Staleness", VLDB 2012): the probability that a
// lookup sees a key's latest write, by the time since that write.
//
//   VisibilityMeter m;
//   m.begin_read();
//   for (key on the page) m.lookup(now - owner.written_at(key), replica.has_latest(key));
//   m.end_read();                 // stale when any lookup missed its write
//   m.to_json(json);              // stale, stale_fraction, staleness_ms, t_visibility
//
// Lookups of keys never written are not lookups of a write: skip them.
#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "sim/histogram.h"
#include "sim/time.h"

namespace choreo::sim {

class VisibilityMeter {
 public:
  // The curve's bins: ages up to each edge, then one bin for older.
  static constexpr std::array<Time, 10> kAgeEdges = {
      1 * kMillisecond, 10 * kMillisecond, 100 * kMillisecond, 500 * kMillisecond, 1 * kSecond,
      2 * kSecond,      5 * kSecond,       10 * kSecond,       30 * kSecond,       60 * kSecond};

  void begin_read() { newest_missed_ = -1; }
  // `age`: time since the key's latest write; `fresh`: the lookup saw it.
  void lookup(Time age, bool fresh) {
    std::size_t bin = 0;  // the first edge >= age, counted without branches
    for (const Time edge : kAgeEdges) bin += edge < age ? 1 : 0;
    ++lookups_[bin];
    fresh_[bin] += fresh ? 1 : 0;
    if (!fresh && (newest_missed_ < 0 || age < newest_missed_)) newest_missed_ = age;
  }
  void end_read() {
    ++reads_;
    if (newest_missed_ < 0) return;
    ++stale_;
    staleness_us_.record(newest_missed_);
  }

  std::uint64_t reads() const { return reads_; }
  std::uint64_t stale() const { return stale_; }
  // Adds stale, stale_fraction, staleness_ms {mean, p50, p99, max} and
  // t_visibility [{t_s, p_fresh, lookups}] (bins with lookups only) to `out`.
  void to_json(nlohmann::json& out) const;

 private:
  std::uint64_t reads_ = 0, stale_ = 0;
  Time newest_missed_ = -1;  // in the current read; -1: none missed
  Histogram staleness_us_;
  std::array<std::uint64_t, kAgeEdges.size() + 1> lookups_{}, fresh_{};
};

}  // namespace choreo::sim
