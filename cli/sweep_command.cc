// `choreo sweep`; see sweep_command.h.
#include "cli/sweep_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include "cli/exit_codes.h"
#include "cli/options.h"
#include "cli/run_one.h"
#include "cli/scenario.h"
#include "cli/swarm_draw.h"
#include "cli/swarm_report.h"
#include "cli/sweep_continue.h"
#include "cli/sweep_fingerprint.h"
#include "cli/sweep_grid.h"
#include "cli/sweep_pool.h"
#include "cli/sweep_progress.h"
#include "cli/sweep_report.h"
#include "cli/sweep_shard.h"
#include "cli/sweep_tally.h"
#include "cli/sweep_writer.h"

namespace po = boost::program_options;

namespace choreo::cli {

namespace {

constexpr std::size_t kMaxRuns = 100'000'000;
constexpr unsigned kMaxThreads = 256;

struct SweepArgs {
  std::string scenario;
  std::string seeds;
  std::vector<std::string> varies;
  std::vector<std::string> sets;
  std::string out;
  std::string shard;
  bool sharded = false;  // --shard given
  unsigned jobs = 0;
  bool wall_time = false;
  bool swarm = false;
  bool help = false;
};

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
         "Ends with the convergence rate per cell and the command replaying each\n"
         "failing run.\n\n"
      << d
      << "\nExit status: 0 every run's expectations hold, 1 some do not, 2 bad input,\n"
         "3 internal error.\n\n"
         "Example:\n"
         "  choreo sweep scenarios/duplicates-sqs.ini --seeds 1..10 --vary broker.duplicate=1%,5% -j 2\n";
}

// Everything the runs share; read-only while they run.
struct Sweep {
  SweepArgs args;
  Grid grid;
  Shard shard;
  std::string out_path;
  SweepFingerprint fingerprint;
  std::vector<SwarmRanges> swarm;  // per cell, with --swarm
  std::vector<std::string> overrides(std::size_t cell) const {
    auto all = args.sets;
    for (auto& o : grid.cell_overrides(cell)) all.push_back(std::move(o));
    return all;
  }
  SwarmDraw drawn(std::size_t run) const {
    return swarm.empty() ? SwarmDraw{} : draw_swarm(swarm[grid.cell_of(run)], grid.seed_of(run));
  }
  // The cell's overrides, then the values drawn for the run (later wins).
  std::vector<std::string> run_overrides(std::size_t run) const {
    auto all = overrides(grid.cell_of(run));
    for (auto& o : swarm_overrides(drawn(run))) all.push_back(std::move(o));
    return all;
  }
  std::string replay(std::size_t run) const {
    Scenario s;
    s.path = args.scenario;
    s.seed = grid.seed_of(run);
    s.overrides = run_overrides(run);
    return replay_command(s);
  }
};

// Config errors name `--set KEY`; for a varied key the user typed --vary.
std::string blame_vary(const Grid& grid, std::string message) {
  for (const auto& v : grid.varies) {
    if (message.starts_with("--set " + v.key) ||
        (message.starts_with("--set") && message.find(v.key) != std::string::npos)) {
      return "--vary" + message.substr(5);
    }
  }
  return message;
}

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

// The first error of any run, by run index, so the message does not depend on -j.
class FirstError {
 public:
  struct Entry {
    std::size_t run;
    std::string message;
    int exit_code;  // kExitBadInput, or kExitOutput when a CSV write failed
  };
  void record(std::size_t run, std::string message, int exit_code = kExitBadInput) {
    std::lock_guard lock(mutex_);
    if (!error_ || run < error_->run) error_ = Entry{run, std::move(message), exit_code};
  }
  const std::optional<Entry>& get() const { return error_; }

 private:
  std::mutex mutex_;
  std::optional<Entry> error_;
};

// One run (the shard's `position`-th): load its scenario, simulate, hand the
// summary to the writer.
bool run_one_cell(const Sweep& s, std::size_t position, OrderedWriter& writer, Progress& progress,
                  std::vector<RunVerdict>& verdicts, ReplicaTally& tally, FirstError& error) {
  const std::size_t run = s.shard.run_of(position);
  auto scenario = load_scenario(s.args.scenario, s.run_overrides(run), std::to_string(s.grid.seed_of(run)));
  if (!scenario) {
    error.record(run, blame_vary(s.grid, scenario.error().message));
    return false;
  }
  auto outcome = run_scenario(*scenario, nullptr);
  if (!outcome) {
    error.record(run, fmt::format("{} (replay: {})", outcome.error().message, s.replay(run)));
    return false;
  }
  const bool holds = outcome->expectations_hold;
  verdicts[run] = {holds, outcome->summary.value("converged", false)};
  tally.add_summary(s.grid.cell_of(run), outcome->summary);
  if (!s.swarm.empty()) {
    nlohmann::json& drawn = outcome->summary["swarm"];
    for (const auto& [key, value] : s.drawn(run)) drawn[key] = value;
  }
  if (auto written = writer.submit(position, std::move(outcome->summary), holds); !written) {
    error.record(run, written.error().message, kExitOutput);
    return false;
  }
  progress.tick(holds);
  return true;
}

sim::Status prepare_out(const std::string& path) {
  const auto dir = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!dir.empty()) std::filesystem::create_directories(dir, ec);
  if (ec)
    return sim::Error{
        fmt::format("--out {}: cannot create directory {}: {}", path, dir.string(), ec.message())};
  return sim::Ok{};
}

