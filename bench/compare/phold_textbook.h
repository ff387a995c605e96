// The textbook PHOLD loop the issue measures choreo against: a
// std::priority_queue of {time, seq, lp}, one sim::Rng, pop one event, draw,
// push one event. No nodes, no dispatch, no trace: the floor an engine pays
// on top of the pending-event set.
//
// Not part of choreo; the baseline of bench/phold_bench.cc only.
// Invariant: events fire in (time, seq) order, as in sim::EventQueue.
#pragma once

#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

#include "bench/compare/phold_common.h"

namespace choreo::bench {

struct TextbookEvent {
  std::int64_t time;
  std::uint64_t seq;
  std::uint32_t lp;
  // Reversed so std::priority_queue (a max-heap) yields the earliest.
  bool operator<(const TextbookEvent& o) const { return time != o.time ? time > o.time : seq > o.seq; }
};

inline Sample run_textbook(std::uint32_t n, std::uint32_t m) {
  Sample s{.impl = "textbook", .n = n, .m = m, .rss_base_kb = peak_rss_kb()};
  sim::Rng rng(kSeed);
  std::vector<TextbookEvent> storage;
  storage.reserve(std::size_t{n} * m);
  std::priority_queue<TextbookEvent> queue(std::less<TextbookEvent>(), std::move(storage));
  std::uint64_t seq = 0;
  for (std::uint64_t i = 0; i < std::uint64_t{n} * m; ++i) {
    const std::uint32_t lp = draw_destination(rng, n);
    queue.push({draw_delay_us(rng), seq++, lp});
  }
  const std::int64_t end = end_time_us(n, m);
  const Stopwatch watch;
  std::uint64_t events = 0;
  std::uint64_t digest = 0;
  while (!queue.empty() && queue.top().time <= end) {
    const std::int64_t now = queue.top().time;
    fold_order(digest, now, queue.top().lp);
    queue.pop();
    ++events;
    const std::uint32_t lp = draw_destination(rng, n);
    queue.push({now + draw_delay_us(rng), seq++, lp});
  }
  s.wall_s = watch.seconds();
  print_order("textbook", digest);
  s.events = events;
  s.rss_peak_kb = peak_rss_kb();
  s.queue_bytes = queue.size() * sizeof(TextbookEvent);
  s.pending = queue.size();
  return s;
}

}  // namespace choreo::bench
