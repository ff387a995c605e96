// `choreo run`; see run_command.h.
#include "cli/run_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "cli/coverage_text.h"
#include "cli/exit_codes.h"
#include "cli/explain_run.h"
#include "cli/fate_log.h"
#include "cli/options.h"
#include "cli/output_file.h"
#include "cli/run_one.h"
#include "cli/run_progress.h"
#include "cli/run_report.h"
#include "cli/summary_text.h"
#include "cli/trace_filter.h"
#include "sim/text.h"

namespace po = boost::program_options;

namespace choreo::cli {

namespace {

struct RunArgs {
  std::string scenario;
  std::string seed;
  bool seed_given = false;  // --seed '' is an error, not "no seed"
  std::vector<std::string> sets;
  std::string out_dir;
  std::string trace_file;
  std::string report;
  std::vector<std::string> trace_filters;
  bool trace_engine = false;
  bool json = false;
  bool verbose = false;
  bool progress = false;
  bool help = false;
};

po::options_description run_options(RunArgs& a) {
  po::options_description d("Options");
  d.add_options()("seed", po::value(&a.seed)->value_name("N")->notifier([&a](const std::string&) {
    a.seed_given = true;
  }),
                  "run seed (default: the scenario's run.seed, else 1)")(
      "set", po::value(&a.sets)->value_name("SECTION.KEY=VALUE")->composing(),
      "override a scenario key; repeatable, later wins (see `choreo keys`)")(
      "out", po::value(&a.out_dir)->value_name("DIR"),
      "where summary.json and timeseries.csv go (default: out/<scenario name>)")(
      "trace", po::value(&a.trace_file)->value_name("FILE"),
      "write the trace as JSON Lines to FILE, or to stdout for '-' (the report then goes to stderr; "
      "default: none; README: The trace file)")(
      "trace-filter", po::value(&a.trace_filters)->value_name("TERM[,TERM...]")->composing(),
      "write only matching trace lines: key=story:6 (user, comment, story, chapter, paragraph), "
      "replica=NAME, from=10s, to=20s, kind=process; repeatable, all must hold")(
      "trace-engine", po::bool_switch(&a.trace_engine),
      "also trace every engine event (node, kind, opaque arg): for debugging the engine")(
      "report", po::value(&a.report)->value_name("FILE"),
      "also write a one-file HTML report to FILE: verdict, tables, time series, the explanation of each "
      "diverged replica (also DIR/explain.txt) and a message sequence diagram (README: The HTML report)")(
      "json", po::bool_switch(&a.json), "print summary.json to stdout instead of the readable report")(
      "verbose,v", po::bool_switch(&a.verbose),
      "list every resolved option in the header (default: only those not at their defaults)")(
      "progress", po::bool_switch(&a.progress),
      "show progress on stderr even when it is not a terminal (default: on a terminal only)")(
      "help,h", po::bool_switch(&a.help), "show this help");
  return d;
}

void print_run_help(const po::options_description& d, std::ostream& out) {
  out << "Usage: choreo run SCENARIO.ini [options]\n\n"
         "Runs one scenario with one seed. Prints the seed and the options that differ\n"
         "from their defaults (--verbose: every option), the results, and a verdict\n"
         "with the command that replays the run; writes summary.json and\n"
         "timeseries.csv under the out dir.\n\n"
      << d
      << "\nExit status: 0 every expectation holds, 1 one is violated, 2 bad input,\n"
         "3 internal error, 4 an output write failed (disk full).\n\n"
         "Examples:\n"
         "  choreo run scenarios/default.ini --seed 7\n"
         "  choreo run scenarios/default.ini --seed 7 --set broker.duplicate=5% --out out/dup5\n";
}

// Writes summary.json and, if the model samples, timeseries.csv; each whole or not at all.
OutputStatus write_outputs(const std::string& dir, const RunOutcome& outcome) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return OutputError{
        fmt::format("--out {}: cannot create directory: {}", sim::printable(dir), ec.message()),
        kExitBadInput};
  }
  if (auto e = write_file_atomically(dir, "summary.json", outcome.summary.dump(2) + "\n", "--out")) return e;
  std::ostringstream series;
  if (outcome.model->write_time_series(series)) {
    return write_file_atomically(dir, "timeseries.csv", series.str(), "--out");
  }
  std::filesystem::remove(dir + "/timeseries.csv", ec);  // a stale one from another model
  return std::nullopt;
}

