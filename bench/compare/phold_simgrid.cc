// PHOLD on SimGrid (Debian libsimgrid-dev), for bench/phold_bench.
//
//   phold_simgrid SHAPE N M [timers|actors]
// SHAPE: standard or quantized (phold_common.h). Prints one RESULT line.
// Two formulations:
// - timers (the faster, reported as "simgrid"): every pending event is a
//   kernel timer (simgrid::kernel::timer::Timer::set) whose callback counts
//   the event and sets the next one; SimGrid's engine (Engine::run_until)
//   advances the clock from timer to timer. No actor context switches.
// - actors: every pending event is an s4u actor that sleeps until the event's
//   time (this_actor::sleep_until), counts it and draws the next hop, so
//   each event costs a sleep activity and two context switches.
// Virtual times are kept as integer microseconds and converted to SimGrid's
// double seconds only at the call, so rounding never accumulates.
// Not part of choreo or its tests; built only when SimGrid is installed.
#include <cstdlib>
#include <optional>
#include <simgrid/kernel/Timer.hpp>
#include <simgrid/s4u.hpp>
#include <string>

#include "bench/compare/phold_common.h"

namespace {

std::optional<choreo::bench::Draws> draws;
std::int64_t end_us = 0;
std::uint64_t events = 0;

double seconds(std::int64_t us) { return static_cast<double>(us) * 1e-6; }

// Schedules the event after one at time `now_us` as a timer.
void set_timer(std::int64_t now_us) {
  draws->destination();  // PHOLD processes are stateless: the destination only costs a draw
  const std::int64_t at = now_us + draws->delay_us();
  simgrid::kernel::timer::Timer::set(seconds(at), [at] {
    if (at > end_us) return;
    ++events;
    set_timer(at);
  });
}

// One pending event as an actor, hopping from process to process.
void event_actor() {
  std::int64_t at = 0;
  for (;;) {
    draws->destination();
    at += draws->delay_us();
    if (at > end_us) return;
    simgrid::s4u::this_actor::sleep_until(seconds(at));
    ++events;
  }
}

}  // namespace

int main(int argc, char** argv) {
  simgrid::s4u::Engine engine(&argc, argv);
  if (argc < 4) return 2;
  const auto shape = choreo::bench::find_shape(argv[1]);
  if (!shape) return 2;
  const auto n = static_cast<std::uint32_t>(std::atol(argv[2]));
  const auto m = static_cast<std::uint32_t>(std::atol(argv[3]));
  const std::string mode = argc > 4 ? argv[4] : "timers";
  end_us = choreo::bench::end_time_us(*shape, n, m);
  draws.emplace(*shape, n);
  choreo::bench::Sample s{.impl = "simgrid", .n = n, .m = m, .rss_base_kb = choreo::bench::peak_rss_kb()};
  auto* zone = simgrid::s4u::create_full_zone("world");
  auto* host = zone->create_host("host", 1e9);
  zone->seal();
  const std::uint64_t initial = std::uint64_t{n} * m;
  for (std::uint64_t i = 0; i < initial; ++i) {
    if (mode == "actors") {
      simgrid::s4u::Actor::create("event", host, event_actor);
    } else {
      set_timer(0);
    }
  }
  const choreo::bench::Stopwatch watch;
  engine.run_until(seconds(end_us) + 1e-3);
  s.wall_s = watch.seconds();
  s.events = events;
  s.rss_peak_kb = choreo::bench::peak_rss_kb();
  s.pending = initial;
  choreo::bench::print_sample(s);
  std::_Exit(0);  // skip tearing down 10^5 actors or timers: not part of the run
}
