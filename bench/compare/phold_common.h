// What every PHOLD benchmark program shares: the two delay shapes, the three
// configurations, the one PHOLD (how a destination and a delay are drawn),
// and the result line each program prints for the driver
// (bench/phold_bench.cc) to parse.
//
// Shapes: models/phold/phold.h's standard (100 ms + Exp(900 ms)) and
// quantized (100 us + Exp(1 ms)), each delay floored to microseconds.
//
// Not a simulator: each implementation keeps its own event loop; only the
// random draws come from here, so every implementation does the same work.
// Wall time (std::chrono::steady_clock) is allowed in bench/ only.
//
// Invariants: every draw uses the stream sim::Rng::stream(kSeed, "phold")
// (the stream models/phold draws from in a Simulation seeded with kSeed) and
// sim/random.h, in the order destination then delay; so every implementation
// processes the same events.
#pragma once

#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "models/phold/phold.h"
#include "sim/random.h"
#include "sim/rng.h"

namespace choreo::bench {

using phold::PholdShape;
inline constexpr PholdShape kShapes[] = {phold::kStandardShape, phold::kQuantizedShape};

inline std::optional<PholdShape> find_shape(std::string_view name) {
  for (const auto& s : kShapes) {
    if (s.name == name) return s;
  }
  return std::nullopt;
}

inline double mean_us(const PholdShape& s) { return static_cast<double>(s.lookahead + s.mean_delay); }

// Events each run aims at (>= 10 million, with margin for randomness);
// `phold_bench --one ... EVENTS` sets another, for profiling under valgrind.
inline std::uint64_t target_events = 12'000'000;
inline constexpr std::uint64_t kSeed = 42;

struct PholdConfig {
  char name;        // 'a', 'b', 'c'
  std::uint32_t n;  // processes
  std::uint32_t m;  // initial events per process
};
inline constexpr PholdConfig kConfigs[] = {{'a', 1'000, 1}, {'b', 100'000, 1}, {'c', 1'000, 100}};

// The virtual end time (microseconds) at which about kTargetEvents events
// have fired: N*M events stay pending, each lives one mean delay on average.
inline std::int64_t end_time_us(const PholdShape& shape, std::uint32_t n, std::uint32_t m) {
  const double per_us = static_cast<double>(n) * m / mean_us(shape);
  return static_cast<std::int64_t>(static_cast<double>(target_events) / per_us);
}

// PHOLD's draws: a uniformly random destination, then the delay.
class Draws {
 public:
  Draws(const PholdShape& shape, std::uint32_t n)
      : rng_(sim::Rng::stream(kSeed, "phold")),
        lookahead_us_(shape.lookahead),
        exp_mean_us_(static_cast<double>(shape.mean_delay)),
        n_(n) {}
  std::uint32_t destination() { return static_cast<std::uint32_t>(sim::uniform_int(rng_, n_)); }
  std::int64_t delay_us() {
    return lookahead_us_ + static_cast<std::int64_t>(sim::exponential(rng_, exp_mean_us_));
  }

 private:
  sim::Rng rng_;
  std::int64_t lookahead_us_;
  double exp_mean_us_;
  std::uint32_t n_;
};

// Folds one processed event into a digest of the processing order, so runs
// of the bench's own loops (same draws) can be checked to process the same
// events in the same order.
inline void fold_order(std::uint64_t& digest, std::int64_t time, std::uint32_t lp) {
  digest = (digest ^ (static_cast<std::uint64_t>(time) * 0x9e3779b97f4a7c15ULL + lp)) * 0xff51afd7ed558ccdULL;
}

// Peak resident set of this process so far, in KiB (Linux ru_maxrss).
inline long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

class Stopwatch {
 public:
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// One measured run. rss_base_kb is the peak before the model was built, so
// rss_peak_kb - rss_base_kb is what the model and its event set cost.
struct Sample {
  std::string impl;
  std::uint32_t n = 0;
  std::uint32_t m = 0;
  std::uint64_t events = 0;
  double wall_s = 0;  // the run only, not the set-up
  long rss_base_kb = 0;
  long rss_peak_kb = 0;
  std::uint64_t queue_bytes = 0;  // 0 when the implementation cannot tell
  std::uint64_t pending = 0;
  std::uint64_t digest = 0;  // fold_order over the run; 0 when not kept
};

// The line the driver parses:
// RESULT,impl,n,m,events,wall_s,rss_base_kb,rss_peak_kb,queue_bytes,pending,digest
inline void print_sample(const Sample& s) {
  std::printf("RESULT,%s,%u,%u,%llu,%.6f,%ld,%ld,%llu,%llu,%016llx\n", s.impl.c_str(), s.n, s.m,
              static_cast<unsigned long long>(s.events), s.wall_s, s.rss_base_kb, s.rss_peak_kb,
              static_cast<unsigned long long>(s.queue_bytes), static_cast<unsigned long long>(s.pending),
              static_cast<unsigned long long>(s.digest));
  std::fflush(stdout);
}

}  // namespace choreo::bench
