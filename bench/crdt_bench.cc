// Update and merge throughput of the replicated data types at realistic
// sizes: G-Counter with 3, 30 and 300 entries (one per comment-service
// shard), OR-Set and 2P-Set with 10^3..10^5 elements (comment ids).
//   build/bench/crdt_bench [--benchmark_filter=OrSet]
// Not a test: it asserts nothing.
#include <benchmark/benchmark.h>

#include "models/replicas/g_counter.h"
#include "models/replicas/or_set.h"
#include "models/replicas/two_p_set.h"

namespace choreo::replicas {
namespace {

GCounter counter_with(std::int64_t entries, std::uint64_t base) {
  GCounter c;
  for (std::int64_t r = 0; r < entries; ++r)
    c.increment(static_cast<ReplicaId>(r), base + static_cast<std::uint64_t>(r));
  return c;
}

void BM_GCounterIncrement(benchmark::State& state) {
  GCounter c = counter_with(state.range(0), 1);
  ReplicaId r = 0;
  for (auto _ : state) {
    c.increment(r);
    r = (r + 1) % static_cast<ReplicaId>(state.range(0));
  }
  benchmark::DoNotOptimize(c.value());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_GCounterIncrement)->Arg(3)->Arg(30)->Arg(300);

void BM_GCounterMerge(benchmark::State& state) {
  GCounter a = counter_with(state.range(0), 1);
  const GCounter b = counter_with(state.range(0), 2);
  for (auto _ : state) {
    a.merge(b);
    benchmark::DoNotOptimize(a);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_GCounterMerge)->Arg(3)->Arg(30)->Arg(300);

void BM_GCounterMergeDelta(benchmark::State& state) {
  GCounter a = counter_with(state.range(0), 1);
  const GCounter d = counter_with(state.range(0), 2).delta(1);
  for (auto _ : state) {
    a.merge(d);
    benchmark::DoNotOptimize(a);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_GCounterMergeDelta)->Arg(3)->Arg(30)->Arg(300);

OrSet or_set_with(std::int64_t elements, ReplicaId replica) {
  OrSet s;
  for (std::int64_t e = 0; e < elements; ++e) s.add(replica, static_cast<ElementId>(e));
  return s;
}

// Adds a new element and removes an old one: the live size stays N while
// tombstones grow by one per iteration (the OR-Set's known cost).
void BM_OrSetAddRemove(benchmark::State& state) {
  OrSet s = or_set_with(state.range(0), 1);
  auto next = static_cast<ElementId>(state.range(0));
  for (auto _ : state) {
    s.add(1, next);
    s.remove(next - static_cast<ElementId>(state.range(0)));
    ++next;
  }
  state.counters["tombstones"] = static_cast<double>(s.tombstones());
  state.SetItemsProcessed(state.iterations() * 2);
}
BENCHMARK(BM_OrSetAddRemove)->Arg(1'000)->Arg(10'000)->Arg(100'000);

void BM_OrSetMerge(benchmark::State& state) {
  OrSet a = or_set_with(state.range(0), 1);
  const OrSet b = or_set_with(state.range(0), 2);
  for (auto _ : state) {
    OrSet c = a;
    c.merge(b);
    benchmark::DoNotOptimize(c);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_OrSetMerge)->Arg(1'000)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_TwoPSetMerge(benchmark::State& state) {
  TwoPSet a, b;
  for (std::int64_t e = 0; e < state.range(0); ++e) {
    a.add(static_cast<ElementId>(e));
    b.add(static_cast<ElementId>(e + state.range(0) / 2));
  }
  for (auto _ : state) {
    TwoPSet c = a;
    c.merge(b);
    benchmark::DoNotOptimize(c);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TwoPSetMerge)->Arg(1'000)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace choreo::replicas

BENCHMARK_MAIN();