// Why --report cannot be made, said before the run; nothing without --report.
OutputStatus check_report_args(const RunArgs& a) {
  if (a.report.empty()) return std::nullopt;
  if (a.trace_file == "-") {
    return OutputError{"--report: the report reads the trace from a file; give --trace FILE, or no --trace",
                       kExitBadInput};
  }
  return check_report(a.report);
}

// The trace file's lines pass `filter`; `log`, if any, sees every line.
sim::TraceOptions trace_options(const RunArgs& a, const TraceFilter& filter, FateLog* log) {
  sim::TraceOptions options;
  options.engine_events = a.trace_engine;
  if (!filter.empty() || log != nullptr) {
    options.keep = [filter, log](const sim::TraceLine& line) {
      if (log != nullptr) log->record(line);
      return filter.keep(line);
    };
  }
  return options;
}

// The HTML report of the run, its explanation as `choreo explain` prints it.
OutputStatus report_run(const std::string& report, const std::string& dir, const std::string& trace,
                        const Scenario& scenario, const RunOutcome& outcome, const FateLog& log) {
  const std::string header = fmt::format("explain: {} seed {} (trace hash {})\n", scenario.path,
                                         scenario.seed, outcome.summary.at("trace_hash").get<std::string>());
  return write_report(report, dir, trace, header + explain_run(outcome.summary, log, ExplainSelection{}));
}

// Progress on a terminal, or anywhere with --progress; else none.
std::optional<RunProgress> make_progress(const RunArgs& a, const Scenario& scenario, std::ostream& err) {
  const bool tty = ::isatty(STDERR_FILENO) == 1;
  if (!tty && !a.progress) return std::nullopt;
  return std::optional<RunProgress>(
      std::in_place, err, tty,
      sim::add_time(scenario.config.duration("run.duration"), scenario.config.duration("run.settle")));
}

// Runs the scenario, reporting to `progress` if there is one.
sim::Result<RunOutcome> run_watched(const Scenario& scenario, std::ostream* trace,
                                    sim::TraceOptions trace_options, std::optional<RunProgress>& progress) {
  if (!progress) return run_scenario(scenario, trace, std::move(trace_options));
  RunWatcher watcher{[&] { progress->building(); }, [&](const sim::Simulation& s) { progress->observe(s); },
                     RunProgress::kEveryEvents};
  auto outcome = run_scenario(scenario, trace, std::move(trace_options), &watcher);
  progress->finish();
  return outcome;
}

// summary.json on stdout (--json), or the readable results, verdict and replay command.
void print_outcome(const RunArgs& a, const Scenario& scenario, const RunOutcome& outcome,
                   const std::string& dir, std::ostream& out, std::ostream& report) {
  const bool holds = outcome.expectations_hold;
  if (a.json) {
    out << outcome.summary.dump(2) << "\n";
  } else {
    print_results(outcome.summary, report);
    const auto& ex = outcome.summary.at("expectations");
    const auto held = std::count_if(ex.begin(), ex.end(),
                                    [](const nlohmann::json& e) { return e.at("holds").get<bool>(); });
    report << fmt::format("verdict: {} ({} of {} expectations hold; wrote {}/summary.json)\n",
                          holds ? "PASS" : "FAIL", held, ex.size(), dir);
    if (!a.report.empty())
      report << "report: " << a.report << " (the explanation: " << dir << "/explain.txt)\n";
    report << "replay: " << replay_command(scenario) << "\n";
  }
}

