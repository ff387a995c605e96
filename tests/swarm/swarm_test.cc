// The swarm regression (ctest -L swarm; CI runs it in the Release and the
// ASan+UBSan builds): many short runs of the comments and PHOLD models, each
// a scenario from scenarios/ with a random combination of valid `--set`
// values drawn from the keys' declared ranges (draw_value.h), each run twice.
// It asserts what must hold for any valid input:
//   - every drawn value is accepted (the declared range is the real one);
//   - no internal error (exception), no crash, no assertion, no sanitizer
//     report (those abort the test binary, after the replay command of the
//     run is printed on stderr);
//   - a model refusing a combination of keys says so in one line;
//   - the two runs have the same trace hash.
// Each run has a budget of events: a run that reaches it is cut there (its
// trace hash so far is compared), so a run's cost is bounded whatever the
// draws. CI runs a small swarm (kCiRuns per model, a few seconds in Release);
// CHOREO_SWARM_RUNS=N runs N per model and CHOREO_SWARM_SEED=S draws another
// swarm, for a long campaign:
//   CHOREO_SWARM_RUNS=2000 CHOREO_SWARM_SEED=7 build-asan/tests/swarm_tests
// A first version of issue 13's `choreo sweep --swarm`.
//
// Not drawn: run.model (the schema is the model's). A replica's service is
// drawn like any text, so two replicas on one service occur; the model
// refuses that in one line (it used to trip an assertion, issue 17).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "cli/run_one.h"
#include "cli/scenario.h"
#include "sim/random.h"
#include "sim/trace.h"
#include "sim/units.h"
#include "tests/cli/command.h"
#include "tests/swarm/draw_value.h"

