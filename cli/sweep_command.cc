// `choreo sweep`; see sweep_command.h.
#include "cli/sweep_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "cli/exit_codes.h"
#include "cli/mpirun_env.h"
#include "cli/options.h"
#include "cli/run_one.h"
#include "cli/scenario.h"
#include "cli/swarm_report.h"
#include "cli/sweep_continue.h"
#include "cli/sweep_fingerprint.h"
#include "cli/sweep_grid.h"
#include "cli/sweep_pool.h"
#include "cli/sweep_progress.h"
#include "cli/sweep_report.h"
#include "cli/sweep_setup.h"
#include "cli/sweep_shard.h"
#include "cli/sweep_tally.h"
#include "cli/sweep_writer.h"

#ifdef CHOREO_WITH_MPI
#include <memory>
#include <sstream>

#include "cli/mpi_module.h"
#endif

namespace choreo::cli {

namespace {

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

// What one run produced: its summary and verdict, or why it could not run.
struct RunResult {
  std::string error;  // empty when the run ran
  nlohmann::json summary;
  bool holds = false;
};

// The shard's `position`-th run: load its scenario and simulate.
RunResult compute_run(const Sweep& s, std::size_t position) {
  const std::size_t run = s.shard.run_of(position);
  auto scenario = load_scenario(s.args.scenario, s.run_overrides(run), std::to_string(s.grid.seed_of(run)));
  if (!scenario) return {blame_vary(s.grid, scenario.error().message), {}, false};
  auto outcome = run_scenario(*scenario, nullptr);
  if (!outcome) return {fmt::format("{} (replay: {})", outcome.error().message, s.replay(run)), {}, false};
  return {"", std::move(outcome->summary), outcome->expectations_hold};
}

// What the writing process keeps of every run; thread-safe.
struct Ledger {
  OrderedWriter& writer;
  Progress& progress;
  std::vector<RunVerdict>& verdicts;
  ReplicaTally& tally;
  FirstError& error;
};

// Hands a finished run to the writer, the tallies and the progress line;
// false stops the sweep.
bool record_run(const Sweep& s, std::size_t position, RunResult r, Ledger& ledger) {
  const std::size_t run = s.shard.run_of(position);
  if (!r.error.empty()) {
    ledger.error.record(run, std::move(r.error));
    return false;
  }
  ledger.verdicts[run] = {r.holds, r.summary.value("converged", false)};
  ledger.tally.add_summary(s.grid.cell_of(run), r.summary);
  if (!s.swarm.empty()) {
    nlohmann::json& drawn = r.summary["swarm"];
    for (const auto& [key, value] : s.drawn(run)) drawn[key] = value;
  }
  if (auto written = ledger.writer.submit(position, std::move(r.summary), r.holds); !written) {
    ledger.error.record(run, written.error().message, kExitOutput);
    return false;
  }
  ledger.progress.tick(r.holds);
  return true;
}

// Runs the shard's positions [first, end) somewhere; returns how, for the
// last line ("with -j 2").
using Runner = std::function<std::string(const Sweep&, std::size_t first, std::size_t end, Ledger&)>;

std::string run_here(const Sweep& s, std::size_t first, std::size_t end, Ledger& ledger) {
  const unsigned threads = s.args.jobs > 0 ? s.args.jobs : std::max(1u, std::thread::hardware_concurrency());
  run_pool(first, end, threads,
           [&](std::size_t position) { return record_run(s, position, compute_run(s, position), ledger); });
  return fmt::format("with -j {}", threads);
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

int execute(const Sweep& s, const Runner& runner, std::ostream& out, std::ostream& err) {
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
  const std::size_t rows = s.shard.size(s.grid.run_count());
  if (resumed->done > 0)
    err << fmt::format("sweep: resuming {}: {} of {} runs already done\n", s.out_path, resumed->done, rows);
  Progress progress(rows, resumed->done, err, ::isatty(STDERR_FILENO) == 1);
  FirstError error;
  Ledger ledger{writer, progress, verdicts, tally, error};
  const std::string how = runner(s, resumed->done, rows, ledger);
  progress.finish();
  if (const auto& e = error.get()) {
    err << e->message << "\n";
    return e->exit_code;
  }
  return finish(
      s, writer, verdicts, tally,
      fmt::format("{} run now {} in {}", rows - resumed->done, how, format_duration_s(progress.elapsed_s())),
      out, err);
}

#ifdef CHOREO_WITH_MPI
// A result on the wire: "E" and the error, or "1"/"0" (holds) and the summary.
std::string encode(const RunResult& r) {
  std::string bytes(1, !r.error.empty() ? 'E' : r.holds ? '1' : '0');
  bytes.append(r.error.empty() ? r.summary.dump() : r.error);
  return bytes;
}

RunResult decode(const std::string& bytes) {
  if (bytes.starts_with("E")) return {bytes.substr(1), {}, false};
  return {"", nlohmann::json::parse(bytes.substr(1)), bytes.starts_with("1")};
}

// Under mpirun: every rank loads the MPI module and checks the command;
// rank 0 runs the sweep with the other ranks as workers (sweep_mpi.h); only
// rank 0 prints.
int sweep_on_mpi(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const bool root = mpirun_rank() == 0;
  std::string why;
  const MpiModule* mpi = load_mpi_module(why);
  if (mpi == nullptr) {
    if (root) err << "choreo sweep: started by mpirun, but " << why << "\n";
    return kExitBadInput;
  }
  std::ostringstream quiet;
  auto built = build_sweep(args, root ? out : quiet, root ? err : quiet);
  const int* code = std::get_if<int>(&built);
  const std::unique_ptr<MpiJob, void (*)(MpiJob*)> job(mpi->open_job(), mpi->close_job);
  if (!mpi->all(*job, code == nullptr)) return code != nullptr ? *code : kExitBadInput;
  const Sweep& s = std::get<Sweep>(built);
  const auto compute = [&](std::size_t position) { return encode(compute_run(s, position)); };
  if (mpi->rank(*job) != 0) {
    mpi->serve_runs(compute);
    return kExitHolds;
  }
  bool coordinated = false;
  const Runner on_ranks = [&](const Sweep&, std::size_t first, std::size_t end, Ledger& ledger) {
    coordinated = true;
    mpi->coordinate_runs(*job, first, end, compute, [&](std::size_t position, const std::string& bytes) {
      return record_run(s, position, decode(bytes), ledger);
    });
    return fmt::format("on {} MPI ranks", mpi->size(*job));
  };
  const int exit = execute(s, on_ranks, out, err);
  if (!coordinated) mpi->coordinate_runs(*job, 0, 0, compute, nullptr);  // release the waiting ranks
  return exit;
}
#endif

}  // namespace

int sweep_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
#ifdef CHOREO_WITH_MPI
  if (launched_by_mpirun()) return sweep_on_mpi(args, out, err);
#else
  if (mpirun_size() > 1) {
    if (mpirun_rank() == 0)
      err << "choreo sweep: started by mpirun with " << mpirun_size()
          << " ranks, but this choreo was built without MPI (install libopenmpi-dev and rebuild; CMake "
             "option CHOREO_MPI), so every rank would run the whole sweep into one CSV\n";
    return kExitBadInput;
  }
#endif
  auto built = build_sweep(args, out, err);
  if (const int* code = std::get_if<int>(&built)) return *code;
  return execute(std::get<Sweep>(built), run_here, out, err);
}

}  // namespace choreo::cli
