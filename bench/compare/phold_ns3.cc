// PHOLD on ns-3's simulator core (Debian libns3-dev), for bench/phold_bench.
//
//   phold_ns3 SHAPE N M [SCHEDULER]
// SHAPE: standard or quantized (phold_common.h). SCHEDULER: "default"
// (ns-3's default, MapScheduler in 3.37) or an ns-3 scheduler TypeId such as
// ns3::HeapScheduler, ns3::CalendarScheduler, ns3::PriorityQueueScheduler.
// Prints one RESULT line (phold_common.h).
//
// The natural ns-3 formulation: each event is Simulator::Schedule(delay,
// &hop, lp), a heap-allocated EventImpl; Simulator::Stop ends the run.
// Not part of choreo or its tests; built only when ns-3 is installed.
#include <cstdlib>
#include <optional>
#include <string>

#include "bench/compare/phold_common.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"
#include "ns3/simulator.h"

namespace {

std::optional<choreo::bench::Draws> draws;
std::uint64_t events = 0;

void hop(std::uint32_t lp);

void schedule_from(std::uint32_t /*lp*/) {
  const std::uint32_t to = draws->destination();
  ns3::Simulator::Schedule(ns3::MicroSeconds(draws->delay_us()), &hop, to);
}

// Processing an event at `lp`: count it and send one onward.
void hop(std::uint32_t lp) {
  ++events;
  schedule_from(lp);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) return 2;
  const auto shape = choreo::bench::find_shape(argv[1]);
  if (!shape) return 2;
  const auto n = static_cast<std::uint32_t>(std::atol(argv[2]));
  const auto m = static_cast<std::uint32_t>(std::atol(argv[3]));
  const std::string scheduler = argc > 4 ? argv[4] : "default";
  choreo::bench::Sample s{.impl = "ns3", .n = n, .m = m, .rss_base_kb = choreo::bench::peak_rss_kb()};
  if (scheduler != "default") {
    ns3::ObjectFactory factory;
    factory.SetTypeId(scheduler);
    ns3::Simulator::SetScheduler(factory);
  }
  draws.emplace(*shape, n);
  for (std::uint64_t i = 0; i < std::uint64_t{n} * m; ++i) schedule_from(0);
  // Stop runs after the events at the end time (it is scheduled after them).
  ns3::Simulator::Stop(ns3::MicroSeconds(choreo::bench::end_time_us(*shape, n, m)));
  const choreo::bench::Stopwatch watch;
  ns3::Simulator::Run();
  s.wall_s = watch.seconds();
  s.events = events;
  s.rss_peak_kb = choreo::bench::peak_rss_kb();
  s.pending = std::uint64_t{n} * m;
  ns3::Simulator::Destroy();
  choreo::bench::print_sample(s);
  return 0;
}
