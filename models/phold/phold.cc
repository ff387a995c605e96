// PHOLD processes; see phold.h.
#include "models/phold/phold.h"

#include <cassert>

#include "sim/random.h"

namespace choreo::phold {

namespace {

// All N processes as one node group: member i is process i.
class Processes final : public sim::Node {
 public:
  Processes(sim::Rng rng, const PholdOptions& options)
      : Node("phold"), rng_(rng), options_(options), mean_delay_(static_cast<double>(options.mean_delay)) {}

  void on_event(const sim::Event&) override { hop(); }

  // Schedules one event at a uniformly random process.
  void hop() {
    const auto target = id() + static_cast<sim::NodeId>(sim::uniform_int(rng_, options_.processes));
    const auto extra = static_cast<sim::Time>(sim::exponential(rng_, mean_delay_));
    sim().send(target, options_.lookahead + extra, 0, 0);
  }

 private:
  sim::Rng rng_;
  PholdOptions options_;
  double mean_delay_;
};

}  // namespace

void build_phold(sim::Simulation& sim, const PholdOptions& options) {
  assert(options.processes >= 1 && options.events_per_process >= 1);
  auto& processes = sim.add_group<Processes>(options.processes, sim.rng("phold"), options);
  sim.reserve_events(std::size_t{options.processes} * options.events_per_process + 1);
  const std::uint64_t initial = std::uint64_t{options.processes} * options.events_per_process;
  for (std::uint64_t i = 0; i < initial; ++i) processes.hop();
}

}  // namespace choreo::phold