// The verdict and drawn values of each of the shard's runs.
std::vector<SwarmRun> swarm_runs(const Sweep& s, const std::vector<RunVerdict>& verdicts) {
  std::vector<SwarmRun> runs;
  for (std::size_t position = 0; position < s.shard.size(s.grid.run_count()); ++position) {
    const std::size_t run = s.shard.run_of(position);
    runs.push_back({verdicts[run].holds, s.drawn(run)});
  }
  return runs;
}

// The end of a sweep: warnings, the report, the cells CSV, the last line;
// returns the exit code.
int finish(const Sweep& s, const OrderedWriter& writer, const std::vector<RunVerdict>& verdicts,
           const ReplicaTally& tally, const std::string& ran, std::ostream& out, std::ostream& err) {
  for (const auto& name : writer.unlisted()) {
    err << fmt::format(
        "sweep: warning: replica '{}' is missing from the CSV's first run, so the CSV has no columns for it "
        "(only the replica aggregates count it)\n",
        name);
  }
  const auto replay = [&](std::size_t run) { return s.replay(run); };
  const std::size_t rows = s.shard.size(s.grid.run_count());
  if (!s.shard.whole()) {
    print_shard_report(s.grid, s.shard, verdicts, replay, out);
    if (!s.swarm.empty()) print_swarm_families(swarm_runs(s, verdicts), out);
    out << fmt::format("wrote {} ({} rows of shard {}; {})\n", s.out_path, rows, s.shard.text(), ran);
  } else {
    print_sweep_report(s.grid, verdicts, tally, replay, out);
    if (const auto failed = write_cells_csv(s.out_path, s.grid, tally)) {
      err << failed->message << "\n";
      return failed->exit_code;
    }
    if (!s.swarm.empty()) print_swarm_families(swarm_runs(s, verdicts), out);
    out << fmt::format("wrote {} ({} rows; {}){}\n", s.out_path, rows, ran,
                       tally.replicas().empty() ? "" : " and " + cells_csv_path(s.out_path));
  }
  for (std::size_t position = 0; position < rows; ++position) {
    if (!verdicts[s.shard.run_of(position)].holds) return kExitViolated;
  }
  return kExitHolds;
}

int execute(const Sweep& s, std::ostream& out, std::ostream& err) {
  std::vector<RunVerdict> verdicts(s.grid.run_count());
  ReplicaTally tally(s.grid.cell_count());
  if (auto ready = prepare_out(s.out_path); !ready) {
    err << ready.error().message << "\n";
    return kExitBadInput;
  }
  auto resumed = resume_sweep(s.out_path, s.grid, s.shard, s.args.wall_time, s.fingerprint, verdicts, tally);
  if (!resumed) {
    err << resumed.error().message << "\n";
    return kExitBadInput;
  }
  std::string overrides;
  for (const auto& o : s.args.sets) overrides += (overrides.empty() ? "" : ";") + o;
  OrderedWriter writer(s.out_path, s.grid, s.shard, s.args.wall_time, {overrides, s.fingerprint.text()},
                       resumed->done, resumed->schema);
  if (auto opened = writer.open(); !opened) {
    err << opened.error().message << "\n";
    return kExitBadInput;
  }
  const unsigned threads = s.args.jobs > 0 ? s.args.jobs : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t rows = s.shard.size(s.grid.run_count());
  if (resumed->done > 0)
    err << fmt::format("sweep: resuming {}: {} of {} runs already done\n", s.out_path, resumed->done, rows);
  Progress progress(rows, resumed->done, err, ::isatty(STDERR_FILENO) == 1);
  FirstError error;
  run_pool(resumed->done, rows, threads, [&](std::size_t position) {
    return run_one_cell(s, position, writer, progress, verdicts, tally, error);
  });
  progress.finish();
  if (const auto& e = error.get()) {
    err << e->message << "\n";
    return e->exit_code;
  }
  return finish(s, writer, verdicts, tally,
                fmt::format("{} run now with -j {} in {}", rows - resumed->done, threads,
                            format_duration_s(progress.elapsed_s())),
                out, err);
}

}  // namespace

int sweep_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
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
  return execute(s, out, err);
}

}  // namespace choreo::cli
