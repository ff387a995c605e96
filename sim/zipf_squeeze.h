// Which rank a Zipf draw picks, decided from its uniform u alone, without
// the exp and log1p of inverting the hat (random.h's Zipf, rejection-
// inversion): the same rank and the same accept decision the computation
// would reach, for every u outside a few tiny zones, where Zipf computes as
// before. It is a squeeze, not an approximation: the draws do not change.
//
// Zipf's draw maps u to x = H^-1(u) (H the hat's integral, increasing),
// then decides from x alone: the rank k = floor(x + 0.5) clamped to [1, n],
// and "sure" (k - x <= threshold: accept without the bound test). Both
// change only where x crosses a boundary: k + 0.5 (k = 1..n-1) or
// k - threshold (k = 1..n). Between two boundaries the decision is
// constant; the table holds it for each interval, found by u.
//
// Why a pick from the table is the computed one. Around every boundary B
// a zone of x in [B (1 - 2^-30), B (1 + 2^-30)] is mapped to u by H
// computed in long double (relative error ~1e-18, far below the zone) and
// rounded outward to doubles; a u inside any zone is left undecided. For a
// u outside every zone the exact H^-1(u) lies more than 2^-30 (relative)
// from every boundary. Zipf computes x as exp(log1p(t) / t * u) with
// t = u (1 - s) >= -0.9 (required below, so log1p's condition number is at
// most 4); each operation and libm call (log1p and exp are within 2 ulp
// in glibc; we allow 2^8 ulp) adds relative errors that sum to at most
// 2^-40 in x for ln x <= ln(1024.5), far below 2^-30, so
// the computed x lies on the same side of every boundary as the exact one,
// and floor(x + 0.5) and k - x (each off by an ulp at most) decide as the
// exact values do: as the interval's decision, which the constructor takes
// by running Zipf's own decision code on a point inside the interval.
//
// Used only where that argument holds: n <= kMaxRanks, 1/4 <= s <= 4,
// u (1 - s) >= -0.9 over the draw's range of u, every boundary >= 2^-10;
// otherwise empty() and Zipf always computes. Memory: 24 bytes per
// boundary (fewer where zones merge), about 2n of them: two doubles, a
// packed decision (k << 1 | sure) and two 16-bit guide entries.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

namespace choreo::sim {

class ZipfSqueeze {
 public:
  static constexpr std::uint64_t kMaxRanks = 1024;  // zones (<= 2 kMaxRanks) index guide_ in 16 bits

  // A decision: rank k (0: undecided, inside a zone) and whether it is
  // accepted without the bound test.
  struct Pick {
    std::uint64_t k = 0;
    bool sure = false;
  };

  ZipfSqueeze() = default;
  // For Zipf(n, s) with acceptance threshold `threshold`, drawing u in
  // [u_min, u_max]; `decide(x)` is Zipf's decision for a computed x. Empty
  // when the argument above does not hold for these parameters.
  ZipfSqueeze(std::uint64_t n, double s, double threshold, double u_min, double u_max,
              const std::function<Pick(double)>& decide);

  // Nothing tabulated (then at least one zone otherwise).
  bool empty() const { return picks_.empty(); }
  // The decision for u, or k = 0 when u is inside a zone (compute x).
  // REQUIRES: !empty()
  Pick find(double u) const {
    // j = the zones starting at or below u: from the guide's count at u's
    // bucket (never above it), a step or two forward.
    const double f = (u - guide_origin_) * guide_scale_;
    const std::size_t last = guide_.size() - 1;
    const std::size_t b = f <= 0 ? 0 : (f >= static_cast<double>(last) ? last : static_cast<std::size_t>(f));
    std::size_t j = guide_[b];
    while (j < lo_.size() && lo_[j] <= u) ++j;
    if (j > 0 && u <= hi_[j - 1]) return Pick{};
    return Pick{.k = picks_[j] >> 1, .sure = (picks_[j] & 1) != 0};
  }

 private:
  std::vector<double> lo_, hi_;  // zones in u, ascending, disjoint: hi_[j] < lo_[j + 1]
  // Interval j (below zone j, above zone j - 1; lo_.size() + 1 of them):
  // its decision as k << 1 | sure.
  std::vector<std::uint32_t> picks_;
  // Equal buckets of u from guide_origin_, 1 / guide_scale_ wide; bucket b
  // holds the zones starting below bucket b - 1's start (a lower bound on
  // j for any u that rounding can put in bucket b). 2 per zone.
  double guide_origin_ = 0, guide_scale_ = 0;
  std::vector<std::uint16_t> guide_;
};

}  // namespace choreo::sim
