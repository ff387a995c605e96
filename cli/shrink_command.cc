// `choreo shrink`; see shrink_command.h.
#include "cli/shrink_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <exception>

#include "cli/exit_codes.h"
#include "cli/options.h"
#include "cli/output_file.h"
#include "cli/run_one.h"
#include "cli/scenario.h"
#include "cli/shrink_search.h"

namespace po = boost::program_options;

namespace choreo::cli {

namespace {

struct ShrinkArgs {
  std::string scenario;
  std::string seed;
  std::vector<std::string> sets;
  std::vector<std::string> expects;
  std::vector<std::string> keeps;
  std::size_t max_runs = ShrinkLimits{}.max_runs;
  std::string out_file;
  bool help = false;
};

po::options_description shrink_options(ShrinkArgs& a) {
  po::options_description d("Options");
  d.add_options()("seed", po::value(&a.seed)->value_name("N"),
                  "the failing run's seed (default: run.seed, else 1)")(
      "set", po::value(&a.sets)->value_name("SECTION.KEY=VALUE")->composing(),
      "override a scenario key, as for choreo run; the override is folded into the shrunk file")(
      "expect", po::value(&a.expects)->value_name("PATH")->composing(),
      "the [expect] entry that must stay violated, e.g. replicas.counts-naive.converged; repeatable "
      "(default: every entry the run violates)")(
      "keep", po::value(&a.keeps)->value_name("SECTION.KEY")->composing(),
      "a key the search must not change; repeatable (run.seed and run.settle are always kept)")(
      "max-runs", po::value(&a.max_runs)->value_name("N"), "stop after this many simulations (default: 300)")(
      "out", po::value(&a.out_file)->value_name("FILE"),
      "where the shrunk scenario goes (default: out/<scenario name>.shrunk.ini)")(
      "help,h", po::bool_switch(&a.help), "show this help");
  return d;
}

void print_shrink_help(const po::options_description& d, std::ostream& out) {
  out << "Usage: choreo shrink SCENARIO.ini --seed N [options]\n\n"
         "Searches for a smaller scenario that fails the way this run fails: the same\n"
         "[expect] entries violated (or the same internal error). It shortens run.duration,\n"
         "removes [fault.*] and [replica.*] sections, lowers rates, counts and\n"
         "probabilities (toward zero), and shortens other durations, keeping each step\n"
         "that still fails without making the run bigger. The same input always shrinks\n"
         "to the same output. Progress goes to stderr; the shrunk scenario, its size\n"
         "against the original and its replay command go to stdout.\n\n"
      << d
      << "\nExit status: 0 shrunk, 2 bad input or the run does not fail, 3 internal error.\n\n"
         "Examples:\n"
         "  choreo shrink scenarios/duplicates-sqs.ini --seed 3\n"
         "  choreo shrink my.ini --seed 7 --expect replicas.counts-naive.converged --keep broker.kind\n";
}

// How a run failed: the [expect] keys it violated, or an internal error.
struct Failure {
  std::vector<std::string> violated;  // "expect.PATH", in file order
  std::string internal_error;         // what() of an exception, or ""
  std::string user_error;             // a model rejecting the scenario, or ""
  std::uint64_t events = 0;
  bool ran = false;
};

Failure run_and_judge(const Scenario& scenario) {
  Failure f;
  if (auto checked = check_expect_paths(scenario); !checked) {
    f.user_error = checked.error().message;
    return f;
  }
  try {
    auto outcome = run_scenario(scenario, nullptr);
    if (!outcome) {
      f.user_error = outcome.error().message;
      return f;
    }
    f.ran = true;
    f.events = outcome->summary.at("events_processed").get<std::uint64_t>();
    const auto entries = scenario.config.open_entries("expect");
    const auto& results = outcome->summary.at("expectations");
    for (std::size_t i = 0; i < entries.size() && i < results.size(); ++i) {
      if (!results[i].at("holds").get<bool>()) f.violated.push_back(entries[i].key);
    }
  } catch (const std::exception& e) {
    f.ran = true;
    f.internal_error = e.what();
  }
  return f;
}

// The [expect] keys to keep violated, or the one-line reason there are none.
sim::Result<std::vector<std::string>> pick_targets(const ShrinkArgs& a, const Scenario& s, const Failure& f) {
  const std::string run = fmt::format("{} --seed {}", s.path, s.seed);
  if (!f.internal_error.empty()) return std::vector<std::string>{};
  if (a.expects.empty()) {
    if (f.violated.empty()) {
      return sim::Error{
          fmt::format("choreo shrink: {} does not fail (every expectation holds): nothing to shrink", run)};
    }
    return f.violated;
  }
  std::vector<std::string> targets;
  std::string known;
  for (const auto& e : s.config.open_entries("expect"))
    known += (known.empty() ? "" : ", ") + e.key.substr(7);
  for (const auto& path : a.expects) {
    const std::string key = "expect." + path;
    const auto entries = s.config.open_entries("expect");
    if (std::none_of(entries.begin(), entries.end(), [&](const sim::RawEntry& e) { return e.key == key; })) {
      return sim::Error{fmt::format("--expect {}: the scenario has no such [expect] entry (it has: {})", path,
                                    known.empty() ? "none" : known)};
    }
    if (std::find(f.violated.begin(), f.violated.end(), key) == f.violated.end()) {
      return sim::Error{fmt::format("--expect {}: holds in {}: nothing to shrink", path, run)};
    }
    targets.push_back(key);
  }
  return targets;
}

bool same_failure(const Failure& original, const Failure& f, const std::vector<std::string>& targets) {
  if (!original.internal_error.empty()) return f.internal_error == original.internal_error;
  return f.internal_error.empty() && std::all_of(targets.begin(), targets.end(), [&](const std::string& t) {
           return std::find(f.violated.begin(), f.violated.end(), t) != f.violated.end();
         });
}

sim::Result<Scenario> scenario_of(const ShrinkDraft& d, const std::string& name) {
  auto raw = sim::read_config_text(d.render({}), name);
  if (!raw) return raw.error();
  return scenario_from_raw(*raw, name, {}, "");
}

int execute(const ShrinkArgs& a, std::ostream& out, std::ostream& err) {
  auto scenario = load_scenario(a.scenario, a.sets, a.seed);
  if (!scenario) return err << scenario.error().message << "\n", kExitBadInput;
  const Failure original = run_and_judge(*scenario);
  if (!original.user_error.empty()) return err << original.user_error << "\n", kExitBadInput;
  auto targets = pick_targets(a, *scenario, original);
  if (!targets) return err << targets.error().message << "\n", kExitBadInput;

  const std::string out_file = a.out_file.empty() ? "out/" + scenario->name + ".shrunk.ini" : a.out_file;
  const auto& schema = models::scenario_schema(*scenario->kind);
  auto raw = sim::read_config_file(a.scenario);
  ShrinkDraft start = ShrinkDraft::from(*raw, a.sets, schema);
  start.set("run.seed", std::to_string(scenario->seed));
  start.keep_only("expect", *targets);

  const ShrinkOracle oracle{
      .resolve = [&](const ShrinkDraft& d) -> sim::Result<sim::Config> {
        auto s = scenario_of(d, out_file);
        if (!s) return s.error();
        return s->config;
      },
      .run =
          [&](const ShrinkDraft& d) {
            auto s = scenario_of(d, out_file);
            const Failure f = run_and_judge(*s);
            return ShrinkProbe{f.user_error.empty() && same_failure(original, f, *targets), f.ran, f.events};
          },
  };
  err << fmt::format(
      "shrink: {} --seed {} fails in {} events ({})\n", scenario->path, scenario->seed, original.events,
      original.internal_error.empty() ? fmt::format("{} expectation(s) violated", targets->size())
                                      : "internal error: " + original.internal_error);
  const ShrinkResult r =
      shrink(start, original.events, schema, oracle, ShrinkLimits{a.max_runs, a.keeps},
             [&](const std::string& line) { err << "shrink: " << line << "\n"
                                                << std::flush; });

  const std::string replay = "choreo run " + out_file;
  const std::string text = r.draft.render(
      {fmt::format("Shrunk by: choreo shrink {} --seed {}{}", scenario->path, scenario->seed,
                   a.sets.empty() ? "" : " (with its --set overrides folded in)"),
       fmt::format("{} events (the original: {}), {} steps in {} runs{}", r.events, original.events,
                   r.steps.size(), r.runs, r.budget_spent ? " (run budget spent)" : ""),
       "Replay: " + replay});
  auto failed = create_parent_directory(out_file, "--out");
  if (!failed) failed = write_path_atomically(out_file, text, "--out");
  if (failed) return err << failed->message << "\n", failed->exit_code;
  out << text << "\n";
  out << fmt::format("events: {} (the original: {}; {:.2f} %)\n", r.events, original.events,
                     original.events == 0 ? 100.0 : 100.0 * static_cast<double>(r.events) / original.events);
  out << fmt::format("steps: {} taken in {} runs{}\n", r.steps.size(), r.runs,
                     r.budget_spent ? " (--max-runs reached; rerun on the output to go further)" : "");
  out << "wrote: " << out_file << "\nreplay: " << replay << "\n";
  return kExitHolds;
}

}  // namespace

int shrink_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  ShrinkArgs a;
  auto visible = shrink_options(a);
  po::options_description all;
  all.add(visible).add_options()("scenario", po::value(&a.scenario));
  po::positional_options_description positional;
  positional.add("scenario", 1);
  if (auto parsed = parse_args(args, all, positional, "choreo shrink"); !parsed) {
    err << parsed.error().message << "\n";
    return kExitBadInput;
  }
  if (a.help) {
    print_shrink_help(visible, out);
    return kExitHolds;
  }
  if (a.scenario.empty()) {
    err << "choreo shrink: missing SCENARIO.ini (try: choreo shrink scenarios/duplicates-sqs.ini --seed 1; "
           "choreo shrink --help)\n";
    return kExitBadInput;
  }
  return execute(a, out, err);
}

}  // namespace choreo::cli