namespace choreo {
namespace {

constexpr std::uint64_t kSwarmSeed = 20261130;
constexpr std::uint64_t kEventBudget = 150'000;
constexpr int kCiRuns = 60;

// The environment's value of `name` if it is a whole positive number, else `fallback`.
std::uint64_t from_env(const char* name, std::uint64_t fallback) {
  const char* text = std::getenv(name);
  if (text == nullptr) return fallback;
  const auto n = sim::parse_integer(text);
  return n && *n > 0 ? static_cast<std::uint64_t>(*n) : fallback;
}

struct BudgetReached {
  std::uint64_t hash;
  std::uint64_t events;
};

struct Outcome {
  enum Kind { kCompleted, kCut, kRefused } kind;
  std::string trace;    // the trace hash (at the cut, for a cut run)
  std::string refusal;  // the model's one line
};

Outcome run_once(const cli::Scenario& scenario) {
  cli::RunWatcher watcher;
  watcher.running = [](const sim::Simulation& sim) {
    if (sim.events_processed() >= kEventBudget) throw BudgetReached{sim.trace_hash(), sim.events_processed()};
  };
  try {
    auto outcome = cli::run_scenario(scenario, nullptr, {}, &watcher);
    if (!outcome) {
      std::cerr << "refused: " << outcome.error().message << "\n";
      return {Outcome::kRefused, "", outcome.error().message};
    }
    return {Outcome::kCompleted, outcome->summary.at("trace_hash").get<std::string>(), ""};
  } catch (const BudgetReached& cut) {
    return {Outcome::kCut, fmt::format("{}@{}", sim::format_hash(cut.hash), cut.events), ""};
  }
}

struct Base {
  std::string path;
  std::map<std::string, std::vector<std::string>> instances;  // per pattern section ("replica", "fault")
  std::vector<std::string> services;                          // replica names: services a fault may name
  sim::ConfigSchema schema;
};

// The scenarios of `model`, with their instances.
std::vector<Base> bases(const std::string& model) {
  std::vector<Base> out;
  for (const auto& name : testing::scenario_names()) {
    const std::string path = fmt::format("scenarios/{}.ini", name);
    auto s = cli::load_scenario(std::string(CHOREO_SOURCE_DIR) + "/" + path, {}, "");
    if (!s || s->kind->name != model) continue;
    Base b{path, {}, {}, models::scenario_schema(*s->kind)};
    for (const auto& spec : b.schema.keys()) {
      if (const auto star = spec.key.find('*'); star != std::string::npos) {
        const std::string section = spec.key.substr(0, star - 1);
        b.instances[section] = s->config.instances(section);
      }
    }
    b.services = b.instances["replica"];
    out.push_back(std::move(b));
  }
  return out;
}

// "replica.*.kind" with `instance` for the star.
std::string with_instance(const std::string& pattern, const std::string& instance) {
  const auto star = pattern.find('*');
  return pattern.substr(0, star) + instance + pattern.substr(star + 1);
}

// Keys a model reads only when another key has a given value (and refuses
// otherwise): drawing one also sets that value, last, so it wins.
const std::map<std::string, std::string> kReadOnlyWhen = {
    {"phold.lookahead", "phold.shape=custom"},
    {"phold.mean_delay", "phold.shape=custom"},
};

// `--set` overrides for one run: a short run, then 1..8 random keys. A key
// of a pattern section goes to one of its instances, or to a fresh one whose
// every key is drawn (a new replica or fault, complete enough to run).
std::vector<std::string> draw_overrides(const Base& base, sim::Rng& rng) {
  std::vector<std::string> sets = {
      "run.duration=" + sim::format_duration(std::llround(swarm::detail::log_uniform(rng, 1e3, 1e7))),
      "run.settle=" +
          sim::format_duration(sim::bernoulli(rng, 0.2) ? 0 : sim::uniform_int(rng, 0, 1'000'000))};
  const auto& keys = base.schema.keys();
  std::vector<std::string> companions;
  const auto add = [&](const sim::KeySpec& spec, const std::string& key) {
    sets.push_back(key + "=" + swarm::draw_value(spec, base.services, rng));
    if (const auto it = kReadOnlyWhen.find(spec.key); it != kReadOnlyWhen.end())
      companions.push_back(it->second);
  };
  const auto count = 1 + sim::uniform_int(rng, 8);
  for (std::uint64_t i = 0; i < count; ++i) {
    const auto& spec = keys[sim::uniform_int(rng, keys.size())];
    if (spec.key == "run.model" || spec.key == "run.duration" || spec.key == "run.settle") continue;
    const auto star = spec.key.find('*');
    if (star == std::string::npos) {
      add(spec, spec.key);
      continue;
    }
    const std::string section = spec.key.substr(0, star - 1);
    const auto& existing = base.instances.at(section);
    if (!existing.empty() && sim::bernoulli(rng, 0.7)) {
      add(spec, with_instance(spec.key, existing[sim::uniform_int(rng, existing.size())]));
      continue;
    }
    const std::string fresh = fmt::format("s{}", i);
    for (const auto& other : keys) {
      if (other.key.starts_with(section + ".*.")) add(other, with_instance(other.key, fresh));
    }
  }
  sets.insert(sets.end(), companions.begin(), companions.end());
  return sets;
}

void swarm_model(const std::string& model, int runs) {
  const auto candidates = bases(model);
  ASSERT_FALSE(candidates.empty()) << model;
  sim::Rng rng = sim::Rng::stream(from_env("CHOREO_SWARM_SEED", kSwarmSeed), model);
  int completed = 0, cut = 0, refused = 0;
  for (int run = 0; run < runs; ++run) {
    const Base& base = candidates[sim::uniform_int(rng, candidates.size())];
    const auto sets = draw_overrides(base, rng);
    const std::string seed = std::to_string(1 + sim::uniform_int(rng, 1'000'000));
    auto scenario = cli::load_scenario(std::string(CHOREO_SOURCE_DIR) + "/" + base.path, sets, seed);
    ASSERT_TRUE(scenario.ok()) << "a value drawn from the declared range was refused: "
                               << scenario.error().message;
    scenario->path = base.path;  // replay from the source directory
    const std::string replay = cli::replay_command(*scenario);
    std::cerr << "swarm " << model << " " << run << ": " << replay << "\n";  // printed before a crash
    const Outcome a = run_once(*scenario), b = run_once(*scenario);
    EXPECT_EQ(a.kind, b.kind) << replay;
    EXPECT_EQ(a.trace, b.trace) << replay;
    if (a.kind == Outcome::kRefused) {
      EXPECT_EQ(a.refusal.find('\n'), std::string::npos) << replay;
      EXPECT_EQ(a.refusal, b.refusal) << replay;
    }
    (a.kind == Outcome::kCompleted ? completed : a.kind == Outcome::kCut ? cut : refused) += 1;
  }
  std::cout << "swarm " << model << ": " << runs << " runs, each twice: " << completed << " completed, "
            << cut << " cut at " << kEventBudget << " events, " << refused
            << " refused by the model in one line; 0 internal errors, traces equal\n";
  // The swarm must run, not only draw refusals (cross-key rules such as a
  // fault window or a strategy per replica kind refuse a share, in one line).
  EXPECT_GE(completed + cut, runs / 3) << "too many refused runs: the draws have drifted from the models";
}

int runs() { return static_cast<int>(from_env("CHOREO_SWARM_RUNS", kCiRuns)); }

TEST(Swarm, CommentsModelRunsAnyValidConfigurationTwiceAlike) { swarm_model("comments", runs()); }

TEST(Swarm, PholdModelRunsAnyValidConfigurationTwiceAlike) { swarm_model("phold", runs()); }

}  // namespace
}  // namespace choreo
