// The PHOLD scenario; see phold_model.h.
#include "models/phold/phold_model.h"

#include "models/phold/phold.h"

namespace choreo::phold {

namespace {

class PholdModel final : public models::Model {
 public:
  PholdModel(PholdOptions options, sim::Time duration) : options_(options), duration_(duration) {}

  void build(sim::Simulation& sim) override { build_phold(sim, options_); }
  void run(sim::Simulation& sim) override { sim.run_until(duration_); }
  void report(const sim::Simulation& sim, nlohmann::json& summary) const override {
    summary["replicas"] = nlohmann::json::array();
    summary["phold"] = {{"processes", options_.processes},
                        {"events_per_process", options_.events_per_process},
                        {"pending_events", sim.pending()}};
  }

 private:
  PholdOptions options_;
  sim::Time duration_;
};

}  // namespace

void declare_phold(sim::ConfigSchema& schema) {
  schema.add({.key = "phold.processes",
              .type = sim::ValueType::kInteger,
              .default_value = "1000",
              .min = "1",
              .max = "10000000",
              .help = "N, the number of logical processes"});
  schema.add({.key = "phold.events_per_process",
              .type = sim::ValueType::kInteger,
              .default_value = "1",
              .min = "1",
              .max = "10000",
              .help = "M, the initial events per process (the pending population is N*M)"});
  schema.add({.key = "phold.lookahead",
              .type = sim::ValueType::kDuration,
              .default_value = "100us",
              .min = "0",
              .max = "1h",
              .help = "fixed part of every event's delay"});
  schema.add({.key = "phold.mean_delay",
              .type = sim::ValueType::kDuration,
              .default_value = "1ms",
              .min = "0",
              .max = "1h",
              .help = "mean of the exponential part of every event's delay"});
}

sim::Result<std::unique_ptr<models::Model>> make_phold_model(const sim::Config& config) {
  PholdOptions options;
  options.processes = static_cast<std::uint32_t>(config.integer("phold.processes"));
  options.events_per_process = static_cast<std::uint32_t>(config.integer("phold.events_per_process"));
  options.lookahead = config.duration("phold.lookahead");
  options.mean_delay = config.duration("phold.mean_delay");
  if (std::uint64_t{options.processes} * options.events_per_process > 100'000'000) {
    return config.error("phold.events_per_process",
                        "processes * events_per_process must be at most 100000000");
  }
  return std::unique_ptr<models::Model>(
      std::make_unique<PholdModel>(options, config.duration("run.duration")));
}

}  // namespace choreo::phold
