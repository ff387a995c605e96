// The PHOLD scenario; see phold_model.h.
#include "models/phold/phold_model.h"

#include "models/phold/phold.h"
#include "sim/time_series.h"

namespace choreo::phold {

namespace {

class PholdModel final : public models::Model {
 public:
  PholdModel(PholdOptions options, sim::Time duration, sim::Time sample_period)
      : options_(options), duration_(duration), sample_period_(sample_period) {}

  void build(sim::Simulation& sim) override {
    build_phold(sim, options_);
    // Throughput in events per virtual second over each period, and the
    // pending population (constant at N*M: a check that nothing leaks).
    sim.add_sampler(sample_period_, sample_period_, [this, &sim](sim::Time) {
      const auto done = sim.events_processed();
      series_.add_row(sim.now(),
                      {static_cast<double>(done - last_processed_) / sim::to_seconds(sample_period_),
                       static_cast<double>(sim.pending())});
      last_processed_ = done;
    });
  }
  void run(sim::Simulation& sim) override { sim.run_until(duration_); }
  // build_phold reserves the queue for the whole pending population; it
  // keeps each pending event in an Event's 32 bytes (sim/event_queue.h).
  std::vector<models::Footprint> footprint() const override {
    return {{"phold.events_per_process", "pending events",
             std::uint64_t{options_.processes} * options_.events_per_process, sizeof(sim::Event)}};
  }
  bool write_time_series(std::ostream& out) const override {
    series_.write_csv(out);
    return true;
  }
  void report(const sim::Simulation& sim, nlohmann::json& summary) const override {
    summary["replicas"] = nlohmann::json::array();
    summary["phold"] = {{"processes", options_.processes},
                        {"events_per_process", options_.events_per_process},
                        {"lookahead_us", options_.lookahead},
                        {"mean_delay_us", options_.mean_delay},
                        {"pending_events", sim.pending()}};
  }

 private:
  PholdOptions options_;
  sim::Time duration_;
  sim::Time sample_period_;
  sim::TimeSeries series_{{"events_per_s", "pending_events"}};
  std::uint64_t last_processed_ = 0;
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
  schema.add({.key = "phold.shape",
              .type = sim::ValueType::kEnum,
              .default_value = "standard",
              .allowed = {"standard", "quantized", "custom"},
              .help = "the delay: standard = 100ms + exp(900ms) (lookahead 10% of a 1 s mean); quantized = "
                      "100us + exp(1ms) (~91 events per us at 10^5 pending); custom = phold.lookahead + "
                      "exp(phold.mean_delay)"});
  schema.add({.key = "phold.lookahead",
              .type = sim::ValueType::kDuration,
              .default_value = "100us",
              .min = "0",
              .max = "1h",
              .help = "fixed part of every event's delay (read when phold.shape = custom)"});
  schema.add(
      {.key = "phold.mean_delay",
       .type = sim::ValueType::kDuration,
       .default_value = "1ms",
       .min = "0",
       .max = "1h",
       .help = "mean of the exponential part of every event's delay (read when phold.shape = custom)"});
}

namespace {

// The delay's fixed part and exponential mean, from phold.shape (and, for a
// custom shape, phold.lookahead and phold.mean_delay, which a named shape
// fixes: setting them beside one is an error, never silently ignored).
sim::Result<PholdShape> shape_of(const sim::Config& config) {
  const std::string& shape = config.text("phold.shape");
  if (shape == "custom") {
    return PholdShape{"custom", config.duration("phold.lookahead"), config.duration("phold.mean_delay")};
  }
  for (const auto& v : config.effective()) {
    if ((v.key == "phold.lookahead" || v.key == "phold.mean_delay") && v.origin != "default") {
      return config.error(v.key, "is read only when phold.shape = custom (phold.shape is " + shape + ")");
    }
  }
  return shape == "standard" ? kStandardShape : kQuantizedShape;
}

}  // namespace

sim::Result<std::unique_ptr<models::Model>> make_phold_model(const sim::Config& config) {
  PholdOptions options;
  options.processes = static_cast<std::uint32_t>(config.integer("phold.processes"));
  options.events_per_process = static_cast<std::uint32_t>(config.integer("phold.events_per_process"));
  const auto shape = shape_of(config);
  if (!shape) return shape.error();
  options.lookahead = shape->lookahead;
  options.mean_delay = shape->mean_delay;
  if (std::uint64_t{options.processes} * options.events_per_process > 100'000'000) {
    return config.error("phold.events_per_process",
                        "processes * events_per_process must be at most 100000000");
  }
  return std::unique_ptr<models::Model>(std::make_unique<PholdModel>(options, config.duration("run.duration"),
                                                                     config.duration("run.sample_period")));
}

}  // namespace choreo::phold
