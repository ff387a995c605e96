// The in-process PHOLD runs of bench/phold_bench.cc: one event loop, the
// same for every event set (so only the event set differs), and choreo's
// whole engine (Simulation, node dispatch, trace hash) running models/phold.
//
//   run_hold<CalendarQueue>("calendar", shape, n, m)
//   run_engine(shape, n, m)
//
// The loop: fill N*M events drawn from time 0, then pop the least, stop past
// the end time, draw a destination and a delay, push. Every implementation
// processes the same events (phold_common.h), which the order digest shows
// for the loops and the event count for the engine.
// Not a test; wall time is measured here and nowhere in sim/ or models/.
#pragma once

#include <cstdint>

#include "bench/compare/calendar_queue.h"
#include "bench/compare/phold_common.h"
#include "bench/compare/phold_heaps.h"
#include "models/phold/phold.h"
#include "sim/event_queue.h"
#include "sim/simulation.h"

namespace choreo::bench {

// sim::EventQueue, choreo's event set, holding its own 32-byte events.
class ChoreoQueue {
 public:
  std::size_t size() const { return q_.size(); }
  std::size_t bytes() const { return q_.bytes(); }
  void reserve(std::size_t n) { q_.reserve(n); }
  void push(const Event16& e) { q_.push(sim::Event{e.time, e.key >> kLpBits, e.lp(), 0, 0, 0}); }
  Event16 pop() {
    const sim::Event e = q_.pop();
    return Event16{e.time, e.seq << kLpBits | e.node};
  }

 private:
  sim::EventQueue q_;
};

template <class Queue>
Sample run_hold(const char* name, const PholdShape& shape, std::uint32_t n, std::uint32_t m) {
  Sample s{.impl = name, .n = n, .m = m, .rss_base_kb = peak_rss_kb()};
  Queue q;
  q.reserve(std::size_t{n} * m);
  Draws draws(shape, n);
  std::uint64_t seq = 0;
  for (std::uint64_t i = 0; i < std::uint64_t{n} * m; ++i) {
    const std::uint32_t lp = draws.destination();
    q.push(Event16{draws.delay_us(), seq++ << kLpBits | lp});
  }
  const std::int64_t end = end_time_us(shape, n, m);
  const Stopwatch watch;
  std::uint64_t events = 0;
  std::uint64_t digest = 0;
  for (;;) {
    const Event16 e = q.pop();
    if (e.time > end) break;
    fold_order(digest, e.time, e.lp());
    ++events;
    const std::uint32_t lp = draws.destination();
    q.push(Event16{e.time + draws.delay_us(), seq++ << kLpBits | lp});
  }
  s.wall_s = watch.seconds();
  s.events = events;
  s.digest = digest;
  s.rss_peak_kb = peak_rss_kb();
  s.queue_bytes = q.bytes();
  s.pending = q.size() + 1;  // and the event popped past the end
  return s;
}

inline Sample run_engine(const PholdShape& shape, std::uint32_t n, std::uint32_t m) {
  Sample s{.impl = "choreo-engine", .n = n, .m = m, .rss_base_kb = peak_rss_kb()};
  sim::Simulation simulation(kSeed);
  phold::build_phold(simulation, phold::PholdOptions{.processes = n,
                                                     .events_per_process = m,
                                                     .lookahead = shape.lookahead,
                                                     .mean_delay = shape.mean_delay});
  const Stopwatch watch;
  simulation.run_until(end_time_us(shape, n, m));
  s.wall_s = watch.seconds();
  s.events = simulation.events_processed();
  s.rss_peak_kb = peak_rss_kb();
  s.queue_bytes = simulation.queue_bytes();
  s.pending = simulation.pending();
  return s;
}

}  // namespace choreo::bench
