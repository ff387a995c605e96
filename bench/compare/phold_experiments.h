// Experiments on the pending-event set, measured against choreo's engine by
// bench/phold_bench.cc (implementations "exp-draws", "exp-bare-heap",
// "exp-wheel", "exp-wheel-slot16", "exp-wheel-slot8").
//
// - draws: PHOLD's random draws alone, the work every implementation shares.
// - bare heap: sim::EventHeap (the engine's 4-ary heap) driven directly with
//   the same hold pattern (replace_top), with no Simulation around it: what
//   the queue alone costs, so the rest of choreo's time is dispatch.
// - wheel: the same loop on sim::EventQueue (the engine's timing wheel,
//   adopted from this experiment).
// - wheel-slot16 / wheel-slot8: the wheel loop plus the engine's per-event
//   look-up of the receiver's state (up, epoch, node) in a dense per-id
//   table of 16-byte slots (sim::Simulation's today) or 8-byte slots: what
//   that look-up costs when 10^5 ids outgrow the cache.
//
// Not engine code: they exist to decide by measurement what sim/ should use.
#pragma once

#include <cstdint>
#include <type_traits>
#include <vector>

#include "bench/compare/phold_common.h"
#include "sim/event.h"
#include "sim/event_heap.h"
#include "sim/event_queue.h"

namespace choreo::bench {

// The floor: only PHOLD's random draws (destination, delay), no event set.
inline Sample run_draws(std::uint32_t n, std::uint32_t m) {
  Sample s{.impl = "exp-draws", .n = n, .m = m, .rss_base_kb = peak_rss_kb()};
  sim::Rng rng(kSeed);
  std::uint64_t sum = 0;
  const Stopwatch watch;
  for (std::uint64_t i = 0; i < kTargetEvents; ++i) {
    sum += draw_destination(rng, n);
    sum += static_cast<std::uint64_t>(draw_delay_us(rng));
  }
  s.wall_s = watch.seconds();
  s.events = kTargetEvents + (sum & 1) * 0;  // sum keeps the draws alive
  s.rss_peak_kb = peak_rss_kb();
  std::fprintf(stderr, "draw checksum %llu\n", static_cast<unsigned long long>(sum));
  return s;
}

inline Sample run_bare_heap(std::uint32_t n, std::uint32_t m) {
  Sample s{.impl = "exp-bare-heap", .n = n, .m = m, .rss_base_kb = peak_rss_kb()};
  sim::Rng rng(kSeed);
  sim::EventHeap queue;
  queue.reserve(std::size_t{n} * m);
  std::uint64_t seq = 0;
  for (std::uint64_t i = 0; i < std::uint64_t{n} * m; ++i) {
    const std::uint32_t lp = draw_destination(rng, n);
    queue.push(sim::Event{draw_delay_us(rng), seq++, lp, 0, 0, 0});
  }
  const std::int64_t end = end_time_us(n, m);
  const Stopwatch watch;
  std::uint64_t events = 0;
  std::uint64_t digest = 0;
  while (!queue.empty() && queue.top().time <= end) {
    const sim::Event e = queue.pop();
    fold_order(digest, e.time, e.node);
    ++events;
    const std::uint32_t lp = draw_destination(rng, n);
    queue.push(sim::Event{e.time + draw_delay_us(rng), seq++, lp, 0, 0, 0});
  }
  s.wall_s = watch.seconds();
  print_order("exp-bare-heap", digest);
  s.events = events;
  s.rss_peak_kb = peak_rss_kb();
  s.queue_bytes = queue.capacity() * sizeof(sim::Event);
  s.pending = queue.size();
  return s;
}

// The receiver's state as sim::Simulation keeps it (16 bytes), a compact
// alternative (8 bytes: an index into the node list), and none.
struct Slot16 {
  void* node;
  std::uint16_t epoch;
  bool up;
};
struct Slot8 {
  std::uint32_t node;
  std::uint16_t epoch;
  bool up;
};
struct NoSlot {
  void* node = nullptr;
  std::uint16_t epoch = 1;
  bool up = true;
};
static_assert(sizeof(Slot16) == 16 && sizeof(Slot8) == 8);

template <class Slot = NoSlot>
Sample run_wheel(std::uint32_t n, std::uint32_t m, const char* name = "exp-wheel") {
  Sample s{.impl = name, .n = n, .m = m, .rss_base_kb = peak_rss_kb()};
  std::vector<Slot> slots(std::is_same_v<Slot, NoSlot> ? 0 : n, Slot{{}, 1, true});
  const NoSlot none;
  sim::Rng rng(kSeed);
  sim::EventQueue wheel;
  wheel.reserve(std::size_t{n} * m);
  std::uint64_t seq = 0;
  for (std::uint64_t i = 0; i < std::uint64_t{n} * m; ++i) {
    const std::uint32_t lp = draw_destination(rng, n);
    wheel.push(sim::Event{draw_delay_us(rng), seq++, lp, 0, 0, 0});
  }
  const std::int64_t end = end_time_us(n, m);
  const Stopwatch watch;
  std::uint64_t events = 0;
  std::uint64_t digest = 0;
  for (;;) {
    const sim::Event e = wheel.pop();
    if (e.time > end) break;
    const auto& slot = [&]() -> const auto& {
      if constexpr (std::is_same_v<Slot, NoSlot>) {
        return none;
      } else {
        return slots[e.node];
      }
    }
    ();
    if (!slot.up) continue;
    fold_order(digest, e.time, e.node + slot.epoch - 1);
    ++events;
    const std::uint32_t lp = draw_destination(rng, n);
    wheel.push(sim::Event{e.time + draw_delay_us(rng), seq++, lp, 0, 0, 0});
  }
  s.wall_s = watch.seconds();
  print_order(name, digest);
  s.events = events;
  s.rss_peak_kb = peak_rss_kb();
  s.queue_bytes = wheel.bytes();
  s.pending = wheel.size() + 1;  // the event popped past the end
  return s;
}

}  // namespace choreo::bench
