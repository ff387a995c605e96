// A runnable model: what `choreo run` drives, whatever system it simulates.
//
// Phases, as in FoundationDB's workloads: build (create nodes, schedule the
// workload and faults), run (workload with faults, then heal and settle),
// report (the model's parts of summary.json), and an optional time series.
// A model never touches files, stdout or argv: the CLI hands it streams.
//
// Models are registered in models/registry.cc; each declares its scenario
// keys so a scenario file is checked before anything runs.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/config.h"
#include "sim/config_schema.h"
#include "sim/result.h"
#include "sim/simulation.h"

namespace choreo::models {

// A part of the memory a model allocates when it is built, before its first
// event: `count` items of `bytes_each`, sized by the scenario key `key`.
// The CLI refuses a scenario whose parts add up to more than the machine's
// memory, naming the largest part's key, before allocating any of it.
struct Footprint {
  std::string key;   // the scenario key that sets `count`
  std::string what;  // what one item is, for the message: "users (a profile and 3 mirror entries)"
  std::uint64_t count = 0;
  std::uint64_t bytes_each = 0;
};

class Model {
 public:
  virtual ~Model() = default;

  // Creates the nodes and schedules the workload and the fault plan.
  virtual void build(sim::Simulation& sim) = 0;
  // Runs every phase to the end of the scenario.
  virtual void run(sim::Simulation& sim) = 0;
  // Adds the model's keys to the summary: at least `replicas` (an array,
  // empty when the model keeps none) and, where it has them, `delivery`,
  // `reads` and `requests` as README.md's summary.json section defines them.
  // Also called on a model that was built but never run: the CLI checks
  // [expect] paths against that shape before the run, so it must write the
  // same keys (values may be zero or null); tests/cli/expect_command_test.cc
  // checks every scenario.
  virtual void report(const sim::Simulation& sim, nlohmann::json& summary) const = 0;
  // The memory build() allocates in proportion to the scenario's sizes: a
  // lower bound (tests/footprint checks it against what build() allocates).
  virtual std::vector<Footprint> footprint() const { return {}; }
  // Writes timeseries.csv's content; false if the model samples nothing.
  virtual bool write_time_series(std::ostream& out) const {
    (void)out;
    return false;
  }
};

struct ModelKind {
  std::string_view name;     // the value of `run.model`
  std::string_view summary;  // one line for --help
  // Adds the model's own sections and keys.
  void (*declare)(sim::ConfigSchema& schema);
  // Builds the model from checked values; may reject combinations of keys.
  sim::Result<std::unique_ptr<Model>> (*make)(const sim::Config& config);
};

// Every model, in the order --help lists them.
std::span<const ModelKind> model_kinds();
const ModelKind* find_model_kind(std::string_view name);

// The keys every scenario has: [run] (model, seed, duration, settle,
// sample_period) and the open section [expect].
void declare_common(sim::ConfigSchema& schema);

// The full schema of a scenario running `kind`.
sim::ConfigSchema scenario_schema(const ModelKind& kind);

}  // namespace choreo::models
