// The checked sweep; see sweep_setup.h.
#include "cli/sweep_setup.h"

#include <fmt/format.h>

#include <boost/program_options.hpp>
#include <filesystem>

#include "cli/exit_codes.h"
#include "cli/options.h"
#include "cli/run_one.h"
#include "cli/scenario.h"

namespace po = boost::program_options;

namespace choreo::cli {

namespace {

constexpr std::size_t kMaxRuns = 100'000'000;
constexpr unsigned kMaxThreads = 256;

po::options_description sweep_options(SweepArgs& a) {
  po::options_description d("Options");
  d.add_options()("seeds", po::value(&a.seeds)->value_name("A..B"),
                  "the seeds of every cell, inclusive (required)")(
      "vary", po::value(&a.varies)->value_name("SECTION.KEY=V1,V2,...")->composing(),
      "a key to vary; repeatable: the grid is every combination (first --vary outermost)")(
      "jobs,j", po::value(&a.jobs)->value_name("N"), "worker threads; 0 = all cores (default: 0)")(
      "out", po::value(&a.out)->value_name("FILE.csv"),
      "the CSV, appended to and resumed (default: out/<scenario name>.sweep.csv)")(
      "shard",
      po::value(&a.shard)->value_name("I/N")->notifier([&a](const std::string&) { a.sharded = true; }),
      "run only shard I of N (1 <= I <= N: every run whose grid index is I-1 modulo N); "
      "merge the shards' CSVs with choreo sweep-merge")(
      "set", po::value(&a.sets)->value_name("SECTION.KEY=VALUE")->composing(),
      "override a scenario key in every run; repeatable")(
      "wall-time", po::bool_switch(&a.wall_time),
      "add a wall_time_s column (then the CSV differs between runs of the sweep)")(
      "swarm", po::bool_switch(&a.swarm),
      "draw each seed's fault families and their strength from the scenario's [swarm] ranges; "
      "each row records the drawn values, its replay sets them")("help,h", po::bool_switch(&a.help),
                                                                 "show this help");
  return d;
}

void print_sweep_help(const po::options_description& d, std::ostream& out) {
  out << "Usage: choreo sweep SCENARIO.ini --seeds A..B [--vary KEY=V1,V2,...]... [--swarm] [options]\n\n"
         "Runs the scenario for every combination of the varied values and every seed,\n"
         "on N threads, and appends one CSV row per run in grid order: the same bytes\n"
         "whatever -j is. Run the same command again to resume an interrupted sweep.\n"
         "Under mpirun (a choreo built with MPI) the runs spread over the ranks and\n"
         "rank 0 writes the same CSV; --shard I/N runs one slice for choreo sweep-merge.\n"
         "Ends with the convergence rate per cell and the command replaying each\n"
         "failing run.\n\n"
      << d
      << "\nExit status: 0 every run's expectations hold, 1 some do not, 2 bad input,\n"
         "3 internal error.\n\n"
         "Example:\n"
         "  choreo sweep scenarios/duplicates-sqs.ini --seeds 1..10 --vary broker.duplicate=1%,5% -j 2\n";
}

}  // namespace

std::string blame_vary(const Grid& grid, std::string message) {
  for (const auto& v : grid.varies) {
    if (message.starts_with("--set " + v.key) ||
        (message.starts_with("--set") && message.find(v.key) != std::string::npos)) {
      return "--vary" + message.substr(5);
    }
  }
  return message;
}

namespace {

sim::Result<Grid> build_grid(const SweepArgs& a) {
  if (a.seeds.empty()) return sim::Error{"choreo sweep: missing --seeds A..B (e.g. --seeds 1..100)"};
  auto seeds = parse_seed_range(a.seeds);
  if (!seeds) return seeds.error();
  std::vector<Vary> varies;
  for (const auto& text : a.varies) {
    auto v = parse_vary(text);
    if (!v) return v.error();
    varies.push_back(std::move(*v));
  }
  return make_grid(*seeds, std::move(varies), kMaxRuns);
}

// Loads every cell once, so a bad key, value or [expect] path stops the
// sweep before it runs; returns each cell's model.
// With --swarm, also reads each cell's [swarm] ranges into `s.swarm`.
sim::Result<std::vector<const models::ModelKind*>> check_cells(Sweep& s) {
  std::vector<const models::ModelKind*> kinds;
  for (std::size_t cell = 0; cell < s.grid.cell_count(); ++cell) {
    auto scenario = load_scenario(s.args.scenario, s.overrides(cell), std::to_string(s.grid.seeds.first));
    if (!scenario) return sim::Error{blame_vary(s.grid, scenario.error().message)};
    if (auto checked = check_expect_paths(*scenario); !checked) {
      return sim::Error{blame_vary(s.grid, checked.error().message)};
    }
    kinds.push_back(scenario->kind);
    if (!s.args.swarm) continue;
    auto ranges = swarm_ranges(scenario->config, std::string(scenario->kind->name));
    if (!ranges) return ranges.error();
    s.swarm.push_back(std::move(*ranges));
  }
  return kinds;
}

}  // namespace

std::vector<std::string> Sweep::overrides(std::size_t cell) const {
  auto all = args.sets;
  for (auto& o : grid.cell_overrides(cell)) all.push_back(std::move(o));
  return all;
}

SwarmDraw Sweep::drawn(std::size_t run) const {
  return swarm.empty() ? SwarmDraw{} : draw_swarm(swarm[grid.cell_of(run)], grid.seed_of(run));
}

std::vector<std::string> Sweep::run_overrides(std::size_t run) const {
  auto all = overrides(grid.cell_of(run));
  for (auto& o : swarm_overrides(drawn(run))) all.push_back(std::move(o));
  return all;
}

std::string Sweep::replay(std::size_t run) const {
  Scenario s;
  s.path = args.scenario;
  s.seed = grid.seed_of(run);
  s.overrides = run_overrides(run);
  return replay_command(s);
}

std::variant<Sweep, int> build_sweep(const std::vector<std::string>& args, std::ostream& out,
                                     std::ostream& err) {
  Sweep s;
  auto visible = sweep_options(s.args);
  po::options_description all;
  all.add(visible).add_options()("scenario", po::value(&s.args.scenario));
  po::positional_options_description positional;
  positional.add("scenario", 1);
  if (auto parsed = parse_args(args, all, positional, "choreo sweep"); !parsed) {
    err << parsed.error().message << "\n";
    return kExitBadInput;
  }
  if (s.args.help) {
    print_sweep_help(visible, out);
    return kExitHolds;
  }
  if (s.args.scenario.empty()) {
    err << "choreo sweep: missing SCENARIO.ini (see choreo sweep --help)\n";
    return kExitBadInput;
  }
  if (s.args.jobs > kMaxThreads) {
    err << fmt::format("-j: {} threads is too many (allowed: 0..{}; 0 = all cores)\n", s.args.jobs,
                       kMaxThreads);
    return kExitBadInput;
  }
  auto grid = build_grid(s.args);
  if (!grid) {
    err << grid.error().message << "\n";
    return kExitBadInput;
  }
  s.grid = std::move(*grid);
  if (s.args.sharded) {
    auto shard = parse_shard(s.args.shard, s.grid.run_count());
    if (!shard) {
      err << shard.error().message << "\n";
      return kExitBadInput;
    }
    s.shard = *shard;
  }
  if (s.args.swarm) {
    std::vector<std::string> varied;
    for (const auto& v : s.grid.varies) varied.push_back(v.key);
    if (auto checked = check_not_drawn(s.args.sets, varied); !checked) {
      err << checked.error().message << "\n";
      return kExitBadInput;
    }
  }
  auto kinds = check_cells(s);
  if (!kinds) {
    err << kinds.error().message << "\n";
    return kExitBadInput;
  }
  // A swarm sweep's rows differ from a plain one's: the flag is part of what they depend on.
  auto fingerprinted = s.args.sets;
  if (s.args.swarm) fingerprinted.emplace_back("--swarm");
  auto fingerprint = fingerprint_sweep(s.args.scenario, fingerprinted, s.grid, *kinds);
  if (!fingerprint) {
    err << fingerprint.error().message << "\n";
    return kExitBadInput;
  }
  s.fingerprint = std::move(*fingerprint);
  s.out_path = s.args.out.empty()
                   ? "out/" + std::filesystem::path(s.args.scenario).stem().string() + ".sweep.csv"
                   : s.args.out;
  return s;
}

}  // namespace choreo::cli
