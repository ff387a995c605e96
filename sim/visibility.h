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
#include <bit>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "sim/histogram.h"
#include "sim/time.h"

namespace choreo::sim {

namespace visibility_detail {

// The curve's bins: ages up to each edge, then one bin for older.
inline constexpr std::array<Time, 10> kAgeEdges = {
    1 * kMillisecond, 10 * kMillisecond, 100 * kMillisecond, 500 * kMillisecond, 1 * kSecond,
    2 * kSecond,      5 * kSecond,       10 * kSecond,       30 * kSecond,       60 * kSecond};

// Ages of bit width w, [2^(w-1), 2^w) (w = 0: age 0): `base` edges lie
// below them, and `edge` is the one edge among them (UINT64_MAX: none).
struct BinRange {
  std::size_t base = 0;
  std::uint64_t edge = UINT64_MAX;
};

constexpr std::array<BinRange, 65> bin_ranges() {
  std::array<BinRange, 65> out{};
  for (std::size_t w = 0; w <= 64; ++w) {
    const std::uint64_t lo = w == 0 ? 0 : std::uint64_t{1} << (w - 1);
    const std::uint64_t hi = w == 0 ? 0 : (w == 64 ? UINT64_MAX : (std::uint64_t{1} << w) - 1);
    for (const Time edge : kAgeEdges) {
      const auto e = static_cast<std::uint64_t>(edge);
      if (e < lo) ++out[w].base;
      if (e >= lo && e <= hi) {
        if (out[w].edge != UINT64_MAX) throw "two edges in one power-of-two range";
        out[w].edge = e;
      }
    }
  }
  return out;
}

// Does not compile if two edges share a power-of-two range.
inline constexpr std::array<BinRange, 65> kBinRanges = bin_ranges();

}  // namespace visibility_detail

class VisibilityMeter {
 public:
  static constexpr const std::array<Time, 10>& kAgeEdges = visibility_detail::kAgeEdges;

  // The curve's bin of `age`: the number of edges below it (the first edge
  // >= age). Two loads and a comparison instead of one per edge: the bit
  // width of the age picks the edges below its power-of-two range (base)
  // and the one edge inside it, if any (no range holds two: kBinRanges
  // would not compile).
  static std::size_t bin_of(Time age) {
    const auto a = static_cast<std::uint64_t>(age > 0 ? age : 0);  // age <= 0: bin 0, as any age <= 1 ms
    const visibility_detail::BinRange& r =
        visibility_detail::kBinRanges[static_cast<std::size_t>(std::bit_width(a))];
    return r.base + (r.edge < a ? 1 : 0);
  }

  void begin_read() { newest_missed_ = -1; }
  // `age`: time since the key's latest write; `fresh`: the lookup saw it.
  void lookup(Time age, bool fresh) {
    const std::size_t bin = bin_of(age);
    ++lookups_[bin];
    fresh_[bin] += fresh ? 1 : 0;
    if (!fresh && (newest_missed_ < 0 || age < newest_missed_)) newest_missed_ = age;
  }
  // lookup(age, fresh) if `counted`, else nothing, without a branch on
  // `counted` (for loops where it goes either way at random).
  void lookup_if(bool counted, Time age, bool fresh) {
    const std::size_t bin = bin_of(age);
    const auto n = static_cast<std::uint64_t>(counted);
    lookups_[bin] += n;
    fresh_[bin] += n & static_cast<std::uint64_t>(fresh);
    if ((n & static_cast<std::uint64_t>(!fresh)) != 0 && (newest_missed_ < 0 || age < newest_missed_))
      newest_missed_ = age;
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