int execute(const RunArgs& a, std::ostream& out, std::ostream& err) {
  auto scenario = load_scenario(a.scenario, a.sets, a.seed);
  if (!scenario) {
    err << scenario.error().message << "\n";
    return kExitBadInput;
  }
  auto progress = make_progress(a, *scenario, err);
  if (progress && !scenario->config.open_entries("expect").empty()) progress->checking();
  if (auto checked = check_expect_paths(*scenario); !checked) {
    if (progress) progress->finish();
    err << checked.error().message << "\n";
    return kExitBadInput;
  }
  auto filter = parse_trace_filter(a.trace_filters, scenario->config);
  if (!filter) {
    err << filter.error().message << "\n";
    return kExitBadInput;
  }
  const bool trace_to_stdout = a.trace_file == "-";
  if (trace_to_stdout && a.json) {
    err << "--trace -: --json prints summary.json to stdout too; give --trace a file\n";
    return kExitBadInput;
  }
  std::ostream& report = trace_to_stdout ? err : out;

  if (auto unusable = check_report_args(a)) {
    err << unusable->message << "\n";
    return unusable->exit_code;
  }
  const std::string dir = a.out_dir.empty() ? "out/" + scenario->name : a.out_dir;
  // A report without --trace traces to DIR/trace.jsonl (`choreo explain DIR` reads it too).
  const std::string trace_path = !a.trace_file.empty() ? a.trace_file
                                 : !a.report.empty()   ? dir + "/trace.jsonl"
                                                       : "";
  std::ofstream trace;
  if (!trace_path.empty() && !trace_to_stdout) {
    if (auto e = open_checked(trace, "--trace", trace_path)) {
      err << e->message << "\n";
      return e->exit_code;
    }
  }
  if (!a.json) print_header(*scenario, a.verbose, report);
  FateLog log;  // what the report explains: every line, filtered or not
  std::ostream* trace_out = trace_path.empty() ? nullptr : trace_to_stdout ? &out : &trace;
  auto outcome = run_watched(*scenario, trace_out,
                             trace_options(a, *filter, a.report.empty() ? nullptr : &log), progress);
  if (!outcome) {
    err << outcome.error().message << "\n";
    return kExitBadInput;
  }
  // Nothing reports success after losing data: a failed write ends the run here.
  OutputStatus failed = write_outputs(dir, *outcome);
  if (!trace_path.empty() && !trace_to_stdout) {
    if (auto e = close_checked(trace, "--trace", trace_path); e && !failed) failed = e;
  }
  if (!a.report.empty() && !failed) failed = report_run(a.report, dir, trace_path, *scenario, *outcome, log);
  if (failed) {
    err << failed->message << "\n";
    return failed->exit_code;
  }
  for (const std::string& line : inert_fault_warnings(outcome->summary)) err << line << "\n";
  print_outcome(a, *scenario, *outcome, dir, out, report);
  return outcome->expectations_hold ? kExitHolds : kExitViolated;
}

}  // namespace

int run_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  RunArgs a;
  auto visible = run_options(a);
  po::options_description all;
  all.add(visible).add_options()("scenario", po::value(&a.scenario));
  po::positional_options_description positional;
  positional.add("scenario", 1);
  if (auto parsed = parse_args(args, all, positional, "choreo run"); !parsed) {
    err << parsed.error().message << "\n";
    return kExitBadInput;
  }
  if (a.help) {
    print_run_help(visible, out);
    return kExitHolds;
  }
  if (a.scenario.empty()) {
    err << "choreo run: missing SCENARIO.ini (try: choreo run scenarios/default.ini; choreo run --help)\n";
    return kExitBadInput;
  }
  if (a.seed_given) {
    if (auto seed = parse_seed(a.seed); !seed) {
      err << seed.error().message << "\n";
      return kExitBadInput;
    }
  }
  return execute(a, out, err);
}

}  // namespace choreo::cli
