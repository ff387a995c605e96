// One run; see run_one.h.
#include "cli/run_one.h"

#include <chrono>

#include "cli/memory_check.h"
#include "cli/shell_quote.h"
#include "sim/expectations.h"
#include "sim/simulation.h"
#include "sim/trace.h"

namespace choreo::cli {

namespace {

nlohmann::json config_object(const sim::Config& config) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& v : config.effective()) out[v.key] = v.value;
  return out;
}

// `converged` is true when every replica converged (and with no replicas).
bool all_converged(const nlohmann::json& summary) {
  for (const auto& r : summary.at("replicas")) {
    if (!r.at("converged").get<bool>()) return false;
  }
  return true;
}

// summary.json without `expectations`, from a model that has run (or, for
// the shape, has only been built).
nlohmann::json assemble(const Scenario& scenario, const sim::Simulation& simulation,
                        const models::Model& model, double wall_s) {
  nlohmann::json s;
  s["scenario"] = scenario.name;
  s["seed"] = scenario.seed;
  s["config"] = config_object(scenario.config);
  s["events_processed"] = simulation.events_processed();
  s["sim_time_s"] = sim::to_seconds(simulation.now());
  s["wall_time_s"] = wall_s;
  s["trace_hash"] = sim::format_hash(simulation.trace_hash());
  model.report(simulation, s);
  s["converged"] = all_converged(s);
  return s;
}

// The scenario's model, made and checked to fit in memory, not yet built.
sim::Result<std::unique_ptr<models::Model>> make_model(const Scenario& scenario) {
  auto model = scenario.kind->make(scenario.config);
  if (!model) return model.error();
  if (auto fits = check_footprint(scenario, **model, memory_limit()); !fits) return fits.error();
  return model;
}

}  // namespace

sim::Result<nlohmann::json> summary_shape(const Scenario& scenario) {
  auto model = make_model(scenario);
  if (!model) return model.error();
  sim::Simulation simulation(scenario.seed);
  (*model)->build(simulation);
  auto s = assemble(scenario, simulation, **model, 0.0);
  s["expectations"] = nlohmann::json::array();
  return s;
}

sim::Status check_expect_paths(const Scenario& scenario) {
  const auto entries = scenario.config.open_entries("expect");
  if (entries.empty()) return sim::Ok{};
  auto shape = summary_shape(scenario);
  if (!shape) return shape.error();
  return sim::check_expectation_paths(*shape, entries);
}

sim::Result<RunOutcome> run_scenario(const Scenario& scenario, std::ostream* trace_out,
                                     sim::TraceOptions trace_options, const RunWatcher* watcher) {
  auto model = make_model(scenario);
  if (!model) return model.error();

  sim::Simulation simulation(scenario.seed);
  if (trace_out != nullptr) simulation.trace().set_output(trace_out, std::move(trace_options));
  if (watcher != nullptr && watcher->running) {
    simulation.set_progress(watcher->every_events, [&] { watcher->running(simulation); });
  }
  const auto start = std::chrono::steady_clock::now();
  if (watcher != nullptr && watcher->building) watcher->building();
  (*model)->build(simulation);
  (*model)->run(simulation);
  const double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  RunOutcome outcome;
  outcome.summary = assemble(scenario, simulation, **model, wall_s);
  nlohmann::json& s = outcome.summary;
  auto checked = sim::check_expectations(s, scenario.config.open_entries("expect"));
  if (!checked) return checked.error();
  s["expectations"] = nlohmann::json::array();
  for (const auto& e : *checked) {
    s["expectations"].push_back({{"name", e.name}, {"holds", e.holds}, {"detail", e.detail}});
    outcome.expectations_hold = outcome.expectations_hold && e.holds;
  }
  outcome.model = std::move(*model);
  return outcome;
}

std::string replay_command(const Scenario& scenario) {
  std::string cmd = "choreo run " + shell_quote(scenario.path) + " --seed " + std::to_string(scenario.seed);
  for (const auto& o : scenario.overrides) cmd += " --set " + shell_quote(o);
  return cmd;
}

}  // namespace choreo::cli
