// The list of models `choreo run` knows, and the keys common to all; see model.h.
#include <array>
#include <string>

#include "models/model.h"
#include "models/phold/phold_model.h"
#include "models/wattpad/comments_model.h"

namespace choreo::models {

namespace {

const std::array<ModelKind, 2> kModels = {{
    {"comments", "the Wattpad comments system: user mirrors and comment counters fed through a broker",
     &wattpad::declare_comments, &wattpad::make_comments_model},
    {"phold", "PHOLD, the standard discrete-event benchmark", &phold::declare_phold,
     &phold::make_phold_model},
}};

}  // namespace

std::span<const ModelKind> model_kinds() { return kModels; }

const ModelKind* find_model_kind(std::string_view name) {
  for (const auto& kind : kModels) {
    if (kind.name == name) return &kind;
  }
  return nullptr;
}

void declare_common(sim::ConfigSchema& schema) {
  std::vector<std::string> names;
  for (const auto& kind : kModels) names.emplace_back(kind.name);
  schema.add({.key = "run.model",
              .type = sim::ValueType::kEnum,
              .default_value = "comments",
              .allowed = names,
              .help = "which system the scenario simulates"});
  schema.add({.key = "run.seed",
              .type = sim::ValueType::kInteger,
              .default_value = "1",
              .min = "0",
              .max = "9223372036854775807",
              .help = "the run seed; every random draw derives from it (--seed overrides)"});
  schema.add({.key = "run.duration",
              .type = sim::ValueType::kDuration,
              .default_value = "60s",
              .min = "1us",
              .max = "3650d",
              .help = "virtual time the workload runs, with faults"});
  schema.add({.key = "run.settle",
              .type = sim::ValueType::kDuration,
              .default_value = "30s",
              .min = "0",
              .max = "3650d",
              .help = "virtual time after the workload, faults healed, before the check"});
  schema.add({.key = "run.sample_period",
              .type = sim::ValueType::kDuration,
              .default_value = "1s",
              .min = "1ms",
              .max = "1d",
              .help = "period of the time series in timeseries.csv"});
  schema.add_open_section("expect");
}

sim::ConfigSchema scenario_schema(const ModelKind& kind) {
  sim::ConfigSchema schema;
  declare_common(schema);
  kind.declare(schema);
  return schema;
}

}  // namespace choreo::models
